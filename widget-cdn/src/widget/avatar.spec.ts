import { describe, expect, it } from 'vitest';
import { avatarColor, initials } from './avatar.js';

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('operator avatars', () => {
  it('initials: first and last word, upper case, whole characters', () => {
    expect(initials('Olena Petrenko')).toBe('OP');
    expect(initials('  олена  ')).toBe('О');
    expect(initials('Ivan Franko Jr')).toBe('IJ');
    expect(initials('e\u0301mile zola')).toBe('ÉZ'); // a decomposed accent stays with its letter
    expect(initials('😀 Smile')).toBe('😀S');
    expect(initials('<img src=x>')).toBe('<S'); // only ever text (drawn from an attribute by CSS)
    expect(initials('   ')).toBe('?');
  });

  it('colour: the same for the same name, different names spread over the palette', () => {
    expect(avatarColor('Olena')).toBe(avatarColor(' olena '));
    const colours = new Set(['Olena', 'Ivan', 'Maria', 'Taras', 'Oksana', 'Petro', 'Sofia', 'Andrii', 'Iryna', 'Bohdan'].map(avatarColor));
    expect(colours.size).toBeGreaterThanOrEqual(4);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('every colour keeps white initials readable (contrast ≥ 4.5:1)', () => {
    const palette = new Set(Array.from({ length: 500 }, (_, i) => avatarColor(`operator ${i}`)));
    expect(palette.size).toBe(8);
    for (const colour of palette) expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(4.5);
  });
});
