import type { ChatSummaryDto } from '@chatiq/contracts';
import type { ChatSummariesService } from './chat-summaries.service.js';

/**
 * Starts loading a chat's summary without waiting for it. A failure is left to whoever awaits
 * the promise (the fan-out logs it); this only keeps it from counting as an unhandled rejection
 * when nobody does (a resend is not fanned out).
 */
export function loadSummary(summaries: ChatSummariesService, chatId: string): Promise<ChatSummaryDto> {
  const summary = summaries.get(chatId);
  summary.catch(() => {});
  return summary;
}
