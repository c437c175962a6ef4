import { type ContactDto, type ContactMergeDto, type ContactMergeMoved, contactMergeMovedSchema } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { Contact, ContactMerge, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { ContactsService } from './contacts.service.js';

const FIELDS = ['name', 'email', 'phone', 'company'] as const;

function toMergeDto(merge: ContactMerge): ContactMergeDto {
  return {
    id: merge.id,
    targetId: merge.targetId,
    sourceId: merge.sourceId,
    mergedById: merge.mergedById,
    moved: contactMergeMovedSchema.parse(merge.moved),
    createdAt: merge.createdAt.toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
  };
}

function conflict(message: string): AppError {
  return new AppError('merge_conflict', message);
}

/**
 * Merging two contacts into one, undoably: the source's visitors (so its chats), notes, labels
 * the target lacks, attribute values the target lacks and profile fields the target has empty go
 * to the target; the source is kept hidden (`mergedIntoId`) and `ContactMerge.moved` records what
 * moved, so an undo moves exactly that back. Two verified users are two people: contacts that both
 * have a verified user id are not merged.
 */
@Injectable()
export class ContactMergesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly contacts: ContactsService,
  ) {}

  async merge(user: AuthUser, targetId: string, sourceId: string): Promise<{ contact: ContactDto; merge: ContactMergeDto }> {
    // Visibility first: another tenant's contact is not found, whatever else is wrong with the request.
    await this.contacts.findVisible(user, targetId);
    await this.contacts.findVisible(user, sourceId);
    if (targetId === sourceId) throw conflict('A contact cannot be merged with itself');
    const merge = await this.prisma.$transaction(async (tx) => {
      const [target, source] = await lockContacts(tx, targetId, sourceId);
      if (!target || !source || target.mergedIntoId !== null || source.mergedIntoId !== null) {
        throw conflict('One of the contacts was merged meanwhile');
      }
      if (target.externalUserId !== null && source.externalUserId !== null) {
        throw conflict('Both contacts are verified users: two people cannot be merged');
      }
      const moved: ContactMergeMoved = { visitorIds: [], noteIds: [], labelIds: [], attributes: [], fields: [] };

      moved.visitorIds = (await tx.visitor.findMany({ where: { contactId: source.id }, select: { id: true } })).map((v) => v.id);
      await tx.visitor.updateMany({ where: { id: { in: moved.visitorIds } }, data: { contactId: target.id } });
      moved.noteIds = (await tx.contactNote.findMany({ where: { contactId: source.id }, select: { id: true } })).map((n) => n.id);
      await tx.contactNote.updateMany({ where: { id: { in: moved.noteIds } }, data: { contactId: target.id } });

      const targetLabels = new Set((await tx.contactLabel.findMany({ where: { contactId: target.id } })).map((l) => l.labelId));
      moved.labelIds = (await tx.contactLabel.findMany({ where: { contactId: source.id } }))
        .map((l) => l.labelId)
        .filter((id) => !targetLabels.has(id));
      await tx.contactLabel.createMany({
        data: moved.labelIds.map((labelId) => ({ organizationId: target.organizationId, contactId: target.id, labelId })),
      });

      const targetValues = new Set(
        (await tx.contactAttributeValue.findMany({ where: { contactId: target.id } })).map((v) => v.definitionId),
      );
      const sourceValues = await tx.contactAttributeValue.findMany({
        where: { contactId: source.id },
        include: { definition: { select: { key: true } } },
      });
      const newValues = sourceValues.filter((v) => !targetValues.has(v.definitionId));
      moved.attributes = newValues.map((v) => ({ definitionId: v.definitionId, key: v.definition.key }));
      await tx.contactAttributeValue.createMany({
        data: newValues.map((v) => ({
          organizationId: target.organizationId,
          contactId: target.id,
          definitionId: v.definitionId,
          value: v.value as Prisma.InputJsonValue,
        })),
      });

      const fill: Partial<Record<(typeof FIELDS)[number] | 'externalUserId', string>> = {};
      for (const field of FIELDS) {
        const value = source[field];
        if (target[field] === null && value !== null) fill[field] = value;
      }
      if (source.externalUserId !== null) {
        // The user id moves (unique per organization): the hidden source gives it up.
        fill.externalUserId = source.externalUserId;
        await tx.contact.update({ where: { id: source.id }, data: { externalUserId: null } });
      }
      moved.fields = Object.keys(fill) as ContactMergeMoved['fields'];
      await tx.contact.update({
        where: { id: target.id },
        data: {
          ...fill,
          firstSeenAt: new Date(Math.min(source.firstSeenAt.getTime(), target.firstSeenAt.getTime())),
          lastSeenAt: new Date(Math.max(source.lastSeenAt.getTime(), target.lastSeenAt.getTime())),
        },
      });
      await tx.contact.update({ where: { id: source.id }, data: { mergedIntoId: target.id } });
      return tx.contactMerge.create({
        data: { organizationId: target.organizationId, targetId: target.id, sourceId: source.id, mergedById: user.id, moved },
      });
    });
    return { contact: await this.contacts.dto(user, targetId), merge: toMergeDto(merge) };
  }

  /** The merges into a contact, newest first (undone ones too). */
  async list(user: AuthUser, contactId: string): Promise<ContactMergeDto[]> {
    const contact = await this.contacts.findVisible(user, contactId);
    const merges = await this.prisma.contactMerge.findMany({ where: { targetId: contact.id }, orderBy: { createdAt: 'desc' } });
    return merges.map(toMergeDto);
  }

  /**
   * Moves back what the merge moved (what is still on the target: a visitor that became someone
   * else since stays where it is; a field is cleared only while it still holds the source's value)
   * and shows the source again. The target must not have been merged away since.
   */
  async unmerge(user: AuthUser, mergeId: string): Promise<{ target: ContactDto; source: ContactDto; merge: ContactMergeDto }> {
    const found = await this.prisma.contactMerge.findFirst({ where: { id: mergeId, organizationId: user.organizationId } });
    if (!found) throw new AppError('not_found', 'No such merge');
    await this.contacts.findVisible(user, found.targetId).catch(() => {
      // A target merged away is a conflict for whoever may see it; for others it is not there.
      throw new AppError('not_found', 'No such merge');
    });
    const merge = await this.prisma.$transaction(async (tx) => {
      const [target, source] = await lockContacts(tx, found.targetId, found.sourceId);
      const current = await tx.contactMerge.findUniqueOrThrow({ where: { id: found.id } });
      if (current.undoneAt !== null) throw conflict('This merge was already undone');
      if (!target || !source || target.mergedIntoId !== null || source.mergedIntoId !== target.id) {
        throw conflict('The contacts changed since: this merge can no longer be undone');
      }
      const moved = contactMergeMovedSchema.parse(current.moved);
      await tx.visitor.updateMany({ where: { id: { in: moved.visitorIds }, contactId: target.id }, data: { contactId: source.id } });
      await tx.contactNote.updateMany({ where: { id: { in: moved.noteIds }, contactId: target.id }, data: { contactId: source.id } });
      await tx.contactLabel.deleteMany({ where: { contactId: target.id, labelId: { in: moved.labelIds } } });
      await tx.contactAttributeValue.deleteMany({
        where: { contactId: target.id, definitionId: { in: moved.attributes.map((a) => a.definitionId) } },
      });
      const clear: Partial<Record<(typeof FIELDS)[number] | 'externalUserId', null>> = {};
      for (const field of moved.fields) {
        if (field === 'externalUserId' || target[field] === source[field]) clear[field] = null;
      }
      const userId = moved.fields.includes('externalUserId') ? target.externalUserId : null;
      await tx.contact.update({ where: { id: target.id }, data: clear });
      await tx.contact.update({
        where: { id: source.id },
        data: { mergedIntoId: null, ...(userId !== null ? { externalUserId: userId } : {}) },
      });
      return tx.contactMerge.update({ where: { id: current.id }, data: { undoneAt: new Date(), undoneById: user.id } });
    });
    const [target, source] = await this.contacts.dtos(user, [found.targetId, found.sourceId]);
    if (!target || !source) throw new AppError('not_found', 'No such contact');
    return { target, source, merge: toMergeDto(merge) };
  }
}

/** Both rows locked (in id order: two merges of the same pair never deadlock), as they are now. */
async function lockContacts(tx: Prisma.TransactionClient, aId: string, bId: string): Promise<[Contact | undefined, Contact | undefined]> {
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ANY(${[aId, bId].sort()}::text[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.contact.findMany({ where: { id: { in: [aId, bId] } } });
  return [rows.find((r) => r.id === aId), rows.find((r) => r.id === bId)];
}
