import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';

/** A stored message with the chat it changed: what the realtime layer fans out. */
export type PostedMessage = {
  message: MessageDto;
  chat: ChatSummaryDto;
  /** False for a resend of an already stored message (nobody needs it again). */
  created: boolean;
  organizationId: string;
  visitorId: string;
};
