// A new owner's first look at the settings, in English and Ukrainian: "Settings" opens on the
// widget's look (not the AI page), and pages with nothing in them yet say what to do next, with the
// action right there (auto-replies: the button that adds one; the AI usage: no table of zeros).
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');

type SettingsMessages = {
  tabs: Record<string, string>;
  ai: { usage: { empty: string } };
  autoReplies: { empty: string; add: string };
};
const messages = (lang: 'en' | 'uk'): SettingsMessages =>
  JSON.parse(readFileSync(new URL(`../admin-panel/messages/${lang}/settings.json`, import.meta.url), 'utf8')) as SettingsMessages;

describe('settings for a new owner', () => {
  let browser: Browser;
  let owner: Owner;
  let siteId: string;

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'empty');
    siteId = (await createSite(apiUrl, owner.token, 'Kvitka')).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['en', 'uk'] as const)('opens on the widget look, and empty pages say what to do (%s)', async (lang) => {
    const m = messages(lang);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const missing = watchMissingMessages(page);
    try {
      await signInPage(page, adminUrl, owner);
      await ctx.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);

      // The main navigation's Settings lands on the widget's look.
      await page.goto(`${adminUrl}/settings`);
      await page.waitForURL(/\/settings\/widget/);
      const current = page.locator('.settings-tabs a[aria-current="page"]');
      await current.waitFor();
      expect(await current.textContent()).toBe(m.tabs.widget);
      // …the first tab, so the order says the same.
      expect(await page.locator('.settings-tabs a').first().textContent()).toBe(m.tabs.widget);

      // No auto-replies: what to do, and the button that does it.
      await page.goto(`${adminUrl}/settings/auto-replies?site=${siteId}`);
      const empty = page.getByTestId('empty-state');
      await empty.getByText(m.autoReplies.empty).waitFor();
      await screenshot(page, `settings-auto-replies-empty-${lang}`);
      await empty.getByRole('button', { name: m.autoReplies.add }).click();
      await page.locator('form.auto-reply-form').waitFor();
      expect(await page.getByTestId('empty-state').count()).toBe(0);

      // The AI page of a site whose assistant never answered: no table of 30 rows of zeros.
      await page.goto(`${adminUrl}/settings/ai?site=${siteId}`);
      await page.getByTestId('empty-state').getByText(m.ai.usage.empty).waitFor();
      expect(await page.locator('.usage-table').count()).toBe(0);
      expect(await page.locator('.usage-chart').count()).toBe(0);
      await screenshot(page, `settings-ai-empty-${lang}`);
      expect(missing).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
