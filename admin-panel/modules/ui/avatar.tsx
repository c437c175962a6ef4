'use client';

import { useClientConfig } from '@/lib/client-config';

/** "Olena Petrenko" → "OP", "олена" → "О"; whole characters (an emoji or an accent is not cut). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letter = (word: string | undefined) => (word ? ([...word.normalize('NFC')][0] ?? '') : '');
  const result = letter(words[0]) + (words.length > 1 ? letter(words[words.length - 1]) : '');
  return result.toLocaleUpperCase() || '?';
}

/**
 * A member's picture (`avatarUrl`: its path on the API, from the contract), else their initials in
 * a circle. Decorative: the name is always written beside it.
 */
export function Avatar({ name, url, size = 'small' }: { name: string; url: string | null | undefined; size?: 'small' | 'large' }) {
  const { apiUrl } = useClientConfig();
  const className = `avatar avatar-${size}`;
  if (url) {
    // biome-ignore lint/performance/noImgElement: a small picture from the API, already resized there.
    return <img className={className} src={`${apiUrl}${url}`} alt="" data-testid="avatar-image" />;
  }
  return (
    <span className={`${className} avatar-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
