import { type AttachmentProblem, attachmentProblem } from '@chatiq/contracts';

export { ATTACHMENT_ACCEPT, type AttachmentProblem } from '@chatiq/contracts';

/**
 * A quick look at a chosen file before uploading it: the contract's `attachmentProblem` (the one
 * rule the widget shares: empty, over the size limit, or of a type the server refuses for sure).
 */
export function checkAttachment(file: { name: string; size: number; type: string }, maxBytes?: number): AttachmentProblem | null {
  return attachmentProblem(file, maxBytes);
}
