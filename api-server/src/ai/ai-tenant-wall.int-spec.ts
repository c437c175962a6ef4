// The tenant wall around the AI: another organization's owner and an operator of the same
// organization not assigned to the site can neither read nor change a site's AI settings, a
// chat's transitions, suggestions or hand-backs, nor watch its AI stream; an assigned operator can.

import { randomUUID } from 'node:crypto';
import type { AiSettingsDto, ChatTransitionDto, ErrorBody } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { type AiSite, aiSite, putAiSettings, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import {
  adminRoundTrip,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextChatUpdate,
  ok,
  registerOwner,
} from '../../test/support/clients.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { AiAnswerService } from './ai-answer.service.js';

describe('AI tenant wall', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let victim: AiSite;
  let chatId: string;
  const apiKey = testApiKey();
  const tokens: Record<string, string> = {};
  const sockets: { close: () => void }[] = [];

  async function operatorToken(siteId: string | null): Promise<string> {
    const email = `op-${randomUUID()}@example.com`;
    const user = await createUser(t.prisma, {
      organizationId: victim.owner.user.organizationId,
      email,
      password: 'correct-horse-battery',
      name: 'Op',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    if (siteId) await t.prisma.siteUser.create({ data: { organizationId: victim.owner.user.organizationId, siteId, userId: user.id } });
    return (await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', { body: { email, password: 'correct-horse-battery' } })).body
      .accessToken;
  }

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), EGRESS_ALLOW: fake.egressAllow });
    victim = await aiSite(t.url, fake, apiKey, { instructions: 'victim instructions' });
    const widget = await connectWidget(t.url, victim.site.publicId);
    sockets.push(widget);
    const events = record(widget);
    ok(await widget.emitWithAck('visitor:join', {}));
    chatId = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'talk to a human' })).message.chatId;
    await events.waitFor('ai:handoff');
    tokens['owner of another organization'] = (await registerOwner(t.url)).accessToken;
    tokens['unassigned operator of the same organization'] = await operatorToken(null);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await fake.close();
  });

  for (const who of ['owner of another organization', 'unassigned operator of the same organization']) {
    it(`REST: the ${who} cannot read or change the AI of the victim's site and chat`, async () => {
      const token = tokens[who]!;
      const probes = [
        ['GET', `/sites/${victim.site.id}/ai`, undefined],
        ['PUT', `/sites/${victim.site.id}/ai`, { enabled: true, model: 'gpt-evil', apiKey: 'sk-intruder-0000000000', baseUrl: fake.url }],
        ['POST', `/sites/${victim.site.id}/ai/check`, undefined],
        ['GET', `/sites/${victim.site.id}/ai/usage?days=3`, undefined],
        ['GET', `/chats/${chatId}/transitions`, undefined],
        ['POST', `/chats/${chatId}/ai/suggest`, undefined],
      ] as const;
      for (const [method, path, body] of probes) {
        const response = await api<ErrorBody>(t.url, method, path, { token, body });
        expect([403, 404], `${method} ${path}`).toContain(response.status);
        const text = JSON.stringify(response.body);
        for (const secret of ['victim instructions', apiKey.slice(-4), 'visitor_requested']) expect(text).not.toContain(secret);
      }
      const settings = await t.prisma.aiSettings.findUniqueOrThrow({ where: { siteId: victim.site.id } });
      expect(settings).toMatchObject({ model: 'gpt-4.1-mini', instructions: 'victim instructions', apiKeyLast4: apiKey.slice(-4) });
    });

    it(`sockets: the ${who} cannot hand the victim's chat back nor watch its AI`, async () => {
      const socket = await connectAdmin(t.url, tokens[who]!);
      sockets.push(socket);
      const seen = record(socket);
      expect(await socket.emitWithAck('chat:handback', { chatId })).toMatchObject({ ok: false, code: 'chat_not_found' });
      expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).aiState).toBe('WAITING_FOR_HUMAN');

      // A new AI answer in the victim's site reaches no intruder socket.
      const widget = await connectWidget(t.url, victim.site.publicId);
      sockets.push(widget);
      const visitor = record(widget);
      // The barrier: the victim's own inbox gets the AI answer's (batched) summary, the answer has
      // ended, then a round trip on the intruder's socket comes after anything sent to it.
      const watcher = await connectAdmin(t.url, victim.token);
      sockets.push(watcher);
      const answered = nextChatUpdate(watcher, (chat) => chat.lastMessage?.authorKind === 'AI' && chat.siteId === victim.site.id);
      ok(await widget.emitWithAck('visitor:join', {}));
      ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'what do you sell?' }));
      await visitor.waitFor('ai:done');
      await answered;
      await t.app.get(AiAnswerService).whenIdle();
      await adminRoundTrip(socket);
      expect(seen.events).toEqual([]);
    });
  }

  it('an operator assigned to the site can read transitions and hand the chat back (so the refusals above are meaningful)', async () => {
    const token = await operatorToken(victim.site.id);
    const transitions = await api<ChatTransitionDto[]>(t.url, 'GET', `/chats/${chatId}/transitions`, { token });
    expect(transitions.status).toBe(200);
    expect(transitions.body.map((tr) => tr.reason)).toEqual(['visitor_requested']);
    const socket = await connectAdmin(t.url, token);
    sockets.push(socket);
    const back = ok(await socket.emitWithAck('chat:handback', { chatId }));
    expect(back.chat.aiState).toBe('AI');
    // …but not the site's AI settings.
    expect((await api<AiSettingsDto>(t.url, 'GET', `/sites/${victim.site.id}/ai`, { token })).status).toBe(403);
  });

  it('refuses invalid handback payloads (validation_failed)', async () => {
    const socket = await connectAdmin(t.url, victim.token);
    sockets.push(socket);
    for (const payload of [{}, { chatId: '' }, { chatId: 42 }, { chatId: 'x'.repeat(500) }]) {
      expect(await socket.emitWithAck('chat:handback', payload as never), JSON.stringify(payload)).toMatchObject({
        ok: false,
        code: 'validation_failed',
      });
    }
  });

  it('refuses a handback where the site has no AI (409 ai_not_configured)', async () => {
    const other = await aiSite(t.url, fake, apiKey);
    expect((await putAiSettings(t.url, other.token, other.site.id, { enabled: false, baseUrl: fake.url })).status).toBe(200);
    const widget = await connectWidget(t.url, other.site.publicId);
    sockets.push(widget);
    ok(await widget.emitWithAck('visitor:join', {}));
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello' }));
    const socket = await connectAdmin(t.url, other.token);
    sockets.push(socket);
    expect(await socket.emitWithAck('chat:handback', { chatId: message.chatId })).toMatchObject({ ok: false, code: 'ai_not_configured' });
  });
});
