// Automation in the widget, in real Chromium against the running API: the welcome message as the
// first bubble of a new conversation (shown once, not stored, not repeated on a reconnect or in
// another tab, in the visitor's language); business hours (offline in the header, the off-hours
// message and the email form, a message left that way, the status flipping live); and
// "Email me this conversation" (the mail arrives, read from the test mailbox).
import type { BusinessHoursDto, ChatSummaryDto, MessageDto, WelcomeMessagesDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { waitForMail } from './support/mailbox.js';
import {
  demoPageUrl,
  focusedInWidget,
  openWidget,
  rest,
  sendFromWidget,
  type VisitorPage,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const mailboxUrl = inject('mailboxUrl');

const WELCOME_EN = 'Welcome to Lumen Lamps! Ask us anything about our lights.';
const WELCOME_UK = 'Вітаємо в Lumen Lamps! Питайте про наші світильники.';
const OFF_HOURS = 'We are closed for the holidays and back on Monday.';

describe('widget automation', () => {
  let browser: Browser;
  let test: WidgetTestSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'automation');
    await rest<WelcomeMessagesDto>(apiUrl, 'PUT', `/sites/${test.site.id}/welcome-messages`, {
      token: test.owner.token,
      body: {
        messages: [
          { language: '*', text: WELCOME_EN },
          { language: 'uk', text: WELCOME_UK },
        ],
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const chats = () => rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token });
  const visitorIdOf = (page: VisitorPage) => page.evaluate(() => localStorage.getItem('chatiq_visitor_id'));
  const setHours = (body: unknown) =>
    rest<BusinessHoursDto>(apiUrl, 'PUT', `/sites/${test.site.id}/business-hours`, { token: test.owner.token, body });

  describe('welcome message', () => {
    it('is the first bubble of a new conversation, once, also after a reconnect and in another tab; never stored', async () => {
      const page = await visitorPage(browser, 'welcome');
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(page);
      const welcome = page.locator('.chatiq-welcome');
      await welcome.waitFor({ timeout: 10_000 });
      expect(await welcome.textContent()).toBe(WELCOME_EN);
      expect(await page.locator('.chatiq-greeting').isHidden()).toBe(true);
      // The first bubble of the list, before any message (and not one of the chat's messages).
      const firstBubbleIsWelcome = () =>
        page
          .locator('.chatiq-messages :is(.chatiq-welcome, .chatiq-msg)')
          .first()
          .evaluate((el) => el.classList.contains('chatiq-welcome') && !el.classList.contains('chatiq-msg'));
      expect(await firstBubbleIsWelcome()).toBe(true);

      // A reconnect greets again: the same bubble, not a second one.
      await page.context().setOffline(true);
      await page.locator('.chatiq-banner', { hasText: 'No connection' }).waitFor({ timeout: 15_000 });
      await page.context().setOffline(false);
      await page.locator('.chatiq-banner').waitFor({ state: 'hidden', timeout: 20_000 });
      expect(await page.locator('.chatiq-welcome').count()).toBe(1);
      expect(await page.getByText(WELCOME_EN).count()).toBe(1);

      // Another tab of the same visitor has its own, once.
      const other = await page.context().newPage();
      await other.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(other);
      await other.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
      expect(await other.getByText(WELCOME_EN).count()).toBe(1);
      expect(await page.getByText(WELCOME_EN).count()).toBe(1);

      // Not stored: the chat the visitor starts holds their message only.
      await sendFromWidget(page, 'Do you have brass lamps?');
      expect(await firstBubbleIsWelcome()).toBe(true);
      const visitorId = await visitorIdOf(page);
      const chat = (await chats()).find((c) => c.visitor.id === visitorId)!;
      const messages = await rest<MessageDto[]>(apiUrl, 'GET', `/chats/${chat.id}/messages`, { token: test.owner.token });
      expect(messages.map((m) => m.text)).not.toContain(WELCOME_EN);
      expect(messages.filter((m) => m.authorKind === 'VISITOR').map((m) => m.text)).toEqual(['Do you have brass lamps?']);
      await other.close();
    });

    it("is in the visitor's language, with the widget's own strings", async () => {
      const page = await visitorPage(browser, 'welcome-uk', { locale: 'uk-UA' });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language: '' }));
      await openWidget(page);
      await page.locator('.chatiq-welcome').waitFor({ timeout: 10_000 });
      expect(await page.locator('.chatiq-welcome').textContent()).toBe(WELCOME_UK);
      expect(await page.locator('.chatiq-input').getAttribute('placeholder')).toBe('Введіть повідомлення…');
      expect(await page.locator('.chatiq-attach').getAttribute('aria-label')).toBe('Прикріпити файл');
      // Within hours, nobody of the team signed in: "away", in the visitor's language.
      await expect.poll(() => page.locator('.chatiq-presence').textContent(), { timeout: 10_000 }).toBe('Відповідь може забаритися');
    });
  });

  describe('business hours', () => {
    it('while closed: offline in the header, the off-hours message and an email form; a message left there reaches the team', async () => {
      await setHours({ timezone: 'Europe/Kyiv', enabled: true, weekly: [], exceptions: [], offHoursMessage: OFF_HOURS });
      const page = await visitorPage(browser, 'closed');
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(page);
      const presence = page.locator('.chatiq-presence');
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Offline');
      expect(await page.locator('.chatiq-offhours-text').textContent()).toBe(OFF_HOURS);
      const form = page.locator('.chatiq-offhours form');
      expect(await form.isVisible()).toBe(true);

      // Email required: the error is announced and the focus goes to the field.
      await form.getByLabel('Name (optional)').fill('Marta');
      await form.getByLabel('Your message').fill('Please call me about the brass floor lamp.');
      await form.getByRole('button', { name: 'Leave a message' }).click();
      const email = form.getByLabel('Email');
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#chatiq-offhours-email-error').textContent()).toBe('Enter your email address.');
      expect(await focusedInWidget(page)).toBe('input[name=email].chatiq-field');

      await email.fill('marta@example.com');
      await form.getByRole('button', { name: 'Leave a message' }).click();
      const confirmation = page.locator('.chatiq-offhours-done');
      await confirmation.waitFor({ timeout: 10_000 });
      expect(await confirmation.textContent()).toBe('Thank you! We will reply to marta@example.com.');
      expect(await form.isHidden()).toBe(true);
      expect(await focusedInWidget(page)).toBe('p.chatiq-offhours-done');
      await page
        .locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: 'Please call me about the brass floor lamp.' })
        .waitFor();

      // The team's inbox has it, with who wrote it, marked for a follow-up.
      const visitorId = await visitorIdOf(page);
      await expect
        .poll(async () => (await chats()).find((c) => c.visitor.id === visitorId), { timeout: 10_000 })
        .toMatchObject({
          visitor: { name: 'Marta', email: 'marta@example.com' },
          lastMessage: { text: 'Please call me about the brass floor lamp.' },
          followUpAt: expect.any(String),
        });

      // Opening the hours flips the widget to open, live (nobody of the team is signed in: "away").
      await setHours({ timezone: 'Europe/Kyiv', enabled: false, weekly: [], exceptions: [], offHoursMessage: OFF_HOURS });
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Replies may take a while');
      expect(await page.locator('.chatiq-offhours').isHidden()).toBe(true);
    });

    it('"Email me this conversation" mails the transcript to the address the visitor gives', async () => {
      // The visitor's browser in Kathmandu: the mail's times are in the visitor's zone.
      const page = await visitorPage(browser, 'transcript', { timezoneId: 'Asia/Kathmandu' });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(page);
      await sendFromWidget(page, 'What is the warranty on the Amber table lamp?');
      const action = page.getByRole('button', { name: 'Email me this conversation' });
      await action.click();
      // The form is a chunk of its own, loaded on this first click.
      await expect.poll(() => action.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => focusedInWidget(page)).toBe('input[name=email].chatiq-field');
      const address = `visitor-${Date.now().toString(36)}@example.com`;
      await page.locator('#chatiq-transcript-email').fill(address);
      await page.locator('.chatiq-transcript').getByRole('button', { name: 'Send' }).click();
      const feedback = page.locator('#chatiq-transcript-feedback');
      await expect.poll(() => feedback.textContent(), { timeout: 10_000 }).toBe(`The conversation was sent to ${address}.`);
      const mail = await waitForMail(mailboxUrl, address, /Your conversation with/);
      expect(mail.text).toContain('What is the warranty on the Amber table lamp?');
      expect(mail.text).toMatch(/\nTimes in Asia\/Kath?mandu\n/); // Chromium names it by its older alias

      // A wrong address is caught before it goes out, with the focus back in the field.
      await page.locator('#chatiq-transcript-email').fill('not-an-address');
      await page.locator('.chatiq-transcript').getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => feedback.textContent()).toBe('This email address does not look right.');
      expect(await feedback.getAttribute('data-tone')).toBe('error');
      expect(await page.locator('#chatiq-transcript-email').getAttribute('aria-invalid')).toBe('true');
    });
  });
});
