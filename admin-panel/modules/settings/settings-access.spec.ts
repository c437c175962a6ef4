import { describe, expect, it } from 'vitest';
import { canManageSettings, tabOfPath } from './settings-access';

describe('settings access', () => {
  it('is for owners and admins', () => {
    expect(canManageSettings('OWNER')).toBe(true);
    expect(canManageSettings('ADMIN')).toBe(true);
    expect(canManageSettings('OPERATOR')).toBe(false);
  });

  it('finds the tab of a path', () => {
    expect(tabOfPath('/settings/business-hours')?.perSite).toBe(true);
    expect(tabOfPath('/settings/team')?.perSite).toBe(false);
    expect(tabOfPath('/settings')).toBeNull();
    expect(tabOfPath('/settings/nope')).toBeNull();
  });
});
