'use client';

import { useCallback, useEffect, useState } from 'react';
import { unlockSound } from './notification-sound';

const MUTED_KEY = 'chatiq_inbox_muted';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

function readPermission(): NotificationPermissionState {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * The operator's alert settings: muted (sound and browser notifications off, kept in
 * localStorage) and the browser's notification permission, asked for only from a button.
 */
export function useNotificationSettings() {
  const [muted, setMutedState] = useState(false);
  const [permission, setPermission] = useState<NotificationPermissionState>('unsupported');

  useEffect(() => {
    setMutedState(localStorage.getItem(MUTED_KEY) === 'true');
    setPermission(readPermission());
    const onStorage = (event: StorageEvent) => {
      if (event.key === MUTED_KEY) setMutedState(event.newValue === 'true');
    };
    window.addEventListener('storage', onStorage);
    // Any click lets the chime play later (the audio context needs a user gesture).
    window.addEventListener('pointerdown', unlockSound, { once: true });
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pointerdown', unlockSound);
    };
  }, []);

  const setMuted = useCallback((value: boolean) => {
    setMutedState(value);
    localStorage.setItem(MUTED_KEY, String(value));
  }, []);

  const requestPermission = useCallback(async () => {
    unlockSound();
    if (!('Notification' in window)) return;
    setPermission(await Notification.requestPermission());
  }, []);

  return { muted, setMuted, permission, requestPermission };
}
