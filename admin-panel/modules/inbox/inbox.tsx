'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useOperator } from '@/modules/auth/use-operator';
import { type ChatFilterState, filterChats, needsHuman, type StatusFilter } from './chat-filter';
import { ChatFilters } from './chat-filters';
import { ChatList } from './chat-list';
import { ChatView } from './chat-view';
import type { ComposerHandle } from './composer';
import { useErrorText } from './error-text';
import { NotificationControls } from './notification-controls';
import { useInbox } from './use-inbox';
import { useInboxAlerts } from './use-inbox-alerts';
import { useInboxCommands } from './use-inbox-commands';
import { useInboxRoute } from './use-inbox-route';
import { useNotificationSettings } from './use-notification-settings';

/**
 * The inbox: the chat list, the open chat and the visitor's details. The open chat and the
 * details view are in the address (`?chat=…&view=details`, see `useInboxRoute`); on a phone they
 * are shown one at a time (list → chat → details, each with a way back), on a tablet the details
 * open over the chat, on a wide screen all three sit side by side (`data-view`, styled in CSS).
 */
export function Inbox() {
  const t = useTranslations('inbox');
  const errorText = useErrorText();
  const route = useInboxRoute();
  const inbox = useInbox(route.chatId);
  const operator = useOperator();
  const settings = useNotificationSettings();
  const [filters, setFilters] = useState<ChatFilterState>({ owner: 'all', status: 'open', needsHuman: false, query: '' });
  const visible = filterChats(inbox.chats, filters, operator.id);
  const needsHumanCount = inbox.chats.filter(needsHuman).length;
  const composerRef = useRef<ComposerHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useInboxAlerts({
    chats: inbox.chats,
    openChatId: inbox.selectedId,
    operatorId: operator.id,
    muted: settings.muted,
    onOpen: route.openChat,
  });
  useInboxCommands({ inbox, visible, operatorId: operator.id, route, composer: composerRef, search: searchRef });

  // The address says which chat is open (a click, a key, Back and Forward all change it).
  const { select, deselect } = inbox;
  useEffect(() => {
    if (route.chatId) select(route.chatId);
    else deselect();
  }, [route.chatId, select, deselect]);

  // When the view changes and the focus was left on something now hidden (the list's row on a
  // phone, the details' back button…), it goes to the new view's first control: back in the list,
  // to the row of the chat just left.
  const lastChat = useRef<string | null>(null);
  if (route.chatId) lastChat.current = route.chatId;
  useEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && active.getClientRects().length > 0) return;
    const targets =
      route.view === 'details'
        ? ['.details-pane .back-button']
        : route.view === 'chat'
          ? ['.chat-header .back-button']
          : [`.chat-item[data-chat-id="${CSS.escape(lastChat.current ?? '')}"]`, '.chat-item'];
    const shown = (selector: string) =>
      [...(rootRef.current?.querySelectorAll<HTMLElement>(selector) ?? [])].find((el) => el.getClientRects().length > 0);
    for (const selector of targets) {
      const next = shown(selector);
      if (next) return next.focus();
    }
  }, [route.view]);

  function changeStatus(status: StatusFilter) {
    setFilters((f) => ({ ...f, status }));
    inbox.changeStatusFilter(status);
  }

  return (
    <div className="inbox" data-view={route.view} ref={rootRef}>
      <aside className="inbox-list" aria-label={t('list.label')}>
        <div className="inbox-list-header">
          <h2>{t('list.heading')}</h2>
          <span className={`connection ${inbox.connection}`} role="status">
            {t(`connection.${inbox.connection}`)}
          </span>
        </div>
        <div className="chat-search-row">
          <input
            ref={searchRef}
            type="search"
            className="chat-search"
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            value={filters.query}
            onChange={(event) => setFilters((f) => ({ ...f, query: event.target.value }))}
          />
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
          onSelect={route.openChat}
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
            onSnooze={inbox.snooze}
            onChat={inbox.updateChat}
            onOpenChat={inbox.select}
            onMessage={inbox.addMessage}
            composerRef={composerRef}
            detailsOpen={route.view === 'details'}
            onBack={route.up}
            onDetails={route.showDetails}
          />
        ) : inbox.selectedId ? (
          <div className="empty">
            <div className="chat-bar">
              <button type="button" className="back-button" onClick={route.up} title={t('header.backToList')}>
                <span aria-hidden="true">←</span> {t('header.backShort')}
              </button>
            </div>
            {inbox.error ? errorText(inbox.error) : t('chat.opening')}
          </div>
        ) : (
          <div className="empty">{t('chat.selectPrompt')}</div>
        )}
      </section>
    </div>
  );
}
