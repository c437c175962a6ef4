import { describe, expect, it } from 'vitest';
import { afterRefusal, Outbox, type OutboxEntry, type OutboxStorage } from './outbox';

function memoryStorage(): OutboxStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const entry = (clientId: string, chatId = 'chat-1', text = `text ${clientId}`): OutboxEntry => ({
  clientId,
  chatId,
  event: 'admin:message',
  text,
  createdAt: '2026-11-21T10:00:00.000Z',
});

describe('outbox', () => {
  it('keeps entries in order, per chat, until removed', () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    outbox.add(entry('a'));
    outbox.add(entry('b', 'chat-2'));
    outbox.add(entry('c'));
    expect(outbox.all().map((e) => e.clientId)).toEqual(['a', 'b', 'c']);
    expect(outbox.of('chat-1').map((e) => e.clientId)).toEqual(['a', 'c']);
    outbox.remove('a');
    expect(outbox.has('a')).toBe(false);
    expect(outbox.all().map((e) => e.clientId)).toEqual(['b', 'c']);
  });

  it('survives a reload of the tab (same storage and key), and forgets once empty', () => {
    const storage = memoryStorage();
    const first = new Outbox(storage, 'chatiq.outbox.op-1');
    first.add(entry('a', 'chat-1', 'Привіт 👋'));
    first.add({ ...entry('b'), event: 'admin:note' });
    const reloaded = new Outbox(storage, 'chatiq.outbox.op-1');
    expect(reloaded.all()).toEqual(first.all());
    expect(new Outbox(storage, 'chatiq.outbox.op-2').all()).toEqual([]); // another operator's
    reloaded.remove('a');
    reloaded.remove('b');
    expect(storage.data.has('chatiq.outbox.op-1')).toBe(false);
  });

  it('adding the same client id again replaces the entry (one message, not two)', () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    outbox.add(entry('a'));
    outbox.add(entry('a', 'chat-1', 'edited'));
    expect(outbox.all()).toEqual([entry('a', 'chat-1', 'edited')]);
  });

  it('ignores what it cannot read: broken JSON, foreign shapes, no storage', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(new Outbox(storage, 'k').all()).toEqual([]);
    storage.setItem('k', JSON.stringify([entry('ok'), { clientId: 1 }, { ...entry('bad'), event: 'chat:resolve' }, null]));
    expect(new Outbox(storage, 'k').all().map((e) => e.clientId)).toEqual(['ok']);
    const memoryOnly = new Outbox(null, 'k');
    memoryOnly.add(entry('x'));
    expect(memoryOnly.all()).toHaveLength(1);
  });

  it('keeps working in memory when the storage refuses writes', () => {
    const full: OutboxStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const outbox = new Outbox(full, 'k');
    outbox.add(entry('a'));
    expect(outbox.all()).toHaveLength(1);
  });
});

describe('afterRefusal (the contract retry rule)', () => {
  it('keeps what may pass and drops what no resend can fix', () => {
    expect(afterRefusal('rate_limited')).toBe('waiting');
    expect(afterRefusal('internal_error')).toBe('waiting');
    expect(afterRefusal('database_unavailable')).toBe('waiting');
    expect(afterRefusal('permissions_changed')).toBe('waiting');
    expect(afterRefusal('chat_not_found')).toBe('refused');
    expect(afterRefusal('validation_failed')).toBe('refused');
    expect(afterRefusal('forbidden')).toBe('refused');
  });
});
