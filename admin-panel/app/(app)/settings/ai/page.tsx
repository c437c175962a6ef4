import { pageTitle } from '@/i18n/page-title';
import { AiSettingsTab } from '@/modules/settings/ai/ai-settings-tab';

export const generateMetadata = pageTitle('settings', 'tabs.ai');

export default function Page() {
  return <AiSettingsTab />;
}
