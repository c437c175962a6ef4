'use client';

import type { ProfileDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { NotificationControls } from '@/modules/inbox/notification-controls';
import { useNotificationSettings } from '@/modules/inbox/use-notification-settings';
import { AvatarEditor } from './avatar-editor';
import { NameForm } from './name-form';
import { PasswordForm } from './password-form';

/** The signed-in member's own page: display name, picture, password, notifications. */
export function ProfilePage() {
  const t = useTranslations('profile');
  const common = useTranslations('common');
  const profile = useResource<ProfileDto>('/profile');
  const notifications = useNotificationSettings();
  return (
    <div className="page stack">
      <h1>{t('title')}</h1>
      {!profile.data ? (
        profile.error ? (
          <FormError error={profile.error} />
        ) : (
          <p className="muted">{common('loading')}</p>
        )
      ) : (
        <>
          <NameForm profile={profile.data} onSaved={profile.setData} />
          <AvatarEditor profile={profile.data} onSaved={profile.setData} />
          <PasswordForm hasPassword={profile.data.hasPassword} />
        </>
      )}
      <section className="card stack" aria-labelledby="profile-notifications">
        <h2 id="profile-notifications">{t('notifications.title')}</h2>
        <p className="muted">{t('notifications.hint')}</p>
        <NotificationControls settings={notifications} />
      </section>
    </div>
  );
}
