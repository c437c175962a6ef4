import { describe, expect, it } from 'vitest';
import { insertAtCursor } from './insert-at-cursor';

describe('insertAtCursor', () => {
  it('inserts at the cursor, replacing a selection', () => {
    expect(insertAtCursor('Hi , welcome', '{visitor.name}', 3, 3)).toEqual({ text: 'Hi {visitor.name}, welcome', cursor: 17 });
    expect(insertAtCursor('Hi NAME!', '{visitor.name}', 3, 7)).toEqual({ text: 'Hi {visitor.name}!', cursor: 17 });
  });

  it('appends when there is no cursor, and clamps odd positions', () => {
    expect(insertAtCursor('Hi', ' {site.name}', null, null)).toEqual({ text: 'Hi {site.name}', cursor: 14 });
    expect(insertAtCursor('Hi', 'x', 10, 20)).toEqual({ text: 'Hix', cursor: 3 });
  });
});
