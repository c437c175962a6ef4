'use client';

import { useTranslations } from 'next-intl';
import { useMailConfigured } from '@/modules/auth/use-mail-status';

/**
 * Tells owners and admins that the API sends no mail (no `SMTP_URL`): no password reset links,
 * invitations only by a link they pass on, no follow-ups or transcripts by mail.
 */
export function MailBanner() {
  const t = useTranslations('shell.mailBanner');
  if (useMailConfigured() !== false) return null;
  return (
    <div className="mail-banner" role="status" data-testid="mail-banner">
      <strong>{t('title')}</strong> {t('text')}
    </div>
  );
}
