'use client';

import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';
import { AiStreamItem } from './ai-stream-item';
import { ChatHeader } from './chat-header';
import { Composer, type ComposerHandle } from './composer';
import { type InboxError, useErrorText } from './error-text';
import type { ChatAction, ComposeMode } from './inbox-store';
import { MessageItem } from './message-item';
import type { OutboxEntry } from './outbox';
import { OutboxItem } from './outbox-item';
import { buildTimeline } from './timeline';
import { TransitionItem } from './transition-item';
import { useAiStream } from './use-ai-stream';
import { useAttachmentUpload } from './use-attachment-upload';
import { useOperatorTyping } from './use-operator-typing';
import { lastReplySeen, useMarkRead } from './use-read-receipts';
import { useSiteAi } from './use-site-ai';
import { useSuggestReply } from './use-suggest-reply';
import { useTemplates } from './use-templates';
import { useTransitions } from './use-transitions';
import { useVisitorTyping } from './use-visitor-typing';
import { VisitorPanel } from './visitor-panel';

type Props = {
  socket: AdminSocket | null;
  chat: ChatSummaryDto;
  messages: readonly MessageDto[];
  /** Replies and notes waiting for the server (see inbox-store's outbox). */
  outbox: OutboxEntry[];
  error: InboxError | null;
  operatorId: string;
  operatorName: string;
  takenOver: boolean;
  onSend: (text: string, mode: ComposeMode) => Promise<boolean>;
  onAction: (action: ChatAction) => Promise<void>;
  /** Snoozes the open chat until an ISO instant (the inbox store's `snooze`). */
  onSnooze: (chatId: string, until: string) => Promise<boolean>;
  onChat: (chat: ChatSummaryDto) => void;
  /** Opens another chat (one of the visitor's past conversations). */
  onOpenChat: (chatId: string) => void;
  onMessage: (message: MessageDto) => void;
  /** The composer, for the inbox's keyboard shortcuts. */
  composerRef?: RefObject<ComposerHandle | null>;
  /** The visitor's details are open as a view of their own (a phone's screen, a tablet's drawer). */
  detailsOpen?: boolean;
  /** Back to the chat list (from the chat) or to the chat (from the details). */
  onBack?: () => void;
  onDetails?: () => void;
};

export function ChatView({
  socket,
  chat,
  messages,
  outbox,
  error,
  operatorId,
  operatorName,
  takenOver,
  onSend,
  onAction,
  onSnooze,
  onChat,
  onOpenChat,
  onMessage,
  composerRef,
  detailsOpen = false,
  onBack,
  onDetails,
}: Props) {
  const t = useTranslations('inbox');
  const errorText = useErrorText();
  const endRef = useRef<HTMLLIElement>(null);
  const visitorTyping = useVisitorTyping(socket, chat.id);
  const operatorTyping = useOperatorTyping(socket, chat.id);
  const stream = useAiStream(socket, chat.id);
  const transitions = useTransitions(socket, chat.id);
  const templates = useTemplates(chat.siteId);
  const siteAi = useSiteAi(chat.siteId);
  const suggestion = useSuggestReply(chat.id);
  const upload = useAttachmentUpload(chat.id, onMessage);
  useMarkRead(socket, chat, messages, onChat);
  const lastReply = lastReplySeen(chat, messages);
  const timeline = buildTimeline(messages, transitions);

  // Keep the newest message (or the growing AI answer) in view.
  const newest = timeline.length + outbox.length;
  const streamLength = stream?.text.length ?? -1;
  useEffect(() => {
    if (newest || visitorTyping || streamLength >= 0) endRef.current?.scrollIntoView({ block: 'end' });
  }, [newest, visitorTyping, streamLength]);

  const runSuggest = useCallback(() => suggestion.suggest(), [suggestion.suggest]);

  return (
    <div className="chat-view">
      <div className="chat-main">
        <ChatHeader
          chat={chat}
          operatorId={operatorId}
          siteAi={siteAi}
          takenOver={takenOver}
          onAction={onAction}
          onSnooze={(until) => onSnooze(chat.id, until)}
          onBack={onBack}
          onDetails={onDetails}
          detailsOpen={detailsOpen}
        />
        {/*
          A log region around a list: the messages keep their list semantics (role="log" on the <ol>
          would replace them). It scrolls, so it takes the focus: keyboard users scroll it too.
        */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
        <div className="messages" role="log" aria-live="polite" aria-label={t('chat.messages')} tabIndex={0}>
          <ol className="message-list">
            {timeline.length === 0 && !stream && <li className="message-system muted">{t('chat.noMessages')}</li>}
            {timeline.map((item) =>
              item.kind === 'message' ? (
                <MessageItem
                  key={item.message.id}
                  chat={chat}
                  message={item.message}
                  seen={lastReply?.messageId === item.message.id ? lastReply.seen : null}
                />
              ) : (
                <TransitionItem key={`t-${item.transition.id}`} transition={item.transition} />
              ),
            )}
            {outbox.map((entry) => (
              <OutboxItem key={entry.clientId} entry={entry} operatorName={operatorName} />
            ))}
            {stream && <AiStreamItem text={stream.text} />}
            <li ref={endRef} className="messages-end" aria-hidden="true" />
          </ol>
        </div>
        <p className="typing-indicator" data-testid="visitor-typing" aria-live="polite" hidden={!visitorTyping}>
          {visitorTyping ? t('chat.visitorTyping') : ''}
        </p>
        {error && (
          <p role="alert" className="error pad">
            {errorText(error)}
          </p>
        )}
        {suggestion.error && (
          <p role="alert" className="notice pad" data-testid="suggest-error">
            {suggestion.error.code === 'ai_not_configured'
              ? t('ai.suggestNotConfigured')
              : suggestion.error.code === 'ai_unavailable'
                ? t('ai.suggestUnavailable')
                : errorText(suggestion.error)}{' '}
            <button type="button" className="link-button" onClick={suggestion.clearError}>
              {t('composer.dismiss')}
            </button>
          </p>
        )}
        <Composer
          ref={composerRef}
          chat={chat}
          operatorName={operatorName}
          templates={templates}
          onSend={onSend}
          onTyping={operatorTyping.typing}
          onStopTyping={operatorTyping.stop}
          suggest={{ available: siteAi !== false, busy: suggestion.busy, run: runSuggest }}
          upload={upload}
        />
      </div>
      <div className="details-pane" data-open={detailsOpen || undefined} id="visitor-details">
        <div className="details-bar">
          <button type="button" className="back-button" onClick={onBack}>
            <span aria-hidden="true">←</span> {t('chat.backToChat')}
          </button>
        </div>
        <VisitorPanel chat={chat} onOpenChat={onOpenChat} />
      </div>
    </div>
  );
}
