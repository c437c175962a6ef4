'use client';

import {
  type AdminJoinResult,
  type ChatAckData,
  type ChatSummaryDto,
  type MessageAckData,
  type MessageDto,
  mergeMessages,
  resumeSeq,
} from '@chatiq/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AdminSocket, connectAdminSocket } from '@/lib/admin-socket';
import { apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import type { StatusFilter } from './chat-filter';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** What the composer sends: a reply the visitor sees, or a private note for operators. */
export type ComposeMode = 'reply' | 'note';

/** Header actions on the open chat; each is acknowledged with the changed chat. */
export type ChatAction = { kind: 'resolve' } | { kind: 'reopen' } | { kind: 'assign'; operatorId: string | null };

function sortChats(chats: ChatSummaryDto[]): ChatSummaryDto[] {
  const at = (c: ChatSummaryDto) => c.lastMessage?.createdAt ?? c.createdAt;
  return [...chats].sort((a, b) => at(b).localeCompare(at(a)));
}

function upsertChats(all: ChatSummaryDto[], incoming: ChatSummaryDto[]): ChatSummaryDto[] {
  const ids = new Set(incoming.map((c) => c.id));
  return sortChats([...incoming, ...all.filter((c) => !ids.has(c.id))]);
}

const statusQuery = (status: StatusFilter) => (status === 'resolved' ? '/chats?status=RESOLVED' : '/chats');

/**
 * The inbox's live state: the chat list (REST, then `chat:updated`), the open chat's messages
 * (`admin:join`, then `message:created`), read receipts from the visitor (`message:read`),
 * sending replies and notes, and the header actions. After a reconnect it reloads the list and
 * resumes the open chat after the last sequence it has, so nothing is missed.
 */
export function useInbox(initialChatId: string | null = null) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const socketRef = useRef<AdminSocket | null>(null);
  const selectedRef = useRef<string | null>(initialChatId);
  const messagesRef = useRef<MessageDto[]>([]);
  const statusRef = useRef<StatusFilter>('open');
  const [socket, setSocket] = useState<AdminSocket | null>(null);
  const [chats, setChats] = useState<ChatSummaryDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(initialChatId);
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  const updateMessages = useCallback((incoming: MessageDto[], replace = false) => {
    messagesRef.current = mergeMessages(replace ? [] : messagesRef.current, incoming);
    setMessages(messagesRef.current);
  }, []);

  const updateChat = useCallback((chat: ChatSummaryDto) => setChats((all) => upsertChats(all, [chat])), []);

  const join = useCallback(
    async (chatId: string, afterSeq: number) => {
      const socket = socketRef.current;
      if (!socket) return;
      const ack = await socket.emitWithAck('admin:join', { chatId, afterSeq });
      if (!ack.ok) {
        setError(ack.message);
        return;
      }
      const data: AdminJoinResult = ack.data;
      if (selectedRef.current !== chatId) return;
      updateMessages(data.messages, afterSeq === 0);
      updateChat(data.chat);
    },
    [updateMessages, updateChat],
  );

  const loadChats = useCallback(
    (status: StatusFilter) =>
      apiFetch<ChatSummaryDto[]>(apiUrl, statusQuery(status), { token })
        .then((list) => {
          setChats((all) => upsertChats(all, list));
          setLoaded(true);
          setListError(null);
        })
        .catch(() => setListError('Could not load chats.')),
    [apiUrl, token],
  );

  useEffect(() => {
    const socket = connectAdminSocket(apiUrl, token);
    socketRef.current = socket;
    setSocket(socket);

    socket.on('connect', () => {
      setConnection('online');
      void loadChats(statusRef.current);
      if (selectedRef.current) void join(selectedRef.current, resumeSeq(messagesRef.current, 'operator'));
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', () => setConnection('offline'));
    socket.on('chat:updated', updateChat);
    socket.on('message:created', ({ message }) => {
      if (message.chatId === selectedRef.current) updateMessages([message]);
    });
    socket.on('message:read', ({ chatId, seq, by }) => {
      if (by !== 'visitor') return;
      setChats((all) => all.map((c) => (c.id === chatId && c.visitorLastReadSeq < seq ? { ...c, visitorLastReadSeq: seq } : c)));
    });
    return () => {
      socket.close();
      socketRef.current = null;
      setSocket(null);
    };
  }, [apiUrl, token, join, loadChats, updateMessages, updateChat]);

  const select = useCallback(
    (chatId: string) => {
      const previous = selectedRef.current;
      if (previous && previous !== chatId) socketRef.current?.emit('admin:leave', { chatId: previous }, () => {});
      selectedRef.current = chatId;
      setSelectedId(chatId);
      updateMessages([], true);
      setError(null);
      void join(chatId, 0);
    },
    [join, updateMessages],
  );

  const changeStatusFilter = useCallback(
    (status: StatusFilter) => {
      statusRef.current = status;
      void loadChats(status);
    },
    [loadChats],
  );

  const send = useCallback(
    async (text: string, mode: ComposeMode = 'reply'): Promise<boolean> => {
      const socket = socketRef.current;
      const chatId = selectedRef.current;
      if (!socket || !chatId) return false;
      const event = mode === 'note' ? 'admin:note' : 'admin:message';
      const ack = await socket.emitWithAck(event, { chatId, clientId: crypto.randomUUID(), text });
      if (!ack.ok) {
        setError(ack.message);
        return false;
      }
      const data: MessageAckData = ack.data;
      setError(null);
      updateMessages([data.message]);
      return true;
    },
    [updateMessages],
  );

  const act = useCallback(
    async (action: ChatAction): Promise<void> => {
      const socket = socketRef.current;
      const chatId = selectedRef.current;
      if (!socket || !chatId) return;
      const ack =
        action.kind === 'assign'
          ? await socket.emitWithAck('chat:assign', { chatId, operatorId: action.operatorId })
          : await socket.emitWithAck(action.kind === 'resolve' ? 'chat:resolve' : 'chat:reopen', { chatId });
      if (!ack.ok) {
        setError(ack.message);
        return;
      }
      const data: ChatAckData = ack.data;
      setError(null);
      updateChat(data.chat);
    },
    [updateChat],
  );

  const selected = chats.find((c) => c.id === selectedId) ?? null;
  return {
    socket,
    chats,
    loaded,
    listError,
    selected,
    selectedId,
    messages,
    connection,
    error,
    select,
    send,
    act,
    updateChat,
    changeStatusFilter,
  };
}
