// The widget by keyboard and for screen readers, in real Chromium against the running API: the
// launcher is reached with Tab and opens the chat with Enter (before the chat started, the loader's
// launcher is collapsed, aria-expanded="false", with the chat's focus ring); the panel is a labelled modal dialog
// that keeps the focus (Tab and Shift+Tab cycle inside it), Esc closes it and gives the focus back
// to the launcher; the message list is a polite live log, status lines are status regions, and a
// message can be written and sent with the keyboard alone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { demoPageUrl, focusedInWidget, visitorPage, type WidgetTestSite, widgetTestSite } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

describe('widget accessibility', () => {
  let browser: Browser;
  let test: WidgetTestSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'a11y');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the loader's launcher is collapsed before the first open and has the chat's focus ring", async () => {
    const page = await visitorPage(browser, 'loader-launcher');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    const launcher = page.locator('.chatiq-launcher');
    await launcher.waitFor();
    const ring = () =>
      launcher.evaluate((button) => {
        const style = getComputedStyle(button);
        return { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, offset: style.outlineOffset };
      });

    // The loader's launcher (the chat has not started), reached by keyboard.
    await page.locator('#set-user button').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedInWidget(page)).toBe('button.chatiq-launcher');
    expect(await page.locator('.chatiq-panel').count()).toBe(0);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    const loaderRing = await ring();
    expect(loaderRing).toEqual({ outline: 'solid 2px rgb(37, 99, 235)', offset: '2px' });

    // The chat's launcher, after an open and Esc, focused again by keyboard: the same ring.
    await page.keyboard.press('Enter');
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await page.locator('.chatiq-panel').waitFor({ state: 'hidden' });
    await expect.poll(() => focusedInWidget(page)).toBe('button.chatiq-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await ring()).toEqual(loaderRing);
  });

  it('works by keyboard: Tab to the launcher, Enter opens, focus stays in the panel, Esc closes', async () => {
    const page = await visitorPage(browser, 'keyboard');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    const launcher = page.locator('.chatiq-launcher');
    await launcher.waitFor();

    // The launcher is the page's last stop in the tab order (the widget's host is the last element).
    await page.locator('#set-user button').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedInWidget(page)).toBe('button.chatiq-launcher');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
    await page.keyboard.press('Enter');

    const panel = page.locator('.chatiq-panel');
    await panel.waitFor({ state: 'visible' });
    await page.locator('.chatiq-banner').waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await panel.getAttribute('role')).toBe('dialog');
    expect(await panel.getAttribute('aria-modal')).toBe('true');
    const labelledBy = await panel.getAttribute('aria-labelledby');
    expect(await page.locator(`#${labelledBy}`).textContent()).toBe('Chat with us');
    expect(await page.getByRole('dialog', { name: 'Chat with us' }).count()).toBe(1);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await launcher.getAttribute('aria-label')).toBe('Close chat');
    expect(await focusedInWidget(page)).toBe('textarea.chatiq-input');
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.chatiq-status').getAttribute('role')).toBe('status');
    expect(await page.locator('.chatiq-banner').getAttribute('role')).toBe('status');

    // Written and sent with the keyboard alone.
    await page.keyboard.type('Sent with the keyboard');
    await page.keyboard.press('Enter');
    await page.locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: 'Sent with the keyboard' }).waitFor();

    // Tab and Shift+Tab never leave the panel.
    const insidePanel = () =>
      page.evaluate(() => {
        const root = document.getElementById('chatiq-widget-host')!.shadowRoot!;
        return root.querySelector('.chatiq-panel')!.contains(root.activeElement);
      });
    const visited = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await insidePanel(), `after Tab #${i + 1}`).toBe(true);
      visited.add(String(await focusedInWidget(page)));
    }
    // Every control of the panel gets its turn: the header's buttons, the log, the composer.
    expect([...visited].sort()).toEqual(
      [
        'button.chatiq-icon-button.chatiq-close',
        'button.chatiq-icon-button.chatiq-transcript-button',
        'div.chatiq-messages',
        'button.chatiq-icon-button.chatiq-attach',
        'textarea.chatiq-input',
        'button.chatiq-send',
      ].sort(),
    );
    await page.locator('.chatiq-transcript-button').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('button.chatiq-send'); // from the first to the last
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button.chatiq-icon-button.chatiq-transcript-button');

    // Esc closes and gives the focus back to the launcher.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('button.chatiq-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
    // Keys typed in the widget are not the page's: its own shortcuts do not see them.
    expect(page.warnings).toEqual([]);
  });
});
