import { pageTitle } from '@/i18n/page-title';
import { WidgetAppearanceTab } from '@/modules/settings/widget/widget-appearance-tab';

export const generateMetadata = pageTitle('settings', 'tabs.widget');

export default function Page() {
  return <WidgetAppearanceTab />;
}
