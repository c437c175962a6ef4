import type { Browser, Page } from 'playwright-core';

/** A page in a fresh browser context whose console errors and warnings go to the test output. */
export async function newLoggedPage(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name} console] ${m.type()}: ${m.text()}`);
  });
  return page;
}

/**
 * Resolves once the page has rendered a frame after this call (two animation frames: the next one
 * starts after the layout and paint of the current one), for "after the resize / the new
 * stylesheet": a barrier, not a pause.
 */
export async function afterNextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
