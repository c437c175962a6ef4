import { Inbox } from '@/modules/inbox/inbox';

export const metadata = { title: 'Inbox · ChatIQ' };

/** `?chat=<id>` opens that chat (the Live visitors page links here after a proactive message). */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ chat?: string | string[] }> }) {
  const { chat } = await searchParams;
  return <Inbox key={typeof chat === 'string' ? chat : ''} initialChatId={typeof chat === 'string' ? chat : null} />;
}
