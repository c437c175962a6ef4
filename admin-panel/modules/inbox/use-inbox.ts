'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { useOperator } from '@/modules/auth/use-operator';
import { InboxStore } from './inbox-store';

/**
 * The inbox's live state for React: one `InboxStore` (see there for what it does) per mounted
 * inbox, connected while mounted, read with `useSyncExternalStore`.
 */
export function useInbox(initialChatId: string | null = null) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const operator = useOperator();
  const [store] = useState(
    () =>
      new InboxStore({
        operatorId: operator.id,
        initialChatId,
        storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
      }),
  );
  useEffect(() => {
    store.start(apiUrl, token);
    return () => store.stop();
  }, [store, apiUrl, token]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  const selected = state.chats.find((c) => c.id === state.selectedId) ?? null;
  const outbox = useMemo(
    () => (state.selectedId ? state.outbox.filter((e) => e.chatId === state.selectedId) : []),
    [state.outbox, state.selectedId],
  );
  return {
    socket: state.socket,
    chats: state.chats,
    loaded: state.loaded,
    listError: state.listError,
    selected,
    selectedId: state.selectedId,
    messages: state.messages,
    /** The open chat's replies and notes waiting for the server (shown as sending). */
    outbox,
    connection: state.connection,
    error: state.error,
    takenOver: selected ? state.takenOver.has(selected.id) : false,
    select: store.select,
    deselect: store.deselect,
    assignToMe: store.assignToMe,
    send: store.send,
    act: store.act,
    snooze: store.snooze,
    addMessage: store.addMessage,
    updateChat: store.updateChat,
    changeStatusFilter: store.changeStatusFilter,
  };
}
