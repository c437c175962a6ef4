// An operator's invitation always names a site, in real Chromium with the API's mails caught by a
// real SMTP server: with one site its box is ticked from the start, with several the form refuses
// to send none (en and uk); an operator left with no site is told so in the inbox instead of "No
// chats yet"; and an invitee whose automatic sign-in fails after joining lands on the login page
// that says the account was created.
import type { MemberDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { linkIn, waitForMail } from './support/mailbox.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const mailboxUrl = inject('mailboxUrl');
const WAIT = { timeout: 15_000 };

type Lang = 'en' | 'uk';
const TEXT = {
  en: {
    form: 'Invite a member',
    email: /^Email/,
    role: /^Role/,
    send: 'Send invitation',
    needsSite: 'Choose at least one site: an operator sees only the chats of their sites.',
    noSites: 'You are not assigned to any site — ask your owner to add you to one.',
    name: 'Your name',
    password: 'Password (8+ characters)',
    repeat: 'Repeat the password',
    join: 'Join the team',
    created: 'Your account is created — sign in.',
    empty: 'No chats yet. When a visitor writes from your site, the chat appears here.',
  },
  uk: {
    form: 'Запросити учасника',
    email: /^Електронна пошта/,
    role: /^Роль/,
    send: 'Надіслати запрошення',
    needsSite: 'Виберіть принаймні один сайт: оператор бачить лише чати своїх сайтів.',
    noSites: 'Вас не призначено до жодного сайту — попросіть власника додати вас до сайту.',
    name: 'Ваше ім’я',
    password: 'Пароль (щонайменше 8 символів)',
    repeat: 'Повторіть пароль',
    join: 'Приєднатися до команди',
    created: 'Ваш обліковий запис створено — увійдіть.',
    empty: 'Чатів поки немає. Щойно відвідувач напише з вашого сайту, чат з’явиться тут.',
  },
} satisfies Record<Lang, Record<string, string | RegExp>>;

async function call<T>(method: string, pathname: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

describe('team invitations', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page in `lang` (the language switcher's cookie). */
  async function pageIn(lang: Lang): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === 'uk' ? 'uk-UA' : 'en-US' });
    await context.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    return context.newPage();
  }

  async function signIn(page: Page, user: { email: string; password: string }) {
    await page.goto(`${adminUrl}/login`);
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${adminUrl}/inbox`);
  }

  for (const lang of ['en', 'uk'] as const) {
    it(`${lang}: an operator's invitation names a site; with one site it is ticked, with none ticked it is refused`, async () => {
      const text = TEXT[lang];
      const owner: Owner = await registerOwner(apiUrl, `invite-${lang}`);
      const only = await createSite(apiUrl, owner.token, `Only site ${lang}`);
      const page = await pageIn(lang);
      await signIn(page, owner);
      await page.goto(`${adminUrl}/settings/team`);
      const form = page.getByRole('form', { name: text.form });
      await form.getByRole('combobox', { name: text.role }).selectOption('OPERATOR');
      const onlyBox = form.getByRole('checkbox', { name: only.name });
      await expect.poll(() => onlyBox.isChecked(), WAIT).toBe(true);

      // The only site goes with the invitation without a click.
      const first = `first-${lang}-${Date.now().toString(36)}@invite.test`;
      await form.getByRole('textbox', { name: text.email }).fill(first);
      await form.getByRole('button', { name: text.send }).click();
      await page.getByTestId('invitation').filter({ hasText: first }).waitFor(WAIT);
      const invitations = await call<{ email: string; siteIds: string[] }[]>('GET', '/team/invitations', owner.token);
      expect(invitations.find((i) => i.email === first)?.siteIds).toEqual([only.id]);

      // With two sites none is ticked, and sending none is refused at the field.
      const second = await createSite(apiUrl, owner.token, `Second site ${lang}`);
      await page.reload();
      await form.getByRole('combobox', { name: text.role }).selectOption('OPERATOR');
      await form.getByRole('checkbox', { name: second.name }).waitFor(WAIT);
      expect(await form.getByRole('checkbox', { name: only.name }).isChecked()).toBe(false);
      const refused = `refused-${lang}-${Date.now().toString(36)}@invite.test`;
      await form.getByRole('textbox', { name: text.email }).fill(refused);
      await form.getByRole('button', { name: text.send }).click();
      await form.getByText(text.needsSite).waitFor(WAIT);
      await screenshot(page, `settings-team-invite-needs-site-${lang}`);
      const after = await call<{ email: string }[]>('GET', '/team/invitations', owner.token);
      expect(after.map((i) => i.email)).not.toContain(refused);

      // Ticking one sends it.
      await form.getByRole('checkbox', { name: second.name }).check();
      await form.getByRole('button', { name: text.send }).click();
      await page.getByTestId('invitation').filter({ hasText: refused }).waitFor(WAIT);
      await page.context().close();
    });

    it(`${lang}: an operator with no site is told to ask the owner; a failed sign-in after joining says the account is created`, async () => {
      const text = TEXT[lang];
      const owner: Owner = await registerOwner(apiUrl, `nosite-${lang}`);
      const site = await createSite(apiUrl, owner.token, `Site ${lang}`);
      const invitee = `joiner-${lang}-${Date.now().toString(36)}@invite.test`;
      await call('POST', '/team/invitations', owner.token, { email: invitee, role: 'OPERATOR', siteIds: [site.id] });
      const link = linkIn(await waitForMail(mailboxUrl, invitee, /invit/i), `${adminUrl}/accept-invite?token=`);

      // Joining works, but the automatic sign-in's request is dropped on the way.
      const joiner = await pageIn(lang);
      await joiner.route('**/api/auth/callback/credentials**', (route) => route.abort('connectionreset'));
      await joiner.goto(link);
      const password = 'linden-and-rain-2025';
      await joiner.getByLabel(text.name).fill('Oksana Operator');
      await joiner.getByLabel(text.password).fill(password);
      await joiner.getByLabel(text.repeat).fill(password);
      await joiner.getByRole('button', { name: text.join }).click();
      await joiner.waitForURL(`${adminUrl}/login?created=1`, WAIT);
      expect(await joiner.getByTestId('login-notice').textContent()).toBe(text.created);
      await screenshot(joiner, `login-account-created-${lang}`);
      await joiner.unroute('**/api/auth/callback/credentials**');

      // The owner takes the operator's only site away: the inbox says why it stays empty.
      const members = await call<MemberDto[]>('GET', '/team/members', owner.token);
      const member = members.find((m) => m.email === invitee)!;
      await call('PATCH', `/team/members/${member.id}`, owner.token, { siteIds: [] });
      await signIn(joiner, { email: invitee, password });
      const empty = joiner.getByTestId('chat-list-empty');
      await expect.poll(() => empty.textContent(), WAIT).toBe(text.noSites);
      await screenshot(joiner, `inbox-no-sites-${lang}`);

      // An owner's empty inbox still says "No chats yet" (owners see every site).
      const ownerPage = await pageIn(lang);
      await signIn(ownerPage, owner);
      await expect.poll(() => ownerPage.getByTestId('chat-list-empty').textContent(), WAIT).toBe(text.empty);
      await joiner.context().close();
      await ownerPage.context().close();
    });
  }
});
