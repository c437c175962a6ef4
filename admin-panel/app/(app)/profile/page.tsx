import { pageTitle } from '@/i18n/page-title';
import { ProfilePage } from '@/modules/profile/profile-page';

export const generateMetadata = pageTitle('profile', 'title');

export default function Profile() {
  return <ProfilePage />;
}
