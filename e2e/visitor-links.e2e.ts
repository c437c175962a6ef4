// Visitor-supplied URLs in real Chromium: a visitor speaking the widget's protocol reports the page
// it is on. An http(s) page is a link in the operator's visitor panel; a `javascript:` one (which
// anyone can send: the widget's socket is public) is shown as text, in the inbox's visitor panel
// and on the live visitors page, and never becomes an href.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { connectVisitor, type Visitor } from './support/inbox-support.js';
import { newLoggedPage } from './support/pages.js';

const apiUrl = inject('apiUrl');
const adminUrl = inject('adminUrl');
const widgetUrl = inject('widgetUrl');

describe('visitor-supplied links', () => {
  let browser: Browser;
  let owner: Owner;
  let visitor: Visitor;
  let chatId: string;
  let page: Page;
  const dialogs: string[] = [];

  /** The visitor reports a page over the widget socket (`visitor:page`), acknowledged. */
  const reportPage = async (url: string, title: string) => {
    const ack = await visitor.socket.emitWithAck('visitor:page', { url, title });
    expect(ack.ok).toBe(true);
  };

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'visitor-links');
    const site = await createSite(apiUrl, owner.token, 'Links site', [widgetUrl]);
    visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, 'Mallory Visitor', {
      page: { url: 'https://shop.example.com/cart', title: 'Cart page' },
    });
    chatId = (await visitor.say('Hello, can you see where I am?')).chatId;
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'operator');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInPage(page, adminUrl, owner);
  });
  afterAll(async () => {
    visitor?.close();
    await browser?.close();
  });

  it('an http(s) page is a link that opens in a new tab', async () => {
    await page.goto(`${adminUrl}/inbox?chat=${chatId}`);
    const cell = page.getByTestId('visitor-panel').getByTestId('visitor-page');
    const link = cell.getByRole('link', { name: 'Cart page' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://shop.example.com/cart');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
  });

  it('a javascript: page is shown as text in the visitor panel, not as a link', async () => {
    await reportPage('javascript:alert(1)', 'Evil page');
    const cell = page.getByTestId('visitor-panel').getByTestId('visitor-page');
    // The panel follows the visitor live: wait until it shows the new page.
    await cell.getByText('Evil page').waitFor();
    expect(await cell.textContent()).toBe('Evil page');
    expect(await cell.locator('a').count()).toBe(0);
    expect(await cell.locator('[data-unsafe-url]').getAttribute('title')).toBe('javascript:alert(1)');
    // Nowhere on the page is there an href with a script in it.
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  });

  it('a javascript: page without a title is shown as its text on the live visitors page too', async () => {
    await reportPage('javascript:alert(document.domain)', '');
    await page.goto(`${adminUrl}/visitors`);
    const row = page.getByTestId('live-visitor').filter({ hasText: 'Mallory Visitor' });
    await row.getByText('javascript:alert(document.domain)').waitFor();
    expect(await row.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await row.locator('.live-page a').count()).toBe(0);

    // And back to an https page: a link again.
    await reportPage('https://shop.example.com/checkout', 'Checkout');
    const link = row.locator('.live-page a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://shop.example.com/checkout');
    expect(dialogs).toEqual([]);
  });
});
