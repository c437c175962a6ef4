import type { ContactDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { ContactsService } from './contacts.service.js';

/**
 * Blocking a contact: from then on their widget is refused (`contact_blocked`: a join of any of
 * their visitors, an identify as them, a new chat; see ContactGateService) and nothing of theirs is
 * stored. Their widgets connected now are told and disconnected, on every node.
 */
@Injectable()
export class ContactBlocksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly contacts: ContactsService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  async block(user: AuthUser, contactId: string): Promise<ContactDto> {
    const contact = await this.contacts.findVisible(user, contactId);
    await this.prisma.contact.updateMany({ where: { id: contact.id, blocked: false }, data: { blocked: true, blockedAt: new Date() } });
    const visitors = await this.prisma.visitor.findMany({ where: { contactId: contact.id }, select: { id: true } });
    this.fanout.disconnectVisitors(
      visitors.map((v) => v.id),
      { code: 'contact_blocked', message: 'This visitor is blocked' },
    );
    return this.contacts.dto(user, contact.id);
  }

  async unblock(user: AuthUser, contactId: string): Promise<ContactDto> {
    const contact = await this.contacts.findVisible(user, contactId);
    await this.prisma.contact.update({ where: { id: contact.id }, data: { blocked: false, blockedAt: null } });
    return this.contacts.dto(user, contact.id);
  }
}
