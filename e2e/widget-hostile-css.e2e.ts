// The widget on a hostile page, in real Chromium: a page whose stylesheet resets every element
// (`*` rules, `!important`, fonts, colours, display; its body transformed, filtered, zoomed) does
// not change the widget —
// screenshots of the launcher and of the open panel are the same pixels (up to anti-aliasing) before and after that
// stylesheet is added — and the widget does not change the page: its look, its stylesheets, its
// <head> and its globals (beyond window.chtq) are the same with and without the widget.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { afterNextFrame } from './support/pages.js';
import { resultsDir } from './support/system.js';
import { openTestPage, openWidget, sendFromWidget, visitorPage, type WidgetTestSite, widgetTestSite } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

/**
 * What careless or hostile site CSS looks like: global resets with !important on every element,
 * the page's body transformed, filtered, dimmed and zoomed. (What <html>
 * itself is given — zoom, transform, filter, opacity — reaches everything on the page, the widget
 * included: nothing inside a page can undo it. So the page's root gets the resets only.)
 */
const HOSTILE_CSS = `
*, *::before, *::after {
  all: unset !important;
  box-sizing: content-box !important;
  margin: 13px !important;
  padding: 9px !important;
  font: italic 700 28px/3 "Comic Sans MS", cursive, serif !important;
  color: #ff00ff !important;
  background: #ffff00 !important;
  border: 4px dotted #00ff00 !important;
  letter-spacing: 3px !important;
  text-transform: uppercase !important;
  position: relative !important;
  display: block !important;
  visibility: visible !important;
  overflow: visible !important;
  pointer-events: auto !important;
  --chatiq-color: #000000 !important;
  --chatiq-launcher: 10px !important;
}
html { font-size: 40px !important; }
body, body * {
  transform: rotate(2deg) translate(-30px, -30px) !important;
  filter: hue-rotate(90deg) !important;
  opacity: 0.8 !important;
  zoom: 1.3 !important;
  contain: layout paint !important;
}
div { display: flex !important; flex-direction: row-reverse !important; width: 100px !important; height: 50px !important; }
button, textarea, input, svg, path { all: revert !important; fill: red !important; stroke: blue !important; }
html > div, body > div:last-child, div[id] { display: none !important; visibility: hidden !important; }
`;

/** A right-to-left page (checked apart: its scroll origin moves page screenshots' coordinates). */
const RTL_CSS = 'html { direction: rtl !important; }';

/** Where the widget's parts are on the screen, and which way its text runs. */
function widgetGeometry(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById('chatiq-widget-host')!.shadowRoot!;
    const rect = (selector: string) => {
      const r = root.querySelector(selector)!.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    };
    return {
      launcher: rect('.chatiq-launcher'),
      panel: rect('.chatiq-panel'),
      message: rect('.chatiq-msg'),
      direction: getComputedStyle(root.querySelector('.chatiq-input')!).direction,
    };
  });
}

const PAGE = (
  withWidget: boolean,
  siteId: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile shop</title>
<style>body { margin: 0; font: 16px/1.5 Georgia, serif; background: #faf7f2; color: #2d2a26; } main { padding: 24px; }
.card { width: 300px; padding: 16px; border-radius: 8px; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.1); }
button.buy { padding: 8px 14px; border: 0; border-radius: 6px; background: #2d2a26; color: #fff; font: inherit; }</style>
</head><body><main><h1>Lamps</h1><div class="card"><h2>Amber lamp</h2><p>Warm light for long evenings.</p>
<button class="buy" type="button">Add to cart</button> <input value="1" aria-label="Quantity"></div></main>
${withWidget ? `<script>window.chtq = ${JSON.stringify({ siteId, apiUrl, language: 'en' })};</script><script async src="/widget.js"></script>` : ''}
</body></html>`;

/** What the widget must leave alone on the page. */
async function pageState(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string) => {
      const computed = getComputedStyle(document.querySelector(selector)!);
      return ['font-family', 'font-size', 'color', 'background-color', 'margin', 'padding', 'box-sizing', 'display', 'line-height']
        .map((name) => `${name}:${computed.getPropertyValue(name)}`)
        .join(';');
    };
    return {
      styles: ['html', 'body', 'main', 'h1', '.card', 'p', 'button.buy', 'input'].map(style),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      head: document.head.innerHTML,
      htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
      bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    };
  });
}

/** The names on `window`. */
function globals(page: Page) {
  return page.evaluate(() => Object.keys(window).sort());
}

describe('widget on a hostile page', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  const shots = path.join(resultsDir, 'screenshots');

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'hostile');
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A screenshot of the inside of `selector`'s box (its edges blend with the page behind: shadows, round corners). */
  async function inside(page: Page, selector: string, inset: number): Promise<Buffer> {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not shown`);
    return page.screenshot({
      clip: { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset },
      animations: 'disabled',
      caret: 'hide',
    });
  }

  /**
   * Whether two screenshots show the same pixels, up to font anti-aliasing: Chromium may shade a
   * few edge pixels of the same text differently between two paints. A pixel counts as changed when
   * a channel moves by more than 64 of 255; at most 0.05 % of the pixels may. Anything hostile CSS
   * does (another font, size, colour, spacing or position) changes far more.
   */
  async function changedPixels(before: Buffer, after: Buffer): Promise<{ changed: number; total: number }> {
    if (before.equals(after)) return { changed: 0, total: 1 };
    const page = await browser.newPage();
    try {
      return await page.evaluate(
        async ([a, b]) => {
          const decode = async (base64: string) => {
            const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const context = canvas.getContext('2d');
            if (!context) throw new Error('no 2d context');
            context.drawImage(bitmap, 0, 0);
            return context.getImageData(0, 0, bitmap.width, bitmap.height);
          };
          const [x, y] = [await decode(a), await decode(b)];
          const total = x.width * x.height;
          if (x.width !== y.width || x.height !== y.height) return { changed: total, total };
          let changed = 0;
          for (let i = 0; i < x.data.length; i += 4) {
            for (let c = 0; c < 4; c++) {
              if (Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)) > 64) {
                changed++;
                break;
              }
            }
          }
          return { changed, total };
        },
        [before.toString('base64'), after.toString('base64')] as const,
      );
    } finally {
      await page.close();
    }
  }

  async function same(name: string, before: Buffer, after: Buffer): Promise<void> {
    const { changed, total } = await changedPixels(before, after);
    if (changed > 0) {
      writeFileSync(path.join(shots, `hostile-${name}-before.png`), before);
      writeFileSync(path.join(shots, `hostile-${name}-after.png`), after);
    }
    expect(
      changed / total,
      `${name}: ${changed} of ${total} pixels differ, see e2e/test-results/screenshots/hostile-${name}-*.png`,
    ).toBeLessThanOrEqual(0.0005);
  }

  it('looks the same after the page adds a hostile stylesheet, and keeps working', async () => {
    const page = await visitorPage(browser, 'hostile');
    await openTestPage(page, widgetUrl, PAGE(true, test.site.publicId));
    await page.locator('.chatiq-launcher').waitFor();
    const launcherBefore = await inside(page, '.chatiq-launcher', 12);
    await page.addStyleTag({ content: HOSTILE_CSS });
    await afterNextFrame(page);
    await same('launcher (loader)', launcherBefore, await inside(page, '.chatiq-launcher', 12));
    await page.screenshot({ path: path.join(shots, 'hostile-page-launcher.png') });

    // The chat opens and works on that page, and looks as it does on a calm one.
    await openWidget(page);
    await sendFromWidget(page, 'Hello from a hostile page');
    await page.mouse.move(5, 5);
    const panelOnHostile = await inside(page, '.chatiq-panel', 20);
    const launcherOnHostile = await inside(page, '.chatiq-launcher', 12);
    await page.screenshot({ path: path.join(shots, 'hostile-page-open.png') });

    const calm = await visitorPage(browser, 'calm');
    await openTestPage(calm, widgetUrl, PAGE(true, test.site.publicId));
    await openWidget(calm);
    // The same visitor state is not needed: compare the calm page's panel after the same message.
    await sendFromWidget(calm, 'Hello from a hostile page');
    await calm.mouse.move(5, 5);
    // Time stamps and ids differ nowhere visible; the panels must be pixel-identical.
    await same('panel', await inside(calm, '.chatiq-panel', 20), panelOnHostile);
    await same('launcher (chat)', await inside(calm, '.chatiq-launcher', 12), launcherOnHostile);

    // And the hostile stylesheet, added to the calm page now, changes nothing in the widget.
    const calmPanel = await inside(calm, '.chatiq-panel', 20);
    await calm.addStyleTag({ content: HOSTILE_CSS });
    await afterNextFrame(calm);
    await same('panel (after adding)', calmPanel, await inside(calm, '.chatiq-panel', 20));

    // Right to left: the widget stays as it is (its root sets its own direction).
    const geometry = await widgetGeometry(calm);
    expect(geometry.direction).toBe('ltr');
    await calm.addStyleTag({ content: RTL_CSS });
    expect(await calm.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await widgetGeometry(calm)).toEqual(geometry);
    expect(page.warnings).toEqual([]);
  });

  it('does not change the page: its look, stylesheets, <head>, attributes and globals (but window.chtq)', async () => {
    const without = await visitorPage(browser, 'without');
    await openTestPage(without, widgetUrl, PAGE(false, test.site.publicId));
    const withWidget = await visitorPage(browser, 'with');
    await openTestPage(withWidget, widgetUrl, PAGE(true, test.site.publicId));
    await withWidget.locator('.chatiq-launcher').waitFor();
    await openWidget(withWidget);
    await withWidget.locator('.chatiq-close').click();
    await withWidget.locator('.chatiq-panel').waitFor({ state: 'hidden' });

    expect(await pageState(withWidget)).toEqual(await pageState(without));
    const base = new Set(await globals(without));
    expect((await globals(withWidget)).filter((name) => !base.has(name))).toEqual(['chtq']);
    // The page's own part of the screen (the widget sits in a corner) is the same pixels.
    const clip = { x: 0, y: 0, width: 700, height: 500 };
    await same('page', await without.screenshot({ clip }), await withWidget.screenshot({ clip }));
    // One element of its own, after <body> (so what the page does to its body cannot move it);
    // everything else is in its shadow root.
    expect(await withWidget.evaluate(() => document.documentElement.lastElementChild?.id)).toBe('chatiq-widget-host');
    expect(await withWidget.evaluate(() => document.querySelectorAll('[class^="chatiq"], [id^="chatiq"]').length)).toBe(1);
  });
});
