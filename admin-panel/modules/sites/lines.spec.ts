import { updateSiteBodySchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '@/lib/forms/field-errors';
import { fromLines, listFieldErrors, toLines } from './lines';

describe('site list fields', () => {
  it('splits lines and commas, trims and drops blanks; joins back one per line', () => {
    expect(toLines(' shop.example \n\n a.example, b.example ,\n')).toEqual(['shop.example', 'a.example', 'b.example']);
    expect(toLines('   ')).toEqual([]);
    expect(fromLines(['a.example', 'b.example'])).toBe('a.example\nb.example');
  });

  it('puts each contract problem of a list on the value it is about', () => {
    const domains = toLines('good.example\nbad domain\nalso good.example');
    const allowedOrigins = toLines('https://ok.example\nhttps://x.example/path');
    const parsed = updateSiteBodySchema.safeParse({ name: 'Shop', domains, allowedOrigins });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFromIssues(parsed.error!.issues);
    expect(listFieldErrors(errors, 'domains', domains)).toEqual([
      { value: 'bad domain', message: 'Not a valid domain' },
      { value: 'also good.example', message: 'Not a valid domain' },
    ]);
    expect(listFieldErrors(errors, 'allowedOrigins', allowedOrigins)).toEqual([
      { value: 'https://x.example/path', message: 'Must be an origin such as https://example.com' },
    ]);
    expect(listFieldErrors(errors, 'name', [])).toEqual([]);
  });

  it('reports a problem with the whole list without a value', () => {
    const sent = Array.from({ length: 51 }, (_, i) => `d${i}.example`);
    const parsed = updateSiteBodySchema.safeParse({ domains: sent });
    const errors = fieldErrorsFromIssues(parsed.error!.issues);
    expect(listFieldErrors(errors, 'domains', sent)).toEqual([{ value: null, message: expect.stringMatching(/^Too big/) }]);
  });
});
