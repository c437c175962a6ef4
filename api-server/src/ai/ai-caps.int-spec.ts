// Cost control: once a chat or a site's day has spent its tokens, the next question goes to people
// (reason cap_reached) without asking the model, and the copilot refuses.
import type { AiDonePayload, AiHandoffPayload, ChatTransitionDto, ErrorBody, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiSite, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok, type WidgetSocket } from '../../test/support/clients.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('AI token caps', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  const apiKey = testApiKey();
  const sockets: WidgetSocket[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), EGRESS_ALLOW: fake.egressAllow });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await fake.close();
  });

  async function visitor(publicId: string) {
    const socket = await connectWidget(t.url, publicId);
    sockets.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    const say = async (text: string) => ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text })).message;
    return { socket, events, say };
  }

  it('hands a chat over once it has spent its own cap, without asking the model', async () => {
    const ai = await aiSite(t.url, fake, apiKey, { chatTokenCap: 1000, dailyTokenCap: 1_000_000 });
    fake.script({ kind: 'answer', text: 'A long and costly answer.', usage: { inputTokens: 700, outputTokens: 200 } });
    const { events, say } = await visitor(ai.site.publicId);
    const first = await say('first question');
    await events.waitFor<AiDonePayload>('ai:done');
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } })).aiTokensUsed).toBe(900);

    // 900 < 1000: one more answer, which brings the chat to 1800.
    await say('second question');
    await events.waitFor<AiDonePayload>('ai:done', (d) => d.message.seq === 4);
    const requests = fake.requests.length;
    await say('third question');
    const handoff = await events.waitFor<AiHandoffPayload>('ai:handoff');
    expect(handoff).toMatchObject({ reason: 'cap_reached', state: 'WAITING_FOR_HUMAN' });
    expect((await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM')).text).toMatch(/colleague/);
    expect(fake.requests.length).toBe(requests);
    const transitions = (await api<ChatTransitionDto[]>(t.url, 'GET', `/chats/${first.chatId}/transitions`, { token: ai.token })).body;
    expect(transitions).toEqual([
      expect.objectContaining({ reason: 'cap_reached', detail: expect.stringMatching(/1800 of its 1000 tokens/) }),
    ]);

    // Another chat of the same site is not affected by this chat's cap.
    const other = await visitor(ai.site.publicId);
    await other.say('hello');
    expect((await other.events.waitFor<AiDonePayload>('ai:done')).message.authorKind).toBe('AI');
  });

  it("hands new chats over once the site's day has spent its cap; the copilot refuses too", async () => {
    const ai = await aiSite(t.url, fake, apiKey, { chatTokenCap: 1000, dailyTokenCap: 1000 });
    fake.script({ kind: 'answer', text: 'Costly.', usage: { inputTokens: 900, outputTokens: 150 } });
    const first = await visitor(ai.site.publicId);
    const firstMessage = await first.say('question one');
    await first.events.waitFor('ai:done');

    const requests = fake.requests.length;
    const second = await visitor(ai.site.publicId);
    const secondMessage = await second.say('question two');
    expect(await second.events.waitFor<AiHandoffPayload>('ai:handoff')).toMatchObject({ reason: 'cap_reached' });
    expect(fake.requests.length).toBe(requests);
    const transition = await t.prisma.chatTransition.findFirstOrThrow({ where: { chatId: secondMessage.chatId } });
    expect(transition.detail).toMatch(/1050 of its 1000 tokens today/);
    const today = (
      await api<{ inputTokens: number; outputTokens: number; requests: number; handoffs: number }[]>(
        t.url,
        'GET',
        `/sites/${ai.site.id}/ai/usage?days=1`,
        { token: ai.token },
      )
    ).body;
    expect(today).toEqual([expect.objectContaining({ inputTokens: 900, outputTokens: 150, requests: 1, handoffs: 1 })]);

    const refused = await api<ErrorBody>(t.url, 'POST', `/chats/${firstMessage.chatId}/ai/suggest`, { token: ai.token });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'ai_unavailable', message: expect.stringMatching(/daily AI token cap/) });
    expect(fake.requests.length).toBe(requests);
  });
});
