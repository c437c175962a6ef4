// The walking skeleton, end to end in real Chromium over the three running services:
// an owner registers and creates a site; a visitor writes from the widget on the demo page; the
// operator sees the chat appear live, opens it and replies; the visitor sees the reply; both sides
// show the history after a reload.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import { resultsDir } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe('walking skeleton', () => {
  let browser: Browser;
  let operator: Page;
  let visitor: Page;
  let siteId: string;
  const owner = { name: 'Olena Owner', company: 'Kvitka Flowers', email: `olena-${Date.now()}@kvitka.test`, password: 'tulips-and-roses' };

  beforeAll(async () => {
    browser = await launchBrowser();
    operator = await newLoggedPage(browser, 'operator');
    visitor = await newLoggedPage(browser, 'visitor');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const demoPage = () => `${widgetUrl}/?siteId=${encodeURIComponent(siteId)}&apiUrl=${encodeURIComponent(apiUrl)}&language=en`;

  it('an owner registers and creates a site with the widget origin allowed', async () => {
    await operator.goto(`${adminUrl}/register`);
    await operator.getByLabel('Your name').fill(owner.name);
    await operator.getByLabel('Company').fill(owner.company);
    await operator.getByLabel('Work email').fill(owner.email);
    await operator.getByLabel('Password (8+ characters)').fill(owner.password);
    await operator.getByRole('button', { name: 'Create account' }).click();
    await operator.waitForURL(`${adminUrl}/sites`);

    await operator.getByLabel('Name').fill('Kvitka shop');
    await operator.getByLabel('Allowed origins (one per line)').fill(widgetUrl);
    await operator.getByRole('button', { name: 'Create site' }).click();
    const snippet = await operator.getByTestId('embed-snippet').textContent();
    siteId = /siteId: "([^"]+)"/.exec(snippet ?? '')?.[1] ?? '';
    expect(siteId).toMatch(/^site_/);
    expect(await operator.getByTestId('api-key').textContent()).toMatch(/^ciq_/);
    await shot(operator, 'admin-sites');
  });

  it('the operator sees a visitor chat appear live, replies, and the visitor gets the reply', async () => {
    await operator.goto(`${adminUrl}/inbox`);
    await expect.poll(() => operator.getByText('Live', { exact: true }).count()).toBe(1);
    await expect(operator.getByTestId('chat-item').count()).resolves.toBe(0);

    await visitor.goto(demoPage());
    await visitor.locator('.chatiq-launcher').click();
    await visitor.locator('.chatiq-input').fill('Hi! Do you deliver tulips to Lviv?');
    await visitor.locator('.chatiq-send').click();
    await expect.poll(() => visitor.locator('.chatiq-msg[data-author="visitor"]').count()).toBe(1);

    // Live: no reload on the operator's side.
    const item = operator.getByTestId('chat-item');
    await item.first().waitFor({ timeout: 10_000 });
    expect(await item.first().textContent()).toContain('Do you deliver tulips to Lviv?');
    await item.first().click();
    await expect.poll(() => operator.locator('.message[data-author="visitor"]').count()).toBe(1);

    await operator.getByLabel('Reply').fill('Yes, tomorrow before noon.');
    await operator.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => operator.locator('.message[data-author="operator"]').count()).toBe(1);

    const reply = visitor.locator('.chatiq-msg[data-author="operator"]');
    await reply.first().waitFor({ timeout: 10_000 });
    expect(await reply.first().textContent()).toContain('Yes, tomorrow before noon.');
    await shot(operator, 'admin-inbox');
    await shot(visitor, 'widget-chat');
  });

  it('both sides show the stored history after a reload', async () => {
    await visitor.reload();
    await visitor.locator('.chatiq-launcher').click();
    await expect
      .poll(() => visitor.locator('.chatiq-msg').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Do you deliver tulips to Lviv?'), expect.stringContaining('Yes, tomorrow before noon.')]);

    await operator.reload();
    await operator.getByTestId('chat-item').first().click();
    await expect
      .poll(() => operator.locator('.message .message-text').allTextContents(), { timeout: 10_000 })
      .toEqual(['Hi! Do you deliver tulips to Lviv?', 'Yes, tomorrow before noon.']);
  });

  it('the seeded demo operator can sign in', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${adminUrl}/login`);
    await page.getByLabel('Email').fill('operator@demo.chatiq.dev');
    await page.getByLabel('Password').fill('demo-operator-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${adminUrl}/inbox`);
    expect(await page.locator('.operator').textContent()).toContain('Oleh Operator');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill('operator@demo.chatiq.dev');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // (Next.js has a route announcer with role=alert too: look for the form's own alert.)
    await page.locator('form [role="alert"]', { hasText: 'Email or password is incorrect' }).waitFor();
    expect(page.url()).toMatch(/\/login/);
  });
});
