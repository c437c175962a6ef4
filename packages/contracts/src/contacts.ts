import { z } from 'zod';
import { chatSummaryDtoSchema } from './chats.js';
import { idSchema } from './common.js';
import { labelDtoSchema, labelFilterQuerySchema } from './labels.js';

// ---------------------------------------------------------------------------------------------
// Custom attributes: typed, defined per organization
// ---------------------------------------------------------------------------------------------

export const contactAttributeTypeSchema = z.enum(['text', 'number', 'date', 'boolean', 'list']);
export type ContactAttributeType = z.infer<typeof contactAttributeTypeSchema>;

/** What the API and `chtq.setUser({ attributes })` name an attribute by: `plan`, `signed_up`. */
export const contactAttributeKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _, starting with a letter (at most 40)');

/** A stored value: text, list option and date ("YYYY-MM-DD") as strings, numbers, booleans. */
export const contactAttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type ContactAttributeValue = z.infer<typeof contactAttributeValueSchema>;

export const MAX_ATTRIBUTE_TEXT = 1000;
export const MAX_LIST_OPTIONS = 50;
export const MAX_ATTRIBUTES_PER_WRITE = 50;

export const contactAttributeDefinitionDtoSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: contactAttributeTypeSchema,
  /** `list`: the allowed values, in order; empty for the other types. */
  options: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactAttributeDefinitionDto = z.infer<typeof contactAttributeDefinitionDtoSchema>;

const listOptionsSchema = z
  .array(z.string().trim().min(1).max(100))
  .max(MAX_LIST_OPTIONS)
  .refine((options) => new Set(options).size === options.length, 'Options must differ');

export const createContactAttributeBodySchema = z
  .object({
    key: contactAttributeKeySchema,
    label: z.string().trim().min(1).max(100),
    type: contactAttributeTypeSchema,
    options: listOptionsSchema.optional(),
    description: z.string().trim().max(300).nullable().optional(),
  })
  .refine((b) => b.type !== 'list' || (b.options?.length ?? 0) > 0, { message: 'A list needs options', path: ['options'] })
  .refine((b) => b.type === 'list' || b.options === undefined || b.options.length === 0, {
    message: 'Only a list has options',
    path: ['options'],
  });
export type CreateContactAttributeBody = z.input<typeof createContactAttributeBodySchema>;

/** The key and the type stay (stored values were checked against them); label, options, description change. */
export const updateContactAttributeBodySchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    options: listOptionsSchema.optional(),
    description: z.string().trim().max(300).nullable().optional(),
  })
  .refine((b) => b.label !== undefined || b.options !== undefined || b.description !== undefined, 'Give a label, options or a description');
export type UpdateContactAttributeBody = z.input<typeof updateContactAttributeBodySchema>;

/**
 * Attribute values to write, by key; `null` removes one. From operators and the API every value
 * must fit its definition (else `validation_failed` naming `attributes.<key>`); from
 * `chtq.setUser` (verified users only) values that do not fit, and unknown keys, are ignored.
 */
export const contactAttributesInputSchema = z
  .record(contactAttributeKeySchema, z.union([z.string().max(MAX_ATTRIBUTE_TEXT), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= MAX_ATTRIBUTES_PER_WRITE, `At most ${MAX_ATTRIBUTES_PER_WRITE} attributes at once`);
export type ContactAttributesInput = z.infer<typeof contactAttributesInputSchema>;

export type AttributeCheck = { ok: true; value: ContactAttributeValue } | { ok: false; message: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` fits an attribute of this type (and list options), and the value as stored:
 * text trimmed; a number (or a numeric string); a date as "YYYY-MM-DD" (an ISO timestamp gives its
 * UTC day); a boolean; one of the list's options.
 */
export function checkAttributeValue(
  definition: { type: ContactAttributeType; options: readonly string[] },
  value: unknown,
): AttributeCheck {
  switch (definition.type) {
    case 'text': {
      if (typeof value !== 'string') return { ok: false, message: 'Expected text' };
      const text = value.trim();
      if (text.length === 0) return { ok: false, message: 'Text is empty' };
      if (text.length > MAX_ATTRIBUTE_TEXT) return { ok: false, message: `Text is longer than ${MAX_ATTRIBUTE_TEXT} characters` };
      return { ok: true, value: text };
    }
    case 'number': {
      const number =
        typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: 'Expected a number' };
    }
    case 'date': {
      if (typeof value !== 'string') return { ok: false, message: 'Expected a date (YYYY-MM-DD)' };
      const day = DATE_ONLY.test(value)
        ? value
        : /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
          ? new Date(value).toISOString().slice(0, 10)
          : null;
      const parts = day ? DATE_ONLY.exec(day) : null;
      if (!parts) return { ok: false, message: 'Expected a date (YYYY-MM-DD)' };
      const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
      if (date.toISOString().slice(0, 10) !== day) return { ok: false, message: 'No such date' };
      return { ok: true, value: day as string };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'Expected true or false' };
    case 'list':
      return typeof value === 'string' && definition.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `Expected one of: ${definition.options.join(', ')}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

export const contactDtoSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  /** The host site's user id, from a verified `chtq.setUser` only. */
  externalUserId: z.string().nullable(),
  blocked: z.boolean(),
  blockedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  createdAt: z.string(),
  /** Chats of this contact's visitors on the sites the caller sees. */
  chatsCount: z.number().int().nonnegative(),
  /** Sites (that the caller sees) where this contact was a visitor. */
  siteIds: z.array(z.string()),
  labels: z.array(labelDtoSchema),
  /** Custom attribute values by key. */
  attributes: z.record(z.string(), contactAttributeValueSchema),
});
export type ContactDto = z.infer<typeof contactDtoSchema>;

export const contactNoteDtoSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactNoteDto = z.infer<typeof contactNoteDtoSchema>;

/** One browser of the contact on one site (what the profile's location and device come from). */
export const contactVisitorDtoSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.string().nullable(),
  userAgent: z.string().nullable(),
  identityVerified: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type ContactVisitorDto = z.infer<typeof contactVisitorDtoSchema>;

/** `GET /contacts/:contactId`: the profile with notes, visitors and every conversation, newest first. */
export const contactDetailDtoSchema = contactDtoSchema.extend({
  notes: z.array(contactNoteDtoSchema),
  visitors: z.array(contactVisitorDtoSchema),
  chats: z.array(chatSummaryDtoSchema),
});
export type ContactDetailDto = z.infer<typeof contactDetailDtoSchema>;

export const contactSortSchema = z.enum(['lastSeen', 'chats', 'name', 'created']);
export type ContactSort = z.infer<typeof contactSortSchema>;

export const listContactsQuerySchema = labelFilterQuerySchema.extend({
  /** Contacts seen on this site. */
  siteId: idSchema.optional(),
  blocked: z.enum(['true', 'false']).optional(),
  sort: contactSortSchema.default('lastSeen'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const contactListDtoSchema = z.object({ contacts: z.array(contactDtoSchema), total: z.number().int().nonnegative() });
export type ContactListDto = z.infer<typeof contactListDtoSchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const createContactBodySchema = z.object({
  name: optionalText(100),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional(),
  phone: optionalText(40),
  company: optionalText(100),
  attributes: contactAttributesInputSchema.optional(),
});
export type CreateContactBody = z.input<typeof createContactBodySchema>;

/** A field given as `null` is cleared; attributes given as `null` are removed. */
export const updateContactBodySchema = createContactBodySchema;
export type UpdateContactBody = z.input<typeof updateContactBodySchema>;

export const contactNoteBodySchema = z.object({ text: z.string().trim().min(1).max(5000) });
export type ContactNoteBody = z.infer<typeof contactNoteBodySchema>;

// ---------------------------------------------------------------------------------------------
// Merge (undoable)
// ---------------------------------------------------------------------------------------------

/** `POST /contacts/:contactId/merge`: `sourceId`'s visitors, notes, labels and attributes move to `:contactId`. */
export const mergeContactsBodySchema = z.object({ sourceId: idSchema });
export type MergeContactsBody = z.infer<typeof mergeContactsBodySchema>;

/** What a merge moved (and so what undoing it moves back). */
export const contactMergeMovedSchema = z.object({
  visitorIds: z.array(z.string()),
  noteIds: z.array(z.string()),
  /** Labels the target got from the source (it did not have them). */
  labelIds: z.array(z.string()),
  /** Attribute keys the target got from the source (it had no value), with their definitions. */
  attributes: z.array(z.object({ definitionId: z.string(), key: z.string() })),
  /** Profile fields the target had empty and took from the source. */
  fields: z.array(z.enum(['name', 'email', 'phone', 'company', 'externalUserId'])),
});
export type ContactMergeMoved = z.infer<typeof contactMergeMovedSchema>;

export const contactMergeDtoSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  sourceId: z.string(),
  mergedById: z.string().nullable(),
  moved: contactMergeMovedSchema,
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ContactMergeDto = z.infer<typeof contactMergeDtoSchema>;
