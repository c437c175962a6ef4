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
import { ApiError, apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import { useOperator } from '@/modules/auth/use-operator';
import type { StatusFilter } from './chat-filter';
import type { InboxError } from './error-text';
import { afterRefusal, Outbox, type OutboxEntry } from './outbox';

/** How long a reply waits for its acknowledgement before it is left to the next reconnect. */
const ACK_TIMEOUT_MS = 10_000;
/** How often replies still waiting are tried again while connected (besides after each reconnect). */
const RETRY_MS = 15_000;

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** What the composer sends: a reply the visitor sees, or a private note for operators. */
export type ComposeMode = 'reply' | 'note';

/** Header actions on the open chat; each is acknowledged with the changed chat. */
export type ChatAction =
  | { kind: 'resolve' }
  | { kind: 'reopen' }
  | { kind: 'handback' }
  | { kind: 'takeover' }
  | { kind: 'assign'; operatorId: string | null };

function sortChats(chats: ChatSummaryDto[]): ChatSummaryDto[] {
  const at = (c: ChatSummaryDto) => c.lastMessage?.createdAt ?? c.createdAt;
  return [...chats].sort((a, b) => at(b).localeCompare(at(a)));
}

function upsertChats(all: ChatSummaryDto[], incoming: ChatSummaryDto[]): ChatSummaryDto[] {
  const ids = new Set(incoming.map((c) => c.id));
  return sortChats([...incoming, ...all.filter((c) => !ids.has(c.id))]);
}

const statusQuery = (status: StatusFilter) => (status === 'resolved' ? '/chats?status=RESOLVED' : '/chats');

/** Nobody owns the chat and the AI has it or hands it over: opening it or replying takes it from the AI. */
function heldByAi(chat: ChatSummaryDto | undefined): boolean {
  return chat !== undefined && chat.assignedOperatorId === null && (chat.aiState === 'AI' || chat.aiState === 'WAITING_FOR_HUMAN');
}

/** The chat was the AI's and is now mine: a takeover. */
function tookOverFromAi(before: ChatSummaryDto | undefined, after: ChatSummaryDto, operatorId: string): boolean {
  return heldByAi(before) && after.assignedOperatorId === operatorId;
}

/**
 * Whether opening a chat takes it (`admin:join` `takeOver`). An unassigned chat becomes the
 * opener's (the inbox's rule), except one the AI assistant is answering: opening that one only
 * watches it, as in Intercom or Chatwoot; "Take over" or a reply takes it. A chat not in the list
 * yet (a link to it) follows the rule.
 */
export function opensTakingOver(chat: ChatSummaryDto | undefined): boolean {
  return chat?.aiState !== 'AI' || chat.assignedOperatorId !== null;
}

/**
 * The inbox's live state: the chat list (REST, then `chats:updated`), the open chat's messages
 * (`admin:join`, then `message:created`), read receipts from the visitor (`message:read`),
 * sending replies and notes, and the header actions. After a reconnect it reloads the list and
 * resumes the open chat after the last sequence it has (`takeOver: false`: a reconnect changes
 * nobody's chat), so nothing is missed. Opening an unassigned chat takes it, except while the AI
 * answers it (`opensTakingOver`); `takenOver` names the chats taken from the AI here. A reply or
 * note not acknowledged yet stays in the outbox (shown as sending, kept across a reload of the
 * tab) and is sent again, with the same client id, after every reconnect until it is.
 */
export function useInbox(initialChatId: string | null = null) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const operator = useOperator();
  const operatorId = operator.id;
  const socketRef = useRef<AdminSocket | null>(null);
  const selectedRef = useRef<string | null>(initialChatId);
  const messagesRef = useRef<MessageDto[]>([]);
  const chatsRef = useRef<ChatSummaryDto[]>([]);
  const statusRef = useRef<StatusFilter>('open');
  /** The chat this hook last joined (acknowledged): joining it again is a resume, not an opening. */
  const joinedRef = useRef<string | null>(null);
  const [socket, setSocket] = useState<AdminSocket | null>(null);
  const [chats, setChatsState] = useState<ChatSummaryDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(initialChatId);
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [error, setError] = useState<InboxError | null>(null);
  const [listError, setListError] = useState<InboxError | null>(null);
  const [takenOver, setTakenOver] = useState<ReadonlySet<string>>(new Set());
  const outboxRef = useRef<Outbox | null>(null);
  outboxRef.current ??= new Outbox(typeof sessionStorage === 'undefined' ? null : sessionStorage, `chatiq.outbox.${operatorId}`);
  const [outboxEntries, setOutboxEntries] = useState<OutboxEntry[]>(() => outboxRef.current?.all() ?? []);

  const setChats = useCallback((update: (all: ChatSummaryDto[]) => ChatSummaryDto[]) => {
    chatsRef.current = update(chatsRef.current);
    setChatsState(chatsRef.current);
  }, []);

  const updateMessages = useCallback((incoming: MessageDto[], replace = false) => {
    messagesRef.current = mergeMessages(replace ? [] : messagesRef.current, incoming);
    setMessages(messagesRef.current);
  }, []);

  const updateChat = useCallback((chat: ChatSummaryDto) => setChats((all) => upsertChats(all, [chat])), [setChats]);

  const join = useCallback(
    async (chatId: string, afterSeq: number, takeOver: boolean) => {
      const socket = socketRef.current;
      if (!socket) return;
      const before = chatsRef.current.find((c) => c.id === chatId);
      const ack = await socket.emitWithAck('admin:join', { chatId, afterSeq, takeOver });
      if (!ack.ok) {
        setError({ code: ack.code, message: ack.message });
        return;
      }
      const data: AdminJoinResult = ack.data;
      if (selectedRef.current !== chatId) return;
      joinedRef.current = chatId;
      updateMessages(data.messages, afterSeq === 0);
      updateChat(data.chat);
      if (tookOverFromAi(before, data.chat, operatorId)) setTakenOver((all) => new Set(all).add(chatId));
    },
    [updateMessages, updateChat, operatorId],
  );

  const loadChats = useCallback(
    (status: StatusFilter) =>
      apiFetch<ChatSummaryDto[]>(apiUrl, statusQuery(status), { token })
        .then((list) => {
          setChats((all) => upsertChats(all, list));
          setLoaded(true);
          setListError(null);
        })
        .catch((e: unknown) => setListError({ code: e instanceof ApiError ? e.body.code : 'list_failed', message: String(e) })),
    [apiUrl, token, setChats],
  );

  /**
   * Sends an outbox entry and waits for its acknowledgement: 'sent' (stored; now a message),
   * 'refused' (the server said no for good: dropped, the error shown) or 'waiting' (offline, no
   * answer in time or a refusal that may pass, by the contract's retry rule: kept, tried again
   * after the next reconnect or RETRY_MS).
   */
  const deliver = useCallback(
    async (entry: OutboxEntry): Promise<'sent' | 'refused' | 'waiting'> => {
      const socket = socketRef.current;
      const outbox = outboxRef.current;
      if (!socket?.connected || !outbox) return 'waiting';
      let ack: Awaited<ReturnType<AdminSocket['emitWithAck']>>;
      try {
        ack = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(entry.event, { chatId: entry.chatId, clientId: entry.clientId, text: entry.text });
      } catch {
        return 'waiting';
      }
      if (!ack.ok && afterRefusal(ack.code) === 'waiting') {
        setError({ code: ack.code, message: ack.message });
        return 'waiting';
      }
      outbox.remove(entry.clientId);
      setOutboxEntries(outbox.all());
      if (!ack.ok) {
        setError({ code: ack.code, message: ack.message });
        return 'refused';
      }
      const data: MessageAckData = ack.data as MessageAckData;
      setError(null);
      if (data.message.chatId === selectedRef.current) updateMessages([data.message]);
      return 'sent';
    },
    [updateMessages],
  );

  /** Resends what is still waiting, oldest first (after a reconnect). */
  const flushOutbox = useCallback(async () => {
    for (const entry of outboxRef.current?.all() ?? []) {
      if ((await deliver(entry)) === 'waiting') return; // offline again: the next reconnect goes on
    }
  }, [deliver]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (socketRef.current?.connected && outboxRef.current?.all().length) void flushOutbox();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [flushOutbox]);

  useEffect(() => {
    // The list over REST at once, not only once the socket is up: a tab reloaded while the
    // realtime connection cannot be made still shows its chats, and the replies waiting in the
    // outbox as sending. Each connect reads it again (after subscribing, so nothing falls between).
    void loadChats(statusRef.current);
    const socket = connectAdminSocket(apiUrl, token);
    socketRef.current = socket;
    setSocket(socket);

    socket.on('connect', () => {
      setConnection('online');
      void flushOutbox();
      const listed = loadChats(statusRef.current);
      const chatId = selectedRef.current;
      if (!chatId) return;
      // A reconnect resumes the open chat without taking it (it may have been handed back to the
      // AI meanwhile); the first join of a linked chat is an opening, decided once the list is in.
      if (joinedRef.current === chatId) void join(chatId, resumeSeq(messagesRef.current, 'operator'), false);
      else
        void listed.then(() => {
          if (selectedRef.current === chatId) return join(chatId, 0, opensTakingOver(chatsRef.current.find((c) => c.id === chatId)));
        });
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', () => setConnection('offline'));
    socket.on('chats:updated', ({ chats }) => setChats((all) => upsertChats(all, chats)));
    socket.on('message:created', ({ message }) => {
      if (message.chatId === selectedRef.current) updateMessages([message]);
    });
    // The AI's stored answer comes with the end of its stream too (and as message:created).
    socket.on('ai:done', ({ message }) => {
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
  }, [apiUrl, token, join, loadChats, updateMessages, setChats, flushOutbox]);

  const select = useCallback(
    (chatId: string) => {
      const previous = selectedRef.current;
      if (previous === chatId) return;
      if (previous) socketRef.current?.emit('admin:leave', { chatId: previous }, () => {});
      selectedRef.current = chatId;
      setSelectedId(chatId);
      updateMessages([], true);
      setError(null);
      void join(chatId, 0, opensTakingOver(chatsRef.current.find((c) => c.id === chatId)));
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

  /** Adds a message that was stored by another route (an uploaded attachment). */
  const addMessage = useCallback(
    (message: MessageDto) => {
      if (message.chatId === selectedRef.current) updateMessages([message]);
    },
    [updateMessages],
  );

  /**
   * Sends a reply or a note. False when the server refused it (the composer keeps the draft); true
   * once it is stored, or waiting in the outbox for the connection to come back.
   */
  const send = useCallback(
    async (text: string, mode: ComposeMode = 'reply'): Promise<boolean> => {
      const chatId = selectedRef.current;
      const outbox = outboxRef.current;
      if (!chatId || !outbox) return false;
      const before = chatsRef.current.find((c) => c.id === chatId);
      const entry: OutboxEntry = {
        clientId: crypto.randomUUID(),
        chatId,
        event: mode === 'note' ? 'admin:note' : 'admin:message',
        text,
        createdAt: new Date().toISOString(),
      };
      outbox.add(entry);
      setOutboxEntries(outbox.all());
      const result = await deliver(entry);
      if (result === 'refused') return false;
      // A reply to a chat the AI held takes it over (the server's rule).
      if (result === 'sent' && mode === 'reply' && heldByAi(before)) setTakenOver((all) => new Set(all).add(chatId));
      return true;
    },
    [deliver],
  );

  const act = useCallback(
    async (action: ChatAction): Promise<void> => {
      const socket = socketRef.current;
      const chatId = selectedRef.current;
      if (!socket || !chatId) return;
      const ack =
        action.kind === 'assign' || action.kind === 'takeover'
          ? await socket.emitWithAck('chat:assign', { chatId, operatorId: action.kind === 'takeover' ? operatorId : action.operatorId })
          : action.kind === 'handback'
            ? await socket.emitWithAck('chat:handback', { chatId })
            : await socket.emitWithAck(action.kind === 'resolve' ? 'chat:resolve' : 'chat:reopen', { chatId });
      if (!ack.ok) {
        setError({ code: ack.code, message: ack.message });
        return;
      }
      const data: ChatAckData = ack.data;
      setError(null);
      updateChat(data.chat);
      if (action.kind === 'takeover') setTakenOver((all) => new Set(all).add(chatId));
      if (action.kind === 'handback' || action.kind === 'assign') {
        setTakenOver((all) => {
          const next = new Set(all);
          next.delete(chatId);
          return next;
        });
      }
    },
    [updateChat, operatorId],
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
    /** The open chat's replies and notes waiting for the server (shown as sending). */
    outbox: selectedId ? outboxEntries.filter((e) => e.chatId === selectedId) : [],
    connection,
    error,
    takenOver: selected ? takenOver.has(selected.id) : false,
    select,
    send,
    act,
    addMessage,
    updateChat,
    changeStatusFilter,
  };
}
