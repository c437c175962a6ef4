'use client';

import { type MemberDto, type Role, roleSchema, type SiteDto } from '@chatiq/contracts';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { FormError } from '@/lib/forms/form-messages';
import { Avatar } from '@/modules/ui/avatar';
import { SiteCheckboxes } from './site-checkboxes';
import { memberRights, seesAllSites } from './team-rules';

/** One member: role, sites (operators), active; each change is saved at once. */
export function MemberRow({
  member,
  caller,
  sites,
  onChanged,
}: {
  member: MemberDto;
  caller: { id: string; role: Role };
  sites: SiteDto[];
  onChanged: (member: MemberDto) => void;
}) {
  const t = useTranslations('settings.team');
  const format = useFormatter();
  const api = useApi();
  const rights = memberRights(caller, member);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function update(body: { role?: Role; siteIds?: string[]; active?: boolean }) {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await api<MemberDto>(`/team/members/${encodeURIComponent(member.id)}`, { method: 'PATCH', body }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="member" className={member.active ? undefined : 'inactive'}>
      <td>
        <span className="member-name">
          <Avatar name={member.name} url={member.avatarUrl} />
          <strong>{member.name}</strong>
        </span>
        {member.id === caller.id && <span className="muted"> {t('you')}</span>}
        <br />
        <span className="muted">{member.email}</span>
      </td>
      <td>
        {rights.roles.length > 1 ? (
          <select
            aria-label={t('roleOf', { name: member.name })}
            value={member.role}
            disabled={busy}
            onChange={(e) => void update({ role: roleSchema.parse(e.target.value) })}
          >
            {rights.roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      <td>
        {seesAllSites(member.role) ? (
          <span className="muted">{t('allSites')}</span>
        ) : rights.sites ? (
          <SiteCheckboxes
            sites={sites}
            value={member.siteIds}
            disabled={busy}
            label={t('sitesOf', { name: member.name })}
            onChange={(siteIds) => void update({ siteIds })}
          />
        ) : (
          sites
            .filter((s) => member.siteIds.includes(s.id))
            .map((s) => s.name)
            .join(', ') || <span className="muted">{t('noSitesAssigned')}</span>
        )}
      </td>
      <td>
        <span className={`badge ${member.active ? 'open' : 'resolved'}`}>{member.active ? t('active') : t('inactive')}</span>
        {member.lastLoginAt && (
          <div className="muted small">
            {t('lastLogin', { when: format.dateTime(new Date(member.lastLoginAt), { dateStyle: 'medium' }) })}
          </div>
        )}
      </td>
      <td>
        {rights.deactivate &&
          (member.active ? (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('confirmDeactivate', { name: member.name }))) void update({ active: false });
              }}
            >
              {t('deactivate')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void update({ active: true })}>
              {t('reactivate')}
            </button>
          ))}
        <FormError error={failure} />
      </td>
    </tr>
  );
}
