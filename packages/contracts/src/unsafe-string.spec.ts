import { describe, expect, it } from 'vitest';
import { findUnsafeString, unsafeStringReason } from './unsafe-string.js';

describe('findUnsafeString', () => {
  it('passes ordinary text, emoji and every script', () => {
    expect(findUnsafeString({ name: 'Café 😀 привіт 中文', tags: ['a', { deep: ['ok'] }], n: 1, b: true, z: null })).toBeNull();
    expect(findUnsafeString('😀')).toBeNull();
    expect(findUnsafeString(undefined)).toBeNull();
    expect(findUnsafeString(new Uint8Array([0, 0xd8, 0]))).toBeNull(); // binary is not text
  });

  it('finds a NUL or a lone surrogate, with the path of the field', () => {
    expect(findUnsafeString({ name: 'a\u0000b' })).toEqual({ path: ['name'], message: expect.stringContaining('NUL') });
    expect(findUnsafeString({ site: { names: ['ok', 'half \ud83d'] } })).toEqual({
      path: ['site', 'names', 1],
      message: expect.stringContaining('surrogate'),
    });
    expect(findUnsafeString({ text: '\ude00 low half first' })?.path).toEqual(['text']);
    expect(findUnsafeString('\u0000')).toEqual({ path: [], message: expect.stringContaining('NUL') });
    expect(findUnsafeString({ 'bad\u0000key': 1 })).toEqual({ path: ['bad\u0000key'], message: expect.stringContaining('field name') });
    // The first in document order.
    expect(findUnsafeString({ a: 'fine', b: 'x\u0000', c: '\ud800' })?.path).toEqual(['b']);
  });

  it('walks hostile nesting without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const found = findUnsafeString({ deep });
    expect(found?.path).toHaveLength(200_001);
    const cyclic: Record<string, unknown> = { ok: 'yes' };
    cyclic.self = cyclic;
    expect(findUnsafeString(cyclic)).toBeNull();
  });

  it('names the reason', () => {
    expect(unsafeStringReason('plain')).toBeNull();
    expect(unsafeStringReason('\u0000')).toMatch(/NUL/);
    expect(unsafeStringReason('\udbff')).toMatch(/surrogate/);
  });
});
