import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and writes numbers and nulls plainly', () => {
    expect(toCsv(['Site', 'Chats', 'Median'], [['Shop', 4, null]])).toBe('\uFEFFSite,Chats,Median\r\nShop,4,\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['Пекарня «Колосок»', 'Пекарня «Колосок»'],
    ['Smith, Anna', '"Smith, Anna"'],
    ['the "best" shop', '"the ""best"" shop"'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-5', "'-5"],
    ['@home', "'@home"],
  ])('quotes %j as %j', (value, field) => {
    expect(toCsv([value], [])).toBe(`\uFEFF${field}\r\n`);
  });
});
