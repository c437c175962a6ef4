'use client';

import { useState } from 'react';
import { useOperator } from '@/modules/auth/use-operator';
import { filterChats, type OwnerFilter, type StatusFilter } from './chat-filter';
import { ChatFilters } from './chat-filters';
import { ChatList } from './chat-list';
import { ChatView } from './chat-view';
import { useInbox } from './use-inbox';

/** `initialChatId`: open this chat right away (from `/inbox?chat=…`). */
export function Inbox({ initialChatId = null }: { initialChatId?: string | null }) {
  const inbox = useInbox(initialChatId);
  const operator = useOperator();
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const visible = filterChats(inbox.chats, owner, status, operator.id);

  function changeStatus(next: StatusFilter) {
    setStatus(next);
    inbox.changeStatusFilter(next);
  }

  return (
    <div className="inbox">
      <aside className="inbox-list" aria-label="Chats">
        <div className="inbox-list-header">
          <h2>Chats</h2>
          <span className={`connection ${inbox.connection}`} role="status">
            {inbox.connection === 'online' ? 'Live' : inbox.connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
        </div>
        <ChatFilters owner={owner} status={status} onOwner={setOwner} onStatus={changeStatus} />
        {inbox.listError && (
          <p role="alert" className="error pad">
            {inbox.listError}
          </p>
        )}
        <ChatList
          chats={visible}
          loaded={inbox.loaded}
          filtered={inbox.chats.length > 0}
          selectedId={inbox.selectedId}
          onSelect={inbox.select}
        />
      </aside>
      <section className="inbox-chat">
        {inbox.selected ? (
          <ChatView
            key={inbox.selected.id}
            socket={inbox.socket}
            chat={inbox.selected}
            messages={inbox.messages}
            error={inbox.error}
            operatorId={operator.id}
            onSend={inbox.send}
            onAction={inbox.act}
            onChat={inbox.updateChat}
          />
        ) : inbox.selectedId ? (
          <div className="empty">{inbox.error ?? 'Opening the chat…'}</div>
        ) : (
          <div className="empty">Select a chat to read and reply.</div>
        )}
      </section>
    </div>
  );
}
