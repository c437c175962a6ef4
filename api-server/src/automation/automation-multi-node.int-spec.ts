// Two API nodes (Redis adapter) on the same clock: every widget hears a business-hours boundary
// once, a NO_REPLY rule answers once, a visitor message seen by both nodes is answered once, and
// the team is mailed once. The nodes' scheduler ticks are run here, both at the same instant (the
// race the conditional writes must win), rather than left to their timers, which rarely collide.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, BusinessStatusPayload, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRule, createSiteOver, joinVisitor, type Visitor } from '../../test/support/automation.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextEvent,
  ok,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { type ControlledClock, controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { type ApiNode, startApiNodes } from '../../test/support/test-app.js';
import { toMessageDto } from '../chats/chat-dto.js';
import { ChatSummariesService } from '../chats/chat-summaries.service.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AutomationSchedulerService } from './automation-scheduler.service.js';

const reachable = await requireRedisUnlessLaptop('the multi-node automation test');

describe.skipIf(!reachable)('automation on two API nodes', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let clock: ControlledClock;
  let owner: AuthResponse;
  let prisma: PrismaService;
  const sockets: WidgetSocket[] = [];
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTOMATION_TICK_MS: '600000', // the test runs the ticks (below)
      SMTP_URL: smtp.url,
      AUTH_RATE_LIMIT: '1000',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
    clock = controlClock([a.app, b.app], new Date(), { manualTicks: true });
    prisma = a.app.get(PrismaService);
    owner = await registerOwner(a.url, 'cluster');
  });
  /**
   * The barrier before "nothing more arrived": a sentinel sent from each node after what is being
   * checked. A node's emissions reach every socket in order (its own sockets directly, the other
   * node's through its Redis publications), so once both sentinels are in, anything either node
   * sent before them is too.
   */
  const admins = new Map<ApiNode, AdminSocket>();
  const sentinelsToChat = async (v: Visitor, chatId: string) => {
    for (const [name, node] of [
      ['a', a],
      ['b', b],
    ] as const) {
      if (!admins.has(node)) admins.set(node, await connectAdmin(node.url, owner.accessToken));
      ok(await admins.get(node)!.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: `sentinel from ${name}` }));
    }
    await v.until('sentinel from a');
    await v.until('sentinel from b');
  };
  /** The same for a site's widgets: each node saves the site's widget look, pushed as `settings:update`. */
  const sentinelsToSite = async (siteId: string, widgets: WidgetSocket[]) => {
    const arrived = widgets.map((socket) => {
      const titles: (string | undefined)[] = [];
      socket.on('settings:update', (settings) => titles.push(settings.title));
      return titles;
    });
    for (const [name, node] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const saved = await api(node.url, 'PUT', `/sites/${siteId}/widget-settings`, {
        token: owner.accessToken,
        body: { title: `sentinel from ${name}` },
      });
      expect(saved.status).toBe(200);
    }
    await eventually('both sentinels on every widget', () =>
      arrived.every((titles) => titles.includes('sentinel from a') && titles.includes('sentinel from b')),
    );
  };
  /** One scheduler tick on each node, started together; a few rounds. */
  const tickBoth = async (rounds = 3) => {
    for (let i = 0; i < rounds; i++) await Promise.all([a, b].map((node) => node.app.get(AutomationSchedulerService).tick()));
  };
  afterAll(async () => {
    for (const s of admins.values()) s.close();
    for (const s of sockets) s.close();
    for (const v of visitors) v.socket.close();
    await cluster?.close();
    await smtp?.close();
  });

  it('each widget, on either node, gets one `business:status` per boundary', async () => {
    await clock.set('2026-03-30T05:59:00.000Z'); // Monday, the day after Kyiv moved to summer time: 09:00 EEST = 06:00 UTC
    const site = await createSiteOver(a.url, owner.accessToken, 'Kyiv office');
    const put = await api(b.url, 'PUT', `/sites/${site.id}/business-hours`, {
      token: owner.accessToken,
      body: { timezone: 'Europe/Kyiv', weekly: [{ weekday: 1, open: '09:00', close: '18:00' }] },
    });
    expect(put.status).toBe(200);

    const pushes = new Map<WidgetSocket, BusinessStatusPayload[]>();
    for (const node of [a, a, b, b]) {
      const socket = await connectWidget(node.url, site.publicId);
      sockets.push(socket);
      const atJoin = nextEvent<BusinessStatusPayload>(socket, 'business:status');
      ok(await socket.emitWithAck('visitor:join', {}));
      expect((await atJoin).online).toBe(false);
      const received: BusinessStatusPayload[] = [];
      socket.on('business:status', (status) => received.push(status));
      pushes.set(socket, received);
    }

    await clock.set('2026-03-30T06:00:00.000Z');
    await tickBoth();
    await eventually('the push on every socket', () => [...pushes.values()].every((received) => received.length > 0));
    await sentinelsToSite(site.id, [...pushes.keys()]);
    for (const received of pushes.values()) {
      expect(received).toEqual([{ online: true, nextChangeAt: '2026-03-30T15:00:00.000Z', offHoursMessage: null }]);
    }
  });

  it('a NO_REPLY rule answers once, though both nodes watch the wait', async () => {
    await clock.set(new Date());
    const site = await createSiteOver(a.url, owner.accessToken, 'Patience cluster');
    await addRule(a.url, owner.accessToken, site.id, { trigger: 'NO_REPLY', noReplySeconds: 30, replyText: 'Still here' });
    const v = await joinVisitor(b.url, site.publicId);
    visitors.push(v);
    const sent = await v.say('anyone?');
    await clock.set(new Date(Date.parse(sent.createdAt) + 31_000));
    await tickBoth();
    await v.until('Still here');
    expect(await prisma.message.count({ where: { chatId: sent.chatId, authorKind: 'SYSTEM', internal: false } })).toBe(1);
    expect(await prisma.autoReplyFiring.count({ where: { chatId: sent.chatId } })).toBe(1);
    await sentinelsToChat(v, sent.chatId);
    expect(v.received.map((m) => m.text).sort()).toEqual(['Still here', 'sentinel from a', 'sentinel from b']);
  });

  it('a visitor message handled by both nodes at once is answered once', async () => {
    await clock.set(new Date());
    const site = await createSiteOver(a.url, owner.accessToken, 'Race');
    const v = await joinVisitor(a.url, site.publicId);
    visitors.push(v);
    const sent = await v.say('what is the price?');
    // The rule appears after the message was handled, then both nodes handle the same message
    // (as a redelivered event would): the firing claim lets exactly one of them reply.
    await addRule(a.url, owner.accessToken, site.id, { trigger: 'KEYWORD', keywords: ['price'], replyText: 'Prices are on /pricing' });
    const siteRow = await prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    const message = toMessageDto(await prisma.message.findUniqueOrThrow({ where: { id: sent.id } }));
    await Promise.all(
      [a, b].map((node) =>
        node.app.get(ChatEventsService).emit('messageStored', {
          author: { kind: 'VISITOR', site: siteRow, chatStarted: false, locale: null },
          posted: {
            message,
            chat: node.app.get(ChatSummariesService).get(message.chatId),
            created: true,
            organizationId: siteRow.organizationId,
            visitorId: v.visitorId,
          },
        }),
      ),
    );
    await v.until('Prices are on /pricing');
    // Both nodes' listeners have finished (awaited above): their writes are done, their pushes sent.
    expect(await prisma.autoReplyFiring.count({ where: { chatId: sent.chatId } })).toBe(1);
    expect(await prisma.message.count({ where: { chatId: sent.chatId, authorKind: 'SYSTEM' } })).toBe(2); // the reply and its note
    await sentinelsToChat(v, sent.chatId);
    expect(v.received.map((m: MessageDto) => m.text).sort()).toEqual(['Prices are on /pricing', 'sentinel from a', 'sentinel from b']);
  });

  it('mails the team about an off-hours message once', async () => {
    await clock.set(new Date());
    const site = await createSiteOver(a.url, owner.accessToken, 'Closed cluster');
    await api(a.url, 'PUT', `/sites/${site.id}/business-hours`, { token: owner.accessToken, body: { timezone: 'UTC', weekly: [] } });
    const v = await joinVisitor(b.url, site.publicId);
    visitors.push(v);
    const sent = await v.say('Please call me back');
    await clock.set(new Date(Date.parse(sent.createdAt) + 61_000));
    // A tick sends its mails before it ends (the SMTP server has stored a mail before it accepts it).
    await tickBoth();
    const mails = smtp.mails.filter((m) => m.text.includes('Please call me back'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([owner.user.email]);
  });
});
