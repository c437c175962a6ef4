// The owner's automation settings in real Chromium over the running system: business hours with
// several and overnight intervals, a holiday and an off-hours message; auto-replies created,
// refused by the server (an RE2 pattern with a backreference, shown on its field), reordered and
// switched off; a quick template whose shortcut is taken; welcome messages per language; the
// widget's look saved per site (its live preview: settings-widget.e2e.ts).
// Everything is read back after a reload.
import type { AutoReplyDto, BusinessHoursDto, QuickTemplateDto, WelcomeMessagesDto, WidgetSettingsDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');

async function get<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('owner settings', () => {
  let browser: Browser;
  let page: Page;
  let owner: Owner;
  let siteId: string;

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'hours');
    await createSite(apiUrl, owner.token, 'Second shop');
    siteId = (await createSite(apiUrl, owner.token, 'Kvitka shop')).id;
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'owner');
    await signInPage(page, adminUrl, owner);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an owner saves business hours and sees them after a reload', async () => {
    // Through the main navigation (from a page of its own, not the inbox under test elsewhere).
    await page.goto(`${adminUrl}/sites`);
    await page.getByRole('link', { name: 'Settings' }).click();
    // Settings open on the widget's look.
    await page.waitForURL(/\/settings\/widget/);
    await page.locator('.settings-tabs a[aria-current="page"]', { hasText: 'Widget appearance' }).waitFor();
    await page.getByRole('link', { name: 'Business hours' }).click();
    await page.waitForURL(/\/settings\/business-hours/);
    await page.getByRole('heading', { name: 'Business hours' }).waitFor();
    await page.locator('.site-picker select').selectOption({ label: 'Kvitka shop' });
    await page.waitForURL(new RegExp(`/settings/business-hours\\?site=${siteId}`));
    await page.getByRole('heading', { name: 'Business hours' }).waitFor();
    await page.getByTestId('business-status').waitFor();

    await page.getByRole('checkbox', { name: /^Use business hours/ }).check();
    await page.getByRole('combobox', { name: /^Time zone/ }).fill('Europe/Kyiv');
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday, interval 1: closes').fill('13:00');
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday, interval 2: opens').fill('14:00');
    await page.getByLabel('Monday, interval 2: closes').fill('18:30');
    await page.getByRole('button', { name: 'Add hours on Friday' }).click();
    await page.getByLabel('Friday, interval 1: opens').fill('22:00');
    await page.getByLabel('Friday, interval 1: closes').fill('02:00');
    await page.getByTestId('weekday-5').getByText('overnight, into the next day').waitFor();
    await page.getByRole('button', { name: 'Add a date' }).click();
    await page.getByLabel('Date 1: date').fill('2030-12-25');
    await page.getByRole('textbox', { name: /^Off-hours message/ }).fill('We are away. Leave your email and we will write back.');

    // An overlap is refused before anything is sent, on the interval itself.
    await page.getByLabel('Monday, interval 2: opens').fill('12:00');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('weekday-1').getByText('Overlaps other hours of the same day.').waitFor();
    expect((await get<BusinessHoursDto>(`/sites/${siteId}/business-hours`, owner.token)).weekly).toEqual([]);

    await page.getByLabel('Monday, interval 2: opens').fill('14:00');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await screenshot(page, 'settings-business-hours-en');

    const stored = await get<BusinessHoursDto>(`/sites/${siteId}/business-hours`, owner.token);
    expect(stored).toMatchObject({
      timezone: 'Europe/Kyiv',
      enabled: true,
      offHoursMessage: 'We are away. Leave your email and we will write back.',
    });
    expect(stored.weekly).toEqual(
      expect.arrayContaining([
        { weekday: 1, open: '09:00', close: '13:00' },
        { weekday: 1, open: '14:00', close: '18:30' },
        { weekday: 5, open: '22:00', close: '02:00' },
      ]),
    );
    expect(stored.exceptions).toEqual([{ date: '2030-12-25', closed: true }]);

    await page.reload();
    await expect.poll(() => page.getByLabel('Monday, interval 2: closes').inputValue(), { timeout: 10_000 }).toBe('18:30');
    expect(await page.getByRole('combobox', { name: /^Time zone/ }).inputValue()).toBe('Europe/Kyiv');
    expect(await page.getByRole('checkbox', { name: /^Use business hours/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Monday, interval 1: opens').inputValue()).toBe('09:00');
    expect(await page.getByLabel('Friday, interval 1: closes').inputValue()).toBe('02:00');
    expect(await page.getByLabel('Date 1: date').inputValue()).toBe('2030-12-25');
    expect(await page.getByRole('textbox', { name: /^Off-hours message/ }).inputValue()).toBe(
      'We are away. Leave your email and we will write back.',
    );
    // The current status comes from the API's evaluation of the saved hours.
    expect(await page.getByTestId('business-status').getAttribute('data-online')).toMatch(/^(true|false)$/);
  });

  it('an owner creates, reorders and switches off auto-replies, and sees them after a reload', async () => {
    await page.getByRole('link', { name: 'Auto-replies' }).click();
    await page.waitForURL(new RegExp(`/settings/auto-replies\\?site=${siteId}`));
    await page.getByTestId('empty-state').getByText('No auto-replies yet — add one to answer common questions instantly.').waitFor();

    await page.getByRole('button', { name: 'Add an auto-reply' }).click();
    await page.getByRole('textbox', { name: /^Keywords/ }).fill('price\ndelivery cost');
    await page.getByRole('textbox', { name: /^Reply/ }).fill('Our prices are on kvitka.test/prices.');
    await page.getByRole('combobox', { name: /^Then set the chat/ }).selectOption('PENDING');
    await page.getByRole('checkbox', { name: /^Stop here/ }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('auto-reply').count(), { timeout: 10_000 }).toBe(1);

    // A pattern only the server can refuse (RE2 has no backreferences): its issue lands on the field.
    await page.getByRole('button', { name: 'Add an auto-reply' }).click();
    await page.getByRole('combobox', { name: /^When/ }).selectOption('PATTERN');
    await page.getByRole('textbox', { name: /^Pattern/ }).fill('(\\w+) \\1');
    await page.getByRole('textbox', { name: /^Reply/ }).fill('Please share your order number.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const patternError = page.locator('form.auto-reply-form .field-error');
    await patternError.first().waitFor();
    expect(await patternError.count()).toBe(1);
    expect((await get<AutoReplyDto[]>(`/sites/${siteId}/auto-replies`, owner.token)).length).toBe(1);

    await page.getByRole('textbox', { name: /^Pattern/ }).fill('order\\s*#?\\d+');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('auto-reply').count(), { timeout: 10_000 }).toBe(2);

    // The pattern rule goes first, then the keyword rule is switched off.
    await page.getByTestId('auto-reply').nth(1).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => page.getByTestId('auto-reply').first().textContent(), { timeout: 10_000 }).toContain('order\\s*#?\\d+');
    await page.getByTestId('auto-reply').nth(1).getByRole('checkbox', { name: 'On', exact: true }).uncheck();
    await expect
      .poll(async () => (await get<AutoReplyDto[]>(`/sites/${siteId}/auto-replies`, owner.token)).map((r) => [r.trigger, r.enabled]))
      .toEqual([
        ['PATTERN', true],
        ['KEYWORD', false],
      ]);
    await screenshot(page, 'settings-auto-replies-en');

    await page.reload();
    const rules = page.getByTestId('auto-reply');
    await expect.poll(() => rules.count(), { timeout: 10_000 }).toBe(2);
    expect(await rules.first().textContent()).toContain('A message matches a pattern');
    expect(await rules.nth(1).textContent()).toContain('price, delivery cost');
    expect(await rules.nth(1).textContent()).toContain('sets status: Pending');
    expect(await rules.nth(1).getByRole('checkbox', { name: 'On', exact: true }).isChecked()).toBe(false);
    expect(await rules.first().getByRole('checkbox', { name: 'On', exact: true }).isChecked()).toBe(true);

    const stored = await get<AutoReplyDto[]>(`/sites/${siteId}/auto-replies`, owner.token);
    expect(stored[1]).toMatchObject({ trigger: 'KEYWORD', keywords: ['price', 'delivery cost'], setStatus: 'PENDING', stopAfter: true });
  });

  it('a quick template’s taken shortcut is shown on the field', async () => {
    await page.getByRole('link', { name: 'Quick templates' }).click();
    await page.waitForURL(/\/settings\/templates/);
    const form = page.getByRole('form', { name: 'New template' });
    await form.getByRole('textbox', { name: /^Shortcut/ }).fill('/price');
    await form.getByRole('textbox', { name: /^Text/ }).fill('Hi ');
    await form.getByRole('button', { name: '{visitor.name}' }).click();
    await form.getByRole('button', { name: 'Add template' }).click();
    await page.getByTestId('site-templates').getByText('/price').waitFor();

    await form.getByRole('textbox', { name: /^Shortcut/ }).fill('/price');
    await form.getByRole('textbox', { name: /^Text/ }).fill('Another text');
    await form.getByRole('button', { name: 'Add template' }).click();
    await form.getByText('This shortcut is already used here. Choose another one.').waitFor();

    const templates = await get<QuickTemplateDto[]>(`/templates?siteId=${siteId}`, owner.token);
    expect(templates.map((t) => [t.shortcut, t.text, t.siteId])).toEqual([['/price', 'Hi {visitor.name}', siteId]]);
  });

  // The live preview itself (the real widget in an iframe) is tested in settings-widget.e2e.ts.
  it('the widget look is saved for the site and shown again after a reload', async () => {
    await page.goto(`${adminUrl}/settings/widget?site=${siteId}`);
    // The form is filled once the site's settings have loaded (and the preview shows them).
    await page.locator('[data-testid="widget-preview"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('textbox', { name: /^Colour/ }).fill('#d9480f');
    await page.getByRole('textbox', { name: /^Title/ }).fill('Kvitka help');
    await page.getByRole('combobox', { name: /^Position/ }).selectOption('left');
    expect(await page.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Kvitka help');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await screenshot(page, 'settings-widget-saved-en');

    const stored = await get<WidgetSettingsDto>(`/sites/${siteId}/widget-settings`, owner.token);
    expect(stored.effective).toMatchObject({ color: '#d9480f', title: 'Kvitka help', position: 'left', size: 'standard' });
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: /^Colour/ }).inputValue(), { timeout: 10_000 }).toBe('#d9480f');
    expect(await page.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Kvitka help');
  });

  it('an owner keeps a welcome message per language', async () => {
    await page.goto(`${adminUrl}/settings/welcome?site=${siteId}`);
    await page.getByText('No welcome messages yet').waitFor();
    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByRole('button', { name: 'Add a language' }).click();
    const rows = page.getByTestId('welcome-message');
    expect(
      await rows
        .first()
        .getByRole('combobox', { name: /^Language/ })
        .inputValue(),
    ).toBe('en');
    await rows
      .first()
      .getByRole('textbox', { name: /^Message/ })
      .fill('Hi! How can we help?');
    await rows
      .nth(1)
      .getByRole('combobox', { name: /^Language/ })
      .fill('uk');
    await rows
      .nth(1)
      .getByRole('textbox', { name: /^Message/ })
      .fill('Вітаємо! Чим допомогти?');
    await page.getByRole('button', { name: 'Add a language' }).click();
    await rows
      .nth(2)
      .getByRole('combobox', { name: /^Language/ })
      .fill('uk');
    await rows
      .nth(2)
      .getByRole('textbox', { name: /^Message/ })
      .fill('Duplicate');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('One message per language.').waitFor();
    await rows
      .nth(2)
      .getByRole('combobox', { name: /^Language/ })
      .fill('*');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    const stored = await get<WelcomeMessagesDto>(`/sites/${siteId}/welcome-messages`, owner.token);
    expect(stored.messages).toEqual([
      { language: 'en', text: 'Hi! How can we help?' },
      { language: 'uk', text: 'Вітаємо! Чим допомогти?' },
      { language: '*', text: 'Duplicate' },
    ]);
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(
      await rows
        .nth(1)
        .getByRole('textbox', { name: /^Message/ })
        .inputValue(),
    ).toBe('Вітаємо! Чим допомогти?');
  });
});
