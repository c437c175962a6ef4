// The analytics page in real Chromium, in English and Ukrainian, over chats made through the real
// widget and admin protocols: an auto-reply is counted apart from the operator's first reply; each
// table downloads as a CSV that Excel reads (BOM, header, quoting); the value axes step evenly
// through round numbers; the day axis is dated in the panel's language; and headings, tiles and
// charts do not overlap.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, type Visitor } from './support/inbox-support.js';
import { connectAdmin, emitOk } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 15_000 };

type Lang = 'en' | 'uk';
const TEXT = {
  en: { perSite: 'Per site', download: 'Download CSV', autoReplied: 'Auto-replied', site: 'Site', chats: 'Chats' },
  uk: { perSite: 'За сайтами', download: 'Завантажити CSV', autoReplied: 'Автовідповідь', site: 'Сайт', chats: 'Чати' },
} as const;

/** Resolves once `condition` holds (checked every 50 ms), or fails after 15 s (hooks cannot use expect.poll). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT.timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the auto-reply');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Box = { x: number; y: number; width: number; height: number };

describe('analytics page', () => {
  let browser: Browser;
  let owner: Owner;
  const siteName = 'Bakery "Kolosok", Kyiv';
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'analytics-page');
    const site = await createSite(apiUrl, owner.token, siteName, [widgetUrl]);
    const stamp = Date.now().toString(36);
    await call(apiUrl, 'POST', `/sites/${site.id}/auto-replies`, {
      token: owner.token,
      body: { trigger: 'KEYWORD', keywords: [stamp], replyText: 'We will answer in a moment' },
    });
    // Two chats: each auto-replied at once, one answered by the owner as well.
    const socket = await connectAdmin(apiUrl, owner.token);
    for (const [n, answer] of [
      [1, true],
      [2, false],
    ] as const) {
      const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, `Visitor ${n}`);
      visitors.push(visitor);
      const { chatId } = await visitor.say(`Is the rye bread fresh? ${stamp}`);
      await until(() => visitor.received.some((m) => m.text === 'We will answer in a moment'));
      if (answer) await emitOk(socket, 'admin:message', { chatId, clientId: `reply-${stamp}-${n}`, text: 'Yes, baked this morning' });
    }
    socket.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await browser?.close();
  });

  async function analyticsPage(lang: Lang): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: lang === 'uk' ? 'uk-UA' : 'en-US',
      acceptDownloads: true,
    });
    await context.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    const page = await context.newPage();
    await page.goto(`${adminUrl}/login`);
    await page.locator('input[name="email"]').fill(owner.email);
    await page.locator('input[name="password"]').fill(owner.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${adminUrl}/inbox`);
    await page.goto(`${adminUrl}/analytics`);
    await page.locator('.recharts-surface').first().waitFor(WAIT);
    return page;
  }

  /** The tick labels of an axis of the chart card `index`, with their positions. */
  async function ticks(page: Page, index: number, axis: 'x' | 'y') {
    const labels = page
      .getByTestId('chart-card')
      .nth(index)
      .locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`);
    await expect.poll(() => labels.count(), WAIT).toBeGreaterThan(1);
    const out: { text: string; box: Box }[] = [];
    for (const label of await labels.all()) out.push({ text: (await label.textContent()) ?? '', box: (await label.boundingBox())! });
    return out;
  }

  for (const lang of ['en', 'uk'] as const) {
    it(`${lang}: counts auto-replies apart, lays out cleanly, steps axes evenly and dates days in ${lang}`, async () => {
      const text = TEXT[lang];
      const page = await analyticsPage(lang);

      // The auto-replies are counted, and are not the first response.
      const tile = page.locator('.figure-tile', { hasText: text.autoReplied });
      await expect.poll(() => tile.locator('dd').textContent(), WAIT).toBe('2');

      // Tiles, chart headings and charts do not overlap.
      const tiles = (await page.locator('.figure-tiles').boundingBox())!;
      const grid = (await page.locator('.chart-grid').boundingBox())!;
      expect(grid.y).toBeGreaterThanOrEqual(tiles.y + tiles.height + 16);
      for (const card of await page.getByTestId('chart-card').all()) {
        const heading = (await card.locator('h2').boundingBox())!;
        const chart = (await card.locator('.recharts-surface').boundingBox())!;
        expect(chart.y).toBeGreaterThanOrEqual(heading.y + heading.height);
      }

      // Each value axis: round numbers in equal steps, equally spaced.
      for (const index of [0, 1, 2]) {
        const axis = await ticks(page, index, 'y');
        const values = axis.map((tick) => Number(tick.text.replace(',', '.').replace(/[^\d.]/g, '')));
        expect(values.every((v) => Number.isFinite(v))).toBe(true);
        const steps = values.slice(1).map((v, i) => Number((v - values[i]!).toFixed(6)));
        expect(new Set(steps).size, `${axis.map((a) => a.text)}`).toBe(1);
        expect(values[0]).toBe(0);
        const gaps = axis.slice(1).map((tick, i) => Math.round(axis[i]!.box.y - tick.box.y));
        expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(2);
      }

      // Days in the panel's language: "Dec 7" / "7 груд." (one format, whatever the browser's).
      const days = await ticks(page, 0, 'x');
      const dayPattern = lang === 'en' ? /^[A-Z][a-z]{2} \d{1,2}$/ : /^\d{1,2} [а-яіїєґ]+\.?$/;
      for (const day of days) expect(day.text).toMatch(dayPattern);
      await screenshot(page, `analytics-${lang}`);

      // The per-site table as CSV.
      const table = page.getByRole('region', { name: text.perSite });
      const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: text.download }).click()]);
      expect(download.suggestedFilename()).toMatch(/^chatiq-sites-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0]!.startsWith(`${text.site},${text.chats},`)).toBe(true);
      expect(lines[1]!.startsWith(`"Bakery ""Kolosok"", Kyiv",2,0,`)).toBe(true);
      expect(lines[1]!.split(',').at(-3)).toBe('2'); // auto-replied
      expect(lines.at(-1)).toBe('');
      await page.context().close();
    });
  }
});
