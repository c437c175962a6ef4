// Auto-replies in real conversations: a real widget socket writes, rules fire (or not) as the
// site's owner set them up; NO_REPLY waits are driven by a clock the test controls.
import type { AuthResponse, ChatStatusPayload, ChatSummaryDto, CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addRule, createMember, createSiteOver, handledVisitorMessages, joinVisitor, type Visitor } from '../../test/support/automation.js';
import { api, connectAdmin, newClientId, nextEvent, ok, registerOwner, widgetRoundTrip } from '../../test/support/clients.js';
import { type ControlledClock, controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

/** The catch-all rule at the end of the list: its reply marks "every rule before it was evaluated". */
const SENTINEL = { trigger: 'PATTERN', pattern: '.', replyText: 'sentinel', position: 1000 } as const;

describe('auto-replies', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let clock: ControlledClock;
  let handled: string[];
  const visitors: Visitor[] = [];
  /** Every listener has run for `message`, and everything sent to `v` meanwhile has arrived. */
  const rulesRan = async (v: Visitor, message: MessageDto) => {
    await eventually('the listeners of the message', () => handled.includes(message.id));
    await widgetRoundTrip(v.socket);
  };

  const site = (name: string) => createSiteOver(t.url, owner.accessToken, name);
  const rule = (siteId: string, body: Parameters<typeof addRule>[3]) => addRule(t.url, owner.accessToken, siteId, body);
  const visitor = async (s: CreatedSiteDto, join = {}) => {
    const v = await joinVisitor(t.url, s.publicId, join);
    visitors.push(v);
    return v;
  };
  const texts = (messages: MessageDto[]) => messages.map((m) => m.text);
  const history = async (chatId: string) =>
    (await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: owner.accessToken })).body;

  beforeAll(async () => {
    t = await startTestApp({ AUTOMATION_TICK_MS: '50', AUTH_RATE_LIMIT: '1000' });
    clock = controlClock([t.app]);
    handled = handledVisitorMessages(t.app);
    owner = await registerOwner(t.url, 'rules');
  });
  // Each test starts with the clock at the real time (messages are stamped with it).
  beforeEach(() => clock.set(new Date()));
  afterEach(() => {
    for (const v of visitors.splice(0)) v.socket.close();
  });
  afterAll(() => t?.close());

  it('fires matching rules in position order, skips disabled ones, stops after a stopAfter rule', async () => {
    const s = await site('Order');
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['price'], replyText: 'A: prices', position: 2 });
    await rule(s.id, { trigger: 'PATTERN', pattern: 'order\\s*#?\\d+', replyText: 'B: order', position: 1 });
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['price'], replyText: 'C: disabled', position: 0, enabled: false });
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['stop'], replyText: 'D: stop', position: 3, stopAfter: true });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);

    const first = await v.say('What is the price of order #1234?');
    expect(texts(await v.until('sentinel'))).toEqual(['B: order', 'A: prices', 'sentinel']);

    // Each reply is a visible SYSTEM message followed by a private note logging the firing (the
    // last note is written after the visitor got the sentinel).
    const stored = await eventually('the last firing note', async () => {
      const messages = await history(first.chatId);
      return messages.length >= 7 && messages;
    });
    expect(stored.map((m) => [m.authorKind, m.internal, m.text.split(' (')[0]])).toEqual([
      ['VISITOR', false, 'What is the price of order #1234?'],
      ['SYSTEM', false, 'B: order'],
      ['SYSTEM', true, 'Auto-reply: pattern rule'],
      ['SYSTEM', false, 'A: prices'],
      ['SYSTEM', true, 'Auto-reply: keyword rule'],
      ['SYSTEM', false, 'sentinel'],
      ['SYSTEM', true, 'Auto-reply: pattern rule'],
    ]);
    expect(stored[2]!.text).toBe('Auto-reply: pattern rule (/order\\s*#?\\d+/) answered message #1');
    const firings = await t.prisma.autoReplyFiring.findMany({ where: { chatId: first.chatId }, include: { autoReply: true } });
    expect(firings.map((f) => [f.autoReply.replyText, f.cause]).sort()).toEqual([
      ['A: prices', '1'],
      ['B: order', '1'],
      ['sentinel', '1'],
    ]);
    expect(firings.every((f) => f.messageId !== null)).toBe(true);

    // "stop" fires D, which ends the evaluation: no sentinel this time.
    v.received.length = 0;
    const stop = await v.say('price? stop');
    expect(texts(await v.until('D: stop'))).toEqual(['A: prices', 'D: stop']);
    await rulesRan(v, stop);
    expect(texts(v.received)).toEqual(['A: prices', 'D: stop']);
  });

  it('matches keywords as whole words in any script and patterns case-insensitively', async () => {
    const s = await site('Words');
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['ціна', 'доставка додому'], replyText: 'Ціни тут', position: 0 });
    await rule(s.id, { trigger: 'PATTERN', pattern: 'refund(s)?\\b', replyText: 'About refunds', position: 1 });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);
    await v.say('Яка ЦІНА?');
    expect(texts(await v.until('sentinel'))).toEqual(['Ціни тут', 'sentinel']);
    v.received.length = 0;
    await v.say('ціназ, refundable'); // neither a whole word nor the pattern
    expect(texts(await v.until('sentinel'))).toEqual(['sentinel']);
    v.received.length = 0;
    await v.say('Чи є доставка   додому? REFUNDS please');
    expect(texts(await v.until('sentinel'))).toEqual(['Ціни тут', 'About refunds', 'sentinel']);
  });

  it('FIRST_MESSAGE greets the first message of each chat, with variables filled in', async () => {
    const s = await site('Greeter');
    await rule(s.id, { trigger: 'FIRST_MESSAGE', replyText: 'Hi {visitor.name}, welcome to {site.name}!', position: 0 });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);
    ok(await v.socket.emitWithAck('visitor:identify', { name: 'Ann' }));
    const first = await v.say('hello');
    expect(texts(await v.until('sentinel'))).toEqual(['Hi Ann, welcome to Greeter!', 'sentinel']);
    v.received.length = 0;
    await v.say('second message');
    expect(texts(await v.until('sentinel'))).toEqual(['sentinel']);

    // Resolved: the next message starts a new chat, greeted again.
    const admin = await connectAdmin(t.url, owner.accessToken);
    ok(await admin.emitWithAck('chat:resolve', { chatId: first.chatId }));
    admin.close();
    v.received.length = 0;
    const again = await v.say('back again');
    expect(again.chatId).not.toBe(first.chatId);
    expect(texts(await v.until('sentinel'))).toEqual(['Hi Ann, welcome to Greeter!', 'sentinel']);
  });

  it('OUTSIDE_HOURS answers once per closed period and marks the chat for follow-up', async () => {
    const s = await site('Night shift');
    await api(t.url, 'PUT', `/sites/${s.id}/business-hours`, { token: owner.accessToken, body: { timezone: 'UTC', weekly: [] } });
    await rule(s.id, { trigger: 'OUTSIDE_HOURS', replyText: 'We are closed; leave your email', position: 0 });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);
    const first = await v.say('anyone?');
    expect(texts(await v.until('sentinel'))).toEqual(['We are closed; leave your email', 'sentinel']);
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } });
    expect(chat.followUpAt).not.toBeNull();

    v.received.length = 0;
    await v.say('hello??');
    expect(texts(await v.until('sentinel'))).toEqual(['sentinel']);

    // Open again (hours off): no closed reply.
    await api(t.url, 'PUT', `/sites/${s.id}/business-hours`, { token: owner.accessToken, body: { timezone: 'UTC', enabled: false } });
    v.received.length = 0;
    await v.say('now?');
    expect(texts(await v.until('sentinel'))).toEqual(['sentinel']);
  });

  it('sets the status and assigns the chat when the rule says so, fanned out like an operator’s change', async () => {
    const s = await site('Routing');
    const olha = await createMember(t.url, t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'olha@example.com',
      name: 'Olha',
      role: 'OPERATOR',
      siteIds: [s.id],
    });
    await rule(s.id, {
      trigger: 'KEYWORD',
      keywords: ['human'],
      replyText: '{operator.name} will answer you',
      setStatus: 'PENDING',
      assignToOperatorId: olha.id,
    });
    const admin = await connectAdmin(t.url, owner.accessToken);
    const v = await visitor(s);
    const updates: ChatSummaryDto[] = [];
    admin.on('chats:updated', ({ chats }) => updates.push(...chats));
    const status = nextEvent<ChatStatusPayload>(v.socket, 'chat:status');
    const sent = await v.say('I want a human');
    expect(texts(await v.until('Olha will answer you'))).toEqual(['Olha will answer you']);
    expect(await status).toEqual({ chatId: sent.chatId, status: 'PENDING' });
    const updated = await eventually('the assigned summary', () =>
      updates.find((c) => c.assignedOperatorId === olha.id && c.status === 'PENDING'),
    );
    expect(updated.assignedOperatorName).toBe('Olha');
    const note = (await eventually('the note', async () => (await history(sent.chatId)).find((m) => m.internal)))!;
    expect(note.text).toBe('Auto-reply: keyword rule ("human") answered message #1; status set to PENDING; assigned to Olha');
    admin.close();
  });

  it('never loops: replies are not visitor messages, so they trigger nothing', async () => {
    const s = await site('Ping pong');
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['ping'], replyText: 'pong!' });
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['pong'], replyText: 'ping!' });
    const v = await visitor(s);
    const sent = await v.say('ping');
    expect(texts(await v.until('pong!'))).toEqual(['pong!']);
    await rulesRan(v, sent);
    // A later visitor message that matches nothing: whatever the reply set off started before it.
    const later = await v.say('bye');
    await rulesRan(v, later);
    expect(texts(v.received)).toEqual(['pong!']);
    const stored = await history(sent.chatId);
    expect(stored.filter((m) => !m.internal).map((m) => m.text)).toEqual(['ping', 'pong!', 'bye']);
  });

  it('NO_REPLY fires once the wait is reached, once per message, and not after an operator answered', async () => {
    const s = await site('Patience');
    await rule(s.id, { trigger: 'NO_REPLY', noReplySeconds: 60, replyText: 'Still here, one moment', position: 0 });
    await rule(s.id, { trigger: 'NO_REPLY', noReplySeconds: 120, replyText: 'Sorry for the wait', position: 1 });
    const v = await visitor(s);
    const sent = await v.say('hello?');
    const at = (seconds: number, message = sent) => clock.set(new Date(Date.parse(message.createdAt) + seconds * 1000));

    // Each step waits for a whole scheduler tick at the new time, then for a round trip on the
    // widget (behind anything the tick sent it).
    await at(59);
    await widgetRoundTrip(v.socket);
    expect(v.received).toEqual([]);
    await at(60);
    await widgetRoundTrip(v.socket);
    expect(texts(v.received)).toEqual(['Still here, one moment']);
    await at(119);
    await widgetRoundTrip(v.socket);
    expect(texts(v.received)).toEqual(['Still here, one moment']);
    await at(125);
    await widgetRoundTrip(v.socket);
    expect(texts(v.received)).toEqual(['Still here, one moment', 'Sorry for the wait']);
    await at(900);
    await widgetRoundTrip(v.socket);
    expect(texts(v.received)).toEqual(['Still here, one moment', 'Sorry for the wait']);
    const firings = await t.prisma.autoReplyFiring.findMany({ where: { chatId: sent.chatId } });
    expect(firings.map((f) => f.cause)).toEqual(['1', '1']);
    const notes = (await history(sent.chatId)).filter((m) => m.internal).map((m) => m.text);
    expect(notes).toEqual([
      'Auto-reply: no-reply rule (60 s without an answer) answered message #1',
      'Auto-reply: no-reply rule (120 s without an answer) answered message #1',
    ]);

    // A new visitor message starts a new wait…
    v.received.length = 0;
    // Messages are stamped by the real clock: bring the scheduler's back first, or a tick in between
    // would see the new message as already 900 s old.
    await clock.set(new Date());
    const next = await v.say('still nobody?');
    await at(61, next);
    expect(texts(await v.until('Still here, one moment'))).toEqual(['Still here, one moment']);

    // …and an operator's answer ends it.
    const admin = await connectAdmin(t.url, owner.accessToken);
    ok(await admin.emitWithAck('admin:join', { chatId: sent.chatId }));
    // The clock back to the real time again: at next + 61 s a tick would find 'and now?' unanswered
    // for 60 s before the operator's answer is stored.
    await clock.set(new Date());
    const third = await v.say('and now?');
    ok(await admin.emitWithAck('admin:message', { chatId: sent.chatId, clientId: newClientId(), text: 'Here I am' }));
    await v.until('Here I am');
    v.received.length = 0;
    await at(600, third);
    await widgetRoundTrip(v.socket);
    expect(v.received).toEqual([]);
    admin.close();
  });

  it('leaves the chat to the AI while it holds it, but still marks follow-ups', async () => {
    const s = await site('AI site');
    await api(t.url, 'PUT', `/sites/${s.id}/business-hours`, { token: owner.accessToken, body: { timezone: 'UTC', weekly: [] } });
    await rule(s.id, { trigger: 'KEYWORD', keywords: ['price'], replyText: 'Prices' });
    await rule(s.id, { trigger: 'NO_REPLY', noReplySeconds: 30, replyText: 'Still here' });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);
    const first = await v.say('hi');
    await v.until('sentinel');
    // The AI assistant takes the chat (as the AI module records it) and the follow-up is handled.
    await t.prisma.chat.update({ where: { id: first.chatId }, data: { aiState: 'AI', followUpAt: null } });
    v.received.length = 0;
    const second = await v.say('what is the price?');
    await rulesRan(v, second);
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } })).followUpAt).not.toBeNull();
    await clock.set(new Date(Date.parse(second.createdAt) + 60_000));
    await widgetRoundTrip(v.socket);
    expect(v.received).toEqual([]);
    expect(await t.prisma.autoReplyFiring.count({ where: { chatId: first.chatId, cause: String(second.seq) } })).toBe(0);
  });

  it('a pathological pattern cannot stall the server', async () => {
    const s = await site('Evil patterns');
    // Each takes exponential time in a backtracking engine on the text below (or a long time for the
    // alternation); RE2 runs each in one linear pass. None matches; the sentinel proves they all ran.
    await rule(s.id, { trigger: 'PATTERN', pattern: '(a+)+$', replyText: 'nested quantifier matched', position: 0 });
    await rule(s.id, { trigger: 'PATTERN', pattern: '(a|aa)+$', replyText: 'overlapping alternation matched', position: 1 });
    await rule(s.id, { trigger: 'PATTERN', pattern: '(.*a){12}x', replyText: 'repeated wildcard matched', position: 2 });
    await rule(s.id, SENTINEL);
    const v = await visitor(s);
    const evil = `${'a'.repeat(4999)}!`;
    const health = async () => (await fetch(`${t.url}/health`)).status;
    // Several evil messages in flight while the API keeps answering other requests.
    const sends = Promise.all([v.say(evil), v.say(`${evil.slice(1)}?`), v.say(`b${evil.slice(2)}`)]);
    const answers = await Promise.all([health(), health(), health()]);
    expect(answers).toEqual([200, 200, 200]);
    await sends;
    await eventually('three sentinels', () => v.received.filter((m) => m.text === 'sentinel').length === 3, 15_000);
    expect(texts(v.received)).toEqual(['sentinel', 'sentinel', 'sentinel']);
    // A pattern that does match a long text still fires.
    await rule(s.id, { trigger: 'PATTERN', pattern: '^a+!$', replyText: 'matched the whole text', position: 1 });
    v.received.length = 0;
    await v.say(evil);
    expect(texts(await v.until('sentinel', 15_000))).toEqual(['matched the whole text', 'sentinel']);
  });
});
