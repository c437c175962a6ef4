'use client';

import {
  AVATAR_ACCEPT,
  AVATAR_FILE_FIELD,
  AVATAR_MAX_BYTES,
  AVATAR_MIME_TYPES,
  type ErrorBody,
  formatBytes,
  type ProfileDto,
} from '@chatiq/contracts';
import { useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { type ChangeEvent, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useApi } from '@/lib/api/use-api';
import { useClientConfig } from '@/lib/client-config';
import { FormError, SavedNote } from '@/lib/forms/form-messages';
import { Avatar } from '@/modules/ui/avatar';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; what: 'saved' | 'removed' }
  | { kind: 'refused'; text: string }
  | { kind: 'failed'; error: unknown };

/**
 * The member's picture: upload (`POST /profile/avatar`, multipart; the API sniffs the type, crops
 * and resizes) or remove. The type and size are checked here first only to answer at once; the
 * API's answer is what counts.
 */
export function AvatarEditor({ profile, onSaved }: { profile: ProfileDto; onSaved: (profile: ProfileDto) => void }) {
  const t = useTranslations('profile.avatar');
  const locale = useLocale();
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const api = useApi();
  const { update } = useSession();
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'idle' });

  /** The new profile on this page, and its picture in the session (the top bar shows it). */
  async function saved(changed: ProfileDto, what: 'saved' | 'removed') {
    onSaved(changed);
    setState({ kind: 'done', what });
    await update({ avatarUrl: changed.avatarUrl });
    router.refresh();
  }
  const max = formatBytes(AVATAR_MAX_BYTES, locale);

  /** The API's refusal in the reader's words: too large (with the limit it said), not an image, unreadable. */
  function refusal(status: number, body: ErrorBody | null): State {
    if (status === 413 || body?.code === 'payload_too_large')
      return { kind: 'refused', text: t('tooLarge', { max: formatBytes(body?.maxBytes ?? AVATAR_MAX_BYTES, locale) }) };
    if (body?.code === 'validation_failed' && body.issues?.some((i) => i.path[0] === 'file'))
      return { kind: 'refused', text: /could not be read/.test(body.message) ? t('unreadable') : t('badType') };
    return { kind: 'failed', error: new ApiError(status, body ?? { code: 'internal_error', message: `HTTP ${status}` }) };
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.type && !(AVATAR_MIME_TYPES as readonly string[]).includes(file.type))
      return setState({ kind: 'refused', text: t('badType') });
    if (file.size > AVATAR_MAX_BYTES) return setState({ kind: 'refused', text: t('tooLarge', { max }) });
    setState({ kind: 'busy' });
    const form = new FormData();
    form.append(AVATAR_FILE_FIELD, file, file.name);
    try {
      const response = await fetch(`${apiUrl}/profile/avatar`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json().catch(() => null)) as ProfileDto | ErrorBody | null;
      if (!response.ok) return setState(refusal(response.status, body as ErrorBody | null));
      await saved(body as ProfileDto, 'saved');
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  async function remove() {
    setState({ kind: 'busy' });
    try {
      await saved(await api<ProfileDto>('/profile/avatar', { method: 'DELETE' }), 'removed');
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <section className="card stack" aria-labelledby="profile-avatar">
      <h2 id="profile-avatar">{t('title')}</h2>
      <p className="muted">{t('hint', { max })}</p>
      <div className="profile-avatar">
        <Avatar name={profile.name} url={profile.avatarUrl} size="large" />
        <div className="actions">
          <label className="file-button">
            {busy ? t('uploading') : t('choose')}
            <input type="file" accept={AVATAR_ACCEPT} onChange={upload} disabled={busy} data-testid="avatar-input" />
          </label>
          {profile.avatarUrl && (
            <button type="button" onClick={remove} disabled={busy}>
              {t('remove')}
            </button>
          )}
        </div>
      </div>
      {state.kind === 'refused' && (
        <p className="error" role="alert">
          {state.text}
        </p>
      )}
      {state.kind === 'failed' && <FormError error={state.error} />}
      <SavedNote show={state.kind === 'done'} text={state.kind === 'done' ? t(state.what) : ''} />
    </section>
  );
}
