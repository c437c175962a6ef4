// The widget header's availability in real Chromium against the running API, in English and
// Ukrainian: "Online" while a member who may answer the site has the admin panel connected, "away"
// (replies may take a while) once the last one leaves, live, and "Offline" while the widget's own
// connection is down (cut through a WebSocket route, then let through again).
import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { connectAdmin, demoPageUrl, openWidget, visitorPage, widgetTestSite } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

const LANGUAGES = {
  en: { online: 'Online', away: 'Replies may take a while', offline: 'Offline', banner: 'No connection. Reconnecting…' },
  uk: { online: 'Онлайн', away: 'Відповідь може забаритися', offline: 'Офлайн', banner: 'Немає з’єднання. Підключаємося знову…' },
} as const;

describe('widget header: online, away, offline', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [language, text] of Object.entries(LANGUAGES)) {
    it(`tells the truth about who can answer and about the connection (${language})`, async () => {
      const test = await widgetTestSite(apiUrl, widgetUrl, `presence-${language}`);
      const page = await visitorPage(browser, `presence-${language}`, language === 'uk' ? { locale: 'uk-UA' } : {});
      // Every realtime connection of the widget passes through this route: the test cuts the live
      // one and refuses new ones while `blocked`.
      let blocked = false;
      const live = new Set<WebSocketRoute>();
      const apiWsOrigin = new URL(apiUrl).origin.replace(/^http/, 'ws');
      await page.context().routeWebSocket(
        (url) => url.origin === apiWsOrigin,
        (ws) => {
          if (blocked) {
            void ws.close();
            return;
          }
          ws.connectToServer();
          live.add(ws);
        },
      );

      // The owner has the admin panel open: someone can answer.
      const owner = await connectAdmin(apiUrl, test.owner.token);
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language }));
      await openWidget(page);
      const presence = page.locator('.chatiq-presence');
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe(text.online);
      expect(await presence.getAttribute('data-state')).toBe('online');

      // The owner's last admin connection goes away: the header says so, live.
      owner.close();
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe(text.away);
      expect(await presence.getAttribute('data-state')).toBe('away');

      // The widget's own connection is cut: offline, under the "No connection" banner.
      blocked = true;
      for (const ws of live) await ws.close();
      live.clear();
      await expect.poll(() => presence.textContent(), { timeout: 15_000 }).toBe(text.offline);
      expect(await presence.getAttribute('data-state')).toBe('offline');
      expect(await page.locator('.chatiq-banner').textContent()).toBe(text.banner);

      // The owner signs in again while the visitor is cut off; once the widget reconnects it is
      // told at its join: online again.
      const back = await connectAdmin(apiUrl, test.owner.token);
      blocked = false;
      await expect.poll(() => presence.textContent(), { timeout: 30_000 }).toBe(text.online);
      back.close();
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe(text.away);
      expect(page.warnings.filter((w) => !/WebSocket/.test(w))).toEqual([]);
      await page.context().close();
    });
  }
});
