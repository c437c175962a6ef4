'use client';

import { type ErrorCode, errorCodeSchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { issueMessage } from './issue-messages';

/** Error codes with their own wording in `common.errors`; the others get the generic text. */
const WORDED: readonly ErrorCode[] = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'site_not_found',
  'email_taken',
  'shortcut_taken',
  'ai_key_rejected',
  'egress_refused',
  'ai_not_configured',
  'ai_unavailable',
  'last_owner',
  'rate_limited',
  'invalid_reset_token',
  'invalid_invitation',
  'database_unavailable',
];

/** A translated sentence for a failed API call (by its contract code), or for a failed connection. */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations('common');
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const code = errorCodeSchema.safeParse(error.body.code);
        if (code.success && WORDED.includes(code.data)) return t(`errors.${code.data}`);
        return t('errors.generic', { message: error.body.message });
      }
      return t('errors.network');
    },
    [t],
  );
}

/** A contract validation message in the panel's language (known ones), else as written. */
export function useIssueText(): (message: string) => string {
  const t = useTranslations('common');
  return useCallback(
    (message: string) => {
      const known = issueMessage(message);
      return known ? t(`issues.${known.key}`, known.values) : message;
    },
    [t],
  );
}
