// The profile page in real Chromium: a new display name and picture (uploaded, cropped and
// resized by the API) reach the widget on the operator's next reply; a file that is not an image
// is refused with the reason; the password changes. The signed-out pages carry the logo and the
// language switch, whose choice survives a reload.
import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { ChatSummaryDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiLogin, screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import {
  type AdminClient,
  connectAdmin,
  demoPageUrl,
  emitOk,
  openWidget,
  rest,
  sendFromWidget,
  type VisitorPage,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const adminUrl = inject('adminUrl');
const widgetUrl = inject('widgetUrl');

/** A real `size`×`size` PNG, each pixel a colour of its position (so the crop has something to show). */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set([(x * 255) / size, (y * 255) / size, 160], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('profile page', () => {
  let browser: Browser;
  let panel: Page;
  let visitor: VisitorPage;
  let admin: AdminClient | undefined;
  let test: WidgetTestSite;
  let missing: string[];

  beforeAll(async () => {
    test = await widgetTestSite(apiUrl, widgetUrl, 'profile');
    browser = await launchBrowser();
    panel = await newLoggedPage(browser, 'operator');
    missing = watchMissingMessages(panel);
    await signInPage(panel, adminUrl, test.owner);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  it('changes the display name and picture, and the widget shows them on the next reply', async () => {
    await panel.getByTestId('profile-link').click();
    await panel.waitForURL(`${adminUrl}/profile`);
    await panel.getByRole('heading', { name: 'Your profile' }).waitFor();

    await panel.getByLabel('Name', { exact: true }).fill('Marta Bakery');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await panel.getByText('Name saved').waitFor();
    await panel
      .getByTestId('profile-link')
      .getByText(/^Marta Bakery · /)
      .waitFor(); // the top bar too

    // Not an image, whatever its name says: refused by the API (it reads the bytes).
    await panel
      .getByTestId('avatar-input')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await panel.getByRole('alert').getByText('This file is not a PNG, JPEG or WebP image.').waitFor();

    await panel.getByTestId('avatar-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(300) });
    await panel.getByText('Picture saved').waitFor();
    const picture = panel.locator('.profile-avatar img[data-testid="avatar-image"]');
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    const src = (await picture.getAttribute('src')) ?? '';
    expect(src).toMatch(new RegExp(`^${apiUrl}/avatars/att_[A-Za-z0-9_-]{32}$`));
    await panel.getByTestId('profile-link').locator('img').waitFor(); // the top bar shows it as well
    await screenshot(panel, 'profile-en');

    // The visitor writes; the operator answers (over the admin socket, signed in anew).
    visitor = await visitorPage(browser, 'visitor');
    await visitor.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(visitor);
    await sendFromWidget(visitor, 'Do you bake rye bread?');
    const chats = await rest<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${test.site.id}`, { token: test.owner.token });
    const chatId = chats[0]?.id ?? '';
    admin = await connectAdmin(apiUrl, test.owner.token);
    await emitOk(admin, 'admin:join', { chatId });
    await emitOk(admin, 'admin:message', { chatId, clientId: randomUUID(), text: 'Every morning, fresh.' });

    const reply = visitor.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Every morning, fresh.' });
    await reply.waitFor();
    expect(await reply.getAttribute('data-author-name')).toBe('Marta Bakery');
    const avatar = reply.locator('.chatiq-avatar img');
    await avatar.waitFor();
    expect(await avatar.getAttribute('src')).toBe(src);
    // Loaded on the visitor's page (another origin): public, cross-origin, an image.
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    await screenshot(visitor, 'widget-operator-avatar');

    // Removed: the visitor's next join shows the initials again.
    await panel.getByRole('button', { name: 'Remove picture' }).click();
    await panel.getByText('Picture removed').waitFor();
    await panel.locator('.profile-avatar .avatar-initials').getByText('MB').waitFor();
    await visitor.reload();
    await openWidget(visitor);
    const again = visitor.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Every morning, fresh.' });
    await again.waitFor();
    expect(await again.locator('.chatiq-avatar').getAttribute('data-initials')).toBe('MB');
    expect(await again.locator('.chatiq-avatar img').count()).toBe(0);
    expect(missing).toEqual([]);
  });

  it('changes the password: the new one signs in, the old one no longer does', async () => {
    await panel.goto(`${adminUrl}/profile`);
    await panel.getByLabel('Current password').fill('not-the-password');
    await panel.getByLabel('New password (8+ characters)').fill('rye-bread-every-morning');
    await panel.getByLabel('Repeat the password').fill('rye-bread-every-morning');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('The current password is not right.').waitFor();

    await panel.getByLabel('Current password').fill(test.owner.password);
    await panel.getByLabel('New password (8+ characters)').fill('rye-bread-every-morning');
    await panel.getByLabel('Repeat the password').fill('rye-bread-every-morning');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('Password changed').waitFor();
    expect(await apiLogin(apiUrl, { email: test.owner.email, password: 'rye-bread-every-morning' })).toBeTruthy();
    await expect(apiLogin(apiUrl, test.owner)).rejects.toThrow();
    // This session stays: the page still works.
    await panel.getByTestId('profile-link').click();
    await panel.getByRole('heading', { name: 'Your profile' }).waitFor();
  });
});

describe('signed-out pages', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'signed-out');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('show the logo and a language switch; Ukrainian chosen on the login page stays after a reload', async () => {
    for (const path of [
      '/login',
      '/register',
      '/forgot-password',
      '/reset-password?token=e2e-unknown',
      '/accept-invite?token=e2e-unknown',
    ]) {
      await page.goto(`${adminUrl}${path}`);
      await page.locator('.auth-header .logo svg').waitFor();
      await page.locator('.auth-header .language-switcher select').waitFor();
    }
    await page.goto(`${adminUrl}/login`);
    await page.getByRole('heading', { name: 'Sign in to ChatIQ' }).waitFor();
    await page.locator('.language-switcher select').selectOption('uk');
    await page.getByRole('heading', { name: 'Вхід до ChatIQ' }).waitFor();
    await page.getByLabel('Пароль').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await page.reload();
    await page.getByRole('heading', { name: 'Вхід до ChatIQ' }).waitFor();
    expect(await page.locator('.language-switcher select').inputValue()).toBe('uk');
    await screenshot(page, 'login-uk');
    await page.getByRole('link', { name: 'Створіть обліковий запис' }).click();
    await page.getByRole('heading', { name: 'Створіть обліковий запис ChatIQ' }).waitFor();
    await page.locator('.language-switcher select').selectOption('en');
    await page.getByRole('heading', { name: 'Create your ChatIQ account' }).waitFor();
  });
});
