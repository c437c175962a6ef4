// Analytics over chats written straight into the database with known times, so every figure
// below is computed by hand from the rows (medians, days in the caller's zone, AI vs handed over).
import type { AnalyticsDto, CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const at = (iso: string) => new Date(iso);
const plusSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe('analytics', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let shop: CreatedSiteDto;
  let blog: CreatedSiteDto;
  let operator: { id: string; token: string };

  const report = (token: string, query: string) => api<AnalyticsDto & { code?: string }>(t.url, 'GET', `/analytics?${query}`, { token });

  /**
   * A chat started at `createdAt` with replies `after` seconds: an operator's (`firstResponse`),
   * the AI's (`aiAnswer`), an auto-reply (`autoReply`, a SYSTEM message as the rules store it).
   * `firstResponseAt` is set as the append statements set it (the first operator or AI answer),
   * so the figures cannot come from it by accident.
   */
  async function chat(
    site: CreatedSiteDto,
    createdAt: Date,
    options: {
      firstResponse?: number;
      aiAnswer?: number;
      autoReply?: number;
      resolvedAfter?: number;
      operatorId?: string;
      ai?: 'AI' | 'HUMAN';
      handedOver?: boolean;
    } = {},
  ) {
    const visitor = await t.prisma.visitor.create({ data: { organizationId, siteId: site.id } });
    const answers = [options.firstResponse, options.aiAnswer].filter((s): s is number => s !== undefined);
    const row = await t.prisma.chat.create({
      data: {
        organizationId,
        siteId: site.id,
        visitorId: visitor.id,
        createdAt,
        firstResponseAt: answers.length === 0 ? null : plusSeconds(createdAt, Math.min(...answers)),
        status: options.resolvedAfter === undefined ? 'OPEN' : 'RESOLVED',
        resolvedAt: options.resolvedAfter === undefined ? null : plusSeconds(createdAt, options.resolvedAfter),
        assignedOperatorId: options.operatorId ?? null,
        aiState: options.ai ?? null,
      },
    });
    const replies = [
      { after: options.autoReply, authorKind: 'SYSTEM' as const, clientId: `auto-reply:${row.id}`, text: 'Thanks, we will answer soon' },
      { after: options.aiAnswer, authorKind: 'AI' as const, clientId: `ai-${row.id}`, text: 'The AI answers' },
      { after: options.firstResponse, authorKind: 'OPERATOR' as const, clientId: `op-${row.id}`, text: 'An operator answers' },
    ];
    for (const [index, reply] of replies.entries()) {
      if (reply.after === undefined) continue;
      await t.prisma.message.create({
        data: {
          organizationId,
          chatId: row.id,
          seq: 200 + index,
          clientId: reply.clientId,
          authorKind: reply.authorKind,
          authorId: reply.authorKind === 'OPERATOR' ? (options.operatorId ?? null) : null,
          text: reply.text,
          createdAt: plusSeconds(createdAt, reply.after),
        },
      });
    }
    if (options.handedOver) {
      await t.prisma.chatTransition.create({
        data: { organizationId, chatId: row.id, from: 'AI', to: 'WAITING_FOR_HUMAN', reason: 'visitor_requested' },
      });
    }
    return row;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerOwner(t.url, 'analytics');
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    shop = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    blog = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Blog' } })).body;
    const user = await createUser(t.prisma, {
      organizationId,
      email: 'op@analytics.example',
      password: 'correct-horse-battery',
      name: 'Olena',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    await t.prisma.siteUser.create({ data: { organizationId, siteId: shop.id, userId: user.id } });
    const login = await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
      body: { email: 'op@analytics.example', password: 'correct-horse-battery' },
    });
    operator = { id: user.id, token: login.body.accessToken };

    // 2026-11-02 (Kyiv is UTC+2 in November): three shop chats, one blog chat.
    // An auto-reply after 1 s and an operator's reply after 30 s: the first response is 30 s.
    const a = await chat(shop, at('2026-11-02T08:00:00Z'), { autoReply: 1, firstResponse: 30, resolvedAfter: 600, operatorId: user.id });
    await chat(shop, at('2026-11-02T09:00:00Z'), {
      firstResponse: 90,
      resolvedAfter: 1800,
      operatorId: user.id,
      ai: 'HUMAN',
      handedOver: true,
    });
    // The AI alone, after 2 s: an AI answer, not a first response.
    await chat(shop, at('2026-11-02T10:00:00Z'), { aiAnswer: 2, resolvedAfter: 120, ai: 'AI' });
    await chat(blog, at('2026-11-02T11:00:00Z'), { firstResponse: 60 });
    // 23:30 UTC on the 3rd is 01:30 on the 4th in Kyiv.
    await chat(shop, at('2026-11-03T23:30:00Z'));
    // Outside the range.
    await chat(shop, at('2026-10-20T12:00:00Z'), { firstResponse: 5 });
    for (const text of ['hi', 'how can I help?']) {
      await t.prisma.message.create({
        data: {
          organizationId,
          chatId: a.id,
          seq: text.length,
          authorKind: 'OPERATOR',
          authorId: user.id,
          text,
          createdAt: at('2026-11-02T08:01:00Z'),
        },
      });
    }
    await t.prisma.message.create({
      data: {
        organizationId,
        chatId: a.id,
        seq: 100,
        authorKind: 'OPERATOR',
        authorId: user.id,
        text: 'a note',
        internal: true,
        createdAt: at('2026-11-02T08:02:00Z'),
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts chats per day in the asked time zone, with medians and AI vs handed over', async () => {
    const { status, body } = await report(owner, 'from=2026-11-01&to=2026-11-04&timezone=Europe/Kyiv');
    expect(status).toBe(200);
    expect(body.perDay.map((d) => [d.day, d.chats])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 4],
      ['2026-11-03', 0],
      ['2026-11-04', 1],
    ]);
    const day = body.perDay[1]!;
    // Operators replied after 30, 90 and 60 s; the AI's 2 s and the auto-reply's 1 s are apart.
    expect(day).toMatchObject({
      resolved: 3,
      medianFirstResponseSeconds: 60,
      medianFirstAiResponseSeconds: 2,
      answeredByAi: 1,
      autoReplied: 1,
      medianResolutionSeconds: 600,
      aiOnly: 1,
      handedOver: 1,
    });
    expect(body.totals).toMatchObject({ chats: 5, resolved: 3, aiOnly: 1, handedOver: 1, answeredByAi: 1, autoReplied: 1 });
    expect(body.perSite).toEqual([
      expect.objectContaining({ siteId: shop.id, name: 'Shop', chats: 4 }),
      expect.objectContaining({ siteId: blog.id, name: 'Blog', chats: 1, medianFirstResponseSeconds: 60, resolved: 0 }),
    ]);
    expect(body.perOperator).toEqual([
      expect.objectContaining({
        operatorId: operator.id,
        name: 'Olena',
        chats: 2,
        resolved: 2,
        replies: 4, // two in chat a besides its first reply, and the first replies of both chats
        medianFirstResponseSeconds: 60,
        medianResolutionSeconds: 1200,
      }),
    ]);

    // In UTC the late chat belongs to the 3rd.
    const utc = await report(owner, 'from=2026-11-01&to=2026-11-04');
    expect(utc.body.perDay.map((d) => d.chats)).toEqual([0, 4, 1, 0]);
  });

  it('a chat auto-replied after 1 s and answered by an operator after 30 s: first response 30 s', async () => {
    const early = await chat(blog, at('2026-09-10T12:00:00Z'), { autoReply: 1, firstResponse: 30, operatorId: operator.id });
    expect(early.firstResponseAt).not.toBeNull();
    const { body } = await report(owner, `from=2026-09-10&to=2026-09-10&siteId=${blog.id}`);
    expect(body.totals).toMatchObject({ chats: 1, medianFirstResponseSeconds: 30, autoReplied: 1, answeredByAi: 0 });
    expect(body.totals.medianFirstAiResponseSeconds).toBeNull();
    // The AI alone: no first response at all, an AI answer after 3 s.
    await chat(blog, at('2026-09-11T12:00:00Z'), { aiAnswer: 3, ai: 'AI' });
    const aiOnly = await report(owner, `from=2026-09-11&to=2026-09-11&siteId=${blog.id}`);
    expect(aiOnly.body.totals).toMatchObject({
      chats: 1,
      medianFirstResponseSeconds: null,
      medianFirstAiResponseSeconds: 3,
      answeredByAi: 1,
    });
  });

  it('filters by site, and gives an operator only the sites assigned to them', async () => {
    const blogOnly = await report(owner, `from=2026-11-01&to=2026-11-04&siteId=${blog.id}`);
    expect(blogOnly.body.totals.chats).toBe(1);
    const mine = await report(operator.token, 'from=2026-11-01&to=2026-11-04');
    expect(mine.body.totals.chats).toBe(4);
    expect(mine.body.perSite.map((s) => s.name)).toEqual(['Shop']);
    const notMine = await report(operator.token, `from=2026-11-01&to=2026-11-04&siteId=${blog.id}`);
    expect(notMine.status).toBe(404);
  });

  it("shows another organization nothing of this one's", async () => {
    const stranger = (await registerOwner(t.url, 'stranger')).accessToken;
    const theirs = await report(stranger, 'from=2026-11-01&to=2026-11-04');
    expect(theirs.status).toBe(200);
    expect(theirs.body.totals.chats).toBe(0);
    expect(JSON.stringify(theirs.body)).not.toContain('Shop');
    expect((await report(stranger, `from=2026-11-01&to=2026-11-04&siteId=${shop.id}`)).status).toBe(404);
  });

  it('refuses bad ranges with field paths', async () => {
    for (const [query, path] of [
      ['from=2026-11-05&to=2026-11-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2025-01-01&to=2026-11-01', 'to'],
      ['from=2026-11-01&to=2026-11-02&timezone=Mars/Olympus', 'timezone'],
    ] as const) {
      const res = await api<{ code: string; issues: { path: string[] }[] }>(t.url, 'GET', `/analytics?${query}`, { token: owner });
      expect(res.status, query).toBe(400);
      expect(
        res.body.issues.map((i) => i.path[0]),
        query,
      ).toContain(path);
    }
  });
});
