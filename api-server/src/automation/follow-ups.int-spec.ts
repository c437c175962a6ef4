// Offline follow-up and transcripts, mailed over a real SMTP conversation to a server in this
// process: who gets the mail, what it says, and that it is sent once.
import type { Ack, AuthResponse, ChatSummaryDto, CreatedSiteDto, EmptyAck } from '@chatiq/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMember, createSiteOver, handledVisitorMessages, joinVisitor, type Visitor } from '../../test/support/automation.js';
import { type AdminSocket, api, connectAdmin, newClientId, ok, registerOwner } from '../../test/support/clients.js';
import { type ControlledClock, controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const ADMIN_URL = 'https://admin.chatiq.test';

describe('follow-ups and transcripts by email', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let clock: ControlledClock;
  let handled: string[];
  let owner: AuthResponse;
  let admin: AdminSocket;
  const visitors: Visitor[] = [];

  const visitor = async (site: CreatedSiteDto) => {
    const v = await joinVisitor(t.url, site.publicId);
    visitors.push(v);
    return v;
  };
  const chatSummary = async (chatId: string) =>
    (await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: owner.accessToken })).body.find((c) => c.id === chatId)!;
  const answer = async (chatId: string, text: string) => {
    ok(await admin.emitWithAck('admin:join', { chatId }));
    ok(await admin.emitWithAck('admin:message', { chatId, clientId: newClientId(), text }));
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ChatIQ <noreply@chatiq.test>',
      ADMIN_URL,
      AUTOMATION_TICK_MS: '50',
      FOLLOW_UP_AFTER_MINUTES: '5',
      AUTH_RATE_LIMIT: '1000',
    });
    clock = controlClock([t.app]);
    handled = handledVisitorMessages(t.app);
    owner = await registerOwner(t.url, 'followup');
    admin = await connectAdmin(t.url, owner.accessToken);
  });
  beforeEach(() => clock.set(new Date()));
  afterEach(() => {
    for (const v of visitors.splice(0)) v.socket.close();
  });
  afterAll(async () => {
    admin?.close();
    await t?.close();
    await smtp?.close();
  });

  it('mails a message left outside hours to the site’s team, once, with the visitor, the messages and a link', async () => {
    const site = await createSiteOver(t.url, owner.accessToken, 'Night desk');
    const otherSite = await createSiteOver(t.url, owner.accessToken, 'Day desk');
    await api(t.url, 'PUT', `/sites/${site.id}/business-hours`, {
      token: owner.accessToken,
      body: { timezone: 'Europe/Kyiv', weekly: [], offHoursMessage: 'We are away' },
    });
    const org = owner.user.organizationId;
    const member = (email: string, role: 'ADMIN' | 'OPERATOR', siteIds: string[] = []) =>
      createMember(t.url, t.prisma, { organizationId: org, email, name: email.split('@')[0]!, role, siteIds });
    const anAdmin = await member('admin.fu@example.com', 'ADMIN');
    const onSite = await member('op.night@example.com', 'OPERATOR', [site.id]);
    await member('op.day@example.com', 'OPERATOR', [otherSite.id]);
    const gone = await member('op.gone@example.com', 'OPERATOR', [site.id]);
    await t.prisma.user.update({ where: { id: gone.id }, data: { active: false } });

    const updates: ChatSummaryDto[] = [];
    admin.on('chats:updated', ({ chats }) => updates.push(...chats));
    const v = await visitor(site);
    ok(await v.socket.emitWithAck('visitor:identify', { name: 'Олена', email: 'olena@example.com' }));
    const first = await v.say('Доброго вечора! Is the order shipped?');
    const last = await v.say('Order #4411, please email me');
    await eventually('followUpAt in the inbox', () => updates.some((c) => c.id === first.chatId && c.followUpAt !== null));

    // The visitor is still writing: no mail during the quiet minute (after a whole tick at that
    // time: a tick sends its mails before it ends).
    await clock.set(new Date(Date.parse(last.createdAt) + 30_000));
    expect(smtp.mails).toHaveLength(0);

    await clock.set(new Date(Date.parse(last.createdAt) + 61_000));
    const [mail] = await eventually('the follow-up mail', () => smtp.mails.length > 0 && [...smtp.mails]);
    expect(mail!.to.sort()).toEqual([owner.user.email, anAdmin.email, onSite.email].sort());
    expect(mail!.subject).toBe('[Night desk] New message from Олена <olena@example.com>');
    expect(mail!.text).toContain('Олена <olena@example.com> wrote on Night desk and is waiting for an answer.');
    expect(mail!.text).toContain('Email: olena@example.com');
    expect(mail!.text).toContain('  Доброго вечора! Is the order shipped?');
    expect(mail!.text).toContain('  Order #4411, please email me');
    expect(mail!.text).toContain(`Answer in ChatIQ: ${ADMIN_URL}/inbox?chat=${first.chatId}`);
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } });
    expect(chat.followUpNotifiedAt).not.toBeNull();

    // Once: later ticks, and later messages while the follow-up is open, send nothing more.
    const more = await v.say('one more thing');
    await eventually('the listeners of the message', () => handled.includes(more.id));
    await clock.advance(3600_000);
    await clock.fullTick();
    expect(smtp.mails).toHaveLength(1);

    // An operator's answer closes the follow-up.
    await answer(first.chatId, 'Hi Olena, it shipped today');
    await eventually('followUpAt cleared', async () => (await chatSummary(first.chatId)).followUpAt === null);
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } })).followUpNotifiedAt).toBeNull();
  });

  it('follows up a message nobody answered within FOLLOW_UP_AFTER_MINUTES, and not one that was answered', async () => {
    const site = await createSiteOver(t.url, owner.accessToken, 'Busy desk');
    smtp.mails.length = 0;
    const waiting = await visitor(site);
    const unanswered = await waiting.say('Hello, anybody?');
    const answered = await visitor(site);
    const replied = await answered.say('Quick question');
    await answer(replied.chatId, 'Sure, ask away');

    // A second before the first message has waited five minutes (on a slow machine the second
    // visitor's message may be stamped seconds after it).
    await clock.set(new Date(Date.parse(unanswered.createdAt) + 4 * 60_000 + 59_000));
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: unanswered.chatId } })).followUpAt).toBeNull();
    expect(smtp.mails).toHaveLength(0);

    // The tick at the new time marks the chat and mails the team (the visitor has been quiet for minutes).
    await clock.set(new Date(Date.parse(replied.createdAt) + 5 * 60_000 + 1000));
    expect(smtp.mails).toHaveLength(1);
    await clock.fullTick();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.text).toContain('Hello, anybody?');
    expect(smtp.mails[0]!.text).toContain(`${ADMIN_URL}/inbox?chat=${unanswered.chatId}`);
    expect(smtp.mails[0]!.subject).toMatch(/^\[Busy desk\] New message from Visitor /);
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: replied.chatId } })).followUpAt).toBeNull();
  });

  describe('visitor:transcript', () => {
    it('mails the visible messages to the given email, keeps it, then uses it; never notes', async () => {
      const site = await createSiteOver(t.url, owner.accessToken, 'Transcript shop');
      smtp.mails.length = 0;
      const v = await visitor(site);
      const transcript = (payload: { email?: string; timeZone?: string }) =>
        v.socket.emitWithAck('visitor:transcript', payload) as Promise<Ack<EmptyAck>>;

      const noChat = await transcript({ email: 'ann@example.com' });
      expect(noChat).toMatchObject({ ok: false, code: 'chat_not_found' });

      const hi = await v.say('Hi, I need my invoice');
      await answer(hi.chatId, 'Here it is, Ann');
      ok(await admin.emitWithAck('admin:note', { chatId: hi.chatId, clientId: newClientId(), text: 'internal: customer owes us money' }));

      const noEmail = await transcript({});
      expect(noEmail).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(!noEmail.ok && noEmail.issues?.[0]?.path).toEqual(['email']);
      const badEmail = await transcript({ email: 'not-an-email' });
      expect(badEmail).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(smtp.mails).toHaveLength(0);

      const updates: ChatSummaryDto[] = [];
      admin.on('chats:updated', ({ chats }) => updates.push(...chats));
      expect(await transcript({ email: ' Ann@Example.com ', timeZone: 'Asia/Kathmandu' })).toEqual({ ok: true, data: {} });
      await eventually('the transcript mail', () => smtp.mails.length === 1);
      const [mail] = smtp.mails;
      expect(mail!.to).toEqual(['ann@example.com']);
      expect(mail!.subject).toBe('Your conversation with Transcript shop');
      // Titled with the site and the visitor; times in the zone the visitor's widget gave.
      expect(mail!.text).toMatch(/^Transcript shop — ann@example\.com — \d{1,2} \w+ \d{4}\nTimes in Asia\/Kathmandu\n/);
      expect(mail!.text).toContain('You:\n  Hi, I need my invoice');
      expect(mail!.text).toContain(`${owner.user.name}:\n  Here it is, Ann`);
      expect(mail!.text).not.toContain('owes us money');
      expect((await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } })).email).toBe('ann@example.com');
      await eventually('the inbox learns the email', () => updates.some((c) => c.visitor.email === 'ann@example.com'));

      // Next time the known email is enough.
      ok(await transcript({}));
      await eventually('a second mail', () => smtp.mails.length === 2);
      expect(smtp.mails[1]!.to).toEqual(['ann@example.com']);

      // Not a way to flood an inbox.
      ok(await transcript({}));
      expect(await transcript({})).toMatchObject({ ok: false, code: 'rate_limited' });
    });

    it('a visitor only ever gets their own chat', async () => {
      const site = await createSiteOver(t.url, owner.accessToken, 'Shared shop');
      const victim = await visitor(site);
      await victim.say('victim secret: my card ends 4242');
      const intruderOwner = await registerOwner(t.url, 'fu-intruder');
      const intruderSite = await createSiteOver(t.url, intruderOwner.accessToken, 'Intruder site');
      smtp.mails.length = 0;
      for (const other of [await visitor(site), await visitor(intruderSite)]) {
        await other.say('my own question');
        ok(await other.socket.emitWithAck('visitor:transcript', { email: 'snoop@example.com' }));
      }
      await eventually('two mails', () => smtp.mails.length === 2);
      for (const mail of smtp.mails) {
        expect(mail.text).toContain('my own question');
        expect(mail.text).not.toContain('victim secret');
      }
    });
  });
});
