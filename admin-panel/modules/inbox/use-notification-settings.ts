'use client';

import type { ProfileDto } from '@chatiq/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { unlockSound } from './notification-sound';

const MUTED_KEY = 'chatiq_inbox_muted';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

function readPermission(): NotificationPermissionState {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * The operator's alert settings: muted (sound and browser notifications off), kept for the member
 * on the API (`notificationsMuted` of `/profile`: the same on every device) with a copy in
 * localStorage (known at once, and shared with the other tabs), and the browser's notification
 * permission, asked for only from a button (the inbox and the profile page show them).
 */
export function useNotificationSettings() {
  const api = useApi();
  const [muted, setMutedState] = useState(false);
  const [permission, setPermission] = useState<NotificationPermissionState>('unsupported');

  useEffect(() => {
    let cancelled = false;
    api<ProfileDto>('/profile')
      .then((profile) => {
        if (cancelled) return;
        setMutedState(profile.notificationsMuted);
        localStorage.setItem(MUTED_KEY, String(profile.notificationsMuted));
      })
      .catch(() => {}); // the local copy stands
    return () => {
      cancelled = true;
    };
  }, [api]);

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

  const setMuted = useCallback(
    (value: boolean) => {
      setMutedState(value);
      localStorage.setItem(MUTED_KEY, String(value));
      api('/profile', { method: 'PATCH', body: { notificationsMuted: value } }).catch(() => {});
    },
    [api],
  );

  const requestPermission = useCallback(async () => {
    unlockSound();
    if (!('Notification' in window)) return;
    setPermission(await Notification.requestPermission());
  }, []);

  return { muted, setMuted, permission, requestPermission };
}
