// One write path for messages: whatever route stores a message (a socket, a REST upload, the AI,
// an auto-reply, a system note), the chats domain announces it once as `messageStored`, and the
// same things follow: fan-out, the AI answering or stepping aside, auto-replies and follow-ups.
// Real PostgreSQL, real sockets, real multipart uploads; OpenAI faked at the wire.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AiAbortedPayload, AiDeltaPayload, AttachmentUploadResult, CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAiSettings, record, testApiKey, testKeyring, untilPasses } from '../../test/support/ai.js';
import { addRule, handledVisitorMessages } from '../../test/support/automation.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  ok,
  registerOwner,
  type WidgetSocket,
  widgetRoundTrip,
} from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { AiAnswerService } from '../ai/ai-answer.service.js';
import { ChatEventsService, type MessageAuthor } from '../events/chat-events.service.js';
import { tinyPng } from '../uploads/test-files.js';

const ORIGIN = 'https://shop.example';
/** 60 words, 40 ms apart: about 2.4 s of streaming, long enough to interrupt. */
const SLOW = { kind: 'answer', text: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '), delayMs: 40 } as const;

type Recorder = ReturnType<typeof record>;
type Visitor = { socket: WidgetSocket; visitorId: string; events: Recorder };

describe('one write path for messages', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let uploadsDir: string;
  let token: string;
  let ownerId: string;
  let admin: AdminSocket;
  let handled: string[];
  /** Every `messageStored` event of the app: message id and author kind. */
  const announced: { id: string; kind: MessageAuthor['kind'] }[] = [];
  const apiKey = testApiKey();
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    uploadsDir = await mkdtemp(path.join(tmpdir(), 'chatiq-write-path-'));
    fake = await startFakeOpenAi({ apiKey });
    t = await startTestApp({
      AI_SECRET_KEYS: testKeyring(),
      EGRESS_ALLOW: fake.egressAllow,
      UPLOADS_DIR: uploadsDir,
      SOCKET_EVENTS_PER_SECOND: '1000',
    });
    handled = handledVisitorMessages(t.app);
    t.app
      .get(ChatEventsService)
      .on(
        'messageStored',
        ({ posted, author }) => void announced.push({ id: posted.message.id, kind: author.kind }),
        Number.MAX_SAFE_INTEGER,
      );
    const owner = await registerOwner(t.url);
    token = owner.accessToken;
    ownerId = owner.user.id;
    admin = await connectAdmin(t.url, token);
    sockets.push(admin);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await fake?.close();
    await rm(uploadsDir, { recursive: true, force: true });
  });

  // ---- the routes that store a message ---------------------------------------------------------

  function fileForm(fields: Record<string, string>): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'photo.png');
    return data;
  }

  async function upload(url: string, body: FormData, headers: Record<string, string>): Promise<MessageDto> {
    const response = await fetch(`${t.url}${url}`, { method: 'POST', body, headers });
    const json = (await response.json()) as AttachmentUploadResult;
    if (response.status !== 201 && response.status !== 200) throw new Error(`upload refused: ${response.status} ${JSON.stringify(json)}`);
    return json.message;
  }

  type VisitorRoute = { route: string; send: (site: CreatedSiteDto, v: Visitor, text: string, clientId?: string) => Promise<MessageDto> };
  const visitorRoutes: VisitorRoute[] = [
    {
      route: 'socket text (visitor:message)',
      send: async (_site, v, text, clientId = newClientId()) =>
        ok(await v.socket.emitWithAck('visitor:message', { clientId, text })).message,
    },
    {
      route: 'REST file upload (POST /widget/attachments)',
      send: (site, v, text, clientId = newClientId()) =>
        upload('/widget/attachments', fileForm({ siteId: site.publicId, visitorId: v.visitorId, clientId, text }), { origin: ORIGIN }),
    },
  ];

  type OperatorRoute = { route: string; send: (chatId: string, text: string, clientId?: string) => Promise<MessageDto> };
  const operatorRoutes: OperatorRoute[] = [
    {
      route: 'socket text (admin:message)',
      send: async (chatId, text, clientId = newClientId()) =>
        ok(await admin.emitWithAck('admin:message', { chatId, clientId, text })).message,
    },
    {
      route: 'REST file upload (POST /chats/:chatId/attachments)',
      send: (chatId, text, clientId = newClientId()) =>
        upload(`/chats/${chatId}/attachments`, fileForm({ clientId, text }), { authorization: `Bearer ${token}` }),
    },
  ];

  // ---- helpers ---------------------------------------------------------------------------------

  async function site(name: string, options: { closed?: boolean; ai?: boolean } = {}): Promise<CreatedSiteDto> {
    const created = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name } })).body;
    if (options.closed) {
      // No opening hours at all: always outside hours, whatever the clock says.
      await api(t.url, 'PUT', `/sites/${created.id}/business-hours`, { token, body: { timezone: 'UTC', weekly: [] } });
    }
    if (options.ai) {
      const saved = await putAiSettings(t.url, token, created.id, { apiKey, baseUrl: fake.url });
      if (saved.status !== 200) throw new Error(`AI settings refused: ${saved.status}`);
    }
    return created;
  }

  async function visitor(s: CreatedSiteDto): Promise<Visitor> {
    const socket = await connectWidget(t.url, s.publicId, ORIGIN);
    sockets.push(socket);
    const events = record(socket);
    const { visitorId } = ok(await socket.emitWithAck('visitor:join', { locale: 'en' }));
    return { socket, visitorId, events };
  }

  const chatRow = (chatId: string) => t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });

  /** The barrier: the listeners of this visitor message have all run. */
  const listenersRan = (message: MessageDto) => eventually('the message’s listeners ran', () => handled.includes(message.id));

  /**
   * Every message of the chat was announced exactly once, as written by its author kind (resends
   * included: they are never announced again).
   */
  async function expectEachAnnouncedOnce(chatId: string): Promise<void> {
    await untilPasses(async () => {
      const rows = await t.prisma.message.findMany({ where: { chatId }, orderBy: { seq: 'asc' } });
      for (const row of rows) {
        expect(announced.filter((a) => a.id === row.id)).toEqual([{ id: row.id, kind: row.authorKind }]);
      }
    });
  }

  // ---- visitors --------------------------------------------------------------------------------

  describe.each(visitorRoutes)("a visitor's $route", ({ send }) => {
    it('reaches the operators, and a resend of it is neither stored nor announced again', async () => {
      const s = await site('Plain');
      const v = await visitor(s);
      const first = await send(s, v, 'hello there');
      ok(await admin.emitWithAck('admin:join', { chatId: first.chatId }));
      const operator = record(admin);
      const second = await send(s, v, 'are you there?');
      await operator.waitFor<{ message: MessageDto }>('message:created', ({ message }) => message.id === second.id);
      const clientId = newClientId();
      const third = await send(s, v, 'once only', clientId);
      expect((await send(s, v, 'once only', clientId)).id).toBe(third.id);
      await listenersRan(third);
      expect(await t.prisma.message.count({ where: { chatId: first.chatId } })).toBe(3);
      await expectEachAnnouncedOnce(first.chatId);
      admin.offAny();
    });

    it('outside hours: the auto-replies fire and the chat is marked for follow-up, as for text', async () => {
      const s = await site('Night desk', { closed: true });
      await addRule(t.url, token, s.id, { trigger: 'OUTSIDE_HOURS', replyText: 'We are closed; we will write back', position: 0 });
      await addRule(t.url, token, s.id, {
        trigger: 'KEYWORD',
        keywords: ['invoice'],
        replyText: 'Invoices are under Billing',
        position: 1,
      });
      const v = await visitor(s);
      const message = await send(s, v, 'where is my invoice?');
      await listenersRan(message);
      const replies = async () =>
        v.events
          .of<MessageDto>('admin:message')
          .filter((m) => m.chatId === message.chatId)
          .map((m) => m.text);
      await untilPasses(async () => expect(await replies()).toEqual(['We are closed; we will write back', 'Invoices are under Billing']));
      expect((await chatRow(message.chatId)).followUpAt).not.toBeNull();
      const firings = await t.prisma.autoReplyFiring.count({ where: { chatId: message.chatId } });
      expect(firings).toBe(2);
      await expectEachAnnouncedOnce(message.chatId);
    });

    it('on a site with the AI on: the AI answers it', async () => {
      const s = await site('AI desk', { ai: true });
      fake.script({ kind: 'answer', text: 'That photo shows our blue mug.' });
      const v = await visitor(s);
      const message = await send(s, v, 'what is this?');
      const answer = await v.events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'AI' && m.chatId === message.chatId);
      expect(answer.text).toBe('That photo shows our blue mug.');
      await t.app.get(AiAnswerService).whenIdle();
      expect(await chatRow(message.chatId)).toMatchObject({ aiState: 'AI', handledBy: 'AI' });
      await expectEachAnnouncedOnce(message.chatId);
    });
  });

  // ---- operators -------------------------------------------------------------------------------

  describe.each(operatorRoutes)("an operator's $route", ({ send }) => {
    it('into an AI chat mid-stream: the stream stops and the chat is the operator’s', async () => {
      const s = await site('AI takeover', { ai: true });
      const v = await visitor(s);
      fake.script(SLOW);
      const { message } = ok(await v.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Tell me everything' }));
      const streaming = await v.events.waitFor<AiDeltaPayload>('ai:delta', (d) => d.index >= 2);

      const reply = await send(message.chatId, 'I will take it from here');
      expect(await v.events.waitFor<AiAbortedPayload>('ai:aborted')).toMatchObject({
        streamId: streaming.streamId,
        reason: 'operator_takeover',
      });
      await untilPasses(async () => expect(await chatRow(message.chatId)).toMatchObject({ aiState: 'HUMAN', handledBy: 'OPERATOR' }));
      // Once the answer has wound down, nothing of it arrives or is stored.
      await t.app.get(AiAnswerService).whenIdle();
      await widgetRoundTrip(v.socket);
      expect(v.events.of('ai:done')).toEqual([]);
      expect(await t.prisma.message.count({ where: { chatId: message.chatId, authorKind: 'AI' } })).toBe(0);
      const delivered = await v.events.waitFor<MessageDto>('admin:message', (m) => m.id === reply.id);
      expect(delivered.authorKind).toBe('OPERATOR');
      const transitions = await t.prisma.chatTransition.findMany({ where: { chatId: message.chatId } });
      expect(transitions.map((tr) => [tr.from, tr.to, tr.reason])).toEqual([['AI', 'HUMAN', 'operator_takeover']]);
      await expectEachAnnouncedOnce(message.chatId);
    });

    it('answers a chat waiting for a follow-up: the follow-up is cleared; a resend announces nothing', async () => {
      const s = await site('Follow-up desk', { closed: true });
      const v = await visitor(s);
      const { message } = ok(await v.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'anyone?' }));
      await listenersRan(message);
      expect((await chatRow(message.chatId)).followUpAt).not.toBeNull();

      const clientId = newClientId();
      const reply = await send(message.chatId, 'Here now, how can I help?', clientId);
      await untilPasses(async () => expect(await chatRow(message.chatId)).toMatchObject({ followUpAt: null, followUpNotifiedAt: null }));
      await v.events.waitFor<MessageDto>('admin:message', (m) => m.id === reply.id);
      expect((await send(message.chatId, 'Here now, how can I help?', clientId)).id).toBe(reply.id);
      await expectEachAnnouncedOnce(message.chatId);
    });
  });

  // ---- the server's own messages -----------------------------------------------------------------

  it('system notes (assignment) and AI answers are announced once each, with their author kind', async () => {
    const s = await site('Notes', { ai: true });
    fake.script({ kind: 'answer', text: 'Happy to help.' });
    const v = await visitor(s);
    const { message } = ok(await v.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hi' }));
    await v.events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'AI' && m.chatId === message.chatId);
    const operator = record(admin);
    ok(await admin.emitWithAck('admin:join', { chatId: message.chatId }));
    ok(await admin.emitWithAck('chat:assign', { chatId: message.chatId, operatorId: ownerId }));
    const note = await operator.waitFor<{ message: MessageDto }>(
      'message:created',
      ({ message: m }) => m.chatId === message.chatId && m.authorKind === 'SYSTEM' && m.internal,
    );
    expect(note.message.systemEvent?.code).toBe('chat.self_assigned');
    await t.app.get(AiAnswerService).whenIdle();
    await expectEachAnnouncedOnce(message.chatId);
    const kinds = announced.filter((a) => a.kind !== 'VISITOR').map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['AI', 'SYSTEM', 'OPERATOR']));
    admin.offAny();
  });
});
