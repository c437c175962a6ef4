import { pageTitle } from '@/i18n/page-title';
import { LiveVisitors } from '@/modules/visitors/live-visitors';

export const generateMetadata = pageTitle('visitors', 'title');

export default function VisitorsPage() {
  return <LiveVisitors />;
}
