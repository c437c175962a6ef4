// Account pages end to end in real Chromium, with the API's mails caught by a real SMTP server
// (support/mailbox.ts): a forgotten password is reset through the mailed link; an owner invites an
// operator from the Team settings, who joins through the mailed link and is signed in.
import type { MemberDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiLogin, createSite, type Owner, registerOwner, screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { linkIn, waitForMail } from './support/mailbox.js';
import { newLoggedPage } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const mailboxUrl = inject('mailboxUrl');

const loginStatus = async (email: string, password: string) =>
  (
    await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).status;

describe('account pages', () => {
  let browser: Browser;
  let owner: Owner;

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'account');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('resets a forgotten password through the mailed link', async () => {
    const page = await newLoggedPage(browser, 'forgetful owner');
    await page.goto(`${adminUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${adminUrl}/forgot-password`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    expect(await page.getByTestId('reset-requested').textContent()).toContain(owner.email);

    const mail = await waitForMail(mailboxUrl, owner.email, /Reset your ChatIQ password/);
    const link = linkIn(mail, `${adminUrl}/reset-password?token=`);
    await page.goto(link);
    const newPassword = 'poppies-in-july-77';
    await page.getByLabel('New password (8+ characters)').fill(newPassword);
    await page.getByLabel('Repeat the password').fill('poppies-in-july-78');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await page.getByLabel('Repeat the password').fill(newPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();

    await page.waitForURL(`${adminUrl}/login?reset=1`);
    await page.getByTestId('login-notice').waitFor();
    expect(await loginStatus(owner.email, owner.password)).toBe(401);
    await signInPage(page, adminUrl, { email: owner.email, password: newPassword });
    owner.password = newPassword;
    // The reset signed every session out, the API token of this test included.
    owner.token = await apiLogin(apiUrl, owner);

    // The link works once.
    await page.goto(link);
    await page.getByLabel('New password (8+ characters)').fill('another-password-1');
    await page.getByLabel('Repeat the password').fill('another-password-1');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.locator('form [role="alert"]', { hasText: 'This link is invalid, already used or expired' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    expect(await loginStatus(owner.email, newPassword)).toBe(200);
  });

  it('an owner invites an operator who joins through the mailed link', async () => {
    const site = await createSite(apiUrl, owner.token, 'Kvitka team site');
    const ownerPage: Page = await newLoggedPage(browser, 'owner');
    await signInPage(ownerPage, adminUrl, owner);
    await ownerPage.goto(`${adminUrl}/sites`);
    await ownerPage.getByRole('link', { name: 'Settings' }).click();
    await ownerPage.getByRole('link', { name: 'Team' }).click();
    await ownerPage.waitForURL(`${adminUrl}/settings/team`);
    await ownerPage.getByTestId('member').first().waitFor();

    const invitee = `taras-${Date.now().toString(36)}@kvitka.test`;
    const form = ownerPage.getByRole('form', { name: 'Invite a member' });
    await form.getByRole('textbox', { name: /^Email/ }).fill(invitee);
    await form.getByRole('combobox', { name: /^Role/ }).selectOption('OPERATOR');
    await form.getByRole('checkbox', { name: site.name }).check();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    expect(await ownerPage.getByTestId('invitation-sent').textContent()).toContain(invitee);
    await ownerPage.getByTestId('invitation').filter({ hasText: invitee }).waitFor();
    await screenshot(ownerPage, 'settings-team-en');

    const mail = await waitForMail(mailboxUrl, invitee, /invit/i);
    const link = linkIn(mail, `${adminUrl}/accept-invite?token=`);
    const joiner = await newLoggedPage(browser, 'invitee');
    await joiner.goto(link);
    await joiner.getByLabel('Your name').fill('Taras Operator');
    await joiner.getByLabel('Password (8+ characters)').fill('wheat-and-sky-2024');
    await joiner.getByLabel('Repeat the password').fill('wheat-and-sky-2024');
    await joiner.getByRole('button', { name: 'Join the team' }).click();
    await joiner.waitForURL(`${adminUrl}/inbox`);
    await joiner.goto(`${adminUrl}/visitors`);
    expect(await joiner.locator('.operator').textContent()).toContain('Taras Operator');
    // Operators have no settings.
    expect(await joiner.getByRole('link', { name: 'Settings' }).count()).toBe(0);

    await ownerPage.reload();
    const row = ownerPage.getByTestId('member').filter({ hasText: invitee });
    await row.waitFor();
    expect(await row.textContent()).toContain('Taras Operator');
    expect(await ownerPage.getByTestId('invitation').filter({ hasText: invitee }).count()).toBe(0);
    const members = (await (
      await fetch(`${apiUrl}/team/members`, { headers: { authorization: `Bearer ${owner.token}` } })
    ).json()) as MemberDto[];
    expect(members.find((m) => m.email === invitee)).toMatchObject({ role: 'OPERATOR', siteIds: [site.id], active: true });
  });
});
