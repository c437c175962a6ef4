'use client';

import {
  type CreatedInvitationDto,
  type CreateInvitationBody,
  createInvitationBodySchema,
  type InviteRole,
  type SiteDto,
} from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import { errorAt, type FieldErrors, fieldErrorsFromApiError, fieldErrorsFromIssues, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { CopyButton } from '@/modules/sites/copy-button';
import { SiteCheckboxes } from './site-checkboxes';
import { defaultSiteIds } from './team-rules';

/**
 * Invite someone by email with a role (and sites, for an operator); the API mails the link. When
 * the API sends no mail, its answer carries the link: shown once, to copy and pass on.
 */
export function InviteForm({ roles, sites, onInvited }: { roles: InviteRole[]; sites: SiteDto[]; onInvited: () => void }) {
  const t = useTranslations('settings.team');
  const api = useApi();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InviteRole>('OPERATOR');
  const [picked, setPicked] = useState<string[] | null>(null);
  // Until the inviter ticks or unticks a box, the only site (when there is one) is ticked.
  const siteIds = picked ?? defaultSiteIds(sites);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; link?: string } | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSent(null);
    const body: CreateInvitationBody = { email, role, ...(role === 'OPERATOR' ? { siteIds } : {}) };
    const parsed = createInvitationBodySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const created = await api<CreatedInvitationDto>('/team/invitations', { body: parsed.data });
      setSent({ email: parsed.data.email, link: created.link });
      setEmail('');
      setPicked(null);
      onInvited();
    } catch (e) {
      const fieldErrors = fieldErrorsFromApiError(e);
      if (fieldErrors) setErrors(fieldErrors);
      else if (e instanceof ApiError && e.body.code === 'email_taken') setErrors({ email: 'email_taken' });
      else setFailure(e);
    } finally {
      setSending(false);
    }
  }

  const emailError = errorAt(errors, 'email');
  return (
    <form className="stack invite-member-form" onSubmit={submit} noValidate aria-label={t('inviteTitle')}>
      <label>
        {t('email')}
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(emailError)}
          autoComplete="off"
        />
        {emailError === 'email_taken' ? (
          <span className="field-error" role="alert">
            {t('emailTaken')}
          </span>
        ) : (
          <FieldError message={emailError} />
        )}
      </label>
      <label>
        {t('role')}
        <select value={role} onChange={(e) => setRole(e.target.value as InviteRole)} disabled={roles.length < 2}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <span className="hint">{t(`roleHints.${role}`)}</span>
      </label>
      {role === 'OPERATOR' && (
        <div>
          <span className="label">{t('sites')}</span>
          <SiteCheckboxes sites={sites} value={siteIds} label={t('sites')} onChange={setPicked} />
          <FieldError message={errorAt(errors, 'siteIds')} />
        </div>
      )}
      <FormError error={failure} messages={unclaimedErrors(errors, ['email', 'siteIds'])} />
      {sent && !sent.link && (
        <output className="saved-note" data-testid="invitation-sent">
          {t('invitationSent', { email: sent.email })}
        </output>
      )}
      {sent?.link && (
        <div className="invitation-link" data-testid="invitation-link">
          <p>{t('invitationLink', { email: sent.email })}</p>
          <input type="text" readOnly value={sent.link} aria-label={t('copyLink')} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={sent.link} label={t('copyLink')} testId="copy-invitation-link" />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('sending') : t('sendInvitation')}
        </button>
      </div>
    </form>
  );
}
