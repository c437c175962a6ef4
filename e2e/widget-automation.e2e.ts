// Automation in the widget, in real Chromium against the running API: the welcome message as the
// first bubble of a new conversation (shown once, not stored, not repeated on a reconnect or in
// another tab, in the visitor's language); business hours (offline in the header, the off-hours
// notice, the composer as the only way to write and the email asked once, inline, after the first
// message, in English and Ukrainian; the chat in the operator's inbox with the email; the status
// flipping live); and
// "Email me this conversation" (the mail arrives, read from the test mailbox).
import type { BusinessHoursDto, ChatSummaryDto, MessageDto, WelcomeMessagesDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, signInPage } from './support/accounts.js';
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
const adminUrl = inject('adminUrl');
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
    it('while closed: one composer; the email asked once, inline, after the first message; the chat reaches the inbox with it', async () => {
      await setHours({ timezone: 'Europe/Kyiv', enabled: true, weekly: [], exceptions: [], offHoursMessage: OFF_HOURS });
      const page = await visitorPage(browser, 'closed');
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(page);
      const presence = page.locator('.chatiq-presence');
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Offline');
      await expect.poll(() => page.locator('.chatiq-offhours').textContent()).toBe(OFF_HOURS);
      // One way to write: the composer. No second form, and no email asked before the visitor writes.
      expect(await page.locator('.chatiq-panel form:visible').count()).toBe(1);
      expect(await page.locator('.chatiq-panel textarea').count()).toBe(1);
      const prompt = page.locator('.chatiq-email-prompt');
      expect(await prompt.isHidden()).toBe(true);

      await sendFromWidget(page, 'Please call me about the brass floor lamp.');
      const email = page.getByRole('textbox', { name: 'Leave your email so we can get back to you:' });
      await email.waitFor();
      // The prompt sits in the conversation, under the message; the composer is still the only message box.
      expect(await page.locator('.chatiq-messages .chatiq-email-prompt').count()).toBe(1);
      expect(await page.locator('.chatiq-panel textarea').count()).toBe(1);
      await screenshot(page, 'widget-offhours-prompt-en');

      // An empty address: said under the field, which takes the focus.
      await prompt.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#chatiq-email-prompt-error').textContent()).toBe('Enter your email address.');
      expect(await focusedInWidget(page)).toBe('input[name=email].chatiq-field');

      await email.fill('marta@example.com');
      await prompt.getByRole('button', { name: 'Save' }).click();
      const confirmation = page.locator('.chatiq-email-left');
      await confirmation.waitFor({ timeout: 10_000 });
      expect(await confirmation.textContent()).toBe('Thank you! We will answer here, and we can reach you at marta@example.com.');
      expect(await prompt.isHidden()).toBe(true);
      expect(await focusedInWidget(page)).toBe('textarea.chatiq-input'); // back to chatting
      await screenshot(page, 'widget-offhours-saved-en');
      await sendFromWidget(page, 'The one with the green shade.');
      expect(await prompt.isHidden()).toBe(true);

      // The team's inbox has both messages as ordinary ones, with the visitor's email, marked for a follow-up.
      const visitorId = await visitorIdOf(page);
      await expect
        .poll(async () => (await chats()).find((c) => c.visitor.id === visitorId), { timeout: 10_000 })
        .toMatchObject({
          visitor: { email: 'marta@example.com' },
          lastMessage: { text: 'The one with the green shade.' },
          followUpAt: expect.any(String),
        });
      const chat = (await chats()).find((c) => c.visitor.id === visitorId);
      const operator = await visitorPage(browser, 'closed-operator');
      await signInPage(operator, adminUrl, test.owner);
      await operator.goto(`${adminUrl}/inbox?chat=${chat?.id}`);
      const messages = operator.locator('.messages'); // the open chat's (the list shows the last one too)
      await messages.getByText('Please call me about the brass floor lamp.').waitFor({ timeout: 15_000 });
      await messages.getByText('The one with the green shade.').waitFor();
      expect(await operator.getByTestId('visitor-panel').getByTestId('visitor-email').textContent()).toBe('marta@example.com');
      await operator.context().close();

      // The email is the visitor's now: the next visit does not ask again.
      await page.reload();
      await openWidget(page);
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Offline');
      await sendFromWidget(page, 'Any news?');
      expect(await page.locator('.chatiq-offhours').isVisible()).toBe(true); // the chunk is there
      expect(await prompt.isHidden()).toBe(true);
      expect(await confirmation.isHidden()).toBe(true);

      // Opening the hours flips the widget to open, live (nobody of the team is signed in: "away").
      await setHours({ timezone: 'Europe/Kyiv', enabled: false, weekly: [], exceptions: [], offHoursMessage: OFF_HOURS });
      await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Replies may take a while');
      expect(await page.locator('.chatiq-offhours').isHidden()).toBe(true);
    });

    it('while closed, in Ukrainian: the default notice, the prompt, "Не зараз" and a wrong address, all in the language', async () => {
      await setHours({ timezone: 'Europe/Kyiv', enabled: true, weekly: [], exceptions: [], offHoursMessage: null });
      const page = await visitorPage(browser, 'closed-uk', { locale: 'uk-UA' });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language: '' }));
      await openWidget(page);
      await expect.poll(() => page.locator('.chatiq-presence').textContent(), { timeout: 10_000 }).toBe('Офлайн');
      await expect
        .poll(() => page.locator('.chatiq-offhours').textContent())
        .toBe('Зараз ми не на зв’язку. Напишіть нам — ми відповімо тут, щойно повернемося.');
      expect(await page.locator('.chatiq-panel form:visible').count()).toBe(1);

      await sendFromWidget(page, 'Чи є лампа в наявності?');
      const prompt = page.locator('.chatiq-email-prompt');
      const email = page.getByRole('textbox', { name: 'Залиште email, щоб ми могли вам відповісти:' });
      await email.waitFor();
      await email.fill('не-адреса');
      await prompt.getByRole('button', { name: 'Зберегти' }).click();
      await expect
        .poll(() => page.locator('#chatiq-email-prompt-error').textContent())
        .toBe('Схоже, адреса електронної пошти неправильна.');
      await screenshot(page, 'widget-offhours-prompt-uk');

      // "Not now": the prompt goes, the focus is back in the composer, and the next message does not bring it back.
      await prompt.getByRole('button', { name: 'Не зараз' }).click();
      await expect.poll(() => prompt.isHidden()).toBe(true);
      expect(await focusedInWidget(page)).toBe('textarea.chatiq-input');
      await sendFromWidget(page, 'Напишіть, будь ласка.');
      expect(await prompt.isHidden()).toBe(true);
      expect(await page.locator('.chatiq-panel form:visible').count()).toBe(1);
      const visitorId = await visitorIdOf(page);
      await expect
        .poll(async () => (await chats()).find((c) => c.visitor.id === visitorId), { timeout: 10_000 })
        .toMatchObject({ visitor: { email: null }, lastMessage: { text: 'Напишіть, будь ласка.' } });
    });

    it('while closed, a visitor who gave their email before (here: for a transcript) is not asked', async () => {
      await setHours({ timezone: 'Europe/Kyiv', enabled: true, weekly: [], exceptions: [], offHoursMessage: OFF_HOURS });
      const page = await visitorPage(browser, 'closed-known');
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
      await openWidget(page);
      await expect.poll(() => page.locator('.chatiq-presence').textContent(), { timeout: 10_000 }).toBe('Offline');
      // The inline prompt is there after the first message; the transcript form gives the email instead.
      await sendFromWidget(page, 'Do you ship to Lviv?');
      const prompt = page.locator('.chatiq-email-prompt');
      await prompt.waitFor();
      await page.getByRole('button', { name: 'Email me this conversation' }).click();
      await page.locator('#chatiq-transcript-email').fill(`known-${Date.now().toString(36)}@example.com`);
      await page.locator('.chatiq-transcript').getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => prompt.isHidden(), { timeout: 10_000 }).toBe(true);
      expect(await page.locator('.chatiq-email-left').isHidden()).toBe(true); // not left with the prompt: nothing to confirm there
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
