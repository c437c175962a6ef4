'use client';

import { ChatList } from './chat-list';
import { ChatView } from './chat-view';
import { useInbox } from './use-inbox';

export function Inbox() {
  const inbox = useInbox();
  return (
    <div className="inbox">
      <aside className="inbox-list" aria-label="Chats">
        <div className="inbox-list-header">
          <h2>Chats</h2>
          <span className={`connection ${inbox.connection}`} role="status">
            {inbox.connection === 'online' ? 'Live' : inbox.connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
        </div>
        <ChatList chats={inbox.chats} loaded={inbox.loaded} selectedId={inbox.selected?.id ?? null} onSelect={inbox.select} />
      </aside>
      <section className="inbox-chat">
        {inbox.selected ? (
          <ChatView chat={inbox.selected} messages={inbox.messages} error={inbox.error} onSend={inbox.send} />
        ) : (
          <div className="empty">Select a chat to read and reply.</div>
        )}
      </section>
    </div>
  );
}
