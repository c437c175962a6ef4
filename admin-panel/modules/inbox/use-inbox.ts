'use client';

import { type AdminJoinResult, type ChatSummaryDto, type MessageAckData, type MessageDto, mergeMessages, resumeSeq } from '@chatiq/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AdminSocket, connectAdminSocket } from '@/lib/admin-socket';
import { apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';

export type ConnectionState = 'connecting' | 'online' | 'offline';

function sortChats(chats: ChatSummaryDto[]): ChatSummaryDto[] {
  const at = (c: ChatSummaryDto) => c.lastMessage?.createdAt ?? c.createdAt;
  return [...chats].sort((a, b) => at(b).localeCompare(at(a)));
}

/**
 * The inbox's live state: the chat list (REST, then `chat:updated`), the open chat's messages
 * (`admin:join`, then `message:created`), and sending. After a reconnect it reloads the list and
 * resumes the open chat after the last sequence it has, so nothing is missed.
 */
export function useInbox() {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const socketRef = useRef<AdminSocket | null>(null);
  const selectedRef = useRef<string | null>(null);
  const messagesRef = useRef<MessageDto[]>([]);
  const [chats, setChats] = useState<ChatSummaryDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [error, setError] = useState<string | null>(null);

  const updateMessages = useCallback((incoming: MessageDto[], replace = false) => {
    messagesRef.current = mergeMessages(replace ? [] : messagesRef.current, incoming);
    setMessages(messagesRef.current);
  }, []);

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
      setChats((all) => sortChats([data.chat, ...all.filter((c) => c.id !== chatId)]));
    },
    [updateMessages],
  );

  useEffect(() => {
    const socket = connectAdminSocket(apiUrl, token);
    socketRef.current = socket;
    const loadChats = () =>
      apiFetch<ChatSummaryDto[]>(apiUrl, '/chats', { token })
        .then((list) => {
          setChats(sortChats(list));
          setLoaded(true);
        })
        .catch(() => setError('Could not load chats.'));

    socket.on('connect', () => {
      setConnection('online');
      void loadChats();
      if (selectedRef.current) void join(selectedRef.current, resumeSeq(messagesRef.current, 'operator'));
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', () => setConnection('offline'));
    socket.on('chat:updated', (chat) => setChats((all) => sortChats([chat, ...all.filter((c) => c.id !== chat.id)])));
    socket.on('message:created', ({ message }) => {
      if (message.chatId === selectedRef.current) updateMessages([message]);
    });
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [apiUrl, token, join, updateMessages]);

  const select = useCallback(
    (chatId: string) => {
      selectedRef.current = chatId;
      setSelectedId(chatId);
      updateMessages([], true);
      setError(null);
      void join(chatId, 0);
    },
    [join, updateMessages],
  );

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      const socket = socketRef.current;
      const chatId = selectedRef.current;
      if (!socket || !chatId) return false;
      const ack = await socket.emitWithAck('admin:message', { chatId, clientId: crypto.randomUUID(), text });
      if (!ack.ok) {
        setError(ack.message);
        return false;
      }
      const data: MessageAckData = ack.data;
      updateMessages([data.message]);
      return true;
    },
    [updateMessages],
  );

  const selected = chats.find((c) => c.id === selectedId) ?? null;
  return { chats, loaded, selected, messages, connection, error, select, send };
}
