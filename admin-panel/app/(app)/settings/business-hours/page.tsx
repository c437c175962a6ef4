import { pageTitle } from '@/i18n/page-title';
import { BusinessHoursTab } from '@/modules/settings/business-hours/business-hours-tab';

export const generateMetadata = pageTitle('settings', 'tabs.business-hours');

export default function Page() {
  return <BusinessHoursTab />;
}
