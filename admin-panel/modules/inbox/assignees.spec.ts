import type { ColleagueDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { transferTargets } from './assignees';

const colleague = (id: string, name: string, role: ColleagueDto['role'] = 'OPERATOR'): ColleagueDto => ({
  id,
  name,
  email: `${id}@example.com`,
  role,
});

describe('transferTargets', () => {
  const colleagues = [colleague('c', 'Cyril'), colleague('owner', 'Olena', 'OWNER'), colleague('a', 'Anna'), colleague('me', 'Maksym')];

  it('offers every colleague but me, by name', () => {
    expect(transferTargets(colleagues, null, 'me')).toEqual([
      { id: 'a', name: 'Anna' },
      { id: 'c', name: 'Cyril' },
      { id: 'owner', name: 'Olena' },
    ]);
  });

  it('leaves out whoever has the chat already', () => {
    expect(transferTargets(colleagues, 'a', 'me').map((c) => c.id)).toEqual(['c', 'owner']);
    expect(transferTargets(colleagues, 'me', 'me').map((c) => c.id)).toEqual(['a', 'c', 'owner']);
  });

  it('offers nobody when the operator is alone on the site', () => {
    expect(transferTargets([colleague('me', 'Maksym')], null, 'me')).toEqual([]);
  });
});
