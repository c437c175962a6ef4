/** One turn of the chat as the model sees it (visitor → `user`, AI and operators → `assistant`). */
export type AiHistoryTurn = { role: 'user' | 'assistant'; text: string };

export type AiUsage = {
  inputTokens: number;
  outputTokens: number;
  /**
   * True when the server reported no usage (some self-hosted servers ignore
   * `stream_options.include_usage`) and the numbers are estimated from the text length, so the
   * token caps still bite.
   */
  estimated: boolean;
};

/**
 * What `AiClient.streamAnswer` yields, in this order on success:
 * `delta`* (pieces of the answer; joined they are `done.text`), at most one `handoff` (the model
 * called `handoff_to_human`), then exactly one `done`, always last, so usage is known even when
 * the model handed over. Failures are thrown as `AiError` instead (reason `aborted` when the
 * caller's signal stopped it); nothing is yielded after an abort.
 */
export type AiStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'handoff'; reason: 'model_requested'; note?: string }
  | { type: 'done'; text: string; usage: AiUsage };

/** Rough token count (about 4 characters per token) for servers that report no usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
