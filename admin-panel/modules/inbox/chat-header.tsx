'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { AiStateBadge } from './ai-state-badge';
import { downloadTranscript } from './download-transcript';
import { FollowUpBadge } from './follow-up-badge';
import type { ChatAction } from './inbox-store';
import { SnoozeMenu } from './snooze-menu';
import { formatWakeTime } from './snooze-presets';
import { TransferSelect } from './transfer-select';
import { useVisitorLabel } from './use-visitor-label';
import { VerifiedUserBadge } from './verified-user-badge';

type Props = {
  chat: ChatSummaryDto;
  operatorId: string;
  /** The site's AI assistant is on (null: unknown to this role). */
  siteAi: boolean | null;
  /** This operator took the chat over from the AI here ("Take over" or a reply). */
  takenOver: boolean;
  onAction: (action: ChatAction) => Promise<void>;
  /** Snoozes this chat until an ISO instant; true once the server took it. */
  onSnooze: (until: string) => Promise<boolean>;
  /** Back to the chat list (shown where the list is not beside the chat: a phone). */
  onBack?: () => void;
  /** Opens the visitor's details (shown where they are not beside the chat: a phone, a tablet). */
  onDetails?: () => void;
  detailsOpen?: boolean;
};

/** Who the visitor is, who answers (AI or a human), the chat's status and assignee, and what the operator can do with it. */
export function ChatHeader({ chat, operatorId, siteAi, takenOver, onAction, onSnooze, onBack, onDetails, detailsOpen = false }: Props) {
  const t = useTranslations('inbox.header');
  const tStatus = useTranslations('inbox.status');
  const label = useVisitorLabel();
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState(false);
  const resolved = chat.status === 'RESOLVED';
  const snoozed = chat.status === 'SNOOZED';
  const locale = useLocale();
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const mine = chat.assignedOperatorId === operatorId;
  // The AI answers and nobody owns the chat: the operator watches until they take it over.
  const aiAnswering = chat.aiState === 'AI' && !chat.assignedOperatorId;
  const canHandBack = !resolved && siteAi !== false && (chat.aiState === 'HUMAN' || chat.aiState === 'WAITING_FOR_HUMAN');

  async function run(action: ChatAction) {
    setBusy(true);
    await onAction(action);
    setBusy(false);
  }

  async function snooze(until: string): Promise<boolean> {
    setBusy(true);
    const done = await onSnooze(until);
    setBusy(false);
    return done;
  }

  async function download() {
    setDownloadError(false);
    try {
      await downloadTranscript(apiUrl, token, chat.id);
    } catch {
      setDownloadError(true);
    }
  }

  return (
    <header className="chat-header-wrap">
      <div className="chat-header">
        <button type="button" className="back-button" onClick={onBack} title={t('backToList')} data-testid="back-to-list">
          <span aria-hidden="true">←</span>
          <span className="back-label">{t('backShort')}</span>
        </button>
        <button
          type="button"
          className="details-button"
          onClick={onDetails}
          aria-expanded={detailsOpen}
          aria-controls="visitor-details"
          data-testid="show-details"
        >
          {t('details')}
        </button>
        <div className="chat-title">
          <h2>{label(chat)}</h2>
          <VerifiedUserBadge visitor={chat.visitor} />
          <p className="muted">
            {chat.siteName}
            {chat.visitor.currentPageUrl ? ` · ${chat.visitor.currentPageUrl}` : ''}
          </p>
          <p className="muted" data-testid="chat-assignee">
            {chat.assignedOperatorName ? t('assignedTo', { name: chat.assignedOperatorName }) : t('unassigned')}
          </p>
          {snoozed && chat.snoozedUntil && (
            <p className="muted" data-testid="chat-snoozed-until">
              {t('snoozedUntil', { time: formatWakeTime(new Date(chat.snoozedUntil), new Date(), locale, timeZone) })}
            </p>
          )}
        </div>
        <div className="chat-actions">
          <AiStateBadge state={chat.aiState} />
          <FollowUpBadge at={chat.followUpAt} />
          <span className={`badge ${chat.status.toLowerCase()}`} data-testid="chat-status">
            {tStatus(chat.status)}
          </span>
          {aiAnswering && !resolved ? (
            <button
              type="button"
              className="ai-button"
              data-testid="take-over"
              disabled={busy}
              onClick={() => run({ kind: 'takeover' })}
              title={t('takeOverHint')}
            >
              {t('takeOver')}
            </button>
          ) : mine ? (
            <button type="button" data-testid="unassign" disabled={busy} onClick={() => run({ kind: 'assign', operatorId: null })}>
              {t('unassign')}
            </button>
          ) : (
            <button type="button" data-testid="assign-to-me" disabled={busy} onClick={() => run({ kind: 'assign', operatorId })}>
              {t('assignToMe')}
            </button>
          )}
          <TransferSelect chat={chat} disabled={busy} onTransfer={(id) => run({ kind: 'assign', operatorId: id })} />
          {canHandBack && (
            <button type="button" className="ai-button" disabled={busy} onClick={() => run({ kind: 'handback' })} title={t('handBackHint')}>
              {t('handBack')}
            </button>
          )}
          {!resolved && <SnoozeMenu disabled={busy} onSnooze={snooze} />}
          {snoozed && (
            <button type="button" disabled={busy} onClick={() => run({ kind: 'reopen' })} data-testid="unsnooze" title={t('unsnoozeHint')}>
              {t('unsnooze')}
            </button>
          )}
          {resolved ? (
            <button type="button" disabled={busy} onClick={() => run({ kind: 'reopen' })}>
              {t('reopen')}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => run({ kind: 'resolve' })}>
              {t('resolve')}
            </button>
          )}
          <button type="button" className="link-button" onClick={download}>
            {t('downloadTranscript')}
          </button>
          {downloadError && (
            <span role="alert" className="error">
              {t('downloadFailed')}
            </span>
          )}
        </div>
      </div>
      {takenOver && chat.aiState !== 'AI' && (
        <p className="takeover-notice" role="status" data-testid="takeover-notice">
          {t('takenOver')}
        </p>
      )}
      {aiAnswering && (
        <p className="takeover-notice ai" role="status" data-testid="ai-answering-notice">
          {t('aiAnswering')}
        </p>
      )}
    </header>
  );
}
