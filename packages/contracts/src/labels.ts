import { z } from 'zod';
import { idSchema } from './common.js';

/** A label's colour: `#rrggbb` (stored lower-case). */
export const labelColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour like #1f6feb')
  .transform((c) => c.toLowerCase());

export const labelNameSchema = z.string().trim().min(1).max(50);

/** An organization's label, on chats and on contacts (renaming or deleting it changes every place). */
export const labelDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LabelDto = z.infer<typeof labelDtoSchema>;

export const createLabelBodySchema = z.object({
  name: labelNameSchema,
  color: labelColorSchema.default('#6b7280'),
  description: z.string().trim().max(200).nullable().optional(),
});
export type CreateLabelBody = z.input<typeof createLabelBodySchema>;

export const updateLabelBodySchema = z
  .object({
    name: labelNameSchema.optional(),
    color: labelColorSchema.optional(),
    description: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.color !== undefined || b.description !== undefined, 'Give a name, a colour or a description');
export type UpdateLabelBody = z.input<typeof updateLabelBodySchema>;

/** `POST /chats/:chatId/labels`, `POST /contacts/:contactId/labels`: put a label on it. */
export const addLabelBodySchema = z.object({ labelId: idSchema });
export type AddLabelBody = z.infer<typeof addLabelBodySchema>;

/** Filter by labels: `labelIds=a,b` (or repeated), matching any of them or all of them. */
export const labelFilterQuerySchema = z.object({
  labelIds: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(idSchema).max(20))
    .optional(),
  labelMatch: z.enum(['any', 'all']).default('any'),
});

/**
 * `labels:updated` to the admin panels of the organization (owners and admins; operators of the
 * sites concerned): the label list changed (`labels`: all of them, after a create, rename or
 * delete), or the labels of one chat or one contact changed (their label ids now).
 */
export const labelsUpdatedPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('labels'), labels: z.array(labelDtoSchema) }),
  z.object({ kind: z.literal('chat'), chatId: z.string(), siteId: z.string(), labelIds: z.array(z.string()) }),
  z.object({ kind: z.literal('contact'), contactId: z.string(), labelIds: z.array(z.string()) }),
]);
export type LabelsUpdatedPayload = z.infer<typeof labelsUpdatedPayloadSchema>;
