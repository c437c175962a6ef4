// The snippets the Sites page generates, copied from the panel into a customer's pages (served by
// real HTTP servers of the test's own, one origin per site): a site's snippet with
// `chtq.setUser({…})` called right after it (the stub queues it until the async widget.js runs,
// so nothing throws); a site saved as "Bottom left", in a Ukrainian browser: the launcher is on
// the left and the widget speaks Ukrainian (the snippet no longer overrides the settings). The
// organization id is on the page, and the organization-wide snippet works on a second site's
// domain, whose chat lands in that site.
import type { ChatSummaryDto, CreatedSiteDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { type HostServer, startHostServer } from './support/host-server.js';
import { newLoggedPage } from './support/pages.js';
import { openWidget, rest, sendFromWidget, visitorPage } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');

describe('snippets from the Sites page', () => {
  let browser: Browser;
  let panel: Page;
  let owner: Owner;
  let shop: HostServer;
  let bakery: HostServer;
  let shopSite: CreatedSiteDto;
  let bakerySite: CreatedSiteDto;

  beforeAll(async () => {
    browser = await launchBrowser();
    [shop, bakery] = await Promise.all([startHostServer(), startHostServer()]);
    owner = await registerOwner(apiUrl, 'snippets');
    shopSite = await createSite(apiUrl, owner.token, 'Shop', [shop.origin]);
    bakerySite = await createSite(apiUrl, owner.token, 'Bakery', [bakery.origin]);
    await rest(apiUrl, 'PUT', `/sites/${shopSite.id}/widget-settings`, { token: owner.token, body: { position: 'left' } });
    panel = await newLoggedPage(browser, 'owner');
    await panel.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: adminUrl });
    await signInPage(panel, adminUrl, owner);
    await panel.goto(`${adminUrl}/sites`);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop?.close(), bakery?.close()]);
  });

  /** Clicks a copy button on the Sites page and returns what it put on the clipboard. */
  async function copied(button: ReturnType<Page['getByTestId']>): Promise<string> {
    await button.click();
    await button.getByText('Copied').waitFor();
    return panel.evaluate(() => navigator.clipboard.readText());
  }

  /** A customer's page: the pasted snippet, then the page's own script calling the SDK at once. */
  const customerPage = (snippet: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Customer</title></head>
<body><h1>Our shop</h1>
${snippet}
<script>
  window.chtq.setUser({ name: 'Olha Kovalenko', email: 'olha@example.com' });
  window.chtq.on('open', function () { window.__opened = true; });
  window.__afterSdkCalls = true;
</script>
</body></html>`;

  it("a site's snippet: setUser right after it works, and the look and language follow the settings", async () => {
    await panel.getByTestId('snippet-follows-settings').waitFor();
    const row = panel.getByTestId('site-row').filter({ has: panel.getByRole('heading', { name: 'Shop', exact: true }) });
    const snippet = await copied(row.getByTestId('copy-site-snippet'));
    expect(snippet).toContain(`siteId: "${shopSite.publicId}"`);
    expect(snippet).not.toMatch(/language|position|size/);

    const page = await visitorPage(browser, 'uk-visitor', { locale: 'uk-UA' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(shop.page('/', customerPage(snippet)));
    expect(await page.evaluate(() => (window as unknown as { __afterSdkCalls?: boolean }).__afterSdkCalls)).toBe(true);

    await openWidget(page);
    expect(await page.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    await expect.poll(async () => (await page.locator('.chatiq-launcher').boundingBox())?.x ?? 9999).toBeLessThan(640);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __opened?: boolean }).__opened)).toBe(true);
    await sendFromWidget(page, 'Вітаю з сайту');
    await expect
      .poll(
        async () =>
          (await rest<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${shopSite.id}`, { token: owner.token }))[0]?.lastMessage?.text,
      )
      .toBe('Вітаю з сайту');
    expect(errors).toEqual([]);
    expect(page.warnings).toEqual([]);
  });

  it('shows the organization id, and the organization-wide snippet works on a second site', async () => {
    const organizationId = (await panel.getByTestId('organization-id').textContent()) ?? '';
    expect(organizationId).toMatch(/\S/);
    expect(await copied(panel.getByTestId('copy-organization-id'))).toBe(organizationId);
    const snippet = await copied(panel.getByTestId('copy-organization-snippet'));
    expect(snippet).toContain(`organizationId: "${organizationId}"`);

    const page = await visitorPage(browser, 'bakery-visitor');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(bakery.page('/', customerPage(snippet)));
    await openWidget(page);
    await sendFromWidget(page, 'Fresh bread today?');
    await expect
      .poll(
        async () =>
          (await rest<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${bakerySite.id}`, { token: owner.token }))[0]?.lastMessage?.text,
      )
      .toBe('Fresh bread today?');
    expect(errors).toEqual([]);
    expect(page.warnings).toEqual([]);
  });
});
