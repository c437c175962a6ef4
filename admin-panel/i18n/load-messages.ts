import type { Locale } from './locales';
import { NAMESPACES } from './namespaces';

export type Messages = Record<string, Record<string, unknown>>;

/** Every namespace's messages for a language, as next-intl expects them ({ namespace: { key: text } }). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const file = (await import(`../messages/${locale}/${namespace}.json`)) as { default: Record<string, unknown> };
      return [namespace, file.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}
