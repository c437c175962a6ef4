import { pageTitle } from '@/i18n/page-title';
import { TemplatesTab } from '@/modules/settings/templates/templates-tab';

export const generateMetadata = pageTitle('settings', 'tabs.templates');

export default function Page() {
  return <TemplatesTab />;
}
