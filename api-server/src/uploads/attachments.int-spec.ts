// Chat attachments over real HTTP multipart (fetch + FormData + Blob), a real PostgreSQL, real
// sockets and the local-disk storage in a temporary folder.

import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  AdminJoinResult,
  AttachmentMessageDto,
  AttachmentUploadResult,
  CreatedSiteDto,
  ErrorBody,
  MessageAckData,
  MessageDto,
  VisitorJoinResult,
} from '@chatiq/contracts';
import { attachmentPath, attachmentUploadResultSchema, formatBytes, widgetAttachmentPath } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextEvent,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { elfHeader, exeHeader, HTML_PAGE, tinyPdf, tinyPng } from './test-files.js';

const ORIGIN = 'https://shop.example';
const MAX_BYTES = 16 * 1024;

type Reply<T> = { status: number; body: T; headers: Headers };

describe('chat attachments', () => {
  let t: TestApp;
  let uploadsDir: string;
  let owner: { token: string; organizationId: string };
  let site: CreatedSiteDto;
  let visitor: WidgetSocket;
  let visitorId: string;
  let chatId: string;
  let operator: AdminSocket;
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    uploadsDir = await mkdtemp(path.join(tmpdir(), 'chatiq-uploads-'));
    t = await startTestApp({ UPLOADS_DIR: uploadsDir, UPLOAD_MAX_BYTES: String(MAX_BYTES), SOCKET_EVENTS_PER_SECOND: '1000' });
    const registered = await registerOwner(t.url);
    owner = { token: registered.accessToken, organizationId: registered.user.organizationId };
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.token, body: { name: 'Shop', allowedOrigins: [ORIGIN] } }))
      .body;

    visitor = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(visitor);
    const joined = (await visitor.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    visitorId = joined.data.visitorId;
    const first = (await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Can I send you a photo?' })) as {
      ok: true;
      data: MessageAckData;
    };
    chatId = first.data.message.chatId;

    operator = await connectAdmin(t.url, owner.token);
    sockets.push(operator);
    const opened = (await operator.emitWithAck('admin:join', { chatId })) as { ok: boolean; data: AdminJoinResult };
    expect(opened.ok).toBe(true);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await rm(uploadsDir, { recursive: true, force: true });
  });

  // ---- helpers -----------------------------------------------------------------------------

  function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    if (file) data.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    return data;
  }

  async function send<T>(
    method: string,
    url: string,
    options: { body?: FormData; token?: string; origin?: string } = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${t.url}${url}`, {
      method,
      body: options.body,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.origin ? { origin: options.origin } : {}),
      },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.includes('application/json');
    return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(bytes.toString()) : bytes) as T };
  }

  const operatorUpload = (
    chat: string,
    fields: Record<string, string>,
    file?: { bytes: Buffer; name: string; type?: string },
    token = owner.token,
  ) => send<AttachmentUploadResult | ErrorBody>('POST', `/chats/${chat}/attachments`, { body: form(fields, file), token });

  const visitorUpload = (fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }, origin = ORIGIN) =>
    send<AttachmentUploadResult | ErrorBody>('POST', '/widget/attachments', {
      body: form({ siteId: site.publicId, visitorId, ...fields }, file),
      origin,
    });

  /** Every file under the uploads folder (temporary ones included). */
  async function filesOnDisk(): Promise<string[]> {
    const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  }

  /** What a refused upload must not change: no file, no message, no chat. */
  async function snapshot() {
    return { files: (await filesOnDisk()).sort(), messages: await t.prisma.message.count(), chats: await t.prisma.chat.count() };
  }

  // ---- operators ---------------------------------------------------------------------------

  it('an operator uploads an image: it becomes a reply that reaches the visitor live and stays in the history', async () => {
    const png = tinyPng();
    const reachesVisitor = nextEvent<AttachmentMessageDto>(visitor, 'admin:message');
    const reachesOperators = nextEvent<{ message: AttachmentMessageDto }>(operator, 'message:created');
    const clientId = newClientId();

    // The client's Content-Type is a lie on purpose: only the bytes count.
    const { status, body } = await operatorUpload(
      chatId,
      { clientId, text: '  Here is the diagram  ' },
      { bytes: png, name: 'diagram.png', type: 'application/pdf' },
    );
    expect(status).toBe(201);
    const { message } = attachmentUploadResultSchema.parse(body); // the answer is what the contract says
    expect(message).toMatchObject({
      chatId,
      clientId,
      authorKind: 'OPERATOR',
      text: 'Here is the diagram',
      internal: false,
      attachment: { name: 'diagram.png', type: 'image/png', size: png.length },
    });

    expect(await reachesVisitor).toMatchObject({
      id: message.id,
      seq: message.seq,
      attachment: { name: 'diagram.png', type: 'image/png' },
    });
    expect((await reachesOperators).message).toMatchObject({ id: message.id, attachment: { type: 'image/png' } });

    const history = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: owner.token });
    expect(history.body.map((m) => m.id)).toContain(message.id);
    // (MessageDto does not carry `attachment` yet; the row does.)
    const row = await t.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ attachmentName: 'diagram.png', attachmentType: 'image/png', attachmentSize: png.length });
    expect(row.attachmentKey).toMatch(/^att_[A-Za-z0-9_-]{32}$/);
    expect(row.attachmentKey).not.toContain('diagram');

    // The bytes on disk are the upload, under the random key.
    const files = await filesOnDisk();
    const stored = files.find((f) => path.basename(f) === row.attachmentKey);
    expect(stored).toBeDefined();
    expect(Buffer.compare(await readFile(stored!), png)).toBe(0);

    // The visitor sees it on reload too.
    const reloaded = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(reloaded);
    const again = (await reloaded.emitWithAck('visitor:join', { visitorId })) as { ok: true; data: VisitorJoinResult };
    expect(again.data.messages.map((m) => m.id)).toContain(message.id);
    reloaded.close();
  });

  it('serves the image to the operator inline with safe headers, and a PDF as a download', async () => {
    const png = tinyPng();
    const up = (await operatorUpload(chatId, { clientId: newClientId() }, { bytes: png, name: 'Схема (v2).png' }))
      .body as AttachmentUploadResult;
    expect(up.message.text).toBe('');

    const image = await send<Buffer>('GET', attachmentPath(up.message.id), { token: owner.token });
    expect(image.status).toBe(200);
    expect(Buffer.compare(image.body, png)).toBe(0);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-length')).toBe(String(png.length));
    expect(image.headers.get('content-disposition')).toBe(
      `inline; filename="_____ (v2).png"; filename*=UTF-8''${encodeURIComponent('Схема')}%20%28v2%29.png`,
    );
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(image.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);

    const pdf = tinyPdf();
    const upPdf = (await operatorUpload(chatId, { clientId: newClientId() }, { bytes: pdf, name: 'invoice.pdf' }))
      .body as AttachmentUploadResult;
    expect(upPdf.message.attachment.type).toBe('application/pdf');
    const download = await send<Buffer>('GET', attachmentPath(upPdf.message.id), { token: owner.token });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body, pdf)).toBe(0);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('accepts UTF-8 text only in a .txt/.csv/.log file, served as a text/plain download', async () => {
    const notes = Buffer.from('Order #42 — delivered ✓\n<script>alert(1)</script>\n');
    const { status, body } = await operatorUpload(
      chatId,
      { clientId: newClientId() },
      { bytes: notes, name: 'notes.txt', type: 'text/html' },
    );
    expect(status).toBe(201);
    const { message } = body as AttachmentUploadResult;
    expect(message.attachment.type).toBe('text/plain');
    const download = await send<Buffer>('GET', attachmentPath(message.id), { token: owner.token });
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(download.body.toString()).toBe(notes.toString());
  });

  it('stores a resent upload (same clientId) once', async () => {
    const clientId = newClientId();
    const before = await filesOnDisk();
    const first = (await operatorUpload(chatId, { clientId }, { bytes: tinyPng(), name: 'a.png' })).body as AttachmentUploadResult;
    const second = await operatorUpload(chatId, { clientId }, { bytes: tinyPng(), name: 'a.png' });
    expect(second.status).toBe(201);
    expect((second.body as AttachmentUploadResult).message).toMatchObject({ id: first.message.id, seq: first.message.seq });
    expect(await t.prisma.message.count({ where: { chatId, clientId } })).toBe(1);
    expect((await filesOnDisk()).length).toBe(before.length + 1);
  });

  // ---- visitors ----------------------------------------------------------------------------

  it('a visitor uploads through the widget route: a visitor message the operators get live, downloadable by that visitor', async () => {
    const pdf = tinyPdf();
    const reachesOperators = nextEvent<{ message: AttachmentMessageDto }>(operator, 'message:created');
    const clientId = newClientId();
    const { status, body, headers } = await visitorUpload(
      { clientId, text: 'my receipt' },
      { bytes: pdf, name: 'Квитанція №1.pdf', type: 'image/png' },
    );
    expect(status).toBe(201);
    expect(headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const { message } = body as AttachmentUploadResult;
    expect(message).toMatchObject({
      chatId,
      clientId,
      authorKind: 'VISITOR',
      authorId: visitorId,
      text: 'my receipt',
      attachment: { name: 'Квитанція №1.pdf', type: 'application/pdf', size: pdf.length },
    });
    expect((await reachesOperators).message).toMatchObject({ id: message.id, attachment: { type: 'application/pdf' } });
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    expect(chat.unreadCount).toBeGreaterThan(0);

    const mine = await send<Buffer>('GET', widgetAttachmentPath(message.id, { siteId: site.publicId, visitorId }), { origin: ORIGIN });
    expect(mine.status).toBe(200);
    expect(Buffer.compare(mine.body, pdf)).toBe(0);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toContain(`attachment; filename=`);
    expect(mine.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Квитанція')}%20${encodeURIComponent('№')}1.pdf`,
    );
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(mine.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    // The widget reads the file's name and size from a cross-origin answer.
    expect(mine.headers.get('access-control-expose-headers')).toBe('Content-Disposition,Content-Length');

    // An <img src> sends no Origin, only a Referer from the page.
    const fromImgTag = await fetch(`${t.url}${widgetAttachmentPath(message.id, { siteId: site.publicId, visitorId })}`, {
      headers: { referer: `${ORIGIN}/checkout` },
    });
    expect(fromImgTag.status).toBe(200);

    // The operator can download it as well.
    expect((await send('GET', attachmentPath(message.id), { token: owner.token })).status).toBe(200);
  });

  it('starts a chat for a visitor who has none, as a first typed message would', async () => {
    const fresh = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(fresh);
    const joined = (await fresh.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    expect(joined.data.chatId).toBeNull();
    const echoed = nextEvent<AttachmentMessageDto>(fresh, 'visitor:message');
    const { status, body } = await send<AttachmentUploadResult>('POST', '/widget/attachments', {
      body: form({ siteId: site.publicId, visitorId: joined.data.visitorId, clientId: newClientId() }, { bytes: tinyPng(), name: 'x.png' }),
      origin: ORIGIN,
    });
    expect(status).toBe(201);
    expect(body.message).toMatchObject({ seq: 1, authorKind: 'VISITOR', attachment: { type: 'image/png' } });
    expect((await echoed).id).toBe(body.message.id); // the visitor's tabs get it too
    fresh.close();
  });

  it("keeps a visitor to their own attachments, from their site's pages", async () => {
    const ours = (await operatorUpload(chatId, { clientId: newClientId() }, { bytes: tinyPng(), name: 'p.png' }))
      .body as AttachmentUploadResult;
    const url = (v: string, s = site.publicId) => widgetAttachmentPath(ours.message.id, { siteId: s, visitorId: v });
    expect((await send('GET', url(visitorId), { origin: ORIGIN })).status).toBe(200);

    const other = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(other);
    const otherId = ((await other.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult }).data.visitorId;
    other.close();
    expect((await send<ErrorBody>('GET', url(otherId), { origin: ORIGIN })).body).toMatchObject({ code: 'not_found' });
    expect((await send<ErrorBody>('GET', url(visitorId), { origin: 'https://evil.example' })).body).toMatchObject({
      code: 'origin_not_allowed',
    });
    expect((await send<ErrorBody>('GET', url(visitorId))).body).toMatchObject({ code: 'origin_not_allowed' });
    expect((await send<ErrorBody>('GET', url(visitorId, 'site_nope'), { origin: ORIGIN })).body).toMatchObject({ code: 'site_not_found' });
    expect((await send<ErrorBody>('GET', `/widget/attachments/${ours.message.id}`, { origin: ORIGIN })).status).toBe(400);

    // A private note with a file is never the visitor's, even if it sits in their chat.
    await t.prisma.message.update({ where: { id: ours.message.id }, data: { internal: true } });
    expect((await send<ErrorBody>('GET', url(visitorId), { origin: ORIGIN })).status).toBe(404);
  });

  it('refuses a widget upload from a page, visitor or site that does not match, storing nothing', async () => {
    const before = await snapshot();
    const file = { bytes: tinyPng(), name: 'x.png' };
    const wrongOrigin = await visitorUpload({ clientId: newClientId() }, file, 'https://evil.example');
    expect(wrongOrigin).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
    const wrongVisitor = await visitorUpload({ clientId: newClientId(), visitorId: 'v_nobody' }, file);
    expect(wrongVisitor).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const wrongSite = await visitorUpload({ clientId: newClientId(), siteId: 'site_nope' }, file);
    expect(wrongSite).toMatchObject({ status: 404, body: { code: 'site_not_found' } });
    const noClientId = await visitorUpload({}, file);
    expect(noClientId).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(await snapshot()).toEqual(before);
  });

  // ---- refusals ----------------------------------------------------------------------------

  it('refuses an oversize file with 413 payload_too_large, cut off while streaming, storing nothing', async () => {
    const before = await snapshot();
    const justOver = Buffer.concat([tinyPng(), randomBytes(MAX_BYTES + 1 - tinyPng().length)]);
    const operatorTry = await operatorUpload(chatId, { clientId: newClientId() }, { bytes: justOver, name: 'big.png' });
    // The answer says the limit, in words and in bytes (for a client's own language).
    const tooLarge = { code: 'payload_too_large', message: `The file is too large (max ${formatBytes(MAX_BYTES)})`, maxBytes: MAX_BYTES };
    expect(operatorTry).toMatchObject({ status: 413, body: tooLarge });
    const visitorTry = await visitorUpload({ clientId: newClientId() }, { bytes: justOver, name: 'big.png' });
    expect(visitorTry).toMatchObject({ status: 413, body: tooLarge });
    // Far over the limit (8 MB against 16 kB): refused all the same, and nothing of it kept.
    const huge = await operatorUpload(
      chatId,
      { clientId: newClientId() },
      { bytes: Buffer.alloc(8 * 1024 * 1024, 0x61), name: 'huge.txt' },
    );
    expect(huge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(await snapshot()).toEqual(before);

    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([tinyPng(), randomBytes(MAX_BYTES - tinyPng().length)]);
    expect((await operatorUpload(chatId, { clientId: newClientId() }, { bytes: atLimit, name: 'ok.png' })).status).toBe(201);
  });

  it('refuses forbidden types by their content, whatever their name or declared type, storing nothing', async () => {
    const before = await snapshot();
    const cases = [
      { bytes: exeHeader(), name: 'invoice.png', type: 'image/png', says: 'application/x-msdownload' },
      { bytes: elfHeader(), name: 'photo.jpg', type: 'image/jpeg', says: 'application/x-elf' },
      {
        bytes: Buffer.from(`PK\x03\x04\x14\x00\x00\x00\x08\x00${'z'.repeat(60)}`, 'latin1'),
        name: 'a.pdf',
        type: 'application/pdf',
        says: 'application/zip',
      },
      { bytes: HTML_PAGE, name: 'evil.png', type: 'image/png', says: 'not of an allowed type' },
      { bytes: HTML_PAGE, name: 'evil.html', type: 'text/html', says: 'not of an allowed type' },
      { bytes: Buffer.from([0x68, 0x69, 0x00, 0x21]), name: 'nul.txt', type: 'text/plain', says: 'UTF-8' },
      { bytes: Buffer.alloc(0), name: 'empty.txt', type: 'text/plain', says: 'empty' },
    ];
    for (const file of cases) {
      const operatorTry = await operatorUpload(chatId, { clientId: newClientId() }, file);
      expect(operatorTry.status, file.name).toBe(400);
      expect((operatorTry.body as ErrorBody).code, file.name).toBe('validation_failed');
      expect((operatorTry.body as ErrorBody).message, file.name).toContain(file.says);
      expect((operatorTry.body as ErrorBody).issues?.[0]?.path).toEqual(['file']);
      const visitorTry = await visitorUpload({ clientId: newClientId() }, file);
      expect(visitorTry.status, file.name).toBe(400);
      expect((visitorTry.body as ErrorBody).message, file.name).toContain(file.says);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed requests with validation_failed, storing nothing', async () => {
    const before = await snapshot();
    const png = { bytes: tinyPng(), name: 'x.png' };
    expect((await operatorUpload(chatId, { clientId: newClientId() })).body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/Attach a file/),
    });
    expect((await operatorUpload(chatId, { clientId: 'short' }, png)).body).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: ['clientId'] }],
    });
    expect((await operatorUpload(chatId, { clientId: newClientId(), text: 'x'.repeat(5001) }, png)).body).toMatchObject({
      code: 'validation_failed',
    });
    const json = await api<ErrorBody>(t.url, 'POST', `/chats/${chatId}/attachments`, {
      token: owner.token,
      body: { clientId: newClientId() },
    });
    expect(json).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    // Two files, or a file under another field name.
    const two = form({ clientId: newClientId() }, png);
    two.append('file', new Blob([new Uint8Array(tinyPng())]), 'y.png');
    expect((await send<ErrorBody>('POST', `/chats/${chatId}/attachments`, { body: two, token: owner.token })).status).toBe(400);
    const elsewhere = form({ clientId: newClientId() });
    elsewhere.append('upload', new Blob([new Uint8Array(tinyPng())]), 'y.png');
    expect((await send<ErrorBody>('POST', `/chats/${chatId}/attachments`, { body: elsewhere, token: owner.token })).status).toBe(400);
    // multipart, but not form-data
    const mixed = await fetch(`${t.url}/chats/${chatId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'multipart/mixed; boundary=x' },
      body: '--x\r\ncontent-type: text/plain\r\n\r\nhi\r\n--x--\r\n',
    });
    expect(mixed.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing behind when the client goes away in the middle of an upload', async () => {
    const before = await snapshot();
    const boundary = 'chatiq-test-boundary';
    const head = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="clientId"\r\n\r\n${newClientId()}\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="half.png"\r\ncontent-type: image/png\r\n\r\n`,
    );
    const { port } = new URL(t.url);
    let during: string[] = [];
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/chats/${chatId}/attachments`,
        headers: {
          authorization: `Bearer ${owner.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': '100000',
        },
      });
      req.on('error', () => resolve());
      req.write(Buffer.concat([head, tinyPng(), randomBytes(4000)]));
      // Wait until the server is storing the file, then drop the connection.
      eventually('the partial file on disk', async () => {
        const files = await filesOnDisk();
        return files.some((f) => f.endsWith('.part')) && files;
      }).then(
        (files) => {
          during = files;
          req.destroy();
          resolve();
        },
        () => {
          req.destroy();
          resolve();
        },
      );
    });
    // The file was being streamed to disk while the body was still arriving (never held whole)…
    expect(during.filter((f) => f.endsWith('.part'))).toHaveLength(1);
    // …and is gone once the client has gone (waiting for that state, not for a fixed time).
    await eventually('the partial file removed', async () => JSON.stringify(await snapshot()) === JSON.stringify(before)).catch(() => {});
    expect(await snapshot()).toEqual(before);
  });

  it('documents both upload routes in OpenAPI, with the file as binary', async () => {
    const { body } = await api<{ paths: Record<string, unknown> }>(t.url, 'GET', '/docs-json');
    for (const route of ['/chats/{chatId}/attachments', '/widget/attachments']) {
      const doc = JSON.stringify(body.paths[route]);
      expect(doc, route).toContain('multipart/form-data');
      expect(doc, route).toContain('"format":"binary"');
      expect(doc, route).toContain('clientId');
    }
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/attachments/{messageId}', '/widget/attachments/{messageId}']));
  });

  // ---- tenancy and storage keys --------------------------------------------------------------

  it('is a 404 for an operator of another organization, or one not assigned to the site, on upload and download', async () => {
    const ours = (await operatorUpload(chatId, { clientId: newClientId() }, { bytes: tinyPng(), name: 'secret.png' }))
      .body as AttachmentUploadResult;
    const intruder = (await registerOwner(t.url, `intruder-${newClientId().slice(0, 6)}`)).accessToken;
    await createUser(t.prisma, {
      organizationId: owner.organizationId,
      email: 'unassigned@example.com',
      password: 'correct-horse-battery',
      name: 'Unassigned',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    const unassigned = (
      await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
        body: { email: 'unassigned@example.com', password: 'correct-horse-battery' },
      })
    ).body.accessToken;

    const before = await snapshot();
    for (const token of [intruder, unassigned]) {
      const upload = await operatorUpload(chatId, { clientId: newClientId() }, { bytes: tinyPng(), name: 'x.png' }, token);
      expect(upload).toMatchObject({ status: 404, body: { code: 'chat_not_found' } });
      const download = await send<ErrorBody>('GET', attachmentPath(ours.message.id), { token });
      expect(download).toMatchObject({ status: 404, body: { code: 'not_found' } });
      expect(JSON.stringify(download.body)).not.toContain('secret.png');
    }
    expect(await snapshot()).toEqual(before);
    expect((await send('GET', attachmentPath(ours.message.id))).status).toBe(401);

    // Once assigned to the site, the operator may.
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'unassigned@example.com' } });
    await t.prisma.siteUser.create({ data: { organizationId: owner.organizationId, siteId: site.id, userId: user.id } });
    expect((await send('GET', attachmentPath(ours.message.id), { token: unassigned })).status).toBe(200);
    expect((await operatorUpload(chatId, { clientId: newClientId() }, { bytes: tinyPng(), name: 'x.png' }, unassigned)).status).toBe(201);
  });

  it('never lets a filename choose where a file goes, and never serves a key outside the uploads folder', async () => {
    const { body } = await operatorUpload(chatId, { clientId: newClientId() }, { bytes: tinyPng(), name: '../../../../tmp/owned.png' });
    const { message } = body as AttachmentUploadResult;
    expect(message.attachment.name).toBe('owned.png');
    const row = await t.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    for (const file of await filesOnDisk()) expect(file.startsWith(uploadsDir + path.sep)).toBe(true);
    expect((await filesOnDisk()).some((f) => path.basename(f) === row.attachmentKey)).toBe(true);

    // Even a key tampered with in the database cannot reach outside the folder.
    for (const key of ['../../../../../../etc/passwd', '/etc/passwd', 'att_/../../../../etc/passwd']) {
      await t.prisma.message.update({ where: { id: message.id }, data: { attachmentKey: key } });
      const download = await send<ErrorBody>('GET', attachmentPath(message.id), { token: owner.token });
      expect(download.status).toBe(500);
      expect(JSON.stringify(download.body)).not.toContain('root:');
    }
  });
});
