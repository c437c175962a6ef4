import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAttachmentKey, newAttachmentKey } from './attachment-keys.js';
import { LocalDiskAttachmentStorage } from './local-disk-storage.js';

describe('LocalDiskAttachmentStorage', () => {
  let root: string;
  let storage: LocalDiskAttachmentStorage;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'chatiq-storage-'));
    storage = new LocalDiskAttachmentStorage(path.join(root, 'uploads'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores, reads and deletes a file from a stream or a buffer', async () => {
    const key = newAttachmentKey();
    expect(await storage.put(key, Readable.from([Buffer.from('hello '), Buffer.from('world')]))).toEqual({ size: 11 });
    const stored = await storage.get(key);
    expect(stored?.size).toBe(11);
    expect(await text(stored!.stream)).toBe('hello world');

    const other = newAttachmentKey();
    await storage.put(other, Buffer.from('second'));
    expect(await text((await storage.get(other))!.stream)).toBe('second');

    await storage.delete(key);
    await storage.delete(key); // twice is fine
    expect(await storage.get(key)).toBeNull();
  });

  it('leaves nothing behind when the incoming stream fails', async () => {
    const key = newAttachmentKey();
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow('client went away');
    expect(await storage.get(key)).toBeNull();
    const shard = path.dirname(storage.pathOf(key));
    expect((await readdir(shard)).filter((f) => f.startsWith(key))).toEqual([]);
  });

  it('rejects, and nothing is thrown out of the process, when the body fails before the folder exists', async () => {
    // The body errors in the same tick put() is called, while the storage still makes the folder:
    // its pipeline must already listen (an 'error' event without a listener ends the process).
    const key = newAttachmentKey();
    const body = new Readable({ read() {} });
    const stored = storage.put(key, body);
    body.destroy(new Error('client cut the upload'));
    await expect(stored).rejects.toThrow('client cut the upload');
    expect(await storage.get(key)).toBeNull();
  });

  it('makes random keys that cannot name a path', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newAttachmentKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(isAttachmentKey(key)).toBe(true);
  });

  it('refuses any key that is not one of its own: no way out of its folder', async () => {
    const evil = [
      '../../etc/passwd',
      '..',
      '/etc/passwd',
      'att_../../../../../../etc/passwd',
      `att_${'a'.repeat(28)}/../x`,
      `att_${'a'.repeat(31)}\0`,
      `att_${'.'.repeat(32)}`,
      `att_${'a'.repeat(31)}%2e`,
      'C:\\Windows\\win.ini',
      '',
    ];
    for (const key of evil) {
      expect(() => storage.pathOf(key), JSON.stringify(key)).toThrow('Invalid attachment key');
      await expect(storage.get(key)).rejects.toThrow('Invalid attachment key');
      await expect(storage.delete(key)).rejects.toThrow('Invalid attachment key');
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Invalid attachment key');
    }
    const key = newAttachmentKey();
    expect(storage.pathOf(key).startsWith(path.join(root, 'uploads') + path.sep)).toBe(true);
  });
});
