// Every page of the admin panel (support/panel-pages.ts: the routes of app/**/page.tsx) and the
// open widget, in real Chromium, in English and Ukrainian, in the light and the dark theme:
// - an axe-core scan (WCAG 2.1 A and AA rules) of each page finds nothing, in both themes at the
//   desktop size and on a phone (in Ukrainian: dark, desktop; see `scanned`); axe is evaluated into
//   the page by the DevTools protocol, which the panel's nonce-only script policy does not govern
//   (no inline <script> is added);
// - a screenshot of each, at 1280×800 and on a 390×844 phone, goes to
//   e2e/test-results/screenshots/<lang>-<theme>-<page>[-phone].png (not committed; for looking at);
// - the theme switcher: System follows the system's scheme, Light and Dark are kept in a cookie
//   that the server renders (the right colours with JavaScript off: nothing flashes).
// The themes here are the system's (Chromium's emulated prefers-color-scheme) with no cookie; the
// switcher's test covers the cookie.

import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { ChatSummaryDto } from '@chatiq/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { afterNextFrame } from './support/pages.js';
import {
  fullScreenshot,
  LANGS,
  type Lang,
  openPanelPage,
  type PanelOrganization,
  type PanelPage,
  panelOrganization,
  panelPages,
  panelRoutes,
} from './support/panel-pages.js';
import { resultsDir } from './support/system.js';
import { connectAdmin, demoPageUrl, emitOk, openWidget, rest, sendFromWidget } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 20_000 };

type Theme = 'light' | 'dark';
const THEMES: Theme[] = ['light', 'dark'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One line per element axe found wrong: "rule (impact) at selector: what is wrong". */
function violations(results: AxeResults, where: string): string[] {
  return results.violations.flatMap((rule) =>
    rule.nodes.map((node) => {
      const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
      return `${where}: ${rule.id} (${rule.impact}) at ${node.target.join(' >> ')}: ${why}`;
    }),
  );
}

/**
 * What axe finds on the page (or in `include`), printed as it is found. One axe.run in the page
 * (legacy mode: no blank page per scan to merge the frames' results in, which costs more than
 * the scan on a busy machine); the widget preview's frame is another origin, so it is left out
 * here: the widget is scanned on its own page below.
 */
async function axeScan(page: Page, where: string, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_AA).setLegacyMode(true);
  if (include) builder.include(include);
  const found = violations(await builder.analyze(), where);
  for (const line of found) console.log(`[axe] ${line}`);
  return found;
}

/**
 * Which views axe scans (a scan costs more than a screenshot): every page in English in both
 * themes at both sizes; in Ukrainian, whose pages differ only in their words, the dark desktop
 * view (the colours are the same, the structure is checked once more in the other language).
 */
function scanned(lang: Lang, theme: Theme, size: '' | '-phone'): boolean {
  return lang === 'en' || (theme === 'dark' && size === '');
}

describe('every page in light and dark: accessible (axe, WCAG 2.1 AA) and screenshotted', () => {
  let browser: Browser;
  const orgs: Partial<Record<Lang, PanelOrganization>> = {};

  beforeAll(async () => {
    const [en, uk, started] = await Promise.all([
      panelOrganization(apiUrl, widgetUrl, 'en'),
      panelOrganization(apiUrl, widgetUrl, 'uk'),
      launchBrowser(),
    ]);
    Object.assign(orgs, { en, uk });
    browser = started;
  });
  afterAll(async () => {
    for (const org of Object.values(orgs)) for (const visitor of org?.visitors ?? []) visitor.close();
    await browser?.close();
  });

  /** A context in `lang` (the language switcher's cookie) whose system scheme is `theme`. */
  async function context(lang: Lang, theme: Theme, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: lang === 'uk' ? 'uk-UA' : 'en-US', colorScheme: theme, ...options });
    await ctx.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    return ctx;
  }

  async function signIn(page: Page, org: PanelOrganization) {
    await page.goto(`${adminUrl}/login`);
    await page.locator('input[type="email"]').fill(org.email);
    await page.locator('input[type="password"]').fill(org.password);
    await page.locator('form button[type="submit"]').first().click();
    await page.waitForURL(`${adminUrl}/inbox`, WAIT);
  }

  it('visits every page of the panel but the ones that only redirect', () => {
    const pages = panelPages({ siteId: 's', chatId: 'c', visitorName: '', answer: '', ownerName: '', siteName: '' });
    expect(pages.map((p) => p.route).sort()).toEqual(panelRoutes().filter((route) => route !== '/' && route !== '/settings'));
    expect(pages.find((p) => p.route === '/inbox')?.path).toBe('/inbox?chat=c');
  });

  for (const lang of LANGS) {
    it(`${lang}: axe finds nothing on any page (as scanned() says); screenshots light and dark, desktop and phone`, async () => {
      const org = orgs[lang]!;
      const ctx = await context(lang, 'light');
      const page = await ctx.newPage();
      const found: string[] = [];
      const specs = panelPages(org.data);
      // Each page is loaded once; the system's scheme then changes under it (as when the system
      // switches at dusk), so both themes are looked at without a reload.
      const visit = async (spec: PanelPage) => {
        const started = Date.now();
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(DESKTOP);
        await openPanelPage(page, adminUrl, spec);
        for (const theme of THEMES) {
          await page.emulateMedia({ colorScheme: theme });
          const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
          expect(luminance(background) < 0.1, `${lang} ${theme} ${spec.name}: the page's background ${background}`).toBe(theme === 'dark');
          for (const [size, viewport] of [
            ['', DESKTOP],
            ['-phone', PHONE],
          ] as const) {
            await page.setViewportSize(viewport);
            await afterNextFrame(page);
            if (scanned(lang, theme, size)) found.push(...(await axeScan(page, `${lang} ${theme} ${spec.name}${size}`)));
            await fullScreenshot(page, viewport, path.join(shots, `${lang}-${theme}-${spec.name}${size}.png`));
          }
        }
        console.log(`[pages] ${lang} ${spec.name}: ${Date.now() - started} ms`);
      };
      for (const spec of specs.filter((s) => s.public)) await visit(spec);
      await page.setViewportSize(DESKTOP);
      await signIn(page, org);
      for (const spec of specs.filter((s) => !s.public)) await visit(spec);
      await ctx.close();
      expect(found).toEqual([]);
    }, 600_000);
  }

  it('the open widget, with a conversation: axe finds nothing in it (light and dark pages); screenshots saved', async () => {
    const found: string[] = [];
    for (const lang of LANGS) {
      const org = orgs[lang]!;
      for (const theme of THEMES) {
        const ctx = await context(lang, theme, { viewport: DESKTOP });
        const page = await ctx.newPage();
        await page.goto(demoPageUrl(widgetUrl, apiUrl, org.site.publicId, { language: lang }));
        await openWidget(page);
        // Both sides of a conversation for the scan: the visitor's message and an operator's reply.
        const text = `${lang === 'uk' ? 'Чи є лампа в жовтому кольорі?' : 'Do you have the lamp in yellow?'} (${theme})`;
        await sendFromWidget(page, text);
        const chats = await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: org.token });
        const chat = chats.find((c) => c.lastMessage?.text === text);
        expect(chat, text).toBeDefined();
        const admin = await connectAdmin(apiUrl, org.token);
        await emitOk(admin, 'admin:join', { chatId: chat!.id });
        await emitOk(admin, 'admin:message', {
          chatId: chat!.id,
          clientId: `widget-${lang}-${theme}-${Date.now()}`,
          text: org.data.answer,
        });
        admin.close();
        await page.locator('.chatiq-msg[data-author="operator"]').first().waitFor(WAIT);
        found.push(...(await axeScan(page, `widget ${lang} ${theme}`, '#chatiq-widget-host')));
        await page.screenshot({ path: path.join(shots, `${lang}-${theme}-widget-open.png`) });
        await page.setViewportSize(PHONE);
        await afterNextFrame(page);
        found.push(...(await axeScan(page, `widget ${lang} ${theme} (phone)`, '#chatiq-widget-host')));
        await page.screenshot({ path: path.join(shots, `${lang}-${theme}-widget-open-phone.png`) });
        await ctx.close();
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('the theme switcher: System follows the system, Light and Dark are kept and rendered by the server', async () => {
    const org = orgs.en!;
    const ctx = await context('en', 'dark');
    const page = await ctx.newPage();
    await signIn(page, org);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const switcher = page.getByTestId('theme-switcher');
    await switcher.waitFor(WAIT);
    // No choice yet: the system's (dark here).
    expect(await switcher.inputValue()).toBe('system');
    expect(await page.getByRole('combobox', { name: 'Colour theme' }).count()).toBe(1);
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    expect(light).not.toBe(dark);
    expect(luminance(dark)).toBeLessThan(0.05);
    expect(luminance(light)).toBeGreaterThan(0.8);

    // Dark while the system is light: at once, and in a cookie for the next pages.
    await switcher.selectOption('dark');
    await expect.poll(background).toBe(dark);
    expect((await ctx.cookies(adminUrl)).find((c) => c.name === 'chatiq_theme')?.value).toBe('dark');
    await page.reload();
    await switcher.waitFor(WAIT);
    expect(await switcher.inputValue()).toBe('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).toBe(dark);

    // Light while the system is dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await switcher.selectOption('light');
    await expect.poll(background).toBe(light);

    // The server renders the choice: with JavaScript off, the page is already in it (no flash).
    const cookies = await ctx.cookies(adminUrl);
    for (const [theme, expected] of [
      ['dark', dark],
      ['light', light],
    ] as const) {
      const noScript = await browser.newContext({ javaScriptEnabled: false, colorScheme: theme === 'dark' ? 'light' : 'dark' });
      await noScript.addCookies([
        ...cookies.filter((c) => c.name !== 'chatiq_theme'),
        { name: 'chatiq_theme', value: theme, url: adminUrl },
      ]);
      const still = await noScript.newPage();
      await still.goto(`${adminUrl}/sites`);
      expect(await still.locator('html').getAttribute('data-theme'), theme).toBe(theme);
      expect(await still.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), theme).toBe(expected);
      await noScript.close();
    }

    // Back to the system's: the attribute goes, the system decides again.
    await switcher.selectOption('system');
    await expect.poll(background).toBe(dark);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    await page.reload();
    await switcher.waitFor(WAIT);
    expect(await switcher.inputValue()).toBe('system');
    expect(await background()).toBe(dark);
    await ctx.close();
  }, 300_000);

  it('the scan catches what it is for: low contrast, a list item outside a list, an unlabelled field', async () => {
    const page = await browser.newPage();
    await page.goto(`${adminUrl}/login`);
    await page.locator('h1').waitFor(WAIT);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'made-wrong';
      box.innerHTML =
        '<p style="color:#8a8f9c;background:#f6f7fb">Barely readable</p>' +
        '<ol role="log"><li>A message</li></ol>' +
        '<input type="text">';
      document.querySelector('main, body')!.append(box);
    });
    const found = await axeScan(page, 'made wrong', '#made-wrong');
    await page.close();
    expect(found.map((line) => line.split(' (')[0])).toEqual(
      expect.arrayContaining(['made wrong: color-contrast', 'made wrong: listitem', 'made wrong: label']),
    );
  });
});

/** Relative luminance of "rgb(r, g, b)". */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
