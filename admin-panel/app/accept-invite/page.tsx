import { pageTitle } from '@/i18n/page-title';
import { AcceptInvitationForm } from '@/modules/auth/accept-invitation-form';

export const generateMetadata = pageTitle('auth', 'titles.invite');

/** The link the API mails with an invitation: `${ADMIN_URL}/accept-invite?token=…`. */
export default async function AcceptInvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <AcceptInvitationForm token={typeof token === 'string' && token ? token : null} />;
}
