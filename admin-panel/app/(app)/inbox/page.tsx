import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Inbox } from '@/modules/inbox/inbox';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('pageTitle') };
}

/**
 * `?chat=<id>` opens that chat (the Live visitors page links here after a proactive message),
 * `&view=details` the visitor's details; the inbox keeps the address up to date itself.
 */
export default function InboxPage() {
  return <Inbox />;
}
