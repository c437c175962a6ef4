// Every main page of the admin panel, in English and in Ukrainian, in real Chromium: each is
// screenshotted (e2e/test-results/screenshots/<lang>-<page>.png at 1280×720, <lang>-<page>-tablet.png
// at 768×1024, <lang>-<page>-phone.png at 390×844; not committed, for looking at) and scanned. A page fails when its text (or a
// placeholder, title, aria-label or alt) holds:
// - an untranslated key: next-intl renders a missing message as its `namespace.key` path and logs
//   MISSING_MESSAGE;
// - the other language: a phrase of messages/<other> that differs in this language, or, on a
//   Ukrainian page, a Latin word that no Ukrainian message uses (a string hard-coded in a
//   component, a library's English, a unit like "min"), and on an English page, Cyrillic words
//   (each language gets its own organization whose data is in that language, so this can be
//   strict; the widget preview is left out: it shows the widget in the widget's own language);
// and when the page scrolls sideways at 1280×720, on a 768×1024 tablet or on a 390×844 phone.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthResponse, CreatedSiteDto } from '@chatiq/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, type Visitor } from './support/inbox-support.js';
import { afterNextFrame } from './support/pages.js';
import { repoRoot, resultsDir } from './support/system.js';
import { connectAdmin, emitOk } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 20_000 };

type Lang = 'en' | 'uk';
const LANGS: Lang[] = ['en', 'uk'];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 720, suffix: '' },
  { name: 'tablet', width: 768, height: 1024, suffix: '-tablet' },
  { name: 'phone', width: 390, height: 844, suffix: '-phone' },
] as const;

// ---------------------------------------------------------------------------------------------
// The messages, to know what each language's text looks like
// ---------------------------------------------------------------------------------------------

const messagesDir = path.join(repoRoot, 'admin-panel', 'messages');
const NAMESPACES = readdirSync(path.join(messagesDir, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

/** key path → text, for every message of a language. */
function flatMessages(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') out.set(prefix, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  for (const ns of NAMESPACES) walk(JSON.parse(readFileSync(path.join(messagesDir, lang, `${ns}.json`), 'utf8')), ns);
  return out;
}
const MESSAGES: Record<Lang, Map<string, string>> = { en: flatMessages('en'), uk: flatMessages('uk') };

/**
 * The literal text of an ICU message, without its syntax: "{count, plural, one {# chat} other
 * {# chats}} in <b>{site}</b>" gives ["chat", "chats", "in"] (placeholders, selectors, `#` and
 * tags are not text).
 */
function literals(message: string): string[] {
  const out: string[] = [];
  let i = 0;
  const text = (end: string | null): void => {
    let piece = '';
    const flush = () => {
      for (const part of piece.split(/<\/?\w+>|#/)) if (part.trim()) out.push(part.replace(/\s+/g, ' ').trim());
      piece = '';
    };
    while (i < message.length) {
      const c = message[i]!;
      if (end !== null && c === end) break;
      if (c === "'" && message[i + 1] === "'") {
        piece += "'";
        i += 2;
      } else if (c === '{') {
        flush();
        i++;
        argument();
      } else {
        piece += c;
        i++;
      }
    }
    flush();
  };
  // After "{": a name, then "}" or ", type" and for plural/select the "selector {message}" branches.
  const argument = (): void => {
    const close = message.slice(i).search(/[,}]/);
    i += close < 0 ? message.length : close;
    if (message[i] === '}') {
      i++;
      return;
    }
    i++; // ","
    const type = /^\s*(\w+)\s*(,|})/.exec(message.slice(i));
    if (!type) return;
    i += type[0].length;
    if (type[2] === '}') return;
    while (i < message.length) {
      const branch = /^\s*(?:offset:\d+\s*)?([=\w]+)\s*\{/.exec(message.slice(i));
      if (!branch) break;
      i += branch[0].length;
      text('}');
      i++; // "}"
    }
    const rest = message.slice(i).indexOf('}');
    i += rest < 0 ? message.length : rest + 1;
  };
  text(null);
  return out;
}

/** The literal pieces of a message long enough to recognise on a page: two words or more, 12 characters or more. */
function literalPieces(message: string): string[] {
  return literals(message).filter((piece) => piece.length >= 12 && piece.includes(' '));
}

/** Phrases of `other`'s messages that `lang` translates differently: seeing one on a `lang` page is a missed translation. */
function foreignPhrases(lang: Lang): string[] {
  const other: Lang = lang === 'en' ? 'uk' : 'en';
  const own = [...MESSAGES[lang].values()].join('\n');
  const phrases = new Set<string>();
  for (const [key, text] of MESSAGES[other]) {
    if (MESSAGES[lang].get(key) === text) continue;
    for (const piece of literalPieces(text)) if (!own.includes(piece)) phrases.add(piece);
  }
  return [...phrases];
}
const FOREIGN: Record<Lang, string[]> = { en: foreignPhrases('en'), uk: foreignPhrases('uk') };

/**
 * Latin words a Ukrainian page may show: those its messages use (ChatIQ, OpenAI, API…), the
 * language switcher's "English", and this test's data that has no Ukrainian (the shortcut).
 */
const UK_LATIN_ALLOWED = new Set([
  ...[...MESSAGES.uk.values()].flatMap((text) => literals(text).flatMap((piece) => piece.match(/[A-Za-z]{2,}/g) ?? [])),
  'English',
  'UTC',
  'dostavka',
]);
/** Cyrillic that may appear on an English page: the language switcher names Ukrainian in Ukrainian. */
const EN_CYRILLIC_ALLOWED = new Set(['Українська']);

/** The texts that say "loading": a page is looked at once none of them shows. */
const LOADING = [...MESSAGES.en, ...MESSAGES.uk].filter(([key]) => /(^|\.)loading\w*$/i.test(key)).map(([, text]) => text);

const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z][\\w-]*(?:\\.[\\w-]+)*`, 'g');

// ---------------------------------------------------------------------------------------------
// Looking at a page
// ---------------------------------------------------------------------------------------------

/** `sideways`: what scrolls sideways (the page, or a scrolling area such as the shell's content), with what sticks out. */
type Seen = { text: string; attributes: string[]; title: string; sideways: string[] };

/** What the page shows: its text without code samples (the embed snippet), its attribute texts, and what is too wide. */
function look(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    // Code samples (the embed snippet) are not words; the widget preview speaks the widget's language.
    // Proper nouns marked translate="no" (browser and system names) are the same in every language.
    for (const el of clone.querySelectorAll('code, pre, script, style, noscript, [translate="no"], [data-testid="widget-preview"]'))
      el.remove();
    // innerText needs a rendered element: measure the clone off screen.
    clone.style.position = 'absolute';
    clone.style.left = '-100000px';
    document.documentElement.appendChild(clone);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (hidden elements and scripts are not words on the page).
    const text = clone.innerText;
    clone.remove();
    const attributes = [...document.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')]
      .filter((el) => !el.closest('[data-testid="widget-preview"], [translate="no"]'))
      .flatMap((el) => ['placeholder', 'title', 'aria-label', 'alt'].map((a) => el.getAttribute(a)).filter((v): v is string => !!v));
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    /** The outermost elements inside `box` that stick out past its right edge. */
    const stickingOut = (box: Element, right: number) =>
      [...box.querySelectorAll('*')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= right + 1) return false;
          const parent = el.parentElement?.getBoundingClientRect();
          return !parent || parent.right <= right + 1;
        })
        .slice(0, 3)
        .map((el) => `${name(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} > ${Math.round(right)})`);
    const sideways: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      sideways.push(`the page (${root.scrollWidth} > ${root.clientWidth}): ${stickingOut(document.body, root.clientWidth).join(', ')}`);
    }
    // Areas that scroll by themselves (the shell's content, the chat list…); code samples may.
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('pre, code, textarea')) continue;
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX !== 'auto' && overflowX !== 'scroll') || el.scrollWidth <= el.clientWidth + 1) continue;
      const r = el.getBoundingClientRect();
      sideways.push(`${name(el)} (${el.scrollWidth} > ${el.clientWidth}): ${stickingOut(el, r.left + el.clientWidth).join(', ')}`);
    }
    return { text, attributes, title: document.title, sideways };
  });
}

/** Text without what is not words of a language: addresses, domains, template variables, identifiers with digits (gpt-4.1-mini). */
const stripData = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\b(?:[\w-]+\.)+(?:test|dev|com|ua|org|net)\b/g, ' ')
    .replace(/\{[a-z]+\.[a-z]+\}/g, ' ')
    .replace(/\S*\d\S*/g, ' ');

/** Everything wrong with the page's words in `lang` (an empty list when all is well). */
function wordProblems(seen: Seen, lang: Lang, missing: string[]): string[] {
  const all = [seen.title, seen.text, ...seen.attributes].join('\n');
  const problems: string[] = [];
  for (const key of new Set(all.match(RAW_KEY) ?? [])) problems.push(`untranslated key "${key}"`);
  if (/MISSING_MESSAGE|INVALID_MESSAGE|FORMATTING_ERROR/.test(all)) problems.push('an error message of next-intl is shown');
  for (const line of missing.splice(0)) problems.push(`console: ${line.slice(0, 200)}`);
  const flat = all.replace(/\s+/g, ' ');
  for (const phrase of FOREIGN[lang]) if (flat.includes(phrase)) problems.push(`text of the other language: "${phrase}"`);
  const words = stripData(all);
  if (lang === 'uk') {
    for (const word of new Set(words.match(/[A-Za-z]{2,}/g) ?? [])) {
      if (!UK_LATIN_ALLOWED.has(word)) problems.push(`a Latin word on the Ukrainian page: "${word}"`);
    }
  } else {
    for (const word of new Set(words.match(/[\u0400-\u04FF][\u0400-\u04FF'ʼ-]+/g) ?? [])) {
      if (!EN_CYRILLIC_ALLOWED.has(word)) problems.push(`Cyrillic on the English page: "${word}"`);
    }
  }
  return problems;
}

/**
 * A screenshot of everything the page holds: the shell scrolls its content area, not the
 * document, so the window is made as tall as that content for the picture, then put back.
 */
async function fullScreenshot(page: Page, viewport: { width: number; height: number }, file: string) {
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

async function waitUntilLoaded(page: Page, ready?: (page: Page) => Promise<void>) {
  await page.locator('h1, h2').first().waitFor(WAIT);
  if (ready) await ready(page);
  await expect
    .poll(async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the scripts' (which carry the messages).
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      return LOADING.filter((loading) => text.includes(loading));
    }, WAIT)
    .toEqual([]);
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// The data each language's organization shows
// ---------------------------------------------------------------------------------------------

type Data = {
  owner: { name: string; organization: string; site: string };
  visitor: string;
  visitorPage: string;
  visitorLocale: string;
  /** What the inbox's visitor panel shows of the visitor's language and device. */
  visitorPanel: { language: string; device: string };
  widget: { title: string; welcomeMessage: string; language: Lang };
  question: string;
  answer: string;
  note: string;
  template: { shortcut: string; text: string };
  autoReply: { keyword: string; reply: string };
};

const DATA: Record<Lang, Data> = {
  en: {
    owner: { name: 'Emily Carter', organization: 'Sunflower Goods', site: 'Sunflower shop' },
    visitor: 'Martha Green',
    visitorPage: 'Delivery and payment',
    visitorLocale: 'en-GB',
    visitorPanel: { language: 'British English', device: 'Phone · Safari · iOS' },
    widget: { title: 'Talk to Sunflower', welcomeMessage: 'Hello! Ask us anything about your order.', language: 'en' },
    question: 'Hello, do you ship to Lviv?',
    answer: 'Yes, we ship across Ukraine within three days.',
    note: 'Martha asked about shipping before.',
    template: { shortcut: '/ship', text: 'We ship across Ukraine within three days, {visitor.name}.' },
    autoReply: { keyword: 'refund', reply: 'Refunds take up to five working days.' },
  },
  uk: {
    owner: { name: 'Ірина Коваль', organization: 'Соняшник', site: 'Крамниця Соняшник' },
    visitor: 'Марта Зелена',
    visitorPage: 'Доставка й оплата',
    visitorLocale: 'uk-UA',
    visitorPanel: { language: 'українська (Україна)', device: 'Телефон · Safari · iOS' },
    widget: { title: 'Напишіть Соняшнику', welcomeMessage: 'Вітаємо! Питайте про своє замовлення.', language: 'uk' },
    question: 'Добрий день, чи доставляєте до Львова?',
    answer: 'Так, доставляємо по всій Україні за три дні.',
    note: 'Марта вже питала про доставку.',
    template: { shortcut: '/dostavka', text: 'Доставляємо по всій Україні за три дні, {visitor.name}.' },
    autoReply: { keyword: 'повернення', reply: 'Повернення коштів триває до пʼяти робочих днів.' },
  },
};

/** An iPhone's Safari, as the visitor's browser. */
const VISITOR_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1';

type Organization = { token: string; email: string; password: string; site: CreatedSiteDto; chatId: string; visitor: Visitor };

/** A new organization whose every name and message is in `lang`, with a chat, a live visitor, a template, a rule and an invitation. */
async function organization(lang: Lang): Promise<Organization> {
  const data = DATA[lang];
  const run = `${lang}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const email = `pages-${run}@owner.test`;
  const password = 'sunflower-fields-42';
  const auth = await call<AuthResponse>(apiUrl, 'POST', '/auth/register', {
    body: { email, password, name: data.owner.name, organizationName: data.owner.organization },
  });
  const token = auth.accessToken;
  const site = await call<CreatedSiteDto>(apiUrl, 'POST', '/sites', {
    token,
    body: { name: data.owner.site, allowedOrigins: [widgetUrl] },
  });
  // A Ukrainian organization words its widget in Ukrainian (the built-in default is English).
  await call(apiUrl, 'PUT', '/widget-settings', { token, body: data.widget });
  const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, data.visitor, {
    page: { url: `${widgetUrl}/delivery`, title: data.visitorPage },
    locale: data.visitorLocale,
    userAgent: VISITOR_UA,
  });
  const { chatId } = await visitor.say(data.question);
  const admin = await connectAdmin(apiUrl, token);
  await emitOk(admin, 'admin:join', { chatId });
  await emitOk(admin, 'admin:message', { chatId, clientId: `pages-${run}-1`, text: data.answer });
  await emitOk(admin, 'admin:note', { chatId, clientId: `pages-${run}-2`, text: data.note });
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
  return { token, email, password, site, chatId, visitor };
}

type PageSpec = { name: string; path: string; ready?: (page: Page) => Promise<void> };

function appPages(org: Organization, data: Data): PageSpec[] {
  const site = `?site=${org.site.id}`;
  return [
    {
      name: 'inbox',
      path: `/inbox?chat=${org.chatId}`,
      ready: async (page) => {
        await page.locator('.message', { hasText: data.answer }).waitFor(WAIT);
        await page.locator('.message', { hasText: data.note }).waitFor(WAIT);
        // The visitor panel: who they are, where and on what.
        const panel = page.getByTestId('visitor-panel');
        await panel.waitFor(WAIT);
        expect(await panel.getByTestId('visitor-name').textContent()).toBe(data.visitor);
        expect(await panel.getByTestId('visitor-page').textContent()).toBe(data.visitorPage);
        expect(await panel.getByTestId('visitor-language').textContent()).toBe(data.visitorPanel.language);
        expect(await panel.getByTestId('visitor-device').textContent()).toBe(data.visitorPanel.device);
      },
    },
    // The list alone (a phone shows it full screen) and the visitor's details (a phone's view of their own).
    { name: 'inbox-list', path: '/inbox', ready: (page) => page.getByTestId('chat-item').first().waitFor(WAIT) },
    {
      name: 'inbox-details',
      path: `/inbox?chat=${org.chatId}&view=details`,
      ready: (page) => page.getByTestId('visitor-panel').getByText(data.visitor).waitFor(WAIT),
    },
    { name: 'visitors', path: '/visitors', ready: (page) => page.getByText(data.visitor).first().waitFor(WAIT) },
    { name: 'sites', path: '/sites', ready: (page) => page.getByText(data.owner.site).first().waitFor(WAIT) },
    ...['ai', 'business-hours', 'auto-replies', 'templates', 'welcome', 'widget'].map((tab) => ({
      name: `settings-${tab}`,
      path: `/settings/${tab}${site}`,
      ready: async (page: Page) => {
        await page.locator('.settings-tabs a[aria-current="page"]').waitFor(WAIT);
        // The widget tab's live preview: the real widget in its frame, showing the form's look.
        if (tab === 'widget') await page.locator('[data-testid="widget-preview"][data-state="ready"]').waitFor(WAIT);
      },
    })),
    { name: 'team', path: `/settings/team${site}`, ready: (page) => page.getByText(data.owner.name).first().waitFor(WAIT) },
    { name: 'analytics', path: '/analytics', ready: (page) => page.locator('svg').first().waitFor(WAIT) },
    { name: 'profile', path: '/profile', ready: (page) => page.locator('.profile-avatar').waitFor(WAIT) },
  ];
}

const PUBLIC_PAGES: PageSpec[] = [
  { name: 'login', path: '/login' },
  { name: 'register', path: '/register' },
  { name: 'forgot-password', path: '/forgot-password' },
  { name: 'reset-password', path: '/reset-password?token=e2e-unknown' },
  { name: 'accept-invite', path: '/accept-invite?token=e2e-unknown' },
];

// ---------------------------------------------------------------------------------------------

describe('every page in English and Ukrainian', () => {
  let browser: Browser;
  const orgs: Partial<Record<Lang, Organization>> = {};
  const saved: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    for (const lang of LANGS) orgs[lang] = await organization(lang);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const org of Object.values(orgs)) org?.visitor.close();
    await browser?.close();
    if (saved.length) console.log(`screenshots:\n${saved.join('\n')}`);
  });

  /** A context that speaks `lang` (the language switcher's cookie), at the desktop size. */
  async function context(lang: Lang): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: lang === 'uk' ? 'uk-UA' : 'en-US' });
    await ctx.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    return ctx;
  }

  /** Opens each page, checks it at both sizes, screenshots it; returns every problem found. */
  async function visit(page: Page, lang: Lang, specs: PageSpec[]): Promise<string[]> {
    const missing = watchMissingMessages(page);
    const problems: string[] = [];
    for (const spec of specs) {
      await page.setViewportSize(VIEWPORTS[0]);
      await page.goto(`${adminUrl}${spec.path}`);
      await waitUntilLoaded(page, spec.ready);
      expect(await page.locator('html').getAttribute('lang'), spec.name).toBe(lang);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await afterNextFrame(page); // a frame laid out at the new size
        const seen = await look(page);
        if (viewport.name === 'desktop') for (const p of wordProblems(seen, lang, missing)) problems.push(`${lang} ${spec.name}: ${p}`);
        for (const what of seen.sideways)
          problems.push(`${lang} ${spec.name}: scrolls sideways at ${viewport.width}×${viewport.height}: ${what}`);
        const file = path.join(shots, `${lang}-${spec.name}${viewport.suffix}.png`);
        await fullScreenshot(page, viewport, file);
        saved.push(path.relative(repoRoot, file));
      }
    }
    return problems;
  }

  for (const lang of LANGS) {
    it(`${lang}: the signed-in pages`, async () => {
      const org = orgs[lang]!;
      const ctx = await context(lang);
      const page = await ctx.newPage();
      // Signing in through the form, in the page's language.
      await page.goto(`${adminUrl}/login`);
      await page.locator('input[type="email"]').fill(org.email);
      await page.locator('input[type="password"]').fill(org.password);
      await page.locator('form button[type="submit"]').first().click();
      await page.waitForURL(`${adminUrl}/inbox`, WAIT);
      const problems = await visit(page, lang, appPages(org, DATA[lang]));
      await ctx.close();
      expect(problems).toEqual([]);
    }, 300_000); // a dozen pages, each at three sizes, on a machine other builds may share

    it(`${lang}: the account pages`, async () => {
      const ctx = await context(lang);
      const page = await ctx.newPage();
      const problems = await visit(page, lang, PUBLIC_PAGES);
      await ctx.close();
      expect(problems).toEqual([]);
    });
  }

  it('checks something real: each language has phrases the other must not show, and loading texts to wait for', () => {
    expect(literals("{count, plural, one {# chat} other {# chats}} on <b>{site}</b>, it''s fine")).toEqual([
      'chat',
      'chats',
      'on',
      ", it's fine",
    ]);
    expect(literals('Hello {name}! {n, select, a {Apple} other {Other thing}} done')).toEqual([
      'Hello',
      '!',
      'Apple',
      'Other thing',
      'done',
    ]);
    expect(UK_LATIN_ALLOWED.has('OpenAI')).toBe(true);
    expect(UK_LATIN_ALLOWED.has('plural')).toBe(false);
    expect(FOREIGN.en.length).toBeGreaterThan(100);
    expect(FOREIGN.uk.length).toBeGreaterThan(100);
    expect(FOREIGN.uk).toContain('Download transcript');
    expect(FOREIGN.en).toContain('Завантажити історію чату');
    expect(LOADING.length).toBeGreaterThan(4);
    expect('x inbox.header.resolve y'.match(RAW_KEY)).toEqual(['inbox.header.resolve']);
  });

  it('catches a key, the other language, a hard-coded word and a sideways scroll on a page made to have them', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.setContent(`
      <main class="content" style="overflow:auto;height:300px">
        <h1>Вхідні</h1>
        <p>inbox.header.resolve</p>
        <button aria-label="Download transcript">Завантажити</button>
        <p>3 min</p>
        <div class="too-wide" style="width:1200px">Чати</div>
      </main>`);
    const seen = await look(page);
    expect(seen.sideways).toEqual([expect.stringMatching(/^main\.content \(\d+ > \d+\): div\.too-wide/)]);
    expect(wordProblems(seen, 'uk', [])).toEqual([
      'untranslated key "inbox.header.resolve"',
      'text of the other language: "Download transcript"',
      'a Latin word on the Ukrainian page: "inbox"',
      'a Latin word on the Ukrainian page: "header"',
      'a Latin word on the Ukrainian page: "resolve"',
      'a Latin word on the Ukrainian page: "min"',
      'a Latin word on the Ukrainian page: "Download"',
      'a Latin word on the Ukrainian page: "transcript"',
    ]);
    expect(wordProblems(seen, 'en', [])).toContain('Cyrillic on the English page: "Вхідні"');
    await page.close();
  });
});
