'use client';

import { useFormatter } from 'next-intl';
import { useMemo } from 'react';

/**
 * Dates, times and sizes in the operator's language and in the browser's time zone (the inbox
 * renders messages in the browser only, so the server's zone must not leak in).
 */
export function useLocalFormat() {
  const format = useFormatter();
  return useMemo(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      time: (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit', timeZone }),
      dateTime: (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      bytes: (size: number) =>
        size < 1024
          ? format.number(size, { style: 'unit', unit: 'byte', unitDisplay: 'short' })
          : size < 1024 * 1024
            ? format.number(Math.round(size / 1024), { style: 'unit', unit: 'kilobyte' })
            : format.number(size / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
    };
  }, [format]);
}
