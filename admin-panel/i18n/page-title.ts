import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Namespace } from './namespaces';

/**
 * A page's `generateMetadata` that titles it in the request's language:
 * `export const generateMetadata = pageTitle('sites', 'title');`
 */
export function pageTitle(namespace: Namespace, key: string): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations(namespace);
    return { title: `${t(key)} · ChatIQ` };
  };
}
