// The private note an auto-reply leaves in the chat carries its code and parameters
// (`auto_reply.fired`), for the inbox to render in the operator's language; the reply itself is
// the rule owner's text and has none.
import type { AuthResponse, MessageDto } from '@chatiq/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addRule, createMember, createSiteOver, joinVisitor, type Visitor } from '../../test/support/automation.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('auto-reply notes', () => {
  let t: TestApp;
  let owner: AuthResponse;
  const visitors: Visitor[] = [];

  const note = async (chatId: string) =>
    eventually('the auto-reply note', async () =>
      (await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: owner.accessToken })).body.find((m) => m.internal),
    );

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT: '1000' });
    owner = await registerOwner(t.url, 'notes');
  });
  afterEach(() => {
    for (const v of visitors.splice(0)) v.socket.close();
  });
  afterAll(() => t?.close());

  it('records the trigger, the message answered and what the rule did', async () => {
    const site = await createSiteOver(t.url, owner.accessToken, 'Notes');
    const olha = await createMember(t.url, t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'olha-notes@example.com',
      name: 'Olha',
      role: 'OPERATOR',
      siteIds: [site.id],
    });
    await addRule(t.url, owner.accessToken, site.id, {
      trigger: 'KEYWORD',
      keywords: ['human', 'людина'],
      replyText: 'One moment',
      setStatus: 'PENDING',
      assignToOperatorId: olha.id,
    });
    const v = await joinVisitor(t.url, site.publicId);
    visitors.push(v);
    const sent = await v.say('I want a human');
    const reply = (await v.until('One moment')).find((m) => m.text === 'One moment');
    // The visitor's copy of the reply: the owner's text, no code.
    expect(reply).toMatchObject({ authorKind: 'SYSTEM', text: 'One moment', systemEvent: null });

    const logged = await note(sent.chatId);
    expect(logged).toMatchObject({
      authorKind: 'SYSTEM',
      text: 'Auto-reply: keyword rule ("human", "людина") answered message #1; status set to PENDING; assigned to Olha',
      systemEvent: {
        code: 'auto_reply.fired',
        params: { trigger: 'KEYWORD', keywords: '"human", "людина"', seq: '1', status: 'PENDING', assignee: 'Olha' },
      },
    });
    expect(Object.keys(logged.systemEvent!.params).sort()).toEqual(['assignee', 'keywords', 'seq', 'status', 'trigger']);
    const stored = await t.prisma.message.findUniqueOrThrow({ where: { id: logged.id } });
    expect(stored.systemEvent).toEqual(logged.systemEvent);
  });

  it("says so when the rule's operator can no longer take the chat", async () => {
    const site = await createSiteOver(t.url, owner.accessToken, 'Notes 2');
    const gone = await createMember(t.url, t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'gone-notes@example.com',
      name: 'Gone',
      role: 'OPERATOR',
      siteIds: [site.id],
    });
    await addRule(t.url, owner.accessToken, site.id, {
      trigger: 'PATTERN',
      pattern: 'order\\s*\\d+',
      replyText: 'Checking',
      assignToOperatorId: gone.id,
    });
    await t.prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    const v = await joinVisitor(t.url, site.publicId);
    visitors.push(v);
    await v.say('hi');
    const sent = await v.say('where is order 42');
    await v.until('Checking');
    expect(await note(sent.chatId)).toMatchObject({
      text: 'Auto-reply: pattern rule (/order\\s*\\d+/) answered message #2; not assigned: the operator can no longer take this chat',
      systemEvent: { code: 'auto_reply.fired', params: { trigger: 'PATTERN', pattern: 'order\\s*\\d+', seq: '2', notAssigned: 'true' } },
    });
  });
});
