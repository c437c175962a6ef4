import { SitesManager } from '@/modules/sites/sites-manager';

export const metadata = { title: 'Sites · ChatIQ' };

export default function SitesPage() {
  return <SitesManager />;
}
