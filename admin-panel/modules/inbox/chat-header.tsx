'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { AiStateBadge } from './ai-state-badge';
import { downloadTranscript } from './download-transcript';
import { FollowUpBadge } from './follow-up-badge';
import type { ChatAction } from './inbox-store';
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
};

/** Who the visitor is, who answers (AI or a human), the chat's status and assignee, and what the operator can do with it. */
export function ChatHeader({ chat, operatorId, siteAi, takenOver, onAction }: Props) {
  const t = useTranslations('inbox.header');
  const tStatus = useTranslations('inbox.status');
  const label = useVisitorLabel();
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState(false);
  const resolved = chat.status === 'RESOLVED';
  const mine = chat.assignedOperatorId === operatorId;
  // The AI answers and nobody owns the chat: the operator watches until they take it over.
  const aiAnswering = chat.aiState === 'AI' && !chat.assignedOperatorId;
  const canHandBack = !resolved && siteAi !== false && (chat.aiState === 'HUMAN' || chat.aiState === 'WAITING_FOR_HUMAN');

  async function run(action: ChatAction) {
    setBusy(true);
    await onAction(action);
    setBusy(false);
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
        <div>
          <h2>{label(chat)}</h2>
          <VerifiedUserBadge visitor={chat.visitor} />
          <p className="muted">
            {chat.siteName}
            {chat.visitor.currentPageUrl ? ` · ${chat.visitor.currentPageUrl}` : ''}
          </p>
          <p className="muted" data-testid="chat-assignee">
            {chat.assignedOperatorName ? t('assignedTo', { name: chat.assignedOperatorName }) : t('unassigned')}
          </p>
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
