import { Injectable, Module } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** The one refusal a blocked contact gets, wherever their widget tries (join, identify, a new chat). */
export function contactBlocked(): AppError {
  return new AppError('contact_blocked', 'This visitor is blocked');
}

/**
 * The widget's door for blocked contacts, used by the chats domain before it stores anything a
 * visitor tells about themselves. It depends on the database only (the chats domain imports it;
 * the contacts domain, which listens to chats' events, sits above both). A join checks the
 * visitor's contact in the lookup it already makes (`VisitorChatsService.resolveVisitor`), and a
 * new chat in the visitor row it already locks, so the hot path pays no extra query.
 */
@Injectable()
export class ContactGateService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Refuses (`contact_blocked`) a visitor who is, or now identifies as, a blocked contact: their
   * own contact, the contact of a verified user id, or a contact with this email. One indexed query.
   */
  async assertNotBlocked(
    organizationId: string,
    who: { visitorId: string; verifiedUserId: string | null; email?: string | null },
  ): Promise<void> {
    const blocked = await this.prisma.contact.findFirst({
      where: {
        organizationId,
        blocked: true,
        mergedIntoId: null,
        OR: [
          { visitors: { some: { id: who.visitorId } } },
          ...(who.verifiedUserId !== null ? [{ externalUserId: who.verifiedUserId }] : []),
          ...(who.email ? [{ email: who.email }] : []),
        ],
      },
      select: { id: true },
    });
    if (blocked) throw contactBlocked();
  }
}

@Module({ providers: [ContactGateService], exports: [ContactGateService] })
export class ContactGateModule {}
