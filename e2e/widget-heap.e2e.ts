// What opening the chat costs the host page's memory, in real Chromium against the running API:
// the demo page with the widget's loader and its bubble, then the chat opened, connected and told
// the team's status. Both figures are taken after full garbage collections, so they count what
// the widget keeps, not garbage waiting to be collected: a heap snapshot's total (V8 and the
// browser objects it holds: the panel's DOM and styles, the scripts' sources) and V8's used heap.
// Figures and what they are made of: api-server/bench/README.md ("Widget", `openHeapKB`).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { pageHeap } from './support/page-heap.js';
import { demoPageUrl, openWidget, visitorPage, type WidgetTestSite, widgetTestSite } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

/** Measured 2026-12-07: about 650 KB (snapshot) and 350 KB (V8); the budgets leave room for noise, not for a regression. */
const OPEN_SNAPSHOT_BUDGET_KB = 900;
const OPEN_JS_HEAP_BUDGET_KB = 550;

describe('widget heap', () => {
  let browser: Browser;
  let test: WidgetTestSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'heap');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`opening the chat keeps at most ${OPEN_SNAPSHOT_BUDGET_KB} KB more on the page (${OPEN_JS_HEAP_BUDGET_KB} KB of V8 heap)`, async () => {
    const page = await visitorPage(browser, 'heap');
    const cdp = await page.context().newCDPSession(page);
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await page.locator('.chatiq-launcher').waitFor();
    const before = await pageHeap(cdp);
    await openWidget(page);
    await page.locator('.chatiq-presence').waitFor(); // business:status arrived: the join is done
    const after = await pageHeap(cdp);
    const snapshotKB = Math.round((after.snapshot - before.snapshot) / 1024);
    const jsHeapKB = Math.round((after.jsHeap - before.jsHeap) / 1024);
    console.log(`[widget heap] opening the chat kept ${snapshotKB} KB (heap snapshot), ${jsHeapKB} KB of V8 heap`);
    expect(snapshotKB).toBeLessThanOrEqual(OPEN_SNAPSHOT_BUDGET_KB);
    expect(jsHeapKB).toBeLessThanOrEqual(OPEN_JS_HEAP_BUDGET_KB);
  });
});
