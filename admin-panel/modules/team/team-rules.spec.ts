import { describe, expect, it } from 'vitest';
import { defaultSiteIds, inviteRoles, memberRights, seesAllSites, toggleId } from './team-rules';

const owner = { id: 'u_owner', role: 'OWNER' as const };
const admin = { id: 'u_admin', role: 'ADMIN' as const };

describe('team rules', () => {
  it('lets an owner change anyone else’s role, sites (operators) and activity', () => {
    expect(memberRights(owner, { id: 'u_op', role: 'OPERATOR' })).toEqual({
      roles: ['OWNER', 'ADMIN', 'OPERATOR'],
      sites: true,
      deactivate: true,
    });
    expect(memberRights(owner, { id: 'u_admin', role: 'ADMIN' })).toEqual({
      roles: ['OWNER', 'ADMIN', 'OPERATOR'],
      sites: false,
      deactivate: true,
    });
  });

  it('never offers to demote or deactivate yourself', () => {
    expect(memberRights(owner, { id: 'u_owner', role: 'OWNER' })).toEqual({ roles: ['OWNER'], sites: false, deactivate: false });
    expect(memberRights(admin, { id: 'u_admin', role: 'ADMIN' })).toEqual({ roles: ['ADMIN'], sites: false, deactivate: false });
  });

  it('lets an admin manage operators only, without granting roles', () => {
    expect(memberRights(admin, { id: 'u_op', role: 'OPERATOR' })).toEqual({ roles: ['OPERATOR'], sites: true, deactivate: true });
    expect(memberRights(admin, { id: 'u_other', role: 'ADMIN' })).toEqual({ roles: ['ADMIN'], sites: false, deactivate: false });
    expect(memberRights(admin, { id: 'u_o', role: 'OWNER' })).toEqual({ roles: ['OWNER'], sites: false, deactivate: false });
  });

  it('lets only an owner invite an admin', () => {
    expect(inviteRoles('OWNER')).toEqual(['OPERATOR', 'ADMIN']);
    expect(inviteRoles('ADMIN')).toEqual(['OPERATOR']);
    expect(inviteRoles('OPERATOR')).toEqual([]);
  });

  it('knows who sees every site, and toggles site ids', () => {
    expect(seesAllSites('ADMIN')).toBe(true);
    expect(seesAllSites('OPERATOR')).toBe(false);
    expect(toggleId(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('ticks the only site of an invitation, and none of several', () => {
    expect(defaultSiteIds([{ id: 's_1' }])).toEqual(['s_1']);
    expect(defaultSiteIds([])).toEqual([]);
    expect(defaultSiteIds([{ id: 's_1' }, { id: 's_2' }])).toEqual([]);
  });
});
