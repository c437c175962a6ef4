import type {
  ContactAttributeType,
  ContactAttributeValue,
  ContactDto,
  ContactNoteDto,
  ContactVisitorDto,
  LabelDto,
} from '@chatiq/contracts';
import type { Contact, ContactNote, ContactAttributeType as DbAttributeType, Label, Visitor } from '../generated/prisma/client.js';

export function toLabelDto(label: Label): LabelDto {
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    description: label.description,
    createdAt: label.createdAt.toISOString(),
    updatedAt: label.updatedAt.toISOString(),
  };
}

export const toApiAttributeType = (type: DbAttributeType) => type.toLowerCase() as ContactAttributeType;
export const toDbAttributeType = (type: ContactAttributeType) => type.toUpperCase() as DbAttributeType;

/** What a contact row is loaded with for its DTO (labels and attribute values; counts come apart). */
export const contactDtoInclude = {
  labels: { include: { label: true }, orderBy: { label: { name: 'asc' as const } } },
  attributes: { include: { definition: { select: { key: true } } } },
};

export type ContactWithRelations = Contact & {
  labels: { label: Label }[];
  attributes: { value: unknown; definition: { key: string } }[];
};

export function toContactDto(contact: ContactWithRelations, extra: { chatsCount: number; siteIds: string[] }): ContactDto {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
    externalUserId: contact.externalUserId,
    blocked: contact.blocked,
    blockedAt: contact.blockedAt?.toISOString() ?? null,
    firstSeenAt: contact.firstSeenAt.toISOString(),
    lastSeenAt: contact.lastSeenAt.toISOString(),
    createdAt: contact.createdAt.toISOString(),
    chatsCount: extra.chatsCount,
    siteIds: extra.siteIds,
    labels: contact.labels.map((l) => toLabelDto(l.label)),
    attributes: Object.fromEntries(contact.attributes.map((a) => [a.definition.key, a.value as ContactAttributeValue])),
  };
}

export function toContactNoteDto(note: ContactNote): ContactNoteDto {
  return {
    id: note.id,
    contactId: note.contactId,
    text: note.text,
    authorId: note.authorId,
    authorName: note.authorName,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

export function toContactVisitorDto(visitor: Visitor): ContactVisitorDto {
  return {
    id: visitor.id,
    siteId: visitor.siteId,
    name: visitor.name,
    email: visitor.email,
    locale: visitor.locale,
    userAgent: visitor.userAgent,
    identityVerified: visitor.identityVerifiedAt !== null,
    firstSeenAt: visitor.firstSeenAt.toISOString(),
    lastSeenAt: visitor.lastSeenAt.toISOString(),
  };
}
