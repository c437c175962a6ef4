import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REMOTE_TYPING_TIMEOUT_MS, RemoteTyping, TYPING_IDLE_MS, TYPING_THROTTLE_MS, TypingSender } from './typing.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TypingSender', () => {
  function sender() {
    const sent: boolean[] = [];
    return {
      sent,
      typing: new TypingSender(
        (typing) => sent.push(typing),
        () => Date.now(),
      ),
    };
  }

  it('sends typing:true at most once per throttle window while the visitor keeps typing', () => {
    const { sent, typing } = sender();
    typing.input();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(150);
      typing.input();
    }
    expect(sent).toEqual([true]); // 1.5 s of typing
    vi.advanceTimersByTime(TYPING_THROTTLE_MS - 1500);
    typing.input();
    expect(sent).toEqual([true, true]);
  });

  it('sends typing:false after the idle delay, once', () => {
    const { sent, typing } = sender();
    typing.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(TYPING_IDLE_MS * 3);
    expect(sent).toEqual([true, false]);
  });

  it('keystrokes push the idle stop back', () => {
    const { sent, typing } = sender();
    typing.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 500);
    typing.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 500);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([true, true, false]);
  });

  it('stop() (the message was sent) sends typing:false at once, and only when typing', () => {
    const { sent, typing } = sender();
    typing.stop();
    expect(sent).toEqual([]);
    typing.input();
    typing.stop();
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);
    typing.input(); // typing again right after sending is a new start, not throttled away
    expect(sent).toEqual([true, false, true]);
  });
});

describe('RemoteTyping', () => {
  function remote() {
    const shown: (string | null)[] = [];
    return { shown, typing: new RemoteTyping((name) => shown.push(name)) };
  }

  it('shows the name, hides on typing:false', () => {
    const { shown, typing } = remote();
    typing.update(true, 'Oleh');
    typing.update(true, 'Oleh');
    typing.update(false, 'Oleh');
    expect(shown).toEqual(['Oleh', null]);
  });

  it('hides by itself after the timeout, renewed by each typing:true', () => {
    const { shown, typing } = remote();
    typing.update(true, 'Oleh');
    vi.advanceTimersByTime(REMOTE_TYPING_TIMEOUT_MS - 1000);
    typing.update(true, 'Oleh');
    vi.advanceTimersByTime(REMOTE_TYPING_TIMEOUT_MS - 1);
    expect(shown).toEqual(['Oleh']);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['Oleh', null]);
  });

  it('clear() (the operator replied) hides it and cancels the timeout', () => {
    const { shown, typing } = remote();
    typing.update(true, 'Oleh');
    typing.clear();
    vi.advanceTimersByTime(REMOTE_TYPING_TIMEOUT_MS);
    expect(shown).toEqual(['Oleh', null]);
  });
});
