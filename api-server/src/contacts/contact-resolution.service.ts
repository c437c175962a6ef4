import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ChatEventMap, ChatEventsService, LISTENER_ORDER } from '../events/chat-events.service.js';
import type { Contact } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { ContactAttributesService } from './contact-attributes.service.js';

type Identified = ChatEventMap['visitorIdentified'];

/**
 * Which person a visitor is. A contact gathers the organization's visitors, on any of its sites:
 * 1. by verified user id (`chtq.setUser` with a matching hash): the contact with that
 *    `externalUserId`; else the visitor's own contact or a contact with the same email, if neither
 *    is verified yet (it becomes this user); else a new one. Verified beats email: a verified
 *    visitor leaves a contact it was linked to by email for its user's contact.
 * 2. by email, unverified: the visitor's own contact if it has one (its email filled when empty),
 *    else an unverified contact with that email, else a new one. An unverified email never joins
 *    a verified contact (anyone can type an address).
 * A name alone makes no contact. Attributes from `chtq.setUser` count only for a verified user.
 * Runs on the chats domain's `visitorIdentified`, before the identify is acknowledged.
 */
@Injectable()
export class ContactResolutionService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: ChatEventsService,
    private readonly attributes: ContactAttributesService,
  ) {}

  onModuleInit(): void {
    this.events.on('visitorIdentified', (event) => this.resolve(event).then(() => undefined), LISTENER_ORDER.contacts);
  }

  /** Links the visitor to its contact (made if needed); returns it, or null when nothing identifies a person. */
  async resolve(event: Identified): Promise<Contact | null> {
    const organizationId = event.site.organizationId;
    const visitor = await this.prisma.visitor.findFirst({
      where: { id: event.visitorId, organizationId },
      select: { id: true, contact: true },
    });
    if (!visitor) return null;
    const current = visitor.contact && visitor.contact.mergedIntoId === null ? visitor.contact : null;
    let contact: Contact | null;
    if (event.verifiedUserId !== null) {
      contact = await this.verifiedContact(organizationId, event.verifiedUserId, current, event);
    } else if (event.email !== null) {
      contact = current ?? (await this.emailContact(organizationId, event.email, event.name));
    } else {
      contact = current;
    }
    if (!contact) return null;
    const now = new Date();
    contact = await this.prisma.contact.update({
      where: { id: contact.id },
      data: {
        lastSeenAt: now,
        ...(contact.name === null && event.name !== null ? { name: event.name } : {}),
        ...(contact.email === null && event.email !== null ? { email: event.email } : {}),
      },
    });
    if (visitor.contact?.id !== contact.id) {
      await this.prisma.visitor.update({ where: { id: visitor.id }, data: { contactId: contact.id } });
    }
    if (event.verifiedUserId !== null && event.attributes) {
      await this.attributes.write(this.prisma, organizationId, contact.id, event.attributes, 'lenient');
    }
    return contact;
  }

  private async verifiedContact(organizationId: string, userId: string, current: Contact | null, who: Identified): Promise<Contact> {
    const known = await this.byUserId(organizationId, userId);
    if (known) return known;
    // Nobody is this user yet: the visitor's own unverified contact, or an unverified one with the same email, becomes them.
    const candidates = [
      current,
      who.email !== null
        ? await this.prisma.contact.findFirst({
            where: { organizationId, email: who.email, externalUserId: null, mergedIntoId: null },
            orderBy: { lastSeenAt: 'desc' },
          })
        : null,
    ];
    for (const candidate of candidates) {
      if (!candidate || candidate.externalUserId !== null) continue;
      try {
        const adopted = await this.prisma.contact.updateMany({
          where: { id: candidate.id, externalUserId: null },
          data: { externalUserId: userId },
        });
        if (adopted.count === 1) return { ...candidate, externalUserId: userId };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return (await this.byUserId(organizationId, userId)) as Contact; // another tab made it meanwhile
      }
    }
    try {
      return await this.prisma.contact.create({
        data: { organizationId, externalUserId: userId, name: who.name, email: who.email },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.byUserId(organizationId, userId)) as Contact;
    }
  }

  /** The contact of a verified user id (a merge moves the id to the contact it merged into). */
  private async byUserId(organizationId: string, userId: string): Promise<Contact | null> {
    return this.prisma.contact.findUnique({ where: { organizationId_externalUserId: { organizationId, externalUserId: userId } } });
  }

  private async emailContact(organizationId: string, email: string, name: string | null): Promise<Contact> {
    const known = await this.prisma.contact.findFirst({
      where: { organizationId, email, externalUserId: null, mergedIntoId: null },
      orderBy: { lastSeenAt: 'desc' },
    });
    return known ?? (await this.prisma.contact.create({ data: { organizationId, email, name } }));
  }
}
