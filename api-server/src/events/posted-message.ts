import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';

/** A stored message with the chat it changed: what the realtime layer fans out. */
export type PostedMessage = {
  message: MessageDto;
  /**
   * The chat's new summary: read by the statement that stored the message (ready at once), or,
   * for a resend, loaded separately. The inbox's `chats:updated` follows the message (batched
   * per site, see RealtimeFanoutService).
   */
  chat: Promise<ChatSummaryDto>;
  /** False for a resend of an already stored message (nobody needs it again). */
  created: boolean;
  organizationId: string;
  visitorId: string;
  /** The message opened a new chat (the visitor's first message, or their first after a resolve). */
  chatStarted?: boolean;
};
