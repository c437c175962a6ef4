'use client';

import { useCallback, useEffect, useState } from 'react';
import { useApi } from './use-api';

export type Resource<T> = {
  data: T | null;
  error: unknown;
  /** Loads again (after a change made elsewhere). */
  reload: () => void;
  /** Replaces the loaded value (with what a save answered). */
  setData: (data: T) => void;
};

/** GET `path` once per path (null: nothing to load yet), with reload and local replacement. */
export function useResource<T>(path: string | null): Resource<T> {
  const api = useApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger.
  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    setError(null);
    api<T>(path)
      .then((value) => {
        if (!cancelled) setData(value);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [api, path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}
