// The operator inbox's tools in real Chromium: a "/" quick template rendered with the chat's
// variables and sent; a chat transferred to another operator, and by an operator to a colleague
// (the site's colleagues from GET /team/colleagues, for every role); files sent from the composer that
// reach the visitor (a visitor speaking the widget protocol downloads them) and files refused
// before upload; the copilot explaining politely that the site has no AI; the unread count in the
// tab's title.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type ChatSummaryDto, type ColleagueDto, type MessageDto, widgetAttachmentPath } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, DEMO_OPERATOR, DEMO_OWNER, demoSite, login, signIn, type Visitor } from './support/inbox-support.js';
import { newLoggedPage } from './support/pages.js';
import { resultsDir } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 15_000 };

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Waits until the visitor has received an operator message matching `match`. */
async function received(visitor: Visitor, match: (m: MessageDto) => boolean): Promise<MessageDto> {
  await expect.poll(() => visitor.received.some(match), WAIT).toBe(true);
  return visitor.received.find(match)!;
}

async function openChat(page: Page, text: string) {
  const item = page.getByTestId('chat-item').filter({ hasText: text });
  await item.waitFor(WAIT);
  await item.click();
  await page.locator('.message[data-author="visitor"]', { hasText: text }).waitFor(WAIT);
}

describe('inbox tools', () => {
  let browser: Browser;
  let operator: Page;
  let ownerToken: string;
  let operatorToken: string;
  let siteId: string;
  const visitors: Visitor[] = [];
  const stamp = Date.now();

  beforeAll(async () => {
    ownerToken = (await login(apiUrl, DEMO_OWNER)).accessToken;
    operatorToken = (await login(apiUrl, DEMO_OPERATOR)).accessToken;
    siteId = (await demoSite(apiUrl, ownerToken)).id;
    browser = await launchBrowser();
    operator = await newLoggedPage(browser, 'operator');
    await signIn(operator, adminUrl, DEMO_OPERATOR);
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await browser?.close();
  });

  async function newVisitor(name: string): Promise<Visitor> {
    const visitor = await connectVisitor(apiUrl, 'site_demo', widgetUrl, name);
    visitors.push(visitor);
    return visitor;
  }

  it('inserts a "/" quick template rendered for the chat, and sends it', async () => {
    // Two templates of the site: the picker offers both for the common prefix, in order.
    const prefix = `/t${stamp}`;
    await call(apiUrl, 'POST', '/templates', {
      token: ownerToken,
      body: { siteId, shortcut: `${prefix}a`, text: 'Hello {visitor.name}, how can I help?' },
    });
    await call(apiUrl, 'POST', '/templates', {
      token: ownerToken,
      body: { siteId, shortcut: `${prefix}b`, text: 'Thanks {visitor.name}! {operator.name} from {site.name} here. Order {order.id}.' },
    });
    const visitor = await newVisitor('Iryna Visitor');
    const question = `Where is my order? (${stamp})`;
    await visitor.say(question);
    await openChat(operator, question);

    const reply = operator.getByLabel('Reply');
    await reply.click();
    await reply.pressSequentially(prefix, { delay: 20 });
    const options = operator.getByTestId('template-option');
    await expect.poll(() => options.count(), WAIT).toBe(2);
    expect(await options.nth(0).textContent()).toContain(`${prefix}a`);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await shot(operator, 'inbox-template-picker');

    // Arrow down to the second one; Enter inserts it, rendered, without sending.
    await reply.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await reply.press('Enter');
    const rendered = 'Thanks Iryna Visitor! Oleh Operator from Demo site here. Order {order.id}.';
    await expect.poll(() => reply.inputValue(), WAIT).toBe(rendered);
    expect(await options.count()).toBe(0);
    expect(visitor.received.some((m) => m.text === rendered)).toBe(false);

    // Typing on narrows the picker; Escape closes it, and Enter sends the message.
    await reply.press('End');
    await reply.pressSequentially(` ${prefix}b`, { delay: 20 });
    await expect.poll(() => options.count(), WAIT).toBe(1);
    await reply.press('Escape');
    await expect.poll(() => operator.getByTestId('template-picker').count(), WAIT).toBe(0);
    await reply.press('Enter');
    const sent = `${rendered} ${prefix}b`;
    // Stored (it has an id; a "Sending…" copy has none) and delivered; the composer is empty again.
    await operator.locator('.message[data-author="operator"][data-message-id]', { hasText: sent }).waitFor(WAIT);
    await received(visitor, (m) => m.text === sent);
    await expect.poll(() => reply.inputValue(), WAIT).toBe('');
  });

  it('renders a template for an anonymous visitor: the fallback in the preview and the composer, a missing value dropped with its comma', async () => {
    const prefix = `/anon${stamp}`;
    await call(apiUrl, 'POST', '/templates', {
      token: ownerToken,
      body: { siteId, shortcut: `${prefix}en`, text: 'Hi {visitor.name|there}, how can I help?' },
    });
    await call(apiUrl, 'POST', '/templates', {
      token: ownerToken,
      body: { siteId, shortcut: `${prefix}uk`, text: 'Вітаємо, {visitor.name}! Чим допомогти, {visitor.name|друже}?' },
    });
    const visitor = await newVisitor('');
    const question = `Anyone there? (${stamp})`;
    await visitor.say(question);
    await openChat(operator, question);

    const reply = operator.getByLabel('Reply');
    await reply.click();
    await reply.pressSequentially(`${prefix}en`, { delay: 20 });
    const option = operator.getByTestId('template-option');
    await expect.poll(() => option.count(), WAIT).toBe(1);
    // The picker previews what will be inserted for this visitor.
    expect(await option.locator('.template-preview').textContent()).toBe('Hi there, how can I help?');
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue(), WAIT).toBe('Hi there, how can I help?');

    await reply.fill('');
    await reply.pressSequentially(`${prefix}uk`, { delay: 20 });
    await expect.poll(() => option.count(), WAIT).toBe(1);
    expect(await option.locator('.template-preview').textContent()).toBe('Вітаємо! Чим допомогти, друже?');
    await shot(operator, 'inbox-template-fallback');
    await reply.press('Tab');
    await expect.poll(() => reply.inputValue(), WAIT).toBe('Вітаємо! Чим допомогти, друже?');
    await reply.fill('');
  });

  it('transfers a chat to another operator', async () => {
    const owner = await newLoggedPage(browser, 'owner');
    await signIn(owner, adminUrl, DEMO_OWNER);
    const visitor = await newVisitor('Taras Visitor');
    const question = `Can someone call me back? (${stamp})`;
    await visitor.say(question);
    await openChat(owner, question);
    // Opening reads: the chat stays unassigned, in its header and in the list.
    const listed = owner.locator('[data-testid="chat-item"][aria-current="true"]');
    expect(await owner.getByTestId('chat-assignee').textContent()).toBe('Unassigned');
    expect(await listed.locator('.chat-item-site').textContent()).not.toContain('Olena Owner');
    const stored = await call<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: ownerToken });
    expect(stored.find((c) => c.lastMessage?.text === question)?.assignedOperatorId).toBeNull();
    await shot(owner, 'inbox-opened-unassigned');
    // "Assign to me" assigns it.
    await owner.getByTestId('assign-to-me').click();
    await expect.poll(() => owner.getByTestId('chat-assignee').textContent(), WAIT).toBe('Assigned to Olena Owner');
    await expect.poll(() => listed.locator('.chat-item-site').textContent(), WAIT).toContain('Olena Owner');

    await owner.getByLabel('Transfer to').selectOption({ label: DEMO_OPERATOR.name });
    await expect.poll(() => owner.getByTestId('chat-assignee').textContent(), WAIT).toBe(`Assigned to ${DEMO_OPERATOR.name}`);
    const chatId = await owner.locator('[data-testid="chat-item"][aria-current="true"]').getAttribute('data-chat-id');
    await shot(owner, 'inbox-transferred');

    // The operator's inbox shows it as theirs, live; the API agrees.
    const item = operator.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
    await expect.poll(() => item.textContent(), WAIT).toContain(DEMO_OPERATOR.name);
    const chats = await call<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: operatorToken });
    const me = (await login(apiUrl, DEMO_OPERATOR)).user.id;
    expect(chats.find((c) => c.id === chatId)?.assignedOperatorId).toBe(me);
    await owner.context().close();
  });

  it("an operator transfers a chat to a colleague: the select offers the site's colleagues", async () => {
    const visitor = await newVisitor('Bohdan Visitor');
    const question = `Please pass me to the owner (${stamp})`;
    await visitor.say(question);
    await openChat(operator, question);
    expect(await operator.getByTestId('chat-assignee').textContent()).toBe('Unassigned'); // opening assigns nothing

    // Everyone who may take the site's chats, except the operator themselves.
    const me = (await login(apiUrl, DEMO_OPERATOR)).user.id;
    const colleagues = await call<ColleagueDto[]>(apiUrl, 'GET', `/team/colleagues?siteId=${siteId}`, { token: operatorToken });
    const expected = colleagues.filter((c) => c.id !== me).map((c) => c.name);
    expect(expected).toContain(DEMO_OWNER.name);
    const select = operator.getByLabel('Transfer to');
    await select.waitFor(WAIT);
    const offered = await select.locator('option:not([value=""])').allTextContents();
    expect([...offered].sort()).toEqual([...expected].sort());

    await select.selectOption({ label: DEMO_OWNER.name });
    await expect.poll(() => operator.getByTestId('chat-assignee').textContent(), WAIT).toBe(`Assigned to ${DEMO_OWNER.name}`);
    const chatId = await operator.locator('[data-testid="chat-item"][aria-current="true"]').getAttribute('data-chat-id');
    const chats = await call<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: ownerToken });
    expect(chats.find((c) => c.id === chatId)?.assignedOperatorName).toBe(DEMO_OWNER.name);
    await shot(operator, 'inbox-operator-transferred');
  });

  it('sends files from the composer to the visitor, and refuses what cannot be sent', async () => {
    const visitor = await newVisitor('Petro Visitor');
    const question = `Can you send me the price list? (${stamp})`;
    await visitor.say(question);
    await openChat(operator, question);
    const input = operator.getByTestId('attachment-input');

    // An image: shown inline in the inbox, received and downloadable by the visitor.
    await input.setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: PNG });
    const image = operator.locator('.message[data-author="operator"]').getByTestId('attachment-image');
    await image.waitFor(WAIT);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), WAIT).toBe(1);
    const png = await received(visitor, (m) => m.attachment?.name === 'swatch.png');
    expect(png.attachment).toMatchObject({ type: 'image/png', size: PNG.length });
    const download = await fetch(`${apiUrl}${widgetAttachmentPath(png.id, { siteId: 'site_demo', visitorId: visitor.visitorId })}`, {
      headers: { origin: widgetUrl },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    // A text file: a download link in the inbox.
    const csv = `item,price\nroses,12\n(${stamp})\n`;
    await input.setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const link = operator.getByTestId('attachment-link').filter({ hasText: 'prices.csv' });
    await link.waitFor(WAIT);
    const sentCsv = await received(visitor, (m) => m.attachment?.name === 'prices.csv');
    expect(sentCsv.attachment?.type).toBe('text/csv');
    const csvDownload = await fetch(`${apiUrl}${widgetAttachmentPath(sentCsv.id, { siteId: 'site_demo', visitorId: visitor.visitorId })}`, {
      headers: { origin: widgetUrl },
    });
    expect(await csvDownload.text()).toBe(csv);
    await shot(operator, 'inbox-attachments');

    // Refused before uploading: a type the server never takes, an empty file, one over the limit (it says the limit).
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 32) });
    await expect
      .poll(() => operator.getByTestId('upload-error').textContent(), WAIT)
      .toContain('The file scan.pdf is too large (max 10 MB).');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect.poll(() => operator.getByTestId('upload-error').textContent(), WAIT).toContain('setup.exe cannot be sent');
    await input.setInputFiles({ name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await expect.poll(() => operator.getByTestId('upload-error').textContent(), WAIT).toContain('empty.pdf is empty');
    // Refused by the server, by content: a "PNG" that is not one.
    await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html>not an image</html>') });
    await expect.poll(() => operator.getByTestId('upload-error').textContent(), WAIT).toContain('fake.png cannot be sent');
    await shot(operator, 'inbox-attachment-refused');
    expect(visitor.received.filter((m) => m.attachment).map((m) => m.attachment?.name)).toEqual(['swatch.png', 'prices.csv']);
  });

  it('explains politely when the site has no AI to suggest a reply', async () => {
    // The operator cannot read AI settings, so the button is offered and the API says no (409).
    await operator.getByRole('button', { name: 'Suggest reply' }).click();
    await expect.poll(() => operator.getByTestId('suggest-error').textContent(), WAIT).toContain('not set up for this site');
    expect(await operator.getByLabel('Reply').inputValue()).toBe('');
  });

  it("counts unread visitor messages of other chats in the tab's title", async () => {
    const unread = async () => Number((/^\((\d+)\)/.exec(await operator.title()) ?? [])[1] ?? 0);
    const before = await unread();
    const visitor = await newVisitor('Halyna Visitor');
    await visitor.say(`Hello, anyone there? (${stamp})`);
    await expect.poll(unread, WAIT).toBe(before + 1);
    await visitor.say(`Still waiting (${stamp})`);
    await expect.poll(unread, WAIT).toBe(before + 2);
    await openChat(operator, `Still waiting (${stamp})`);
    await expect.poll(unread, WAIT).toBe(before);
  });

  it('speaks Ukrainian when the operator chose it, with no untranslated text', async () => {
    await operator.context().addCookies([{ name: 'chatiq_locale', value: 'uk', url: adminUrl }]);
    await operator.reload();
    await operator.getByText('Онлайн', { exact: true }).waitFor(WAIT);
    await openChat(operator, `Still waiting (${stamp})`);
    await operator.getByRole('button', { name: 'Надіслати', exact: true }).waitFor(WAIT);
    await operator.getByLabel('Відповідь').pressSequentially('/', { delay: 20 });
    await operator.getByTestId('template-picker').waitFor(WAIT);
    const text = (await operator.locator('.inbox').textContent()) ?? '';
    expect(text).toContain('Потрібна людина');
    expect(text).not.toMatch(/\binbox\.[a-zA-Z]/);
    await shot(operator, 'inbox-uk');
    await operator.context().clearCookies({ name: 'chatiq_locale' });
  });
});
