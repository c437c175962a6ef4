// Badges and names stay on one line in Ukrainian (its words are long), at desktop (1280) and phone
// (390) width, in real Chromium: the main navigation, the inbox's status and AI-state badges and
// the visitors' names, the chat header's badges, the team's status badge and the sites' names.
// Each element's box must be one line high: its height at most its line height plus its padding
// and borders; a badge must also show its whole text (names may end in "…", with a tooltip).
import type { AiSettingsDto, AuthResponse, ChatSummaryDto, CreatedSiteDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../api-server/test/support/fake-openai-server.js';
import { screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, type Visitor } from './support/inbox-support.js';
import { FAKE_PROVIDER_HOST } from './support/system.js';
import { connectAdmin, emitOk } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 20_000 };
const API_KEY = 'sk-e2e-badges-5d1e9a7c3b2fQx4';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** What must stay on one line on each page (at least one of them must be there). */
const NAV = '.topbar nav a';
const ONE_LINE = {
  inbox: [NAV, '[data-testid="chat-item"] .badge', '[data-testid="chat-item"] .chat-item-top strong', '.chat-item-site'],
  chat: [NAV, '.chat-header .badge', '[data-testid="chat-item"] .badge'],
  team: [NAV, '.badge'],
  sites: [NAV, '[data-testid="site-row"] h3', '[data-testid="site-row"] code'],
} as const;

/** Polls `check` until it is true (setup runs outside a test, where expect.poll is not allowed). */
async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Measured = { selector: string; text: string; height: number; oneLine: number; clipped: boolean };

/** Every visible element of `selectors` with its height and the height of one line of it. */
function measure(page: Page, selectors: readonly string[]): Promise<Measured[]> {
  return page.evaluate((list) => {
    const out: { selector: string; text: string; height: number; oneLine: number; clipped: boolean }[] = [];
    for (const selector of list) {
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(element);
        const px = (value: string) => Number.parseFloat(value) || 0;
        // "normal" is about 1.2 of the font size; allow for the font's own metrics with 1.35.
        const lineHeight = style.lineHeight === 'normal' ? px(style.fontSize) * 1.35 : px(style.lineHeight);
        const extra = px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
        // A badge is short: shown whole, never cut to "…" to fit.
        const clipped = element.classList.contains('badge') && element.scrollWidth > element.clientWidth + 1;
        out.push({ selector, text: element.textContent ?? '', height: box.height, oneLine: lineHeight + extra + 1, clipped });
      }
    }
    return out;
  }, selectors);
}

describe('badges and names on one line in Ukrainian', () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let token: string;
  let owner: { email: string; password: string };
  let site: CreatedSiteDto;
  const visitors: Visitor[] = [];
  let humanChatId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ host: FAKE_PROVIDER_HOST, apiKey: API_KEY, script: { kind: 'answer', text: 'Так, доставляємо.' } });
    const run = `badges-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    owner = { email: `${run}@owner.test`, password: 'sunflower-fields-42' };
    const auth = await call<AuthResponse>(apiUrl, 'POST', '/auth/register', {
      body: { ...owner, name: 'Ірина Коваль-Шевченко', organizationName: 'Соняшникова крамниця' },
    });
    token = auth.accessToken;
    site = await call<CreatedSiteDto>(apiUrl, 'POST', '/sites', {
      token,
      body: { name: 'Крамниця квітів і подарунків «Соняшник»', allowedOrigins: [widgetUrl] },
    });
    await call<AiSettingsDto>(apiUrl, 'PUT', `/sites/${site.id}/ai`, {
      token,
      body: { enabled: true, apiKey: API_KEY, baseUrl: fake.url, backend: 'responses', model: 'gpt-4.1-mini' },
    });
    const chats = async () => call<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${site.id}`, { token });
    const visitor = async (name: string, text: string) => {
      const v = await connectVisitor(apiUrl, site.publicId, widgetUrl, name, { locale: 'uk-UA' });
      visitors.push(v);
      return (await v.say(text)).chatId;
    };
    // The AI answers (ВІДПОВІДАЄ ШІ), hands over on request (ЧЕКАЄ НА ЛЮДИНУ), an operator took one (ЛЮДИНА); all ВІДКРИТИЙ.
    const answered = await visitor('Олександра Костянтинівна Переяславська', 'Чи доставляєте до Львова?');
    const waiting = await visitor('Мирослава Хмельницька', 'Хочу поговорити з людиною');
    humanChatId = await visitor('Богдан Переяславський-Задунайський', 'Чи можна змінити замовлення?');
    await until('the AI answers', async () =>
      (await chats()).filter((c) => c.id === answered || c.id === humanChatId).every((c) => c.lastMessage?.authorKind === 'AI'),
    );
    await until('the handoff', async () => (await chats()).find((c) => c.id === waiting)?.aiState === 'WAITING_FOR_HUMAN');
    const admin = await connectAdmin(apiUrl, token);
    await emitOk(admin, 'chat:assign', { chatId: humanChatId, operatorId: auth.user.id });
    admin.close();
    await until('the takeover', async () => (await chats()).find((c) => c.id === humanChatId)?.aiState === 'HUMAN');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
    await fake?.close();
  });

  it.each(VIEWPORTS)('at $name width ($width px)', async (viewport) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const missing = watchMissingMessages(page);
    try {
      await signInPage(page, adminUrl, owner);
      await ctx.addCookies([{ name: 'chatiq_locale', value: 'uk', url: adminUrl }]);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const pages: { name: keyof typeof ONE_LINE; path: string; ready: () => Promise<unknown> }[] = [
        {
          name: 'inbox',
          path: '/inbox',
          ready: () => expect.poll(() => page.locator('[data-testid="chat-item"] [data-testid="ai-state"]').count(), WAIT).toBe(3),
        },
        { name: 'chat', path: `/inbox?chat=${humanChatId}`, ready: () => page.locator('.chat-header .badge').first().waitFor(WAIT) },
        { name: 'team', path: '/settings/team', ready: () => page.locator('.badge').first().waitFor(WAIT) },
        { name: 'sites', path: '/sites', ready: () => page.getByTestId('site-row').first().waitFor(WAIT) },
      ];
      const problems: string[] = [];
      for (const spec of pages) {
        await page.goto(`${adminUrl}${spec.path}`);
        await spec.ready();
        await page.evaluate(() => document.fonts.ready);
        const measured = await measure(page, ONE_LINE[spec.name]);
        expect(measured.filter((m) => m.selector !== NAV).length, `${spec.name}: nothing to measure`).toBeGreaterThan(0);
        for (const m of measured) {
          if (m.height > m.oneLine)
            problems.push(`${spec.name} ${m.selector} "${m.text}": ${m.height.toFixed(1)} px > ${m.oneLine.toFixed(1)} px`);
          if (m.clipped) problems.push(`${spec.name} ${m.selector} "${m.text}": cut off`);
        }
        await screenshot(page, `badges-uk-${spec.name}-${viewport.name}`);
      }
      expect(problems).toEqual([]);
      expect(missing).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
