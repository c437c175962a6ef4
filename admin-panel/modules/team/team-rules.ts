import type { InviteRole, MemberDto, Role } from '@chatiq/contracts';

/**
 * What the signed-in member may change about another, as the API decides it (README-dev's
 * permission table): an ADMIN manages operators only and grants no role; an OWNER manages anyone.
 * Nobody deactivates or demotes themselves here (it would end their own session mid-click); the
 * API still guards the last OWNER (409 last_owner).
 */
export type MemberRights = { roles: Role[]; sites: boolean; deactivate: boolean };

const ALL_ROLES: Role[] = ['OWNER', 'ADMIN', 'OPERATOR'];

export function memberRights(caller: { id: string; role: Role }, member: Pick<MemberDto, 'id' | 'role'>): MemberRights {
  const self = caller.id === member.id;
  if (caller.role === 'OWNER') return { roles: self ? [member.role] : ALL_ROLES, sites: member.role === 'OPERATOR', deactivate: !self };
  if (caller.role === 'ADMIN' && member.role === 'OPERATOR') return { roles: ['OPERATOR'], sites: true, deactivate: true };
  return { roles: [member.role], sites: false, deactivate: false };
}

/** Roles the caller may invite with (only an OWNER invites an ADMIN). */
export function inviteRoles(callerRole: Role): InviteRole[] {
  return callerRole === 'OWNER' ? ['OPERATOR', 'ADMIN'] : callerRole === 'ADMIN' ? ['OPERATOR'] : [];
}

/** Operators see the sites assigned to them; owners and admins see every site. */
export function seesAllSites(role: Role): boolean {
  return role !== 'OPERATOR';
}

/** `ids` with `id` added or removed. */
export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}

/** An operator's invitation names at least one site: with a single site, it is ticked from the start. */
export function defaultSiteIds(sites: readonly { id: string }[]): string[] {
  return sites.length === 1 && sites[0] ? [sites[0].id] : [];
}
