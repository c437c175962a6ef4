// Every page of the admin panel, for the tests that look at all of them (the theme and
// accessibility scan): the routes come from admin-panel/app/**/page.tsx, so a new page is visited
// without editing a list (a route that needs an address of its own, a token or a chat, gets it in
// KNOWN below); an organization whose data is in one language, so each page has something to show;
// and waiting until a page has loaded.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthResponse, CreatedSiteDto } from '@chatiq/contracts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { call, connectVisitor, type Visitor } from './inbox-support.js';
import { afterNextFrame } from './pages.js';
import { repoRoot } from './system.js';
import { connectAdmin, emitOk } from './widget-support.js';

export type Lang = 'en' | 'uk';
export const LANGS: Lang[] = ['en', 'uk'];
const WAIT = { timeout: 20_000 };

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

/** Routes of admin-panel/app: every page.tsx, its directory without route groups such as (app). */
export function panelRoutes(dir = path.join(repoRoot, 'admin-panel', 'app'), prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === 'api') continue;
      const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
      routes.push(...panelRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
    } else if (entry.name === 'page.tsx') routes.push(prefix || '/');
  }
  return routes.sort();
}

/** Pages without a session (the rest need one). */
const PUBLIC_ROUTES = new Set(['/login', '/register', '/forgot-password', '/reset-password', '/accept-invite']);

export type PanelPage = {
  /** For file names and messages: the route without its slashes ("settings-widget"). */
  name: string;
  route: string;
  /** The address to open. */
  path: string;
  public: boolean;
  /** What shows that the page did its work (beyond its heading and no loading text). */
  ready?: (page: Page) => Promise<void>;
};

/** What the pages show of the organization: its site and chat for the addresses, its data to wait for. */
export type PageData = { siteId: string; chatId: string; visitorName: string; answer: string; ownerName: string; siteName: string };

/**
 * Routes that only send elsewhere (they render no page of their own): "/" to the inbox, "/settings"
 * to its first tab. Pages visited as what they lead to.
 */
const REDIRECTS = new Set(['/', '/settings']);

/** Routes that need more than their plain address, or something to wait for. */
function known(data: PageData): Record<string, Partial<PanelPage>> {
  const site = `?site=${data.siteId}`;
  const settingsTab = (page: Page) => page.locator('.settings-tabs a[aria-current="page"]').waitFor(WAIT);
  const settings = Object.fromEntries(
    ['ai', 'business-hours', 'auto-replies', 'templates', 'welcome'].map((tab) => [
      `/settings/${tab}`,
      { path: `/settings/${tab}${site}`, ready: settingsTab },
    ]),
  );
  return {
    '/reset-password': { path: '/reset-password?token=e2e-unknown' },
    '/accept-invite': { path: '/accept-invite?token=e2e-unknown' },
    '/inbox': {
      path: `/inbox?chat=${data.chatId}`,
      ready: async (page) => {
        await page.locator('.message', { hasText: data.answer }).waitFor(WAIT);
        await page.getByTestId('visitor-panel').waitFor({ state: 'attached', ...WAIT });
      },
    },
    '/visitors': { ready: (page) => page.getByText(data.visitorName).first().waitFor(WAIT) },
    '/sites': { ready: (page) => page.getByText(data.siteName).first().waitFor(WAIT) },
    ...settings,
    '/settings/widget': {
      path: `/settings/widget${site}`,
      ready: async (page) => {
        await settingsTab(page);
        // The live preview: the real widget in its frame, drawn.
        await page.locator('[data-testid="widget-preview"][data-state="ready"]').waitFor(WAIT);
        await page
          .frameLocator('[data-testid="widget-preview-frame"]')
          .locator('.chatiq-panel')
          .waitFor({ state: 'visible', ...WAIT });
      },
    },
    '/settings/team': { path: `/settings/team${site}`, ready: (page) => page.getByText(data.ownerName).first().waitFor(WAIT) },
    '/analytics': { ready: (page) => page.locator('.recharts-surface').first().waitFor(WAIT) },
  };
}

/** Every page of the panel (the redirecting routes left out), public ones first. */
export function panelPages(data: PageData): PanelPage[] {
  const specs = known(data);
  return panelRoutes()
    .filter((route) => !REDIRECTS.has(route))
    .map((route) => {
      if (route.includes('[')) {
        if (!specs[route]?.path) throw new Error(`${route}: a route with a parameter needs its address in panel-pages.ts`);
      }
      return {
        name: route.slice(1).replaceAll('/', '-'),
        route,
        path: route,
        public: PUBLIC_ROUTES.has(route),
        ...specs[route],
      };
    })
    .sort((a, b) => Number(b.public) - Number(a.public));
}

// ---------------------------------------------------------------------------------------------
// Loading a page
// ---------------------------------------------------------------------------------------------

const messagesDir = path.join(repoRoot, 'admin-panel', 'messages');

/** The panel's "Loading…" texts in both languages (messages whose key ends in loading…). */
const LOADING: string[] = (() => {
  const texts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/(^|\.)loading\w*$/i.test(key)) texts.push(value);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
  };
  for (const lang of LANGS)
    for (const file of readdirSync(path.join(messagesDir, lang)).filter((f) => f.endsWith('.json')))
      walk(JSON.parse(readFileSync(path.join(messagesDir, lang, file), 'utf8')), '');
  return texts;
})();

/** Opens a page and waits until it shows what it is for: a heading, its own readiness, no loading text, the fonts. */
export async function openPanelPage(page: Page, adminUrl: string, spec: PanelPage): Promise<void> {
  await page.goto(`${adminUrl}${spec.path}`);
  await page.locator('h1, h2').first().waitFor(WAIT);
  if (spec.ready) await spec.ready(page);
  expect(LOADING.length).toBeGreaterThan(3);
  await expect
    .poll(async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the scripts' (which carry the messages).
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      return LOADING.filter((loading) => text.includes(loading));
    }, WAIT)
    .toEqual([]);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * A screenshot of everything the page holds: the shell scrolls its content area, not the
 * document, so the window is made as tall as that content for the picture, then put back.
 */
export async function fullScreenshot(page: Page, viewport: { width: number; height: number }, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const height = await page.evaluate(() => {
    const content = document.querySelector('.content');
    const inner = content ? content.getBoundingClientRect().top + content.scrollHeight : 0;
    return Math.ceil(Math.max(document.documentElement.scrollHeight, inner));
  });
  if (height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
    await afterNextFrame(page);
  }
  await page.screenshot({ path: file, fullPage: true });
  if (height > viewport.height) await page.setViewportSize(viewport);
}

// ---------------------------------------------------------------------------------------------
// An organization with something on every page
// ---------------------------------------------------------------------------------------------

const DATA = {
  en: {
    owner: 'Emily Carter',
    organization: 'Sunflower Goods',
    site: 'Sunflower shop',
    widget: { title: 'Talk to Sunflower', welcomeMessage: 'Hello! Ask us anything about your order.', language: 'en' },
    visitor: 'Martha Green',
    otherVisitor: 'Tom Baker',
    question: 'Hello, do you ship to Lviv?',
    otherQuestion: 'Is the shop open on Sunday?',
    answer: 'Yes, we ship across Ukraine within three days.',
    note: 'Martha asked about shipping before.',
    template: { shortcut: '/ship', text: 'We ship across Ukraine within three days, {visitor.name}.' },
    autoReply: { keyword: 'refund', reply: 'Refunds take up to five working days.' },
  },
  uk: {
    owner: 'Ірина Коваль',
    organization: 'Соняшник',
    site: 'Крамниця Соняшник',
    widget: { title: 'Напишіть Соняшнику', welcomeMessage: 'Вітаємо! Питайте про своє замовлення.', language: 'uk' },
    visitor: 'Марта Зелена',
    otherVisitor: 'Тарас Бойко',
    question: 'Добрий день, чи доставляєте до Львова?',
    otherQuestion: 'Чи працює крамниця в неділю?',
    answer: 'Так, доставляємо по всій Україні за три дні.',
    note: 'Марта вже питала про доставку.',
    template: { shortcut: '/dostavka', text: 'Доставляємо по всій Україні за три дні, {visitor.name}.' },
    autoReply: { keyword: 'повернення', reply: 'Повернення коштів триває до пʼяти робочих днів.' },
  },
} as const;

export type PanelOrganization = {
  email: string;
  password: string;
  token: string;
  site: CreatedSiteDto;
  data: PageData;
  visitors: Visitor[];
};

/**
 * A new organization whose names and messages are in `lang`: a site, the widget's look, two
 * visitors (one answered, with a private note; one waiting), a template, an auto-reply and an
 * invitation, so each page has its badges, messages, rows and charts to look at.
 */
export async function panelOrganization(apiUrl: string, widgetUrl: string, lang: Lang): Promise<PanelOrganization> {
  const data = DATA[lang];
  const run = `${lang}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const email = `themes-${run}@owner.test`;
  const password = 'sunflower-fields-42';
  const auth = await call<AuthResponse>(apiUrl, 'POST', '/auth/register', {
    body: { email, password, name: data.owner, organizationName: data.organization },
  });
  const token = auth.accessToken;
  const site = await call<CreatedSiteDto>(apiUrl, 'POST', '/sites', { token, body: { name: data.site, allowedOrigins: [widgetUrl] } });
  await call(apiUrl, 'PUT', '/widget-settings', { token, body: data.widget });
  const locale = lang === 'uk' ? 'uk-UA' : 'en-GB';
  const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, data.visitor, { locale });
  const { chatId } = await visitor.say(data.question);
  const waiting = await connectVisitor(apiUrl, site.publicId, widgetUrl, data.otherVisitor, { locale });
  await waiting.say(data.otherQuestion);
  const admin = await connectAdmin(apiUrl, token);
  await emitOk(admin, 'admin:join', { chatId });
  await emitOk(admin, 'admin:message', { chatId, clientId: `themes-${run}-1`, text: data.answer });
  await emitOk(admin, 'admin:note', { chatId, clientId: `themes-${run}-2`, text: data.note });
  admin.close();
  await call(apiUrl, 'POST', '/templates', { token, body: { ...data.template, siteId: site.id } });
  await call(apiUrl, 'POST', `/sites/${site.id}/auto-replies`, {
    token,
    body: { trigger: 'KEYWORD', keywords: [data.autoReply.keyword], replyText: data.autoReply.reply },
  });
  await call(apiUrl, 'POST', '/team/invitations', {
    token,
    body: { email: `operator-${run}@owner.test`, role: 'OPERATOR', siteIds: [site.id] },
  });
  return {
    email,
    password,
    token,
    site,
    visitors: [visitor, waiting],
    data: { siteId: site.id, chatId, visitorName: data.visitor, answer: data.answer, ownerName: data.owner, siteName: data.site },
  };
}
