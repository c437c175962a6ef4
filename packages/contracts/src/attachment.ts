import { z } from 'zod';

// The attachment a message carries, in a module of its own so that chats.ts (MessageDto) and
// uploads.ts (which builds on MessageDto) import it without an import cycle: a cycle let bundlers
// that evaluate uploads.ts first (tree-shaken imports of `attachmentPath`) read
// `attachmentDtoSchema` before it was initialised. Exported from uploads.ts.

/** The file a message carries. */
export const attachmentDtoSchema = z.object({
  /** The name it was uploaded with (for display and the download's filename only). */
  name: z.string(),
  /** The sniffed type it is served as (one of ATTACHMENT_MIME_TYPES when it was stored). */
  type: z.string(),
  size: z.number().int().nonnegative(),
  /**
   * Where to download it, when the server knows who asks. Messages are shared by operators and
   * the visitor, so they carry no url: build it with `attachmentPath` / `widgetAttachmentPath`.
   */
  url: z.string().optional(),
});
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;
