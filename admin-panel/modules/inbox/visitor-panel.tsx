'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { VisitorUrl } from '@/modules/visitors/visitor-url';
import { useLocalFormat } from './use-local-format';
import { useVisitorLabel } from './use-visitor-label';
import { describeUserAgent } from './user-agent';
import { VisitorChats } from './visitor-chats';

/** "uk-UA" → "українська (Україна)" in the panel's language; the tag itself when unknown. */
function languageName(tag: string, displayIn: string): string {
  try {
    return new Intl.DisplayNames([displayIn], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * Who the operator is talking to: name, email, the page they are on, where they came from, their
 * language and device, and since when they visit. Browser and system names are proper nouns
 * (`translate="no"`). The page and referrer are the visitor's words: links only when http(s)
 * (`VisitorUrl`). Under it, their other conversations (`VisitorChats`); `onOpenChat` opens one.
 */
export function VisitorPanel({ chat, onOpenChat }: { chat: ChatSummaryDto; onOpenChat: (chatId: string) => void }) {
  const t = useTranslations('inbox.visitorPanel');
  const locale = useLocale();
  const label = useVisitorLabel();
  const format = useLocalFormat();
  const { visitor } = chat;
  const device = useMemo(() => describeUserAgent(visitor.userAgent), [visitor.userAgent]);
  const none = <span className="muted">{t('none')}</span>;

  return (
    <aside className="visitor-panel" aria-label={t('label')} data-testid="visitor-panel">
      <h3>{t('title')}</h3>
      <dl>
        <dt>{t('name')}</dt>
        <dd data-testid="visitor-name">{label(chat)}</dd>
        <dt>{t('email')}</dt>
        <dd data-testid="visitor-email">{visitor.email ? <a href={`mailto:${visitor.email}`}>{visitor.email}</a> : none}</dd>
        <dt>{t('page')}</dt>
        <dd data-testid="visitor-page">
          {visitor.currentPageUrl ? (
            <VisitorUrl url={visitor.currentPageUrl}>{visitor.currentPageTitle || visitor.currentPageUrl}</VisitorUrl>
          ) : (
            none
          )}
        </dd>
        <dt>{t('referrer')}</dt>
        <dd data-testid="visitor-referrer">
          {visitor.referrer ? <VisitorUrl url={visitor.referrer}>{hostOf(visitor.referrer)}</VisitorUrl> : none}
        </dd>
        <dt>{t('language')}</dt>
        <dd data-testid="visitor-language">{visitor.locale ? languageName(visitor.locale, locale) : none}</dd>
        <dt>{t('device')}</dt>
        <dd data-testid="visitor-device">
          {device ? (
            <>
              {t(`kind.${device.kind}`)}
              {/* The browser's own words: proper nouns, and the raw User-Agent on hover. */}
              <span translate="no" title={visitor.userAgent ?? undefined}>
                {[device.browser, device.os]
                  .filter(Boolean)
                  .map((name) => ` · ${name}`)
                  .join('')}
              </span>
            </>
          ) : (
            none
          )}
        </dd>
        <dt>{t('site')}</dt>
        <dd>{chat.siteName}</dd>
        <dt>{t('firstSeen')}</dt>
        <dd>{format.dateTime(visitor.firstSeenAt)}</dd>
        <dt>{t('lastSeen')}</dt>
        <dd>{format.dateTime(visitor.lastSeenAt)}</dd>
      </dl>
      <VisitorChats chat={chat} onOpen={onOpenChat} />
    </aside>
  );
}
