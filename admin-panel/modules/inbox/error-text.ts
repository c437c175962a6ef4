'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** An error to show in the inbox: the API's stable code, and its (English) message as a fallback. */
export type InboxError = { code: string; message: string };

/** Codes with their own wording in `inbox.errors` (anything else: the generic text with the API's message). */
const KNOWN = [
  'chat_not_found',
  'not_found',
  'forbidden',
  'rate_limited',
  'unauthorized',
  'list_failed',
  'ai_not_configured',
  'ai_unavailable',
  'validation_failed',
  'internal_error',
] as const;
type KnownCode = (typeof KNOWN)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);

/** Turns an inbox error into text in the operator's language. */
export function useErrorText(): (error: InboxError) => string {
  const t = useTranslations('inbox.errors');
  return useCallback(
    (error: InboxError) => (isKnown(error.code) ? t(error.code, { message: error.message }) : t('generic', { message: error.message })),
    [t],
  );
}
