'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useOperator } from '@/modules/auth/use-operator';
import { type ChatFilterState, filterChats, needsHuman, type StatusFilter } from './chat-filter';
import { ChatFilters } from './chat-filters';
import { ChatList } from './chat-list';
import { ChatView } from './chat-view';
import { useErrorText } from './error-text';
import { NotificationControls } from './notification-controls';
import { useInbox } from './use-inbox';
import { useInboxAlerts } from './use-inbox-alerts';
import { useNotificationSettings } from './use-notification-settings';

/** `initialChatId`: open this chat right away (from `/inbox?chat=…`). */
export function Inbox({ initialChatId = null }: { initialChatId?: string | null }) {
  const t = useTranslations('inbox');
  const errorText = useErrorText();
  const inbox = useInbox(initialChatId);
  const operator = useOperator();
  const settings = useNotificationSettings();
  const [filters, setFilters] = useState<ChatFilterState>({ owner: 'all', status: 'open', needsHuman: false });
  const visible = filterChats(inbox.chats, filters, operator.id);
  const needsHumanCount = inbox.chats.filter(needsHuman).length;
  useInboxAlerts({
    chats: inbox.chats,
    openChatId: inbox.selectedId,
    operatorId: operator.id,
    muted: settings.muted,
    onOpen: inbox.select,
  });

  function changeStatus(status: StatusFilter) {
    setFilters((f) => ({ ...f, status }));
    inbox.changeStatusFilter(status);
  }

  return (
    <div className="inbox">
      <aside className="inbox-list" aria-label={t('list.label')}>
        <div className="inbox-list-header">
          <h2>{t('list.heading')}</h2>
          <span className={`connection ${inbox.connection}`} role="status">
            {t(`connection.${inbox.connection}`)}
          </span>
        </div>
        <ChatFilters
          filters={filters}
          needsHumanCount={needsHumanCount}
          onOwner={(owner) => setFilters((f) => ({ ...f, owner }))}
          onStatus={changeStatus}
          onNeedsHuman={(on) => setFilters((f) => ({ ...f, needsHuman: on }))}
        />
        <NotificationControls settings={settings} />
        {inbox.listError && (
          <p role="alert" className="error pad">
            {errorText(inbox.listError)}
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
            outbox={inbox.outbox}
            error={inbox.error}
            operatorId={operator.id}
            operatorName={operator.name}
            takenOver={inbox.takenOver}
            onSend={inbox.send}
            onAction={inbox.act}
            onChat={inbox.updateChat}
            onOpenChat={inbox.select}
            onMessage={inbox.addMessage}
          />
        ) : inbox.selectedId ? (
          <div className="empty">{inbox.error ? errorText(inbox.error) : t('chat.opening')}</div>
        ) : (
          <div className="empty">{t('chat.selectPrompt')}</div>
        )}
      </section>
    </div>
  );
}
