// The AI assistant's settings in real Chromium against a fake OpenAI server started here (the
// OpenAI wire format; the site's base URL points at it): a key the provider refuses is reported
// as such and nothing is stored; a good key is saved and only its last 4 characters are ever shown.
import type { AiSettingsDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../api-server/test/support/fake-openai-server.js';
import { createSite, type Owner, registerOwner, screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import { FAKE_PROVIDER_HOST } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');

const GOOD_KEY = 'sk-e2e-good-key-4f8c2b91d7Hq2';
const BAD_KEY = 'sk-e2e-wrong-key-00000000Zz9';

describe('AI assistant settings', () => {
  let browser: Browser;
  let page: Page;
  let fake: FakeOpenAi;
  let owner: Owner;
  let siteId: string;

  const stored = async () => {
    const response = await fetch(`${apiUrl}/sites/${siteId}/ai`, { headers: { authorization: `Bearer ${owner.token}` } });
    return (await response.json()) as AiSettingsDto;
  };
  const keyField = () => page.getByLabel(/^API key/);

  beforeAll(async () => {
    fake = await startFakeOpenAi({ host: FAKE_PROVIDER_HOST, apiKey: GOOD_KEY, models: ['gpt-4.1-mini'] });
    owner = await registerOwner(apiUrl, 'ai');
    siteId = (await createSite(apiUrl, owner.token, 'Kvitka AI')).id;
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'owner');
    await signInPage(page, adminUrl, owner);
    await page.goto(`${adminUrl}/settings/ai?site=${siteId}`);
    await page.getByText('No API key stored yet.').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('shows that the provider rejected a key, and stores nothing', async () => {
    await page.getByRole('checkbox', { name: /^Answer visitors with the AI assistant/ }).check();
    await keyField().fill(BAD_KEY);
    await page.getByRole('textbox', { name: /^Base URL/ }).fill(fake.url);
    await page.getByRole('textbox', { name: /^Model/ }).fill('gpt-4.1-mini');
    await page.getByRole('textbox', { name: /^Instructions/ }).fill('You sell flowers in Kyiv. Be brief.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const rejected = page.getByTestId('ai-key-rejected');
    await rejected.waitFor({ timeout: 15_000 });
    expect(await rejected.textContent()).toContain('The provider refused this key');
    expect(await rejected.textContent()).toContain('Nothing was saved');
    // The provider's reason, as the API reports it (the fake answers 401 invalid_api_key to any other key).
    expect(await rejected.textContent()).toContain('The AI server rejected the API key (401 invalid_api_key)');
    expect(fake.requests.some((r) => r.authorization === `Bearer ${BAD_KEY}`)).toBe(true);
    await screenshot(page, 'settings-ai-key-rejected-en');

    expect(await stored()).toMatchObject({ enabled: false, apiKeyLast4: null });
    await page.reload();
    await page.getByText('No API key stored yet.').waitFor();
    expect(await keyField().inputValue()).toBe('');
  });

  it("refuses a base URL on the server's own network next to the field (here: the API itself), and stores nothing", async () => {
    await keyField().fill(GOOD_KEY);
    const baseUrl = page.getByRole('textbox', { name: /^Base URL/ });
    await baseUrl.fill(`${apiUrl}/v1`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page
      .getByText('This server does not connect to local or private network addresses', { exact: false })
      .waitFor({ timeout: 15_000 });
    expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('ai-key-rejected').count()).toBe(0);
    await baseUrl.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-ai-egress-refused-en');
    expect(await stored()).toMatchObject({ enabled: false, apiKeyLast4: null, baseUrl: null });
  });

  it('saves a good key and shows only its last 4 characters', async () => {
    await page.getByRole('checkbox', { name: /^Answer visitors with the AI assistant/ }).check();
    await keyField().fill(GOOD_KEY);
    await page.getByRole('textbox', { name: /^Base URL/ }).fill(fake.url);
    await page.getByRole('textbox', { name: /^Model/ }).fill('gpt-4.1-mini');
    await page.getByRole('textbox', { name: /^Max tokens per reply/ }).fill('512');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });

    expect(await page.getByTestId('ai-key-last4').textContent()).toBe('••••7Hq2');
    expect(await keyField().inputValue()).toBe('');
    expect(await page.content()).not.toContain(GOOD_KEY);
    expect(await stored()).toMatchObject({ enabled: true, apiKeyLast4: '7Hq2', baseUrl: fake.url, maxOutputTokens: 512, status: 'ok' });

    await page.reload();
    await page.getByTestId('ai-key-last4').waitFor();
    expect(await page.getByTestId('ai-key-last4').textContent()).toBe('••••7Hq2');
    expect(await page.getByTestId('ai-key-status').getAttribute('data-status')).toBe('ok');
    expect(await page.getByRole('textbox', { name: /^Base URL/ }).inputValue()).toBe(fake.url);
    expect(await page.content()).not.toContain(GOOD_KEY);

    // Re-checking the stored key asks the provider again.
    const before = fake.requests.length;
    await page.getByRole('button', { name: 'Check key' }).click();
    await expect.poll(() => fake.requests.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('ai-key-status').getAttribute('data-status')).toBe('ok');
    await page.getByRole('heading', { name: 'Usage, last 30 days' }).waitFor();
    await screenshot(page, 'settings-ai-en');
  });

  it.each([
    [
      'en',
      'Resolve AI-only chats after (minutes)',
      'A chat the AI answered alone is marked resolved once nobody wrote in it for this long',
      'Save',
    ],
    ['uk', 'Закривати чати лише з ШІ через (хвилин)', 'Чат, у якому відповідав лише ШІ, позначається вирішеним', 'Зберегти'],
  ] as const)('sets when chats the AI answered alone are resolved, or turns it off (%s)', async (lang, label, hint, save) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const localized = await ctx.newPage();
    try {
      // Signed in on the English login page, then the panel's language switched by its cookie.
      await signInPage(localized, adminUrl, owner);
      await ctx.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
      await localized.goto(`${adminUrl}/settings/ai?site=${siteId}`);
      const minutes = localized.getByRole('textbox', { name: label });
      await minutes.waitFor();
      // The one-line explanation is the field's description.
      expect(
        await minutes.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent),
      ).toContain(hint);
      expect(await minutes.inputValue()).toBe('30');
      const saveButton = localized.getByRole('button', { name: save, exact: true });

      await minutes.fill('45');
      await saveButton.click();
      await expect.poll(async () => (await stored()).autoResolveAfterMinutes, { timeout: 15_000 }).toBe(45);
      await minutes.scrollIntoViewIfNeeded();
      await screenshot(localized, `settings-ai-auto-resolve-${lang}`);

      // Emptied: off, and shown empty after a reload.
      await minutes.fill('');
      await saveButton.click();
      await expect.poll(async () => (await stored()).autoResolveAfterMinutes, { timeout: 15_000 }).toBeNull();
      await localized.reload();
      await localized.getByRole('textbox', { name: label }).waitFor();
      expect(await localized.getByRole('textbox', { name: label }).inputValue()).toBe('');

      // Back to the default for the next language.
      await localized.getByRole('textbox', { name: label }).fill('30');
      await localized.getByRole('button', { name: save, exact: true }).click();
      await expect.poll(async () => (await stored()).autoResolveAfterMinutes, { timeout: 15_000 }).toBe(30);
    } finally {
      await ctx.close();
    }
  });
});
