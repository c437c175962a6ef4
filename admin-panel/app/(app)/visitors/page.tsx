import { LiveVisitors } from '@/modules/visitors/live-visitors';

export const metadata = { title: 'Live visitors · ChatIQ' };

export default function VisitorsPage() {
  return <LiveVisitors />;
}
