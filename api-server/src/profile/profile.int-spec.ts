// The member's profile over real HTTP (JSON and multipart), a real PostgreSQL, real sockets and the
// local-disk attachment storage in a temporary folder; images made and read with the real codec.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CreatedSiteDto, ErrorBody, MemberDto, MessageDto, ProfileDto, VisitorJoinResult } from '@chatiq/contracts';
import { AVATAR_MAX_BYTES, AVATAR_SIZE, formatBytes } from '@chatiq/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, newClientId, nextEvent, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { tinyPdf } from '../uploads/test-files.js';

const ORIGIN = 'https://bakery.example';

type Reply<T> = { status: number; body: T; headers: Headers };

/** A real image of `width`×`height` in `format`. */
function image(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

describe('profile', () => {
  let t: TestApp;
  let uploadsDir: string;
  let owner: { token: string; organizationId: string; userId: string };
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    uploadsDir = await mkdtemp(path.join(tmpdir(), 'chatiq-avatars-'));
    t = await startTestApp({ UPLOADS_DIR: uploadsDir });
    const registered = await registerOwner(t.url);
    owner = { token: registered.accessToken, organizationId: registered.user.organizationId, userId: registered.user.id };
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await rm(uploadsDir, { recursive: true, force: true });
  });

  async function upload(
    file: { bytes: Buffer; name: string; type?: string } | null,
    token = owner.token,
  ): Promise<Reply<ProfileDto | ErrorBody>> {
    const data = new FormData();
    if (file) data.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${t.url}/profile/avatar`, { method: 'POST', body: data, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as ProfileDto | ErrorBody };
  }

  async function filesOnDisk(): Promise<string[]> {
    const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  }

  it('reads and changes the display name and notification settings', async () => {
    const before = await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: owner.userId, avatarUrl: null, notificationsMuted: false, hasPassword: true, role: 'OWNER' });

    const changed = await api<ProfileDto>(t.url, 'PATCH', '/profile', {
      token: owner.token,
      body: { name: '  Olena Baker ', notificationsMuted: true },
    });
    expect(changed).toMatchObject({ status: 200, body: { name: 'Olena Baker', notificationsMuted: true } });
    expect((await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token })).body).toMatchObject({
      name: 'Olena Baker',
      notificationsMuted: true,
    });

    for (const body of [{}, { name: '' }, { name: 'x'.repeat(101) }, { role: 'OWNER' }, { notificationsMuted: 'yes' }]) {
      const refused = await api<ErrorBody>(t.url, 'PATCH', '/profile', { token: owner.token, body });
      expect(refused, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    }
    expect((await api(t.url, 'GET', '/profile')).status).toBe(401);
  });

  it('stores an avatar as a small square WebP, served publicly and cached for good; a new one replaces the old', async () => {
    const first = await upload({ bytes: await image('jpeg', 800, 400), name: 'me.jpg', type: 'image/jpeg' });
    expect(first.status).toBe(201);
    const avatarUrl = (first.body as ProfileDto).avatarUrl;
    expect(avatarUrl).toMatch(/^\/avatars\/att_[A-Za-z0-9_-]{32}$/);

    const served = await fetch(`${t.url}${avatarUrl}`); // no token: the widget shows it to visitors
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: AVATAR_SIZE, height: AVATAR_SIZE });

    for (const format of ['png', 'webp'] as const) {
      const next = await upload({ bytes: await image(format, 64, 64), name: `me.${format}` });
      expect(next.status, format).toBe(201);
    }
    const latest = (await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token })).body.avatarUrl;
    expect(latest).not.toBe(avatarUrl);
    expect((await fetch(`${t.url}${avatarUrl}`)).status).toBe(404); // the replaced picture is gone
    expect(await filesOnDisk()).toEqual([latest!.split('/').pop()]);
    const members = await api<MemberDto[]>(t.url, 'GET', '/team/members', { token: owner.token });
    expect(members.body.find((m) => m.id === owner.userId)?.avatarUrl).toBe(latest);

    const removed = await api<ProfileDto>(t.url, 'DELETE', '/profile/avatar', { token: owner.token });
    expect(removed).toMatchObject({ status: 200, body: { avatarUrl: null } });
    expect((await fetch(`${t.url}${latest}`)).status).toBe(404);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuses a file that is not a PNG, JPEG or WebP image by its bytes, whatever its name says', async () => {
    const cases = [
      { bytes: await image('gif'), name: 'me.png', type: 'image/png', says: 'image/gif' },
      { bytes: tinyPdf(), name: 'me.jpg', type: 'image/jpeg', says: 'application/pdf' },
      {
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        name: 'me.webp',
        says: 'PNG, JPEG or WebP',
      },
      { bytes: Buffer.concat([(await image('png')).subarray(0, 60), Buffer.alloc(500)]), name: 'cut.png', says: 'could not be read' },
      { bytes: Buffer.alloc(0), name: 'empty.png', says: 'empty' },
    ];
    for (const file of cases) {
      const refused = await upload(file);
      expect(refused.status, file.name).toBe(400);
      expect(refused.body, file.name).toMatchObject({ code: 'validation_failed', issues: [{ path: ['file'] }] });
      expect((refused.body as ErrorBody).message, file.name).toContain(file.says);
    }
    expect((await upload(null)).body).toMatchObject({ code: 'validation_failed' });
    const json = await api<ErrorBody>(t.url, 'POST', '/profile/avatar', { token: owner.token, body: { file: 'x' } });
    expect(json).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuses an image over the limit with payload_too_large naming the limit, and stays up on a broken body', async () => {
    const big = Buffer.concat([await image('png', 32, 32), Buffer.alloc(AVATAR_MAX_BYTES)]);
    const refused = await upload({ bytes: big, name: 'huge.png' });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: 'payload_too_large', maxBytes: AVATAR_MAX_BYTES });
    expect((refused.body as ErrorBody).message).toContain(formatBytes(AVATAR_MAX_BYTES));

    // A multipart body cut in the middle of the file, and one with a broken boundary.
    const boundary = 'chatiq-avatar';
    for (const body of [
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n\x89PNG`,
      `--nope\r\n\r\n--`,
    ]) {
      const response = await fetch(`${t.url}/profile/avatar`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("changes only the caller's own profile: another organization's member cannot reach it", async () => {
    await upload({ bytes: await image('png'), name: 'mine.png' });
    const mine = (await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token })).body;
    const intruder = await registerOwner(t.url, `intruder-${newClientId().slice(0, 6)}`);
    const theirs = await upload({ bytes: await image('jpeg'), name: 'theirs.jpg' }, intruder.accessToken);
    expect(theirs.status).toBe(201);
    await api(t.url, 'PATCH', '/profile', { token: intruder.accessToken, body: { name: 'Intruder' } });
    await api(t.url, 'DELETE', '/profile/avatar', { token: intruder.accessToken });
    expect((await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token })).body).toEqual(mine);
    expect((await fetch(`${t.url}${mine.avatarUrl}`)).status).toBe(200);
    // Only avatars are served there: not a made-up key, nor anything else of the storage.
    expect((await fetch(`${t.url}/avatars/att_${'A'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${t.url}/avatars/..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
  });

  it("gives the operator's messages their avatar, for the widget and the inbox", async () => {
    const avatarUrl = (await api<ProfileDto>(t.url, 'GET', '/profile', { token: owner.token })).body.avatarUrl;
    expect(avatarUrl).toBeTruthy();
    const site = (
      await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.token, body: { name: 'Bakery', allowedOrigins: [ORIGIN] } })
    ).body;
    const visitor = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(visitor);
    const joined = (await visitor.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    const sent = (await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Fresh bread today?' })) as {
      ok: true;
      data: { message: MessageDto };
    };
    const chatId = sent.data.message.chatId;
    const operator = await connectAdmin(t.url, owner.token);
    sockets.push(operator);
    await operator.emitWithAck('admin:join', { chatId });
    const live = nextEvent<MessageDto>(visitor, 'admin:message');
    await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'Yes, until noon.' });
    expect(await live).toMatchObject({ authorKind: 'OPERATOR', authorName: 'Olena Baker', authorAvatarUrl: avatarUrl });

    // History (a returning visitor, the inbox) reads the avatar as it is now.
    await api(t.url, 'DELETE', '/profile/avatar', { token: owner.token });
    const again = (await visitor.emitWithAck('visitor:join', { visitorId: joined.data.visitorId })) as {
      ok: true;
      data: VisitorJoinResult;
    };
    const reply = again.data.messages.find((m) => m.authorKind === 'OPERATOR');
    expect(reply?.authorAvatarUrl).toBeNull();
    expect(again.data.messages.find((m) => m.authorKind === 'VISITOR')?.authorAvatarUrl).toBeUndefined();
    const listed = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: owner.token });
    expect(listed.body.find((m) => m.authorKind === 'OPERATOR')?.authorAvatarUrl).toBeNull();
  });

  it('documents the routes in OpenAPI, the upload as multipart with the file as binary', async () => {
    const { body } = await api<{ paths: Record<string, unknown> }>(t.url, 'GET', '/docs-json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/profile', '/profile/avatar', '/avatars/{key}']));
    const doc = JSON.stringify(body.paths['/profile/avatar']);
    expect(doc).toContain('multipart/form-data');
    expect(doc).toContain('"format":"binary"');
  });
});
