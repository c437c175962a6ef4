// The language switcher in real Chromium: the whole panel (the settings included) turns Ukrainian,
// stays so after a reload (a cookie, no locale in the URL), and turns back to English. Every
// settings tab is opened in both languages with no missing message, and screenshotted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, registerOwner, screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');

const TABS = ['ai', 'business-hours', 'auto-replies', 'templates', 'welcome', 'widget', 'team'] as const;

/** Text of the page that looks like a message key next-intl could not find ("settings.hours.title"). */
async function rawKeys(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the scripts' (which carry the messages).
  const text = await page.locator('body').innerText();
  return text.match(/\b(common|shell|auth|sites|visitors|settings|inbox|analytics)\.[a-zA-Z-]+(\.[a-zA-Z_-]+)*\b/g) ?? [];
}

describe('language switcher', () => {
  let browser: Browser;
  let page: Page;
  let missing: string[];
  let siteId: string;

  beforeAll(async () => {
    const owner = await registerOwner(apiUrl, 'lang');
    siteId = (await createSite(apiUrl, owner.token, 'Soniashnyk')).id;
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'owner');
    missing = watchMissingMessages(page);
    await signInPage(page, adminUrl, owner);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turns the panel Ukrainian, keeps it after a reload, and turns it back', async () => {
    await page.goto(`${adminUrl}/settings/business-hours?site=${siteId}`);
    await page.getByRole('heading', { name: 'Business hours' }).waitFor();

    await page.locator('.language-switcher select').selectOption('uk');
    await page.getByRole('heading', { name: 'Робочі години' }).waitFor();
    await page.getByRole('link', { name: 'Налаштування' }).waitFor();
    await page.getByRole('checkbox', { name: /^Враховувати робочі години/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    // Weekday names come from Intl in the panel's language.
    await page.getByTestId('weekday-1').getByText('понеділок').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Робочі години' }).waitFor();
    expect(page.url()).toBe(`${adminUrl}/settings/business-hours?site=${siteId}`);

    await page.locator('.language-switcher select').selectOption('en');
    await page.getByRole('heading', { name: 'Business hours' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows every settings tab in both languages without a missing message', async () => {
    for (const language of ['uk', 'en'] as const) {
      await page.locator('.language-switcher select').selectOption(language);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      for (const tab of TABS) {
        await page.goto(`${adminUrl}/settings/${tab}?site=${siteId}`);
        await page.locator('.settings-tabs a[aria-current="page"]').waitFor();
        // Wait for the tab's data (its loading text gone) before looking at the words.
        await page.locator('section.card h2').first().waitFor();
        await expect.poll(() => page.locator('p.muted', { hasText: /Loading|Завантаж/ }).count(), { timeout: 10_000 }).toBe(0);
        expect(await rawKeys(page), `${language} ${tab}`).toEqual([]);
        await screenshot(page, `settings-${tab}-${language}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows the other owner pages and the account pages in both languages without a missing message', async () => {
    const pages = ['/sites', '/visitors', '/forgot-password', '/reset-password?token=e2e-unknown', '/accept-invite?token=e2e-unknown'];
    for (const language of ['uk', 'en'] as const) {
      await page.goto(`${adminUrl}/sites`);
      await page.locator('.language-switcher select').selectOption(language);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      for (const path of pages) {
        await page.goto(`${adminUrl}${path}`);
        await page.locator('h1').first().waitFor();
        await expect.poll(() => page.locator('p.muted', { hasText: /Loading|Завантаж/ }).count(), { timeout: 10_000 }).toBe(0);
        expect(await rawKeys(page), `${language} ${path}`).toEqual([]);
        await screenshot(page, `page-${path.slice(1).split('?')[0]}-${language}`);
      }
    }
    await page.goto(`${adminUrl}/forgot-password`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(missing).toEqual([]);
  });
});
