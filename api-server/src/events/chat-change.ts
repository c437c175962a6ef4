import type { ChatStatus, ChatSummaryDto } from '@chatiq/contracts';

/**
 * A chat changed (assignment, status, read state, AI state, visitor profile…): its new summary for
 * the inbox, and the visitor to tell when the status changed. What `chatChanged` carries.
 */
export type ChatChange = { chat: ChatSummaryDto; organizationId: string; visitorId: string; statusChanged?: ChatStatus };
