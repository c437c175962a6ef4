'use client';

import { useTranslations } from 'next-intl';
import type { useNotificationSettings } from './use-notification-settings';

/** Mute alerts, and turn on browser notifications (the permission is only asked from this button). */
export function NotificationControls({ settings }: { settings: ReturnType<typeof useNotificationSettings> }) {
  const t = useTranslations('inbox.notifications');
  return (
    <div className="notification-controls">
      <label className="inline-check">
        <input type="checkbox" checked={settings.muted} onChange={(e) => settings.setMuted(e.target.checked)} />
        {t('mute')}
      </label>
      {settings.permission === 'default' && (
        <button type="button" className="link-button" onClick={() => void settings.requestPermission()}>
          {t('enable')}
        </button>
      )}
      {settings.permission === 'denied' && <span className="muted">{t('blocked')}</span>}
    </div>
  );
}
