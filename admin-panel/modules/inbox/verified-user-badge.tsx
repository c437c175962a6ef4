'use client';

import type { VisitorDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';

/** The visitor proved who they are on the host site (`chtq.setUser` with a valid hash): their user id there. */
export function VerifiedUserBadge({ visitor }: { visitor: VisitorDto }) {
  const t = useTranslations('inbox.visitor');
  if (!visitor.identityVerified || !visitor.externalUserId) return null;
  return (
    <span className="badge verified" data-testid="visitor-verified" title={t('verifiedHint')}>
      <span aria-hidden="true">✓ </span>
      {t('verified', { id: visitor.externalUserId })}
    </span>
  );
}
