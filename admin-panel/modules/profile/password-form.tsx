'use client';

import { changePasswordBodySchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';

/** Changes the password (`POST /auth/password`): the API signs the other sessions out and keeps this one. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('profile.password');
  const auth = useTranslations('auth');
  const common = useTranslations('common');
  const api = useApi();
  const { errors, failure, saving, saved, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const changed = await submit(
      changePasswordBodySchema,
      { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') },
      async (body) => {
        await api('/auth/password', { method: 'POST', body });
        return true;
      },
      { also: data.get('newPassword') === data.get('repeat') ? {} : { repeat: t('differ') } },
    );
    if (changed) form.reset();
  }

  if (!hasPassword) {
    return (
      <section className="card" aria-labelledby="profile-password">
        <h2 id="profile-password">{t('title')}</h2>
        <p className="muted">{t('none')}</p>
      </section>
    );
  }
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="profile-password">
      <h2 id="profile-password">{t('title')}</h2>
      <p className="muted">{t('hint')}</p>
      <label>
        {t('current')}
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errorAt(errors, 'currentPassword'))}
          required
        />
        <FieldError message={errorAt(errors, 'currentPassword')} />
      </label>
      <label>
        {t('new')}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(errorAt(errors, 'newPassword'))}
          required
        />
        <FieldError message={errorAt(errors, 'newPassword')} />
      </label>
      <label>
        {auth('fields.repeatPassword')}
        <input name="repeat" type="password" autoComplete="new-password" aria-invalid={Boolean(errorAt(errors, 'repeat'))} required />
        <FieldError message={errorAt(errors, 'repeat')} />
      </label>
      <FormError error={failure} messages={unclaimedErrors(errors, ['currentPassword', 'newPassword', 'repeat'])} />
      <div>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? common('saving') : t('save')}
        </button>{' '}
        <SavedNote show={saved} text={t('saved')} />
      </div>
    </form>
  );
}
