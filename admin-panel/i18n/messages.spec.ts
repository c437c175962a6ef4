import { describe, expect, it } from 'vitest';
import { loadMessages } from './load-messages';
import { LOCALES } from './locales';

/** Every key path of a nested messages object, e.g. "inbox.composer.send". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

/** The {placeholders} of a message, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? '').sort();
}

describe('admin panel messages', () => {
  it('has the same keys in every language', async () => {
    const [reference, ...others] = await Promise.all(LOCALES.map(loadMessages));
    const expected = keyPaths(reference).sort();
    expect(expected.length).toBeGreaterThan(10);
    for (const messages of others) expect(keyPaths(messages).sort()).toEqual(expected);
  });

  it('uses the same placeholders in every language, and no empty text', async () => {
    const all = await Promise.all(LOCALES.map(loadMessages));
    const [reference] = all;
    const get = (messages: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
    for (const path of keyPaths(reference)) {
      const texts = all.map((messages) => get(messages, path));
      for (const text of texts) expect(text.trim(), path).not.toBe('');
      for (const text of texts.slice(1)) expect(placeholders(text), path).toEqual(placeholders(texts[0] ?? ''));
    }
  });
});
