import { pageTitle } from '@/i18n/page-title';
import { AnalyticsPage } from '@/modules/analytics/analytics-page';

export const generateMetadata = pageTitle('analytics', 'title');

export default function Analytics() {
  return <AnalyticsPage />;
}
