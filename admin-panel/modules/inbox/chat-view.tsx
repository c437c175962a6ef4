'use client';

import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { useEffect, useRef } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';
import { MessageItem } from './message-item';
import type { ChatAction, ComposeMode } from './use-inbox';
import { useOperatorTyping } from './use-operator-typing';
import { lastReplySeen, useMarkRead } from './use-read-receipts';
import { useVisitorTyping } from './use-visitor-typing';

type Props = {
  socket: AdminSocket | null;
  chat: ChatSummaryDto;
  messages: MessageDto[];
  error: string | null;
  operatorId: string;
  onSend: (text: string, mode: ComposeMode) => Promise<boolean>;
  onAction: (action: ChatAction) => Promise<void>;
  onChat: (chat: ChatSummaryDto) => void;
};

export function ChatView({ socket, chat, messages, error, operatorId, onSend, onAction, onChat }: Props) {
  const endRef = useRef<HTMLDivElement>(null);
  const visitorTyping = useVisitorTyping(socket, chat.id);
  const operatorTyping = useOperatorTyping(socket, chat.id);
  useMarkRead(socket, chat, messages, onChat);
  const lastReply = lastReplySeen(chat, messages);

  // Keep the newest message in view as messages arrive.
  const newest = messages.at(-1)?.id;
  useEffect(() => {
    if (newest || visitorTyping) endRef.current?.scrollIntoView({ block: 'end' });
  }, [newest, visitorTyping]);

  return (
    <div className="chat-view">
      <ChatHeader chat={chat} operatorId={operatorId} onAction={onAction} />
      <ol className="messages" role="log" aria-live="polite" aria-label="Messages">
        {messages.length === 0 && <li className="message-system muted">No messages yet.</li>}
        {messages.map((m) => (
          <MessageItem key={m.id} chat={chat} message={m} seen={lastReply?.messageId === m.id ? lastReply.seen : null} />
        ))}
        <div ref={endRef} />
      </ol>
      <p className="typing-indicator" data-testid="visitor-typing" aria-live="polite" hidden={!visitorTyping}>
        {visitorTyping ? 'Visitor is typing…' : ''}
      </p>
      {error && (
        <p role="alert" className="error pad">
          {error}
        </p>
      )}
      <Composer onSend={onSend} onTyping={operatorTyping.typing} onStopTyping={operatorTyping.stop} />
    </div>
  );
}
