'use client';

import { type ProfileDto, updateProfileBodySchema } from '@chatiq/contracts';
import { useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';

/** The display name: saved on the API, then in the panel's session (the top bar shows it). */
export function NameForm({ profile, onSaved }: { profile: ProfileDto; onSaved: (profile: ProfileDto) => void }) {
  const t = useTranslations('profile.name');
  const common = useTranslations('common');
  const api = useApi();
  const router = useRouter();
  const { update } = useSession();
  const { errors, failure, saving, saved, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('name');
    const changed = await submit(updateProfileBodySchema, { name }, (body) => api<ProfileDto>('/profile', { method: 'PATCH', body }));
    if (!changed) return;
    onSaved(changed);
    await update({ name: changed.name });
    router.refresh();
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="profile-name">
      <h2 id="profile-name">{t('title')}</h2>
      <p className="muted">{t('hint')}</p>
      <label>
        {t('label')}
        <input
          name="name"
          defaultValue={profile.name}
          maxLength={100}
          autoComplete="name"
          aria-invalid={Boolean(errorAt(errors, 'name'))}
          required
        />
        <FieldError message={errorAt(errors, 'name')} />
      </label>
      <FormError error={failure} messages={unclaimedErrors(errors, ['name'])} />
      <div>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? common('saving') : t('save')}
        </button>{' '}
        <SavedNote show={saved} text={t('saved')} />
      </div>
    </form>
  );
}
