// Settings → Widget appearance in real Chromium, with the real widget bundle on both sides: the
// live preview (an iframe of the widget server's preview.html) shows the colour, title and
// position the owner is typing before anything is saved, while a visitor's widget stays as it
// was; once saved, the visitor's already connected, open widget gets `settings:update` and shows
// the new look without a reload.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import {
  demoPageUrl,
  openWidget,
  rest,
  type VisitorPage,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 20_000 };

const DEFAULT_RGB = 'rgb(37, 99, 235)'; // #2563eb, the built-in colour
const NEW_COLOR = '#e11d48';
const NEW_RGB = 'rgb(225, 29, 72)';
const NEW_TITLE = 'Ask Sunflower';

/** The computed background colour of the first element matching `selector` (inside the widget's shadow root). */
const background = (scope: Page | FrameLocator, selector: string) =>
  scope
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

/** Whether `element`'s centre is in the left half of `container`. */
async function onTheLeft(element: Locator, container: { x: number; width: number }): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) throw new Error('element not rendered');
  return box.x + box.width / 2 - container.x < container.width / 2;
}

describe('widget appearance with a live preview', () => {
  let browser: Browser;
  let owner: Page;
  let visitor: VisitorPage;
  let test: WidgetTestSite;

  beforeAll(async () => {
    test = await widgetTestSite(apiUrl, widgetUrl, 'look');
    browser = await launchBrowser();
    owner = await newLoggedPage(browser, 'owner');
    await signInPage(owner, adminUrl, test.owner);
    // A visitor with the widget open and connected before anything changes.
    visitor = await visitorPage(browser, 'visitor');
    await visitor.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(visitor);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the preview shows unsaved colour, title and position with the real widget; visitors see nothing yet', async () => {
    await owner.goto(`${adminUrl}/settings/widget?site=${test.site.id}`);
    await owner.locator('[data-testid="widget-preview"][data-state="ready"]').waitFor(WAIT);
    const frame = owner.frameLocator('[data-testid="widget-preview-frame"]');
    // The real widget, open on its sample conversation, in the current look.
    await frame.locator('.chatiq-panel').waitFor({ state: 'visible', ...WAIT });
    await frame.locator('.chatiq-msg[data-author="ai"]').first().waitFor(WAIT);
    await expect.poll(() => background(frame, '.chatiq-launcher'), WAIT).toBe(DEFAULT_RGB);
    expect(await background(frame, '.chatiq-header')).toBe(DEFAULT_RGB);
    expect(await background(visitor, '.chatiq-header')).toBe(DEFAULT_RGB);

    await owner.getByLabel('Colour', { exact: true }).fill(NEW_COLOR);
    await owner.getByLabel('Title', { exact: true }).fill(NEW_TITLE);
    await owner.locator('label', { hasText: 'Position' }).locator('select').selectOption('left');

    await expect.poll(() => background(frame, '.chatiq-launcher'), WAIT).toBe(NEW_RGB);
    expect(await background(frame, '.chatiq-header')).toBe(NEW_RGB);
    await expect.poll(() => frame.locator('.chatiq-title').textContent(), WAIT).toBe(NEW_TITLE);
    const frameBox = (await owner.locator('[data-testid="widget-preview-frame"]').boundingBox())!;
    await expect.poll(() => onTheLeft(frame.locator('.chatiq-launcher'), frameBox), WAIT).toBe(true);
    await screenshot(owner, 'settings-widget-preview-unsaved');

    // Nothing is saved yet: the API and the visitor's widget still have the old look.
    const stored = await rest<{ effective: { color: string; title: string } }>(apiUrl, 'GET', `/sites/${test.site.id}/widget-settings`, {
      token: test.owner.token,
    });
    expect(stored.effective.color).toBe('#2563eb');
    expect(await background(visitor, '.chatiq-header')).toBe(DEFAULT_RGB);
    expect(await visitor.locator('.chatiq-title').textContent()).not.toBe(NEW_TITLE);
  });

  it("saving pushes the look to the visitor's connected, open widget without a reload", async () => {
    await visitor.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });
    await owner.getByRole('button', { name: 'Save', exact: true }).click();
    await owner.getByText('Saved', { exact: true }).waitFor(WAIT);

    await expect.poll(() => background(visitor, '.chatiq-header'), WAIT).toBe(NEW_RGB);
    expect(await background(visitor, '.chatiq-launcher')).toBe(NEW_RGB);
    await expect.poll(() => visitor.locator('.chatiq-title').textContent(), WAIT).toBe(NEW_TITLE);
    const viewport = visitor.viewportSize()!;
    await expect.poll(() => onTheLeft(visitor.locator('.chatiq-launcher'), { x: 0, width: viewport.width }), WAIT).toBe(true);
    // The same page, still open.
    expect(await visitor.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    expect(await visitor.locator('.chatiq-panel').isVisible()).toBe(true);
    expect(visitor.warnings).toEqual([]);
    await screenshot(visitor, 'settings-widget-visitor-updated');

    // And the preview keeps showing the saved look.
    const frame = owner.frameLocator('[data-testid="widget-preview-frame"]');
    expect(await background(frame, '.chatiq-header')).toBe(NEW_RGB);
  });
});
