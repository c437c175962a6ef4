import { Inbox } from '@/modules/inbox/inbox';

export const metadata = { title: 'Inbox · ChatIQ' };

export default function InboxPage() {
  return <Inbox />;
}
