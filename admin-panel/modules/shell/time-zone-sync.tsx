'use client';

import { isTimeZone } from '@chatiq/contracts';
import { useRouter } from 'next/navigation';
import { useTimeZone } from 'next-intl';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/i18n/locales';

/** Tells the server the browser's time zone (a cookie i18n/request.ts reads) when it differs. */
export function TimeZoneSync() {
  const configured = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Zone names are plain cookie characters; one refresh per tab at most, whatever the server does.
    if (!browser || browser === configured || !isTimeZone(browser) || sessionStorage.getItem(TIME_ZONE_COOKIE) === browser) return;
    sessionStorage.setItem(TIME_ZONE_COOKIE, browser);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie read by the server.
    document.cookie = `${TIME_ZONE_COOKIE}=${browser}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [configured, router]);
  return null;
}
