import type { Role } from '@chatiq/contracts';
import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';

/**
 * The permission table (README-dev.md, "Roles and permissions"): which roles may do what. Routes
 * name a permission with `@RequirePermission(...)`; finer rules that depend on the target (only an
 * OWNER may grant ADMIN or OWNER, the last OWNER stays, an operator sees only assigned sites) are
 * enforced by the services.
 */
export const PERMISSIONS = {
  /** Answer chats (operators: of their assigned sites only). */
  'chats.answer': ['OWNER', 'ADMIN', 'OPERATOR'],
  /** Create, edit and delete sites, rotate their keys. */
  'sites.manage': ['OWNER', 'ADMIN'],
  /** Widget settings, automation, AI settings. */
  'settings.manage': ['OWNER', 'ADMIN'],
  /** Create, delete, merge (and undo), block and unblock contacts. */
  'contacts.manage': ['OWNER', 'ADMIN'],
  /** See members and pending invitations. */
  'team.read': ['OWNER', 'ADMIN'],
  /** Invite members, revoke invitations, change members' roles and sites, deactivate them. */
  'team.manage': ['OWNER', 'ADMIN'],
  /** Grant or take away the ADMIN and OWNER roles (includes inviting an ADMIN). */
  'team.manageAdmins': ['OWNER'],
  /** Webhook subscriptions: create, edit, rotate secrets, see deliveries, re-send, test. */
  'webhooks.manage': ['OWNER', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(user: Pick<AuthUser, 'role'>, permission: Permission): void {
  if (!can(user.role, permission)) throw new AppError('forbidden', `Your role (${user.role}) may not do this (${permission})`);
}

const REQUIRED_PERMISSION = 'chatiq:requiredPermission';

/** Refuses the route with 403 `forbidden` unless the caller's role has the permission. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), UseGuards(PermissionGuard));

/** Runs after the global JwtAuthGuard, so `request.user` is the resolved (current) user and role. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new AppError('unauthorized', 'A valid access token is required');
    assertCan(user, permission);
    return true;
  }
}
