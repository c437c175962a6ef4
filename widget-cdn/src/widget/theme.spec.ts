import { describe, expect, it } from 'vitest';
import { readableTextColor } from './theme.js';

describe('readableTextColor', () => {
  it('puts white text on dark and saturated accents', () => {
    expect(readableTextColor('#6366F1')).toBe('#fff');
    expect(readableTextColor('#000')).toBe('#fff');
    expect(readableTextColor('#1E3A8Aff')).toBe('#fff');
  });

  it('puts dark text on light accents', () => {
    expect(readableTextColor('#FACC15')).toBe('#111827');
    expect(readableTextColor('#fff')).toBe('#111827');
    expect(readableTextColor('#a7f3d0')).toBe('#111827');
  });
});
