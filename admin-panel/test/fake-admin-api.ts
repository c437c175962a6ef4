// A small stand-in for the API at the wire, for unit tests of the panel's clients: a real HTTP
// server (GET /chats) with a real Socket.IO server on the same port speaking the contract's
// `/admin` namespace (handshake and every payload checked with the contract's schemas). It keeps
// chats and messages in memory with the API's rules: a client id stores a message once per chat,
// sequence numbers per chat, `message:created` to the chat's room except the sender,
// `chats:updated` to everyone. Tests steer the network (an outage) and the answers (a refusal, a
// lost acknowledgement, a join racing a reply).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  adminClientEventSchemas,
  adminHandshakeSchema,
  type ChatSummaryDto,
  type ErrorCode,
  type MessageDto,
} from '@chatiq/contracts';
import { type Namespace, Server, type Socket } from 'socket.io';

type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents>;
type AdminSocket = Socket<AdminClientToServerEvents, AdminServerToClientEvents>;
type Ack = (answer: { ok: true; data: unknown } | { ok: false; code: string; message: string }) => void;

/** A send the server received (whether it stored it, refused it or dropped the answer). */
export type ReceivedSend = { event: 'admin:message' | 'admin:note'; chatId: string; clientId: string; text: string };

export const OPERATOR = { id: 'op-1', name: 'Olena Operator' } as const;
export const TOKEN = 'token-of-op-1';

let clock = Date.parse('2026-12-01T10:00:00.000Z');
/** Each stored thing a second after the one before (the list sorts by time). */
function nextTime(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function chatSummary(id: string, overrides: Partial<ChatSummaryDto> = {}): ChatSummaryDto {
  const createdAt = nextTime();
  return {
    id,
    siteId: 'site-1',
    siteName: 'Kvitka shop',
    status: 'OPEN',
    handledBy: 'UNASSIGNED',
    assignedOperatorId: null,
    assignedOperatorName: null,
    aiState: null,
    followUpAt: null,
    snoozedUntil: null,
    visitor: {
      id: `visitor-of-${id}`,
      name: null,
      email: null,
      currentPageUrl: null,
      currentPageTitle: null,
      referrer: null,
      userAgent: null,
      locale: null,
      externalUserId: null,
    } as ChatSummaryDto['visitor'],
    lastMessage: null,
    lastSeq: 0,
    unreadCount: 0,
    visitorLastReadSeq: 0,
    operatorLastReadSeq: 0,
    firstResponseAt: null,
    resolvedAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export type FakeAdminApi = Awaited<ReturnType<typeof startFakeAdminApi>>;

export async function startFakeAdminApi() {
  const chats = new Map<string, ChatSummaryDto>();
  const messages = new Map<string, MessageDto[]>();
  const received: ReceivedSend[] = [];
  const joins: { chatId: string; afterSeq: number }[] = [];
  const refusals: ErrorCode[] = [];
  let loseNextAck = false;
  let refusingConnections = false;
  /** A join and a reply racing (see `raceNextJoinWithReply`). */
  let race: { joined: boolean; snapshotTaken: Deferred; replyAcked: Deferred } | null = null;

  const http = createServer((req, res) => void answerRest(req, res));
  const io = new Server(http, {
    // An outage: new connections are refused at the transport, so the client keeps retrying.
    allowRequest: (_req, callback) => callback(null, !refusingConnections),
  });
  const admin: AdminNamespace = io.of(ADMIN_NAMESPACE);

  function answerRest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) reply(401, { code: 'unauthorized', message: 'No valid token' });
    else if (req.method === 'GET' && url.pathname === '/chats') {
      const status = url.searchParams.get('status');
      reply(
        200,
        [...chats.values()].filter((c) => (status ? c.status === status : c.status !== 'RESOLVED')),
      );
    } else reply(404, { code: 'not_found', message: 'Not found' });
  }

  admin.use((socket, next) => {
    const handshake = adminHandshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success || handshake.data.token !== TOKEN) return next(new Error('unauthorized'));
    next();
  });

  admin.on('connection', (socket: AdminSocket) => {
    const on = (event: keyof typeof adminClientEventSchemas, handle: (payload: never, ack: Ack) => Promise<void> | void) => {
      (socket as unknown as { on(event: string, listener: (payload: unknown, ack: Ack) => void): void }).on(event, (payload, ack) => {
        const parsed = adminClientEventSchemas[event].safeParse(payload);
        if (!parsed.success) return ack({ ok: false, code: 'validation_failed', message: parsed.error.message });
        void handle(parsed.data as never, ack);
      });
    };

    // Opening reads: it assigns nothing (as the API).
    on('admin:join', async ({ chatId, afterSeq }: { chatId: string; afterSeq: number }, ack) => {
      joins.push({ chatId, afterSeq });
      const chat = chats.get(chatId);
      if (!chat) return ack({ ok: false, code: 'chat_not_found', message: 'Chat not found' });
      await socket.join(`chat:${chatId}`); // subscribed before the history is read, as the API does
      const history = (messages.get(chatId) ?? []).filter((m) => m.seq > afterSeq);
      const racing = race;
      if (racing && !racing.joined) {
        racing.joined = true;
        racing.snapshotTaken.resolve();
        await racing.replyAcked.promise;
        await new Promise((resolve) => setImmediate(resolve));
      }
      ack({ ok: true, data: { chat, messages: history } });
    });

    on('admin:leave', async ({ chatId }: { chatId: string }, ack) => {
      await socket.leave(`chat:${chatId}`);
      ack({ ok: true, data: {} });
    });

    const onSend = (event: ReceivedSend['event']) =>
      on(event, async ({ chatId, clientId, text }: { chatId: string; clientId: string; text: string }, ack) => {
        received.push({ event, chatId, clientId, text });
        const racing = race;
        if (racing) await racing.snapshotTaken.promise;
        const refusal = refusals.shift();
        if (refusal) return ack({ ok: false, code: refusal, message: `Refused: ${refusal}` });
        if (!chats.has(chatId)) return ack({ ok: false, code: 'chat_not_found', message: 'Chat not found' });
        const message = store(chatId, { clientId, text, internal: event === 'admin:note', authorKind: 'OPERATOR' }, socket.id);
        if (loseNextAck) {
          // Stored, but the connection drops before the answer: the client must send it again.
          loseNextAck = false;
          socket.conn.close();
          return;
        }
        ack({ ok: true, data: { message } });
        if (racing) {
          race = null;
          racing.replyAcked.resolve();
        }
      });
    onSend('admin:message');
    onSend('admin:note');

    on('chat:assign', ({ chatId, operatorId }: { chatId: string; operatorId: string | null }, ack) => {
      if (!chats.has(chatId)) return ack({ ok: false, code: 'chat_not_found', message: 'Chat not found' });
      const chat = change(chatId, {
        assignedOperatorId: operatorId,
        assignedOperatorName: operatorId === OPERATOR.id ? OPERATOR.name : null,
        handledBy: operatorId ? 'OPERATOR' : 'UNASSIGNED',
        ...(operatorId && chats.get(chatId)?.aiState ? { aiState: 'HUMAN' as const } : {}),
      });
      ack({ ok: true, data: { chat } });
    });

    on('chat:snooze', ({ chatId, until }: { chatId: string; until: string }, ack) => {
      if (!chats.has(chatId)) return ack({ ok: false, code: 'chat_not_found', message: 'Chat not found' });
      ack({ ok: true, data: { chat: change(chatId, { status: 'SNOOZED', snoozedUntil: until }) } });
    });
  });

  /** Stores a message by the API's rules: once per client id, the chat's next sequence number. */
  function store(
    chatId: string,
    input: { clientId: string | null; text: string; internal: boolean; authorKind: MessageDto['authorKind'] },
    senderSocketId: string | null,
  ): MessageDto {
    const log = messages.get(chatId) ?? [];
    const stored = input.clientId ? log.find((m) => m.clientId === input.clientId) : undefined;
    if (stored) return stored;
    const publicSeq = input.internal ? null : log.filter((m) => m.publicSeq !== null).length + 1;
    const message: MessageDto = {
      id: `msg-${chatId}-${log.length + 1}`,
      chatId,
      seq: log.length + 1,
      publicSeq,
      clientId: input.clientId,
      authorKind: input.authorKind,
      authorId: input.authorKind === 'OPERATOR' ? OPERATOR.id : null,
      authorName: input.authorKind === 'OPERATOR' ? OPERATOR.name : null,
      text: input.text,
      internal: input.internal,
      attachment: null,
      systemEvent: null,
      createdAt: nextTime(),
    };
    messages.set(chatId, [...log, message]);
    const room = admin.to(`chat:${chatId}`);
    (senderSocketId ? room.except(senderSocketId) : room).emit('message:created', { message });
    change(chatId, { lastMessage: message, lastSeq: message.seq });
    return message;
  }

  /** Changes a chat's summary and tells every inbox (`chats:updated`, replace). */
  function change(chatId: string, patch: Partial<ChatSummaryDto>): ChatSummaryDto {
    const chat = { ...(chats.get(chatId) as ChatSummaryDto), ...patch, updatedAt: nextTime() };
    chats.set(chatId, chat);
    admin.emit('chats:updated', { chats: [chat] });
    return chat;
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    url,
    /** Every send that reached the server, in order. */
    received,
    /** Every `admin:join`, in order. */
    joins,
    messagesOf: (chatId: string): readonly MessageDto[] => messages.get(chatId) ?? [],
    /** A chat as if it existed before the test (no event sent). */
    seedChat(chat: ChatSummaryDto, visitorTexts: string[] = []): void {
      chats.set(chat.id, chat);
      for (const text of visitorTexts) {
        const log = messages.get(chat.id) ?? [];
        const message = earlierVisitorMessage(chat.id, log.length + 1, text);
        messages.set(chat.id, [...log, message]);
        chats.set(chat.id, { ...(chats.get(chat.id) as ChatSummaryDto), lastMessage: message, lastSeq: message.seq });
      }
    },
    /** A visitor writes (live: `message:created` to the chat's room, `chats:updated` to all). */
    visitorWrites: (chatId: string, text: string) => store(chatId, { clientId: null, text, internal: false, authorKind: 'VISITOR' }, null),
    change,
    /** The next sends are refused with these codes, in order. */
    refuseNext: (...codes: ErrorCode[]) => void refusals.push(...codes),
    /** The next send is stored, but its acknowledgement is lost with the connection. */
    loseNextAck: () => {
      loseNextAck = true;
    },
    /**
     * The next join reads its history, then a reply arrives and is stored and acknowledged before
     * the join answers (the API's handlers run concurrently): the join's history lacks the reply.
     */
    raceNextJoinWithReply: () => {
      race = { joined: false, snapshotTaken: deferred(), replyAcked: deferred() };
    },
    /** The network goes: open connections are cut and new ones refused until `online`. */
    offline(): void {
      refusingConnections = true;
      for (const socket of admin.sockets.values()) socket.conn.close();
    },
    online(): void {
      refusingConnections = false;
    },
    connectedSockets: () => admin.sockets.size,
    async close(): Promise<void> {
      await io.close();
    },
  };
}

/** A visitor's message from before the test. */
function earlierVisitorMessage(chatId: string, seq: number, text: string): MessageDto {
  return {
    id: `msg-${chatId}-${seq}`,
    chatId,
    seq,
    publicSeq: seq,
    clientId: null,
    authorKind: 'VISITOR',
    authorId: null,
    authorName: null,
    text,
    internal: false,
    attachment: null,
    systemEvent: null,
    createdAt: nextTime(),
  };
}

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
