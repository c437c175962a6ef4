import { describe, expect, it } from 'vitest';
import { adminJoinPayloadSchema, colleagueDtoSchema, listColleaguesQuerySchema } from './index.js';

describe('admin:join takeOver', () => {
  it('takes over unless the client says otherwise', () => {
    expect(adminJoinPayloadSchema.parse({ chatId: 'c1' })).toEqual({ chatId: 'c1', afterSeq: 0, takeOver: true });
    expect(adminJoinPayloadSchema.parse({ chatId: 'c1', afterSeq: 4, takeOver: false })).toEqual({
      chatId: 'c1',
      afterSeq: 4,
      takeOver: false,
    });
  });

  it('refuses a takeOver that is not a boolean', () => {
    expect(adminJoinPayloadSchema.safeParse({ chatId: 'c1', takeOver: 'no' }).success).toBe(false);
    expect(adminJoinPayloadSchema.safeParse({ chatId: 'c1', takeOver: 0 }).success).toBe(false);
  });
});

describe('GET /team/colleagues', () => {
  it('needs a site id', () => {
    expect(listColleaguesQuerySchema.safeParse({}).success).toBe(false);
    expect(listColleaguesQuerySchema.safeParse({ siteId: '' }).success).toBe(false);
    expect(listColleaguesQuerySchema.parse({ siteId: 's1' })).toEqual({ siteId: 's1' });
  });

  it('describes a colleague by id, name, email and role', () => {
    const colleague = { id: 'u1', name: 'Olena', email: 'olena@example.com', role: 'OPERATOR' };
    expect(colleagueDtoSchema.parse(colleague)).toEqual(colleague);
    expect(colleagueDtoSchema.safeParse({ ...colleague, role: 'GUEST' }).success).toBe(false);
  });
});
