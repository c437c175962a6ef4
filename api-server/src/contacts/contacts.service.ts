import type {
  ContactDetailDto,
  ContactDto,
  ContactListDto,
  createContactBodySchema,
  ListContactsQuery,
  updateContactBodySchema,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { chatSummaryInclude, toChatSummaryDto } from '../chats/chat-dto.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { type Contact, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { visibleSitesWhere } from '../sites/site-access.js';
import { visibleContactsWhere, visibleSiteIds } from './contact-access.js';
import { ContactAttributesService } from './contact-attributes.service.js';
import { type ContactWithRelations, contactDtoInclude, toContactDto, toContactNoteDto, toContactVisitorDto } from './contact-dto.js';
import { contactListStatement } from './contact-list-statement.js';

type CreateContact = z.output<typeof createContactBodySchema>;
type UpdateContact = z.output<typeof updateContactBodySchema>;

/** The most conversations a contact page lists. */
const MAX_CONTACT_CHATS = 500;

/** The people directory: list, profile with every conversation, edit, delete. Scoped by `visibleContactsWhere`. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly attributes: ContactAttributesService,
  ) {}

  /** A contact the user may see, else `not_found` (another tenant's contact is never "forbidden"). */
  async findVisible(user: AuthUser, contactId: string): Promise<Contact> {
    const contact = await this.prisma.contact.findFirst({ where: { id: contactId, ...visibleContactsWhere(user) } });
    if (!contact) throw new AppError('not_found', 'No such contact');
    return contact;
  }

  async list(user: AuthUser, query: ListContactsQuery): Promise<ContactListDto> {
    const siteIds = await visibleSiteIds(this.prisma, user);
    if (query.siteId !== undefined && !siteIds.includes(query.siteId)) throw new AppError('site_not_found', 'No such site');
    const rows = await this.prisma.$queryRaw<{ id: string; total: bigint }[]>(
      contactListStatement({
        organizationId: user.organizationId,
        operatorSiteIds: user.role === 'OPERATOR' ? siteIds : null,
        siteIds,
        query,
      }),
    );
    const total = rows.length > 0 ? Number(rows[0]!.total) : query.offset > 0 ? await this.countOnly(user, query, siteIds) : 0;
    return {
      contacts: await this.dtos(
        user,
        rows.map((r) => r.id),
        siteIds,
      ),
      total,
    };
  }

  /** The total when the page asked for lies past the end. */
  private async countOnly(user: AuthUser, query: ListContactsQuery, siteIds: string[]): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ id: string; total: bigint }[]>(
      contactListStatement({
        organizationId: user.organizationId,
        operatorSiteIds: user.role === 'OPERATOR' ? siteIds : null,
        siteIds,
        query: { ...query, offset: 0, limit: 1 },
      }),
    );
    return rows.length > 0 ? Number(rows[0]!.total) : 0;
  }

  /** Contact DTOs in the order of `ids`, their counts and sites limited to what the user sees. */
  async dtos(user: AuthUser, ids: string[], siteIds?: string[]): Promise<ContactDto[]> {
    if (ids.length === 0) return [];
    const sites = siteIds ?? (await visibleSiteIds(this.prisma, user));
    const [contacts, stats] = await Promise.all([
      this.prisma.contact.findMany({ where: { id: { in: ids }, organizationId: user.organizationId }, include: contactDtoInclude }),
      this.prisma.$queryRaw<{ id: string; siteIds: string[]; chats: number }[]>(Prisma.sql`
        SELECT v."contactId" AS id, array_agg(DISTINCT v."siteId") AS "siteIds", count(ch.id)::int AS chats
        FROM "Visitor" v LEFT JOIN "Chat" ch ON ch."visitorId" = v.id
        WHERE v."contactId" = ANY(${ids}::text[]) AND v."siteId" = ANY(${sites}::text[])
        GROUP BY v."contactId"`),
    ]);
    const byId = new Map(contacts.map((c) => [c.id, c as ContactWithRelations]));
    const statsById = new Map(stats.map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const contact = byId.get(id);
      const stat = statsById.get(id);
      return contact ? [toContactDto(contact, { chatsCount: stat?.chats ?? 0, siteIds: [...(stat?.siteIds ?? [])].sort() })] : [];
    });
  }

  async dto(user: AuthUser, contactId: string): Promise<ContactDto> {
    const [dto] = await this.dtos(user, [contactId]);
    if (!dto) throw new AppError('not_found', 'No such contact');
    return dto;
  }

  /** The profile with its notes, its visitors and every conversation on the sites the user sees, newest first. */
  async detail(user: AuthUser, contactId: string): Promise<ContactDetailDto> {
    const contact = await this.findVisible(user, contactId);
    const onVisibleSites = { contactId: contact.id, site: visibleSitesWhere(user) };
    const [dto, notes, visitors, chats] = await Promise.all([
      this.dto(user, contact.id),
      this.prisma.contactNote.findMany({ where: { contactId: contact.id }, orderBy: { createdAt: 'desc' } }),
      this.prisma.visitor.findMany({ where: onVisibleSites, orderBy: { lastSeenAt: 'desc' } }),
      this.prisma.chat.findMany({
        where: { organizationId: user.organizationId, visitor: onVisibleSites },
        include: chatSummaryInclude,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_CONTACT_CHATS,
      }),
    ]);
    return {
      ...dto,
      notes: notes.map(toContactNoteDto),
      visitors: visitors.map(toContactVisitorDto),
      chats: chats.map(toChatSummaryDto),
    };
  }

  async create(user: AuthUser, body: CreateContact): Promise<ContactDto> {
    const id = await this.prisma.$transaction(async (tx) => {
      const contact = await tx.contact.create({
        data: {
          organizationId: user.organizationId,
          name: body.name ?? null,
          email: body.email ?? null,
          phone: body.phone ?? null,
          company: body.company ?? null,
        },
      });
      if (body.attributes) await this.attributes.write(tx, user.organizationId, contact.id, body.attributes, 'strict');
      return contact.id;
    });
    return this.dto(user, id);
  }

  /** Changes the fields given (`null` clears one) and the attributes given (`null` removes one). */
  async update(user: AuthUser, contactId: string, body: UpdateContact): Promise<ContactDto> {
    const contact = await this.findVisible(user, contactId);
    await this.prisma.$transaction(async (tx) => {
      await tx.contact.update({
        where: { id: contact.id },
        data: { name: body.name, email: body.email, phone: body.phone, company: body.company },
      });
      if (body.attributes) await this.attributes.write(tx, user.organizationId, contact.id, body.attributes, 'strict');
    });
    return this.dto(user, contact.id);
  }

  /** Deletes the contact, its notes, labels and attributes; its visitors and chats stay (without a contact). */
  async remove(user: AuthUser, contactId: string): Promise<void> {
    const contact = await this.findVisible(user, contactId);
    await this.prisma.contact.deleteMany({ where: { id: contact.id, organizationId: user.organizationId } });
  }
}
