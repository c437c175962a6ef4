'use client';

import { formatBytes } from '@chatiq/contracts';
import { useFormatter, useLocale } from 'next-intl';
import { useMemo } from 'react';

/**
 * Dates, times and sizes in the operator's language and in the browser's time zone (the inbox
 * renders messages in the browser only, so the server's zone must not leak in).
 */
export function useLocalFormat() {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      time: (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit', timeZone }),
      dateTime: (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      /** The contract's one style for sizes, as the widget and the API write them. */
      bytes: (size: number) => formatBytes(size, locale),
    };
  }, [format, locale]);
}
