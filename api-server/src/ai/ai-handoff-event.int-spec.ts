// The message a visitor reads when the AI hands the chat to people is in the visitor's language,
// and carries its code (`ai.handoff`, with the reason) for clients that render by code.
import type { MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AiSite, aiSite, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok } from '../../test/support/clients.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('the AI handoff message', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let ai: AiSite;
  const apiKey = testApiKey();
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), EGRESS_ALLOW: fake.egressAllow });
    ai = await aiSite(t.url, fake, apiKey);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
    await fake.close();
  });

  it("is in the visitor's language and carries the code and the reason", async () => {
    const socket = await connectWidget(t.url, ai.site.publicId);
    open.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', { locale: 'uk' }));
    const asked = ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Хочу поговорити з людиною' })).message;

    const told = await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM');
    expect(told.text).toMatch(/колезі/);
    expect(told).toMatchObject({ internal: false, systemEvent: { code: 'ai.handoff', params: { reason: 'visitor_requested' } } });
    const stored = await t.prisma.message.findUniqueOrThrow({ where: { id: told.id } });
    expect(stored.systemEvent).toEqual({ code: 'ai.handoff', params: { reason: 'visitor_requested' } });
    const history = (await api<MessageDto[]>(t.url, 'GET', `/chats/${asked.chatId}/messages`, { token: ai.token })).body;
    expect(history.find((m) => m.id === told.id)?.systemEvent).toEqual(stored.systemEvent);
  });
});
