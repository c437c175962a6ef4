import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Inbox } from '@/modules/inbox/inbox';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('pageTitle') };
}

/** `?chat=<id>` opens that chat (the Live visitors page links here after a proactive message). */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ chat?: string | string[] }> }) {
  const { chat } = await searchParams;
  return <Inbox key={typeof chat === 'string' ? chat : ''} initialChatId={typeof chat === 'string' ? chat : null} />;
}
