// Attachments in the widget, in real Chromium against the running API: a file the visitor picks,
// drops on the panel or pastes reaches the operators (an admin socket) and can be downloaded; the
// upload's progress shows while it goes; the server's refusals (type, size) are said clearly; an
// operator's image shows inline in the widget and their PDF as a download link.
import type { AttachmentMessageDto, AttachmentUploadResult, ChatSummaryDto, MessageCreatedPayload } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tinyPdf, tinyPng } from '../api-server/src/uploads/test-files.js';
import { launchBrowser } from './support/browser.js';
import {
  type AdminClient,
  connectAdmin,
  demoPageUrl,
  emitOk,
  nextEvent,
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

describe('widget attachments', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let admin: AdminClient;
  let visitor: VisitorPage;
  let chatId: string;

  /** The visitor's message carrying the file `name` (a link or upload naming it, or an image with it as its text alternative). */
  const visitorFile = (name: string) =>
    visitor
      .locator('.chatiq-msg[data-author="visitor"]')
      .filter({ has: visitor.locator('.chatiq-file', { hasText: name }).or(visitor.locator(`.chatiq-file img[alt="${name}"]`)) });
  const createdWith = (name: string) =>
    nextEvent<MessageCreatedPayload>(admin, 'message:created', (p) => p.message.chatId === chatId && p.message.attachment?.name === name);

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'attachments');
    admin = await connectAdmin(apiUrl, test.owner.token);
    visitor = await visitorPage(browser, 'visitor');
    await visitor.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(visitor);
    await sendFromWidget(visitor, 'I will send you my receipt');
    const chats = await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token });
    chatId = chats.find((c) => c.lastMessage?.text === 'I will send you my receipt')!.id;
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  it('a file the visitor picks shows its progress, reaches the operators and can be downloaded', async () => {
    // A real PNG header and a megabyte after it, sent through a slow uplink so the progress shows.
    const bigPng = Buffer.concat([tinyPng(), Buffer.alloc(1024 * 1024, 1)]);
    const cdp = await visitor.context().newCDPSession(visitor);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    const reachesOperators = createdWith('photo.png');

    await visitor
      .locator('.chatiq-composer input[type="file"]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: bigPng });
    const progress = visitor.locator('.chatiq-msg[data-status="pending"] progress');
    await progress.waitFor({ timeout: 5_000 });
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await progress.getAttribute('aria-label')).toMatch(/^Uploading… \d+%$/);

    const { message } = await reachesOperators;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(message).toMatchObject({ authorKind: 'VISITOR', attachment: { name: 'photo.png', type: 'image/png', size: bigPng.length } });
    await visitorFile('photo.png').and(visitor.locator('[data-status="sent"]')).waitFor({ timeout: 10_000 });
    expect(await visitor.locator('.chatiq-msg progress').count()).toBe(0);
    expect(await visitorFile('photo.png').count()).toBe(1);

    // The operator downloads the very bytes.
    const stored = await fetch(`${apiUrl}/attachments/${message.id}`, { headers: { authorization: `Bearer ${test.owner.token}` } });
    expect(stored.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await stored.arrayBuffer()), bigPng)).toBe(0);
    // In the widget the visitor's own image shows inline, loaded from the API.
    const image = visitorFile('photo.png').locator('img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1);
  });

  it('a file dropped on the panel and an image pasted into the composer are sent too', async () => {
    const dropped = createdWith('dropped.pdf');
    await visitor.evaluate(
      (bytes) => {
        const panel = document.getElementById('chatiq-widget-host')!.shadowRoot!.querySelector('.chatiq-panel')!;
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' }));
        panel.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
        (window as unknown as { dropZoneShown: boolean }).dropZoneShown = !panel.querySelector<HTMLElement>('.chatiq-drop')!.hidden;
        panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [...tinyPdf()],
    );
    expect(await visitor.evaluate(() => (window as unknown as { dropZoneShown: boolean }).dropZoneShown)).toBe(true);
    expect((await dropped).message.attachment).toMatchObject({ name: 'dropped.pdf', type: 'application/pdf' });
    await visitorFile('dropped.pdf').locator('a.chatiq-file-link').waitFor({ timeout: 10_000 });
    expect(await visitor.locator('.chatiq-drop').isHidden()).toBe(true);

    const pasted = nextEvent<MessageCreatedPayload>(
      admin,
      'message:created',
      (p) => p.message.chatId === chatId && p.message.attachment?.type === 'image/png' && p.message.attachment.name !== 'photo.png',
    );
    await visitor.locator('.chatiq-input').fill('see the screenshot');
    await visitor.evaluate(
      (bytes) => {
        const input = document.getElementById('chatiq-widget-host')!.shadowRoot!.querySelector('.chatiq-input')!;
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [...tinyPng()],
    );
    expect((await pasted).message.attachment).toMatchObject({ name: 'image.png', type: 'image/png' });
    // Pasting a file leaves the text being written alone.
    expect(await visitor.locator('.chatiq-input').inputValue()).toBe('see the screenshot');
  });

  it('says clearly when the server refuses a file for its type or its size, and lets the visitor remove it', async () => {
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0)]);
    await visitor
      .locator('.chatiq-composer input[type="file"]')
      .setInputFiles({ name: 'invoice.pdf.exe', mimeType: 'application/pdf', buffer: executable });
    const refusedType = visitorFile('invoice.pdf.exe');
    await refusedType.locator('.chatiq-msg-error').waitFor({ timeout: 10_000 });
    expect(await refusedType.locator('.chatiq-msg-error').textContent()).toBe(
      'This type of file cannot be sent. You can send images (PNG, JPEG, GIF, WebP), PDF and text files.',
    );
    expect(await refusedType.getAttribute('data-status')).toBe('failed');

    const huge = Buffer.concat([tinyPdf(), Buffer.alloc(11 * 1024 * 1024, 32)]); // over the API's 10 MB
    await visitor
      .locator('.chatiq-composer input[type="file"]')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: huge });
    const refusedSize = visitorFile('scan.pdf');
    await refusedSize.locator('.chatiq-msg-error').waitFor({ timeout: 20_000 });
    expect(await refusedSize.locator('.chatiq-msg-error').textContent()).toBe('The file is too large (max 10 MB).'); // the server's limit

    await refusedType.getByRole('button', { name: 'Remove' }).click();
    await refusedType.waitFor({ state: 'detached' });
    expect(await visitorFile('scan.pdf').count()).toBe(1);
    // Nothing of them reached the chat.
    const messages = await rest<AttachmentMessageDto[]>(apiUrl, 'GET', `/chats/${chatId}/messages`, { token: test.owner.token });
    expect(messages.map((m) => m.attachment?.name).filter(Boolean)).toEqual(['photo.png', 'dropped.pdf', 'image.png']);
  });

  it("shows the operator's image inline and their PDF as a download link", async () => {
    const upload = async (name: string, type: string, bytes: Buffer, text = '') => {
      const form = new FormData();
      form.append('clientId', `e2e-${name}-${Date.now()}`);
      form.append('text', text);
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return rest<AttachmentUploadResult>(apiUrl, 'POST', `/chats/${chatId}/attachments`, { token: test.owner.token, form });
    };
    await upload('label.png', 'image/png', tinyPng(), 'Your shipping label');
    await upload('invoice.pdf', 'application/pdf', tinyPdf());

    const fromOperator = visitor.locator('.chatiq-msg[data-author="operator"]');
    const image = fromOperator.filter({ hasText: 'Your shipping label' }).locator('img');
    await image.waitFor({ timeout: 10_000 });
    expect(await image.getAttribute('alt')).toBe('label.png');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1);

    const link = fromOperator.locator('a.chatiq-file-link', { hasText: 'invoice.pdf' });
    await link.waitFor({ timeout: 10_000 });
    expect(await link.getAttribute('aria-label')).toMatch(/^Download invoice\.pdf \(\d+ B\)$/);
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${apiUrl}/widget/attachments/`)).toBe(true);
    // The visitor's page may fetch it (the route checks the page's origin).
    const download = await visitor.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
    }, href);
    expect(download).toEqual({ status: 200, type: 'application/pdf', size: tinyPdf().length });
  });
});
