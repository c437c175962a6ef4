import { describe, expect, it } from 'vitest';
import {
  type ChatEntry,
  markFailed,
  mergeMessages,
  pendingEntry,
  pendingUploadEntry,
  resumePoint,
  updatePending,
} from './message-merge.js';
import { testMessage } from './test-messages.js';

const message = testMessage;

const texts = (entries: readonly ChatEntry[]) => entries.map((entry) => entry.text);

describe('mergeMessages', () => {
  it('orders stored messages by seq, whatever order they arrive in', () => {
    const merged = mergeMessages([], [message(3), message(1), message(2)]);
    expect(merged.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(merged.every((entry) => entry.status === 'sent')).toBe(true);
  });

  it("keeps the operator's picture, and takes a new or removed one from a later copy of the message", () => {
    const first = mergeMessages([], [message(1, { authorAvatarUrl: '/avatars/att_a' }), message(2)]);
    expect(first.map((entry) => entry.authorAvatarUrl)).toEqual(['/avatars/att_a', null]);
    const removed = mergeMessages(first, [message(1, { authorAvatarUrl: null })]);
    expect(removed[0]?.authorAvatarUrl).toBeNull();
  });

  it('keeps one entry per message id', () => {
    const once = mergeMessages([], [message(1), message(2)]);
    const twice = mergeMessages(once, [message(2), message(1), message(3), message(3)]);
    expect(twice.map((entry) => entry.id)).toEqual(['msg_chat_1_1', 'msg_chat_1_2', 'msg_chat_1_3']);
  });

  it('keeps the key of a message it already has, so its element is reused', () => {
    const first = mergeMessages([], [message(1)]);
    const again = mergeMessages(first, [message(1, { text: 'edited' })]);
    expect(again).toHaveLength(1);
    expect(again[0]?.key).toBe(first[0]?.key);
    expect(again[0]?.text).toBe('edited');
  });

  it('replaces a pending message by the stored one with the same clientId', () => {
    const pending = [pendingEntry('client-aaaa-1', 'hello', '2026-01-01T12:00:00.000Z')];
    const acked = mergeMessages(pending, [
      message(4, { clientId: 'client-aaaa-1', authorKind: 'VISITOR', authorName: null, text: 'hello' }),
    ]);
    expect(acked).toHaveLength(1);
    expect(acked[0]).toMatchObject({ key: 'local:client-aaaa-1', id: 'msg_chat_1_4', seq: 4, status: 'sent', text: 'hello' });
  });

  it('replaces a failed message that the server stored after all (a resend after reconnect)', () => {
    const failed = markFailed([pendingEntry('client-bbbb-2', 'hi', '2026-01-01T12:00:00.000Z')], 'client-bbbb-2');
    expect(failed[0]?.status).toBe('failed');
    const merged = mergeMessages(failed, [message(1, { clientId: 'client-bbbb-2', authorKind: 'VISITOR', text: 'hi' })]);
    expect(merged).toEqual([expect.objectContaining({ key: 'local:client-bbbb-2', status: 'sent', seq: 1 })]);
  });

  it("does not let an operator message with the same clientId replace the visitor's pending one", () => {
    const pending = [pendingEntry('same-client-id', 'mine', '2026-01-01T12:00:00.000Z')];
    const merged = mergeMessages(pending, [message(1, { clientId: 'same-client-id', authorKind: 'OPERATOR', text: 'theirs' })]);
    expect(texts(merged)).toEqual(['theirs', 'mine']);
    expect(merged[1]?.status).toBe('pending');
  });

  it('keeps pending messages after the stored ones, in the order they were written', () => {
    let entries = mergeMessages([], [message(1)]);
    entries = [...entries, pendingEntry('c-first', 'first', ''), pendingEntry('c-second', 'second', '')];
    entries = mergeMessages(entries, [message(2), message(3)]);
    expect(texts(entries)).toEqual(['message 1', 'message 2', 'message 3', 'first', 'second']);
  });

  it('puts an acknowledged message at its seq, before older pending ones', () => {
    let entries: ChatEntry[] = [pendingEntry('c-1', 'one', ''), pendingEntry('c-2', 'two', '')];
    entries = mergeMessages(entries, [message(7, { clientId: 'c-2', authorKind: 'VISITOR', text: 'two' })]);
    expect(texts(entries)).toEqual(['two', 'one']);
    expect(entries.map((entry) => entry.status)).toEqual(['sent', 'pending']);
  });

  it('keeps an earlier chat before a new one, although seq starts again', () => {
    const oldChat = mergeMessages([], [message(1), message(2)]);
    const merged = mergeMessages(oldChat, [message(1, { id: 'new_1', chatId: 'chat_2', text: 'new chat' })]);
    expect(texts(merged)).toEqual(['message 1', 'message 2', 'new chat']);
  });

  it('does not change its inputs', () => {
    const entries = Object.freeze([pendingEntry('c-1', 'one', '')]);
    const incoming = Object.freeze([message(2), message(1)]);
    mergeMessages(entries, incoming);
    expect(entries[0]?.status).toBe('pending');
    expect(incoming.map((m) => m.seq)).toEqual([2, 1]);
  });
});

describe('attachments and AI answers', () => {
  const file = { name: 'receipt.pdf', type: 'application/pdf', size: 1234 };

  it("replaces the visitor's upload by the stored message with its file, keeping the element's key", () => {
    let entries = [pendingUploadEntry('upload-client-1', { name: 'receipt.pdf', size: 1234 }, '')];
    entries = updatePending(entries, 'upload-client-1', { upload: { name: 'receipt.pdf', size: 1234, progress: 0.5 } });
    expect(entries[0]).toMatchObject({ status: 'pending', text: '', attachment: null, upload: { progress: 0.5 } });
    const stored = mergeMessages(entries, [message(3, { clientId: 'upload-client-1', authorKind: 'VISITOR', text: '', attachment: file })]);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ key: 'local:upload-client-1', id: 'msg_chat_1_3', status: 'sent', attachment: file });
    expect(stored[0]?.upload).toBeUndefined();
    // The same message again (the socket echo to the visitor's tabs, then the upload's answer): still one.
    expect(
      mergeMessages(stored, [message(3, { clientId: 'upload-client-1', authorKind: 'VISITOR', text: '', attachment: file })]),
    ).toHaveLength(1);
  });

  it("shows an operator's file as a stored message carries it", () => {
    const [entry] = mergeMessages([], [message(2, { attachment: { name: 'photo.png', type: 'image/png', size: 99 } })]);
    expect(entry?.attachment).toEqual({ name: 'photo.png', type: 'image/png', size: 99 });
  });

  it('marks a refused upload failed with its reason, only for that clientId', () => {
    const entries = [pendingUploadEntry('u-1', { name: 'a.exe', size: 5 }, ''), pendingUploadEntry('u-2', { name: 'b.png', size: 5 }, '')];
    const failed = updatePending(entries, 'u-1', { status: 'failed', error: 'not allowed', retryable: false });
    expect(failed.map((e) => [e.status, e.error])).toEqual([
      ['failed', 'not allowed'],
      ['pending', undefined],
    ]);
  });

  it('keeps one copy of an AI answer that arrives as ai:done and as admin:message', () => {
    const answer = message(5, { authorKind: 'AI', authorId: null, authorName: null, text: 'The answer' });
    const viaDone = mergeMessages(mergeMessages([], [message(4)]), [answer]);
    const viaBoth = mergeMessages(viaDone, [{ ...answer }]);
    expect(texts(viaBoth)).toEqual(['message 4', 'The answer']);
  });
});

describe('resumePoint', () => {
  it('resumes after the last message before the first missing one, per chat', () => {
    const entries = [
      ...mergeMessages([], [message(1), message(2), message(4), message(1, { id: 'other', chatId: 'chat_2' })]),
      pendingEntry('c-1', 'pending', ''),
    ];
    expect(resumePoint(entries, 'chat_1')).toBe(2); // 3 is missing: ask again from there
    expect(resumePoint(entries, 'chat_2')).toBe(1);
    expect(resumePoint(entries, null)).toBe(0);
    expect(resumePoint([], 'chat_1')).toBe(0);
  });

  it('skips the private notes the visitor never gets (gaps in seq, none in publicSeq)', () => {
    const entries = mergeMessages([], [message(1, { publicSeq: 1 }), message(3, { publicSeq: 2 }), message(6, { publicSeq: 3 })]);
    expect(resumePoint(entries, 'chat_1')).toBe(6);
  });
});
