import { describe, expect, it } from 'vitest';
import { adminJoinPayloadSchema, colleagueDtoSchema, listColleaguesQuerySchema } from './index.js';

describe('admin:join', () => {
  it('opens a chat after a sequence number and drops the takeOver key older clients send (opening assigns nothing)', () => {
    expect(adminJoinPayloadSchema.parse({ chatId: 'c1' })).toEqual({ chatId: 'c1', afterSeq: 0 });
    expect(adminJoinPayloadSchema.parse({ chatId: 'c1', afterSeq: 4, takeOver: true })).toEqual({ chatId: 'c1', afterSeq: 4 });
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
