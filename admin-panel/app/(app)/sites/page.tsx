import { pageTitle } from '@/i18n/page-title';
import { SitesManager } from '@/modules/sites/sites-manager';

export const generateMetadata = pageTitle('sites', 'title');

export default function SitesPage() {
  return <SitesManager />;
}
