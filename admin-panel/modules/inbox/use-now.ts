'use client';

import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs` (so "5 min" ages become "6 min" as time passes). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
