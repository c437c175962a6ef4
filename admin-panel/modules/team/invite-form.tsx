'use client';

import { type CreateInvitationBody, createInvitationBodySchema, type InviteRole, type SiteDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import {
  errorAt,
  type FieldErrors,
  fieldErrorsFromApiError,
  fieldErrorsFromIssues,
  unclaimedErrors,
} from '@/modules/settings/field-errors';
import { FieldError, FormError } from '@/modules/settings/form-messages';
import { useApi } from '@/modules/settings/use-api';
import { SiteCheckboxes } from './site-checkboxes';

/** Invite someone by email with a role (and sites, for an operator); the API mails the link. */
export function InviteForm({ roles, sites, onInvited }: { roles: InviteRole[]; sites: SiteDto[]; onInvited: () => void }) {
  const t = useTranslations('settings.team');
  const api = useApi();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InviteRole>('OPERATOR');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
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
      await api('/team/invitations', { body: parsed.data });
      setSent(parsed.data.email);
      setEmail('');
      setSiteIds([]);
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
          <SiteCheckboxes sites={sites} value={siteIds} label={t('sites')} onChange={setSiteIds} />
        </div>
      )}
      <FormError error={failure} messages={unclaimedErrors(errors, ['email'])} />
      {sent && (
        <output className="saved-note" data-testid="invitation-sent">
          {t('invitationSent', { email: sent })}
        </output>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('sending') : t('sendInvitation')}
        </button>
      </div>
    </form>
  );
}
