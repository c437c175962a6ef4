// The widget's language in real Chromium against the running API: the site's configured language
// (widget settings) is used from the first open — the greeting the server picks included — unless
// the snippet sets `language`; with neither, the browser's language decides (uk or en) — also when
// the site's language is the built-in one, but not when its owner chose English. The look the site
// configures (colour, title, welcome text) applies at connect and live (settings:update), except
// what the snippet sets itself; a title or greeting the owner never set is the widget's own,
// translated, while one they set is shown as written.
import type { WelcomeMessagesDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { demoPageUrl, openWidget, rest, visitorPage, type WidgetTestSite, widgetTestSite } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

const WELCOME_EN = 'Welcome! Ask us anything.';
const WELCOME_UK = 'Вітаємо! Питайте що завгодно.';

describe('widget language and look from the site settings', () => {
  let browser: Browser;
  let ukSite: WidgetTestSite;
  let plainSite: WidgetTestSite;
  /** Nothing set at all: no welcome messages, no widget settings. */
  let bareSite: WidgetTestSite;
  /** Its owner chose English (and nothing else). */
  let englishSite: WidgetTestSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    ukSite = await widgetTestSite(apiUrl, widgetUrl, 'language-uk');
    plainSite = await widgetTestSite(apiUrl, widgetUrl, 'language-plain');
    for (const { owner, site } of [ukSite, plainSite]) {
      await rest<WelcomeMessagesDto>(apiUrl, 'PUT', `/sites/${site.id}/welcome-messages`, {
        token: owner.token,
        body: {
          messages: [
            { language: '*', text: WELCOME_EN },
            { language: 'uk', text: WELCOME_UK },
          ],
        },
      });
    }
    await rest(apiUrl, 'PUT', `/sites/${ukSite.site.id}/widget-settings`, {
      token: ukSite.owner.token,
      body: { language: 'uk', color: '#10b981' },
    });
    bareSite = await widgetTestSite(apiUrl, widgetUrl, 'language-bare');
    englishSite = await widgetTestSite(apiUrl, widgetUrl, 'language-en');
    await rest(apiUrl, 'PUT', `/sites/${englishSite.site.id}/widget-settings`, {
      token: englishSite.owner.token,
      body: { language: 'en' },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const placeholder = (page: Awaited<ReturnType<typeof visitorPage>>) => page.locator('.chatiq-input').getAttribute('placeholder');

  it("uses the site's language from the first open, for the widget and the server's greeting, in an English browser", async () => {
    const page = await visitorPage(browser, 'site-uk', { locale: 'en-US' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, ukSite.site.publicId, { language: '' }));
    // The launcher speaks the site's language from the first paint (widget.js asked the API for its look).
    expect(await page.locator('.chatiq-launcher').getAttribute('aria-label')).toBe('Відкрити чат');
    await openWidget(page);
    await expect.poll(() => placeholder(page)).toBe('Введіть повідомлення…');
    await expect.poll(() => page.locator('.chatiq-welcome').textContent(), { timeout: 10_000 }).toBe(WELCOME_UK);
    expect(await page.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    expect(await page.locator('.chatiq-launcher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(16, 185, 129)');
    expect(await page.locator('.chatiq-root').getAttribute('lang')).toBe('uk');
  });

  it('lets the snippet’s language and colour win over the site’s', async () => {
    const page = await visitorPage(browser, 'embed-en', { locale: 'uk-UA' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, ukSite.site.publicId, { language: 'en', color: '#E11D48' }));
    await openWidget(page);
    await page.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
    expect(await page.locator('.chatiq-welcome').textContent()).toBe(WELCOME_EN);
    expect(await placeholder(page)).toBe('Type a message…');
    expect(await page.locator('.chatiq-launcher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(225, 29, 72)');
  });

  it('with neither, follows the browser: Ukrainian for a Ukrainian browser, English otherwise', async () => {
    for (const [locale, expected, welcome] of [
      ['uk-UA', 'Введіть повідомлення…', WELCOME_UK],
      ['de-DE', 'Type a message…', WELCOME_EN],
    ] as const) {
      const page = await visitorPage(browser, `browser-${locale}`, { locale });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, plainSite.site.publicId, { language: '' }));
      await openWidget(page);
      await page.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
      expect(await page.locator('.chatiq-welcome').textContent(), locale).toBe(welcome);
      expect(await placeholder(page), locale).toBe(expected);
    }
  });

  it('follows the owner’s changes live (settings:update), but not in what the snippet set', async () => {
    const page = await visitorPage(browser, 'live', { locale: 'en-US' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, plainSite.site.publicId, { language: '', position: 'right' }));
    await openWidget(page);
    expect(await page.locator('.chatiq-title').textContent()).toBe('Chat with us');
    await rest(apiUrl, 'PUT', `/sites/${plainSite.site.id}/widget-settings`, {
      token: plainSite.owner.token,
      body: { language: 'uk', title: 'Лампи Люмен', color: '#7c3aed', position: 'left' },
    });
    await expect.poll(() => page.locator('.chatiq-title').textContent(), { timeout: 10_000 }).toBe('Лампи Люмен');
    await expect.poll(() => placeholder(page)).toBe('Введіть повідомлення…');
    expect(await page.locator('.chatiq-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(124, 58, 237)');
    // The snippet said right: it stays right.
    expect((await page.locator('.chatiq-launcher').boundingBox())!.x).toBeGreaterThan(640);
    expect(page.warnings).toEqual([]);
  });

  it("a site that set nothing gets the widget's own title and greeting in the visitor's language", async () => {
    for (const [locale, title, greeting, inputHint] of [
      ['uk-UA', 'Напишіть нам', 'Вітаємо! Чим можемо допомогти?', 'Введіть повідомлення…'],
      ['en-US', 'Chat with us', 'Hi! How can we help you?', 'Type a message…'],
    ] as const) {
      const page = await visitorPage(browser, `bare-${locale}`, { locale });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, bareSite.site.publicId, { language: '' }));
      await openWidget(page);
      // The server greets with the settings' built-in (English) text: the widget shows its own, translated.
      await page.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
      expect(await page.locator('.chatiq-welcome').textContent(), locale).toBe(greeting);
      expect(await page.locator('.chatiq-title').textContent(), locale).toBe(title);
      expect(await placeholder(page), locale).toBe(inputHint);
      expect(page.warnings).toEqual([]);
    }
  });

  it('a title the owner set is shown as written, even when it is the built-in text', async () => {
    const { owner, site } = bareSite;
    const page = await visitorPage(browser, 'owner-title', { locale: 'uk-UA' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, site.publicId, { language: '' }));
    await openWidget(page);
    expect(await page.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    await rest(apiUrl, 'PUT', `/sites/${site.id}/widget-settings`, { token: owner.token, body: { title: 'Chat with us' } });
    await expect.poll(() => page.locator('.chatiq-title').textContent(), { timeout: 10_000 }).toBe('Chat with us');
    expect(await placeholder(page)).toBe('Введіть повідомлення…'); // the rest stays Ukrainian
    // Cleared again: back to the widget's own.
    await rest(apiUrl, 'PUT', `/sites/${site.id}/widget-settings`, { token: owner.token, body: {} });
    await expect.poll(() => page.locator('.chatiq-title').textContent(), { timeout: 10_000 }).toBe('Напишіть нам');
  });

  it('a site whose owner chose English is English in a Ukrainian browser; cleared, the browser decides again', async () => {
    const { owner, site } = englishSite;
    const page = await visitorPage(browser, 'explicit-en', { locale: 'uk-UA' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, site.publicId, { language: '' }));
    // The owner's English, from the first paint.
    expect(await page.locator('.chatiq-launcher').getAttribute('aria-label')).toBe('Open chat');
    await openWidget(page);
    await expect.poll(() => placeholder(page)).toBe('Type a message…');
    expect(await page.locator('.chatiq-title').textContent()).toBe('Chat with us');
    expect(await page.locator('.chatiq-root').getAttribute('lang')).toBe('en');
    // The server greeted in English too: the join reported the widget's language.
    await page.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
    expect(await page.locator('.chatiq-welcome').textContent()).toBe('Hi! How can we help you?');

    await rest(apiUrl, 'PUT', `/sites/${site.id}/widget-settings`, { token: owner.token, body: {} });
    await expect.poll(() => placeholder(page), { timeout: 10_000 }).toBe('Введіть повідомлення…');
    expect(await page.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    expect(await page.locator('.chatiq-welcome').textContent()).toBe('Вітаємо! Чим можемо допомогти?');
    expect(page.warnings).toEqual([]);
  });
});
