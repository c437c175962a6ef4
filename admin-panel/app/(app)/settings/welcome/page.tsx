import { pageTitle } from '@/i18n/page-title';
import { WelcomeMessagesTab } from '@/modules/settings/welcome/welcome-messages-tab';

export const generateMetadata = pageTitle('settings', 'tabs.welcome');

export default function Page() {
  return <WelcomeMessagesTab />;
}
