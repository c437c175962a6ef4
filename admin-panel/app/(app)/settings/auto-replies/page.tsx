import { pageTitle } from '@/i18n/page-title';
import { AutoRepliesTab } from '@/modules/settings/auto-replies/auto-replies-tab';

export const generateMetadata = pageTitle('settings', 'tabs.auto-replies');

export default function Page() {
  return <AutoRepliesTab />;
}
