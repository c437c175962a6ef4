import { avatarPath, type MessageDto } from '@chatiq/contracts';
import type { AuthUser } from '../common/auth-user.js';
import type { PrismaService } from '../prisma/prisma.service.js';

/** An operator's avatar path, or null. */
export function avatarUrlOf(user: Pick<AuthUser, 'avatarKey'>): string | null {
  return user.avatarKey ? avatarPath(user.avatarKey) : null;
}

/**
 * Gives every operator's message its author's current avatar (one query for the authors of the
 * page), so a new or removed picture shows on old messages too; other messages get none.
 */
export async function withAuthorAvatars(prisma: PrismaService, organizationId: string, messages: MessageDto[]): Promise<MessageDto[]> {
  const authorIds = [...new Set(messages.flatMap((m) => (m.authorKind === 'OPERATOR' && m.authorId ? [m.authorId] : [])))];
  if (authorIds.length === 0) return messages;
  const authors = await prisma.user.findMany({
    where: { id: { in: authorIds }, organizationId, avatarKey: { not: null } },
    select: { id: true, avatarKey: true },
  });
  const avatars = new Map(authors.map((a) => [a.id, avatarUrlOf(a)]));
  for (const m of messages) if (m.authorKind === 'OPERATOR' && m.authorId) m.authorAvatarUrl = avatars.get(m.authorId) ?? null;
  return messages;
}
