'use client';

import type { InvitationDto, MemberDto, SiteDto } from '@chatiq/contracts';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { useMailConfigured } from '@/modules/auth/use-mail-status';
import { useOperator } from '@/modules/auth/use-operator';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';
import { inviteRoles } from './team-rules';

/** The organization's members and pending invitations (settings → Team). */
export function TeamManager() {
  const t = useTranslations('settings.team');
  const format = useFormatter();
  const caller = useOperator();
  const api = useApi();
  const members = useResource<MemberDto[]>('/team/members');
  const invitations = useResource<InvitationDto[]>('/team/invitations');
  const sites = useResource<SiteDto[]>('/sites');
  const [failure, setFailure] = useState<unknown>(null);
  const mailConfigured = useMailConfigured();
  const siteList = sites.data ?? [];
  const siteNames = (ids: string[]) =>
    siteList
      .filter((s) => ids.includes(s.id))
      .map((s) => s.name)
      .join(', ');

  async function revoke(invitation: InvitationDto) {
    if (!window.confirm(t('confirmRevoke', { email: invitation.email }))) return;
    setFailure(null);
    try {
      await api(`/team/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' });
    } catch (e) {
      setFailure(e);
    }
    invitations.reload();
  }

  return (
    <>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('membersTitle')}</h2>
        <FormError error={members.error} />
        {!members.data && !members.error && <p className="muted">{t('loading')}</p>}
        {members.data && (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('member')}</th>
                  <th>{t('role')}</th>
                  <th>{t('sites')}</th>
                  <th>{t('status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {members.data.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    caller={caller}
                    sites={siteList}
                    onChanged={(changed) => members.setData((members.data ?? []).map((m) => (m.id === changed.id ? changed : m)))}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('inviteTitle')}</h2>
        <p className="muted">{t(mailConfigured === false ? 'inviteIntroNoMail' : 'inviteIntro')}</p>
        <InviteForm roles={inviteRoles(caller.role)} sites={siteList} onInvited={invitations.reload} />
      </section>

      <section className="card" aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t('invitationsTitle')}</h2>
        <FormError error={invitations.error ?? failure} />
        {invitations.data?.length === 0 && <p className="muted">{t('noInvitations')}</p>}
        {invitations.data && invitations.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>{t('email')}</th>
                <th>{t('role')}</th>
                <th>{t('sites')}</th>
                <th>{t('expires')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <tr key={invitation.id} data-testid="invitation">
                  <td>{invitation.email}</td>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>
                    {invitation.role === 'OPERATOR' ? (
                      siteNames(invitation.siteIds) || <span className="muted">{t('noSitesAssigned')}</span>
                    ) : (
                      <span className="muted">{t('allSites')}</span>
                    )}
                  </td>
                  <td>{format.dateTime(new Date(invitation.expiresAt), { dateStyle: 'medium' })}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => revoke(invitation)}>
                      {t('revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
