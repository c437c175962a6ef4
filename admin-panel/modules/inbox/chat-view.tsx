'use client';

import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { visitorLabel } from './visitor-label';

type Props = {
  chat: ChatSummaryDto;
  messages: MessageDto[];
  error: string | null;
  onSend: (text: string) => Promise<boolean>;
};

export function ChatView({ chat, messages, error, onSend }: Props) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);

  // Keep the newest message in view as messages arrive.
  const newest = messages.at(-1)?.id;
  useEffect(() => {
    if (newest) endRef.current?.scrollIntoView({ block: 'end' });
  }, [newest]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    if (await onSend(text)) setDraft('');
    setSending(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <div className="chat-view">
      <header className="chat-header">
        <div>
          <h2>{visitorLabel(chat)}</h2>
          <p className="muted">
            {chat.siteName}
            {chat.visitor.currentPageUrl ? ` · ${chat.visitor.currentPageUrl}` : ''}
          </p>
        </div>
        <span className={`badge ${chat.status.toLowerCase()}`}>{chat.status.toLowerCase()}</span>
      </header>
      <ol className="messages" role="log" aria-live="polite" aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id} className={`message ${m.authorKind.toLowerCase()}`} data-author={m.authorKind.toLowerCase()}>
            <span className="message-author">{m.authorKind === 'VISITOR' ? visitorLabel(chat) : (m.authorName ?? m.authorKind)}</span>
            <span className="message-text">{m.text}</span>
            <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
          </li>
        ))}
        <div ref={endRef} />
      </ol>
      {error && (
        <p role="alert" className="error pad">
          {error}
        </p>
      )}
      <form className="composer" onSubmit={submit}>
        <textarea
          aria-label="Reply"
          placeholder="Write a reply… (Enter to send, Shift+Enter for a new line)"
          value={draft}
          maxLength={5000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          rows={3}
        />
        <button type="submit" className="primary" disabled={sending || !draft.trim()}>
          Send
        </button>
      </form>
    </div>
  );
}
