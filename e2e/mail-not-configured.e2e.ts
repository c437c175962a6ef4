// A system of this test's own, started as in production (NODE_ENV=production) but without
// SMTP_URL: the owner sees the "Mail is not set up" banner, invites an operator from the Team
// settings and gets the invitation link to copy, and the invitee opens it and joins; the
// forgot-password page tells people to ask their owner. Nothing in the API's log carries the link.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import { resultsDir, type System, startSystem } from './support/system.js';

const SYSTEM_NAME = 'no-mail';

describe('production without mail', () => {
  let system: System;
  let browser: Browser;
  let owner: Owner;
  let dropOwnDatabase: () => Promise<void> = async () => {};
  let stopServer: () => Promise<void> = async () => {};
  let invitationLink = '';

  beforeAll(async () => {
    const server = await acquireTestServer();
    stopServer = () => server.stop();
    const name = uniqueDatabaseName('chatiq_e2e_nomail');
    const databaseUrl = await createDatabase(server.url, name);
    dropOwnDatabase = () => dropDatabase(server.url, name);
    // startSystem runs the API with NODE_ENV=production; no SMTP_URL here.
    system = await startSystem(databaseUrl, {}, SYSTEM_NAME);
    owner = await registerOwner(system.apiUrl, 'no-mail');
    await createSite(system.apiUrl, owner.token, 'No-mail shop');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await dropOwnDatabase();
    await stopServer();
  });

  it('the owner sees the banner, invites an operator and gets the link to copy; the invitee joins with it', async () => {
    const ownerPage = await newLoggedPage(browser, 'owner');
    await signInPage(ownerPage, system.adminUrl, owner);
    const banner = ownerPage.getByTestId('mail-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Mail is not set up.');

    await ownerPage.goto(`${system.adminUrl}/settings/team`);
    await ownerPage.getByTestId('member').first().waitFor();
    const invitee = `mykola-${Date.now().toString(36)}@no-mail.test`;
    await ownerPage.getByText('Mail is not set up: you get a link that works once, for 7 days, to pass on yourself.').waitFor();
    const form = ownerPage.getByRole('form', { name: 'Invite a member' });
    await form.getByRole('textbox', { name: /^Email/ }).fill(invitee);
    await form.getByRole('combobox', { name: /^Role/ }).selectOption('OPERATOR');
    // The organization's only site is ticked from the start (an operator's invitation names one).
    await expect.poll(() => form.getByRole('checkbox', { name: 'No-mail shop' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Send invitation' }).click();

    const box = ownerPage.getByTestId('invitation-link');
    await box.waitFor();
    expect(await box.textContent()).toContain(invitee);
    invitationLink = await box.getByRole('textbox', { name: 'Copy the link' }).inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${system.adminUrl.replace(/[.:/]/g, '\\$&')}/accept-invite\\?token=[A-Za-z0-9_-]{43}$`));
    // The copy button puts it on the clipboard (granted for the admin panel's origin).
    await ownerPage.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.adminUrl });
    await box.getByRole('button', { name: 'Copy the link' }).click();
    await box.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
    await ownerPage.getByTestId('invitation').filter({ hasText: invitee }).waitFor();
    await screenshot(ownerPage, 'settings-team-no-mail-en');

    const joiner = await newLoggedPage(browser, 'invitee');
    await joiner.goto(invitationLink);
    await joiner.getByLabel('Your name').fill('Mykola Operator');
    await joiner.getByLabel('Password (8+ characters)').fill('linden-and-rain-2025');
    await joiner.getByLabel('Repeat the password').fill('linden-and-rain-2025');
    await joiner.getByRole('button', { name: 'Join the team' }).click();
    await joiner.waitForURL(`${system.adminUrl}/inbox`);
    await joiner.goto(`${system.adminUrl}/visitors`);
    expect(await joiner.locator('.operator').textContent()).toContain('Mykola Operator');

    await ownerPage.reload();
    const row = ownerPage.getByTestId('member').filter({ hasText: invitee });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mykola Operator');
  });

  it('the forgot-password page says to ask the owner', async () => {
    const page = await newLoggedPage(browser, 'forgetful');
    await page.goto(`${system.adminUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${system.adminUrl}/forgot-password`);
    const notice = page.getByTestId('reset-ask-owner');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Ask your owner');
    expect(await notice.textContent()).toContain('Ask the owner of your organization');
    await screenshot(page, 'forgot-password-no-mail-en');
  });

  it('the API logged no invitation link or token', () => {
    expect(invitationLink).not.toBe('');
    const log = readFileSync(path.join(resultsDir, 'logs', `${SYSTEM_NAME}-api.log`), 'utf8');
    expect(log).toContain('request completed'); // the log is the API's, and it logged the requests
    expect(log).not.toContain(new URL(invitationLink).searchParams.get('token'));
    expect(log).not.toContain('accept-invite?token=');
  });
});
