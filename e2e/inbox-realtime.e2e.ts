// The operator inbox over the realtime contract, in real Chromium with both UIs: the visitor's
// typing shows in the chat; the visitor's read receipt shows "Seen" under the reply; private notes
// never reach the widget; a reply written offline waits as "sending" and arrives once when the
// connection is back; header actions (assign, resolve) update the chat live; a live visitor
// shows on the Live visitors page and an operator's proactive message arrives in their widget.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import { resultsDir } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 10_000 };

const demoPage = () => `${widgetUrl}/?siteId=site_demo&apiUrl=${encodeURIComponent(apiUrl)}&language=en`;

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function signInAsDemoOperator(page: Page) {
  await page.goto(`${adminUrl}/login`);
  await page.getByLabel('Email').fill('operator@demo.chatiq.dev');
  await page.getByLabel('Password').fill('demo-operator-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${adminUrl}/inbox`);
}

/** The texts of the widget's messages by an author (rendered or not, so no visibility race). */
const widgetTexts = (page: Page, author: string) => page.locator(`.chatiq-msg[data-author="${author}"]`).allTextContents();

describe('inbox realtime', () => {
  let browser: Browser;
  let operator: Page;
  let visitor: Page;
  const stamp = Date.now();
  const firstQuestion = `Do you have red tulips? (${stamp})`;

  beforeAll(async () => {
    browser = await launchBrowser();
    operator = await newLoggedPage(browser, 'operator');
    visitor = await newLoggedPage(browser, 'visitor');
    await signInAsDemoOperator(operator);
    await operator.getByText('Live', { exact: true }).waitFor(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the visitor typing in the open chat', async () => {
    await visitor.goto(demoPage());
    await visitor.locator('.chatiq-launcher').click();
    await visitor.locator('.chatiq-input').fill(firstQuestion);
    await visitor.locator('.chatiq-send').click();

    const item = operator.getByTestId('chat-item').filter({ hasText: firstQuestion });
    await item.waitFor(WAIT);
    await item.click();
    await operator.locator('.message[data-author="visitor"]', { hasText: firstQuestion }).waitFor(WAIT);

    const indicator = operator.getByTestId('visitor-typing');
    expect(await indicator.isVisible()).toBe(false);
    await visitor.locator('.chatiq-input').pressSequentially('And white ones', { delay: 30 });
    await indicator.waitFor({ state: 'visible', ...WAIT });
    expect(await indicator.textContent()).toContain('Visitor is typing');
    await shot(operator, 'inbox-visitor-typing');
    // It goes away on its own after a few seconds without a fresh typing event.
    await indicator.waitFor({ state: 'hidden', timeout: 15_000 });
  });

  it('shows "Seen" under the reply once the visitor has read it', async () => {
    const reply = `Yes, red and white. (${stamp})`;
    const operatorReply = operator.locator('.message[data-author="operator"]', { hasText: reply });
    await operator.getByLabel('Reply').fill(reply);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await operatorReply.waitFor(WAIT);

    // The widget is open and visible, so it shows the reply and sends its read receipt.
    await expect.poll(() => widgetTexts(visitor, 'operator'), WAIT).toContainEqual(expect.stringContaining(reply));
    await operatorReply.getByTestId('seen').waitFor(WAIT);
    expect(await operator.getByTestId('seen').count()).toBe(1);
  });

  it('a private note stays with the operators', async () => {
    const note = `Customer asked twice, check stock (${stamp})`;
    await operator.getByRole('button', { name: 'Note', exact: true }).click();
    await operator.getByLabel('Private note').fill(note);
    await operator.getByRole('button', { name: 'Add note' }).click();
    const rendered = operator.locator('.message[data-internal="true"]', { hasText: note });
    await rendered.waitFor(WAIT);
    expect(await rendered.textContent()).toContain('Private note');

    // Back to replies; a reply sent after the note reaches the widget, the note never does.
    await operator.getByRole('button', { name: 'Note', exact: true }).click();
    const after = `Anything else? (${stamp})`;
    await operator.getByLabel('Reply').fill(after);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => widgetTexts(visitor, 'operator'), WAIT).toContainEqual(expect.stringContaining(after));
    const everything = await visitor.locator('.chatiq-msg').allTextContents();
    expect(everything.join('\n')).not.toContain(note);
    expect(everything.join('\n')).toContain(after);
    await shot(operator, 'inbox-note');
  });

  it('keeps a reply written offline, shows it as sending, and delivers it once when back online', async () => {
    const reply = `Written in the lift (${stamp})`;
    await operator.context().setOffline(true);
    await operator.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 30_000 });
    await operator.getByLabel('Reply').fill(reply);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    const pending = operator.locator('.message[data-status="pending"]', { hasText: reply });
    await pending.waitFor(WAIT);
    expect(await pending.textContent()).toContain('Sending…');
    expect(await operator.getByLabel('Reply').inputValue()).toBe(''); // the outbox has it now
    await shot(operator, 'inbox-outbox-pending');

    await operator.context().setOffline(false);
    await operator.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await operator.locator('.message[data-author="operator"][data-message-id]', { hasText: reply }).waitFor(WAIT);
    await pending.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => widgetTexts(visitor, 'operator'), WAIT).toContainEqual(expect.stringContaining(reply));
    // Instead of a pause for a duplicate: a later reply reaches the widget after anything sent before it.
    const later = `Back on the ground (${stamp})`;
    await operator.getByLabel('Reply').fill(later);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => widgetTexts(visitor, 'operator'), WAIT).toContainEqual(expect.stringContaining(later));
    expect((await widgetTexts(visitor, 'operator')).filter((text) => text.includes(reply))).toHaveLength(1);
    expect(await operator.locator('.message[data-author="operator"]', { hasText: reply }).count()).toBe(1);
  });

  it('assigns, unassigns and resolves the chat from its header', async () => {
    const chatId = await operator.locator('[data-testid="chat-item"][aria-current="true"]').getAttribute('data-chat-id');
    expect(chatId).toBeTruthy();
    const assignee = operator.getByTestId('chat-assignee');
    // The operator's replies made the unassigned chat theirs.
    await expect.poll(() => assignee.textContent(), WAIT).toBe('Assigned to Oleh Operator');
    await operator.getByRole('button', { name: 'Unassign', exact: true }).click();
    await expect.poll(() => assignee.textContent(), WAIT).toBe('Unassigned');
    await operator.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => assignee.textContent(), WAIT).toBe('Assigned to Oleh Operator');

    await operator.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => operator.getByTestId('chat-status').textContent(), WAIT).toBe('resolved');
    await operator.getByRole('button', { name: 'Reopen' }).waitFor(WAIT);
    // The Open list no longer shows it; the Resolved one does (loaded with ?status=RESOLVED).
    const item = operator.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
    await item.waitFor({ state: 'detached', ...WAIT });
    await operator.getByRole('button', { name: 'Resolved', exact: true }).click();
    await item.waitFor(WAIT);
    expect(await item.textContent()).toContain('resolved');
    await shot(operator, 'inbox-resolved');
  });

  it('lists a live visitor and delivers a proactive message to their widget', async () => {
    const newcomer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await newcomer.goto(demoPage());
    await newcomer.locator('.chatiq-launcher').click();
    await expect.poll(() => newcomer.evaluate(() => localStorage.getItem('chatiq_visitor_id')), WAIT).toMatch(/.+/);
    const visitorId = (await newcomer.evaluate(() => localStorage.getItem('chatiq_visitor_id'))) ?? '';

    await operator.getByRole('link', { name: 'Live visitors' }).click();
    await operator.waitForURL(`${adminUrl}/visitors`);
    const row = operator.locator(`[data-testid="live-visitor"][data-visitor-id="${visitorId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toMatch(/\d+(s|m)/);
    await expect.poll(() => row.textContent(), WAIT).toContain('Demo site');
    await shot(operator, 'live-visitors');

    const text = `Hi! Can I help you pick a bouquet? (${stamp})`;
    await row.getByRole('button', { name: 'Message' }).click();
    await operator.getByLabel(/Message to/).fill(text);
    await operator.getByRole('button', { name: 'Send message' }).click();
    await operator.waitForURL(/\/inbox\?chat=/, WAIT);
    await operator.locator('.message[data-author="operator"]', { hasText: text }).waitFor(WAIT);

    await expect.poll(() => widgetTexts(newcomer, 'operator'), WAIT).toContainEqual(expect.stringContaining(text));
    await shot(newcomer, 'widget-proactive');
  });
});
