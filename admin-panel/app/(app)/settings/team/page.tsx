import { pageTitle } from '@/i18n/page-title';
import { TeamManager } from '@/modules/team/team-manager';

export const generateMetadata = pageTitle('settings', 'tabs.team');

export default function Page() {
  return <TeamManager />;
}
