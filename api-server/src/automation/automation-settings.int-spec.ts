// The automation settings over REST: business hours and status, auto-replies, quick templates,
// welcome messages. Validation, who may do what, and the wall between organizations.
import type {
  AuthResponse,
  AutoReplyDto,
  BusinessHoursDto,
  BusinessStatusPayload,
  CreatedSiteDto,
  ErrorBody,
  QuickTemplateDto,
  WelcomeMessagesDto,
} from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRule, createMember, createSiteOver } from '../../test/support/automation.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('automation settings (REST)', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let siteA: CreatedSiteDto;
  let siteB: CreatedSiteDto;
  let operator: { id: string; token: string };
  let intruder: AuthResponse;

  const call = <T>(method: string, path: string, token: string, body?: unknown) => api<T>(t.url, method, path, { token, body });

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT: '1000' });
    owner = await registerOwner(t.url, 'automation');
    siteA = await createSiteOver(t.url, owner.accessToken, 'Site A');
    siteB = await createSiteOver(t.url, owner.accessToken, 'Site B');
    operator = await createMember(t.url, t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'op.a@example.com',
      name: 'Operator A',
      role: 'OPERATOR',
      siteIds: [siteA.id],
    });
    intruder = await registerOwner(t.url, 'intruder');
  });
  afterAll(() => t?.close());

  describe('business hours', () => {
    it('answers "off, in UTC" until hours are stored', async () => {
      const { status, body } = await call<BusinessHoursDto>('GET', `/sites/${siteA.id}/business-hours`, owner.accessToken);
      expect(status).toBe(200);
      expect(body).toMatchObject({ siteId: siteA.id, timezone: 'UTC', enabled: false, weekly: [], exceptions: [], offHoursMessage: null });
      expect(Date.parse(body.updatedAt)).not.toBeNaN();
      const now = await call<BusinessStatusPayload>('GET', `/sites/${siteA.id}/business-status`, owner.accessToken);
      expect(now.body).toEqual({ online: true, nextChangeAt: null, offHoursMessage: null });
    });

    it('stores hours with overnight spans and holidays, and reads them back', async () => {
      const settings = {
        timezone: 'Europe/Kyiv',
        weekly: [
          { weekday: 1, open: '09:00', close: '13:00' },
          { weekday: 1, open: '14:00', close: '18:00' },
          { weekday: 5, open: '22:00', close: '02:00' },
        ],
        exceptions: [
          { date: '2026-12-25', closed: true },
          { date: '2026-12-31', intervals: [{ open: '10:00', close: '12:00' }] },
        ],
        offHoursMessage: '  Back on Monday  ',
      };
      const put = await call<BusinessHoursDto>('PUT', `/sites/${siteA.id}/business-hours`, owner.accessToken, settings);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ ...settings, enabled: true, offHoursMessage: 'Back on Monday', siteId: siteA.id });
      const get = await call<BusinessHoursDto>('GET', `/sites/${siteA.id}/business-hours`, owner.accessToken);
      expect(get.body).toEqual(put.body);
      const stored = await t.prisma.businessHours.findUniqueOrThrow({ where: { siteId: siteA.id } });
      expect(stored.announcedOnline).toBe(
        (await call<BusinessStatusPayload>('GET', `/sites/${siteA.id}/business-status`, owner.accessToken)).body.online,
      );
      expect(stored.nextChangeAt).not.toBeNull();
    });

    it('says offline, with the message, while closed', async () => {
      await call('PUT', `/sites/${siteB.id}/business-hours`, owner.accessToken, {
        timezone: 'UTC',
        weekly: [],
        offHoursMessage: 'Closed for now',
      });
      const { body } = await call<BusinessStatusPayload>('GET', `/sites/${siteB.id}/business-status`, owner.accessToken);
      expect(body).toEqual({ online: false, nextChangeAt: null, offHoursMessage: 'Closed for now' });
    });

    it('refuses unknown zones, overlapping intervals and impossible dates, naming the field', async () => {
      const bad = await call<ErrorBody>('PUT', `/sites/${siteA.id}/business-hours`, owner.accessToken, {
        timezone: 'Mars/Olympus',
        weekly: [
          { weekday: 2, open: '09:00', close: '18:00' },
          { weekday: 2, open: '17:00', close: '19:00' },
        ],
        exceptions: [{ date: '2026-02-30', closed: true }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(bad.body.issues?.map((issue) => issue.path.join('.'))).toEqual(
        expect.arrayContaining(['timezone', 'weekly.1', 'exceptions.0.date']),
      );
    });

    it('operators may read the status of their site, not the settings', async () => {
      expect((await call('GET', `/sites/${siteA.id}/business-status`, operator.token)).status).toBe(200);
      expect((await call('GET', `/sites/${siteA.id}/business-hours`, operator.token)).status).toBe(403);
      expect((await call('PUT', `/sites/${siteA.id}/business-hours`, operator.token, { timezone: 'UTC' })).status).toBe(403);
      // A site they are not assigned to does not exist for them.
      const other = await call<ErrorBody>('GET', `/sites/${siteB.id}/business-status`, operator.token);
      expect([other.status, other.body.code]).toEqual([404, 'site_not_found']);
    });
  });

  describe('auto-replies', () => {
    it('creates every kind of rule and lists them in evaluation order', async () => {
      const site = await createSiteOver(t.url, owner.accessToken, 'Rules');
      const keyword = await addRule(t.url, owner.accessToken, site.id, {
        trigger: 'KEYWORD',
        keywords: ['price'],
        replyText: 'Prices',
        position: 3,
      });
      const pattern = await addRule(t.url, owner.accessToken, site.id, {
        trigger: 'PATTERN',
        pattern: 'order\\s*#?\\d+',
        replyText: 'Orders',
        position: 1,
      });
      const first = await addRule(t.url, owner.accessToken, site.id, {
        trigger: 'FIRST_MESSAGE',
        replyText: 'Hi',
        position: 0,
        stopAfter: true,
        setStatus: 'PENDING',
        assignToOperatorId: owner.user.id,
      });
      const closed = await addRule(t.url, owner.accessToken, site.id, {
        trigger: 'OUTSIDE_HOURS',
        replyText: 'Closed',
        position: 2,
        enabled: false,
      });
      const nudge = await addRule(t.url, owner.accessToken, site.id, {
        trigger: 'NO_REPLY',
        noReplySeconds: 60,
        replyText: 'Still here',
        position: 4,
      });

      expect(keyword).toMatchObject({ trigger: 'KEYWORD', keywords: ['price'], enabled: true, stopAfter: false, siteId: site.id });
      expect(keyword).not.toHaveProperty('pattern');
      expect(first).toMatchObject({ setStatus: 'PENDING', assignToOperatorId: owner.user.id, stopAfter: true });
      expect(nudge).toMatchObject({ noReplySeconds: 60 });
      const list = await call<AutoReplyDto[]>('GET', `/sites/${site.id}/auto-replies`, owner.accessToken);
      expect(list.body.map((rule) => rule.id)).toEqual([first.id, pattern.id, closed.id, keyword.id, nudge.id]);
    });

    it('replaces a rule (switching its trigger clears the old fields) and deletes it', async () => {
      const site = await createSiteOver(t.url, owner.accessToken, 'Edit rules');
      const rule = await addRule(t.url, owner.accessToken, site.id, { trigger: 'KEYWORD', keywords: ['refund'], replyText: 'Refunds' });
      const put = await call<AutoReplyDto>('PUT', `/sites/${site.id}/auto-replies/${rule.id}`, owner.accessToken, {
        trigger: 'PATTERN',
        pattern: 'refund(s)?',
        replyText: 'About refunds',
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: rule.id, trigger: 'PATTERN', pattern: 'refund(s)?', replyText: 'About refunds' });
      expect(put.body).not.toHaveProperty('keywords');
      expect((await t.prisma.autoReply.findUniqueOrThrow({ where: { id: rule.id } })).keywords).toEqual([]);

      expect((await call('DELETE', `/sites/${site.id}/auto-replies/${rule.id}`, owner.accessToken)).status).toBe(204);
      expect((await call<AutoReplyDto[]>('GET', `/sites/${site.id}/auto-replies`, owner.accessToken)).body).toEqual([]);
      expect((await call('DELETE', `/sites/${site.id}/auto-replies/${rule.id}`, owner.accessToken)).status).toBe(404);
      // A rule of another site is not found under this one.
      const elsewhere = await addRule(t.url, owner.accessToken, siteB.id, { trigger: 'FIRST_MESSAGE', replyText: 'B' });
      expect(
        (
          await call('PUT', `/sites/${site.id}/auto-replies/${elsewhere.id}`, owner.accessToken, {
            trigger: 'FIRST_MESSAGE',
            replyText: 'x',
          })
        ).status,
      ).toBe(404);
    });

    it('refuses incomplete rules, patterns RE2 cannot run safely, and assignees who cannot take the chat', async () => {
      const path = `/sites/${siteA.id}/auto-replies`;
      const issuesOf = async (body: unknown) => {
        const { status, body: error } = await call<ErrorBody>('POST', path, owner.accessToken, body);
        expect(status, JSON.stringify(body)).toBe(400);
        expect(error.code).toBe('validation_failed');
        return error.issues?.map((issue) => issue.path.join('.')) ?? [];
      };
      expect(await issuesOf({ trigger: 'KEYWORD', replyText: 'x' })).toContain('keywords');
      expect(await issuesOf({ trigger: 'NO_REPLY', noReplySeconds: 5, replyText: 'x' })).toContain('noReplySeconds');
      expect(await issuesOf({ trigger: 'PATTERN', pattern: '(?=a)b', replyText: 'x' })).toContain('pattern'); // lookahead: backtracking only
      expect(await issuesOf({ trigger: 'PATTERN', pattern: '(a|b)\\1', replyText: 'x' })).toContain('pattern'); // backreference
      expect(await issuesOf({ trigger: 'PATTERN', pattern: '((a{1,100}){1,100}){1,100}', replyText: 'x' })).toContain('pattern'); // too large
      expect(await issuesOf({ trigger: 'FIRST_MESSAGE', replyText: '   ' })).toContain('replyText');
      expect(await issuesOf({ trigger: 'FIRST_MESSAGE', replyText: 'x', assignToOperatorId: intruder.user.id })).toEqual([
        'assignToOperatorId',
      ]);
      // An operator of the organization not assigned to this site cannot be the assignee either.
      const unassigned = await createMember(t.url, t.prisma, {
        organizationId: owner.user.organizationId,
        email: 'op.none@example.com',
        name: 'Nobody',
        role: 'OPERATOR',
      });
      expect(await issuesOf({ trigger: 'FIRST_MESSAGE', replyText: 'x', assignToOperatorId: unassigned.id })).toEqual([
        'assignToOperatorId',
      ]);
      const assigned = await addRule(t.url, owner.accessToken, siteA.id, {
        trigger: 'FIRST_MESSAGE',
        replyText: 'x',
        assignToOperatorId: operator.id,
      });
      expect(assigned.assignToOperatorId).toBe(operator.id);
    });

    it('is for owners and admins only', async () => {
      expect((await call('GET', `/sites/${siteA.id}/auto-replies`, operator.token)).status).toBe(403);
      expect(
        (await call('POST', `/sites/${siteA.id}/auto-replies`, operator.token, { trigger: 'FIRST_MESSAGE', replyText: 'x' })).status,
      ).toBe(403);
    });
  });

  describe('quick templates', () => {
    it('keeps shortcuts unique per scope: organization-wide and each site', async () => {
      const org = await call<QuickTemplateDto>('POST', '/templates', owner.accessToken, { shortcut: '/price', text: 'Our prices: …' });
      expect(org.status).toBe(201);
      expect(org.body).toMatchObject({ siteId: null, shortcut: '/price' });
      const onA = await call<QuickTemplateDto>('POST', '/templates', owner.accessToken, {
        shortcut: '/price',
        text: 'Site A prices',
        siteId: siteA.id,
      });
      expect(onA.status).toBe(201);
      const onB = await call<QuickTemplateDto>('POST', '/templates', owner.accessToken, {
        shortcut: '/price',
        text: 'Site B prices',
        siteId: siteB.id,
      });
      expect(onB.status).toBe(201);

      const again = await call<ErrorBody>('POST', '/templates', owner.accessToken, { shortcut: '/PRICE', text: 'dup' });
      expect([again.status, again.body.code]).toEqual([409, 'shortcut_taken']);
      const againOnA = await call<ErrorBody>('POST', '/templates', owner.accessToken, {
        shortcut: '/price',
        text: 'dup',
        siteId: siteA.id,
      });
      expect([againOnA.status, againOnA.body.code]).toEqual([409, 'shortcut_taken']);

      // Moving a site template into a scope that has the shortcut is refused too.
      const moved = await call<ErrorBody>('PUT', `/templates/${onB.body.id}`, owner.accessToken, {
        shortcut: '/price',
        text: 'x',
        siteId: null,
      });
      expect([moved.status, moved.body.code]).toEqual([409, 'shortcut_taken']);
      const renamed = await call<QuickTemplateDto>('PUT', `/templates/${onB.body.id}`, owner.accessToken, {
        shortcut: '/price-b',
        text: 'Hi {visitor.name}, B prices',
        siteId: siteB.id,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: onB.body.id, shortcut: '/price-b', siteId: siteB.id });
    });

    it('lists a site’s templates before the organization’s; operators only see their sites', async () => {
      const forA = await call<QuickTemplateDto[]>('GET', `/templates?siteId=${siteA.id}`, owner.accessToken);
      expect(forA.body.map((tpl) => [tpl.shortcut, tpl.siteId])).toEqual([
        ['/price', siteA.id],
        ['/price', null],
      ]);
      const all = await call<QuickTemplateDto[]>('GET', '/templates', owner.accessToken);
      expect(all.body.map((tpl) => tpl.siteId)).toEqual(expect.arrayContaining([siteA.id, siteB.id, null]));

      const mine = await call<QuickTemplateDto[]>('GET', '/templates', operator.token);
      expect(mine.status).toBe(200);
      expect(mine.body.map((tpl) => tpl.siteId).sort()).toEqual([siteA.id, null].sort());
      const notMine = await call<ErrorBody>('GET', `/templates?siteId=${siteB.id}`, operator.token);
      expect([notMine.status, notMine.body.code]).toEqual([404, 'site_not_found']);
    });

    it('only owners and admins write templates, site ones included', async () => {
      const created = await call('POST', '/templates', operator.token, { shortcut: '/mine', text: 'x', siteId: siteA.id });
      expect(created.status).toBe(403);
      const existing = (await call<QuickTemplateDto[]>('GET', `/templates?siteId=${siteA.id}`, operator.token)).body[0]!;
      expect((await call('PUT', `/templates/${existing.id}`, operator.token, { shortcut: '/x', text: 'x' })).status).toBe(403);
      expect((await call('DELETE', `/templates/${existing.id}`, operator.token)).status).toBe(403);
    });

    it('validates shortcuts and deletes', async () => {
      const bad = await call<ErrorBody>('POST', '/templates', owner.accessToken, { shortcut: 'price', text: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.issues?.[0]?.path).toEqual(['shortcut']);
      const made = await call<QuickTemplateDto>('POST', '/templates', owner.accessToken, { shortcut: '/bye', text: 'Bye' });
      expect((await call('DELETE', `/templates/${made.body.id}`, owner.accessToken)).status).toBe(204);
      expect((await call('DELETE', `/templates/${made.body.id}`, owner.accessToken)).status).toBe(404);
    });
  });

  describe('welcome messages', () => {
    it('replaces the list, one message per language', async () => {
      const path = `/sites/${siteA.id}/welcome-messages`;
      expect((await call<WelcomeMessagesDto>('GET', path, owner.accessToken)).body).toEqual({ messages: [] });
      const messages = [
        { language: 'uk', text: 'Вітаємо!' },
        { language: '*', text: 'Welcome!' },
      ];
      expect((await call<WelcomeMessagesDto>('PUT', path, owner.accessToken, { messages })).body).toEqual({ messages });
      const replaced = await call<WelcomeMessagesDto>('PUT', path, owner.accessToken, { messages: [{ language: 'en', text: 'Hello' }] });
      expect(replaced.body).toEqual({ messages: [{ language: 'en', text: 'Hello' }] });
      expect((await call<WelcomeMessagesDto>('GET', path, owner.accessToken)).body).toEqual(replaced.body);

      const duplicate = await call<ErrorBody>('PUT', path, owner.accessToken, {
        messages: [
          { language: 'en', text: 'a' },
          { language: 'en', text: 'b' },
        ],
      });
      expect([duplicate.status, duplicate.body.code]).toEqual([400, 'validation_failed']);
      const badLanguage = await call<ErrorBody>('PUT', path, owner.accessToken, { messages: [{ language: 'English', text: 'a' }] });
      expect(badLanguage.status).toBe(400);
      expect((await call('GET', path, operator.token)).status).toBe(403);
    });
  });

  describe('tenant wall', () => {
    it('another organization can neither read nor change any of it', async () => {
      const rule = await addRule(t.url, owner.accessToken, siteA.id, {
        trigger: 'KEYWORD',
        keywords: ['secret'],
        replyText: 'victim secret reply',
      });
      const template = (
        await call<QuickTemplateDto>('POST', '/templates', owner.accessToken, { shortcut: '/secret', text: 'victim template' })
      ).body;
      const token = intruder.accessToken;
      const probes: [string, string, unknown?][] = [
        ['GET', `/sites/${siteA.id}/business-hours`],
        ['PUT', `/sites/${siteA.id}/business-hours`, { timezone: 'UTC', weekly: [] }],
        ['GET', `/sites/${siteA.id}/business-status`],
        ['GET', `/sites/${siteA.id}/auto-replies`],
        ['POST', `/sites/${siteA.id}/auto-replies`, { trigger: 'FIRST_MESSAGE', replyText: 'pwned' }],
        ['PUT', `/sites/${siteA.id}/auto-replies/${rule.id}`, { trigger: 'FIRST_MESSAGE', replyText: 'pwned' }],
        ['DELETE', `/sites/${siteA.id}/auto-replies/${rule.id}`],
        ['GET', `/templates?siteId=${siteA.id}`],
        ['POST', '/templates', { shortcut: '/pwned', text: 'pwned', siteId: siteA.id }],
        ['PUT', `/templates/${template.id}`, { shortcut: '/pwned', text: 'pwned' }],
        ['DELETE', `/templates/${template.id}`],
        ['GET', `/sites/${siteA.id}/welcome-messages`],
        ['PUT', `/sites/${siteA.id}/welcome-messages`, { messages: [{ language: '*', text: 'pwned' }] }],
      ];
      for (const [method, path, body] of probes) {
        const { status, body: answer } = await call<ErrorBody>(method, path, token, body);
        expect(status, `${method} ${path}`).toBe(404);
        expect(JSON.stringify(answer)).not.toMatch(/victim/);
      }
      // Their own list shows none of the victim's templates.
      const theirs = await call<QuickTemplateDto[]>('GET', '/templates', token);
      expect(theirs.body).toEqual([]);
      // Nothing changed.
      expect((await t.prisma.autoReply.findUniqueOrThrow({ where: { id: rule.id } })).replyText).toBe('victim secret reply');
      expect((await t.prisma.quickTemplate.findUniqueOrThrow({ where: { id: template.id } })).text).toBe('victim template');
      expect(await t.prisma.autoReply.count({ where: { replyText: 'pwned' } })).toBe(0);
      expect(await t.prisma.quickTemplate.count({ where: { text: 'pwned' } })).toBe(0);
      expect(await t.prisma.welcomeMessage.count({ where: { text: 'pwned' } })).toBe(0);
      expect((await t.prisma.businessHours.findUniqueOrThrow({ where: { siteId: siteA.id } })).timezone).toBe('Europe/Kyiv');
    });
  });
});
