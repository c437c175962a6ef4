import { APIError } from 'openai';
import type { ResponseStreamEvent, ResponseUsage } from 'openai/resources/responses/responses';
import { AiError } from './ai-errors.js';
import { type AiStreamEvent, type AiUsage, estimateTokens } from './ai-stream-event.js';
import { HANDOFF_TOOL_NAME, parseHandoffNote } from './handoff-tool.js';

/**
 * Translates a Responses API event stream (`responses.create({ stream: true })`) into our events.
 *
 * Used: `response.output_text.delta` / `response.refusal.delta` (text for the visitor),
 * `response.output_item.done` with a `function_call` item named `handoff_to_human` (arguments are
 * complete there), `response.completed` / `response.incomplete` (usage; incomplete = cut at
 * `max_output_tokens`, still an answer), `response.failed` and `error` (thrown). Everything else
 * (`response.created`, `file_search_call` progress, content parts…) only proves the server is alive.
 */
export async function* readResponsesStream(
  events: AsyncIterable<ResponseStreamEvent>,
  onServerEvent: () => void,
  inputTextLength: number,
): AsyncGenerator<AiStreamEvent> {
  let text = '';
  let handedOff = false;
  let finished: { usage: ResponseUsage | undefined } | undefined;

  for await (const event of events) {
    onServerEvent();
    switch (event.type) {
      case 'response.output_text.delta':
      case 'response.refusal.delta':
        if (event.delta) {
          text += event.delta;
          yield { type: 'delta', text: event.delta };
        }
        break;
      case 'response.output_item.done':
        if (event.item.type === 'function_call' && event.item.name === HANDOFF_TOOL_NAME && !handedOff) {
          handedOff = true;
          const note = parseHandoffNote(event.item.arguments);
          yield note === undefined ? { type: 'handoff', reason: 'model_requested' } : { type: 'handoff', reason: 'model_requested', note };
        }
        break;
      case 'response.completed':
      case 'response.incomplete':
        finished = { usage: event.response.usage };
        break;
      case 'response.failed': {
        const failure = event.response.error;
        // Classified like any provider error (rate_limit_exceeded → rate_limited…) by the caller.
        throw new APIError(
          undefined,
          { message: failure?.message ?? 'The response failed', code: failure?.code ?? null },
          undefined,
          undefined,
        );
      }
      case 'error':
        throw new APIError(undefined, { message: event.message, code: event.code }, undefined, undefined);
    }
    if (finished) {
      // Terminal event: stop reading rather than trust the server to close the stream.
      break;
    }
  }

  if (!finished) {
    throw new AiError('upstream_error', 'The AI stream ended before the response was complete');
  }
  if (text === '' && !handedOff) {
    throw new AiError('upstream_error', 'The model returned an empty answer');
  }
  yield { type: 'done', text, usage: toUsage(finished.usage, inputTextLength, text) };
}

function toUsage(usage: ResponseUsage | undefined, inputTextLength: number, text: string): AiUsage {
  if (usage && Number.isFinite(usage.input_tokens) && Number.isFinite(usage.output_tokens)) {
    return { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, estimated: false };
  }
  return { inputTokens: Math.ceil(inputTextLength / 4), outputTokens: estimateTokens(text), estimated: true };
}
