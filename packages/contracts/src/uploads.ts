import { z } from 'zod';
import { attachmentDtoSchema } from './attachment.js';
import { messageDtoSchema } from './chats.js';
import { clientMessageIdSchema, idSchema } from './common.js';
import { ATTACHMENT_MIME_TYPES, MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Chat attachments. A file is uploaded as `multipart/form-data` (the file in the field
 * `ATTACHMENT_FILE_FIELD`, the fields below beside it) and becomes a message of the chat that
 * carries it. The server decides the type from the file's bytes, never from its name or the
 * Content-Type the client sent, and refuses anything outside `ATTACHMENT_MIME_TYPES`. The types,
 * extensions and limits are zod-free, in limits.ts (`@chatiq/contracts/protocol`).
 */

export const attachmentMimeTypeSchema = z.enum(ATTACHMENT_MIME_TYPES);

/** Optional caption sent with a file (the message's text; empty when none). */
export const attachmentCaptionSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(MAX_MESSAGE_LENGTH, `Caption is longer than ${MAX_MESSAGE_LENGTH} characters`));

/** Fields beside the file in `POST /chats/:chatId/attachments` (operators). */
export const attachmentUploadFieldsSchema = z.object({
  /** The message's client id: a resend with the same id returns the stored message. */
  clientId: clientMessageIdSchema,
  text: attachmentCaptionSchema.optional(),
});
export type AttachmentUploadFields = z.input<typeof attachmentUploadFieldsSchema>;

/** Who the visitor is, for the widget's attachment routes (as in the widget socket). */
export const widgetVisitorRefSchema = z.object({
  /** The site's public id (the widget's `siteId`). */
  siteId: idSchema,
  /** The visitor id from `visitor:join`. */
  visitorId: idSchema,
});
export type WidgetVisitorRef = z.input<typeof widgetVisitorRefSchema>;

/** Fields beside the file in `POST /widget/attachments` (visitors; the page's Origin is checked too). */
export const widgetAttachmentUploadFieldsSchema = attachmentUploadFieldsSchema.extend(widgetVisitorRefSchema.shape);
export type WidgetAttachmentUploadFields = z.input<typeof widgetAttachmentUploadFieldsSchema>;

/** Query of `GET /widget/attachments/:messageId`. */
export const widgetAttachmentQuerySchema = widgetVisitorRefSchema;
export type WidgetAttachmentQuery = z.input<typeof widgetAttachmentQuerySchema>;

export { type AttachmentDto, attachmentDtoSchema } from './attachment.js';

/** A message that carries a file (`MessageDto` with its attachment); lazy, as it has always been. */
export const attachmentMessageDtoSchema = z.lazy(() => messageDtoSchema.extend({ attachment: attachmentDtoSchema }));
export type AttachmentMessageDto = z.infer<typeof attachmentMessageDtoSchema>;

/** Answer of both upload routes: the stored message (the same one again for a resend). */
export const attachmentUploadResultSchema = z.object({ message: attachmentMessageDtoSchema });
export type AttachmentUploadResult = z.infer<typeof attachmentUploadResultSchema>;

/** Download path for operators (send the access token). */
export function attachmentPath(messageId: string): string {
  return `/attachments/${encodeURIComponent(messageId)}`;
}

/** Download path for the visitor of the chat. */
export function widgetAttachmentPath(messageId: string, ref: WidgetVisitorRef): string {
  const query = new URLSearchParams({ siteId: ref.siteId, visitorId: ref.visitorId });
  return `/widget/attachments/${encodeURIComponent(messageId)}?${query}`;
}
