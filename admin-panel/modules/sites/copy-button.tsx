'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so for a moment ("Copied"; "Copy failed" without clipboard access). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const t = useTranslations('sites');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <button type="button" onClick={copy} data-testid={testId} aria-live="polite">
      {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : label}
    </button>
  );
}
