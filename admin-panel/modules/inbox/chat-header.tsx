'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useState } from 'react';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import { downloadTranscript } from './download-transcript';
import type { ChatAction } from './use-inbox';
import { visitorLabel } from './visitor-label';

type Props = {
  chat: ChatSummaryDto;
  operatorId: string;
  onAction: (action: ChatAction) => Promise<void>;
};

/** Who the visitor is, the chat's status and assignee, and what the operator can do with it. */
export function ChatHeader({ chat, operatorId, onAction }: Props) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const resolved = chat.status === 'RESOLVED';
  const mine = chat.assignedOperatorId === operatorId;

  async function run(action: ChatAction) {
    setBusy(true);
    await onAction(action);
    setBusy(false);
  }

  async function download() {
    setDownloadError(null);
    try {
      await downloadTranscript(apiUrl, token, chat.id);
    } catch {
      setDownloadError('Could not download the transcript.');
    }
  }

  return (
    <header className="chat-header">
      <div>
        <h2>{visitorLabel(chat)}</h2>
        <p className="muted">
          {chat.siteName}
          {chat.visitor.currentPageUrl ? ` · ${chat.visitor.currentPageUrl}` : ''}
        </p>
        <p className="muted" data-testid="chat-assignee">
          {chat.assignedOperatorName ? `Assigned to ${chat.assignedOperatorName}` : 'Unassigned'}
        </p>
      </div>
      <div className="chat-actions">
        <span className={`badge ${chat.status.toLowerCase()}`} data-testid="chat-status">
          {chat.status.toLowerCase()}
        </span>
        {mine ? (
          <button type="button" disabled={busy} onClick={() => run({ kind: 'assign', operatorId: null })}>
            Unassign
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => run({ kind: 'assign', operatorId })}>
            Assign to me
          </button>
        )}
        {resolved ? (
          <button type="button" disabled={busy} onClick={() => run({ kind: 'reopen' })}>
            Reopen
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => run({ kind: 'resolve' })}>
            Resolve
          </button>
        )}
        <button type="button" className="link-button" onClick={download}>
          Download transcript
        </button>
        {downloadError && (
          <span role="alert" className="error">
            {downloadError}
          </span>
        )}
      </div>
    </header>
  );
}
