import { AnalyticsPage } from '@/modules/analytics/analytics-page';

export const metadata = { title: 'Analytics · ChatIQ' };

export default function Analytics() {
  return <AnalyticsPage />;
}
