import type { ChatCompletionChunk } from 'openai/resources/chat/completions/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { AiError } from './ai-errors.js';
import { type AiStreamEvent, type AiUsage, estimateTokens } from './ai-stream-event.js';
import { HANDOFF_TOOL_NAME, parseHandoffNote } from './handoff-tool.js';

/**
 * Translates a Chat Completions chunk stream (`chat.completions.create({ stream: true })`) into
 * our events.
 *
 * Text arrives in `choices[0].delta.content`; a tool call arrives in pieces in
 * `choices[0].delta.tool_calls` (name first, arguments split across chunks, joined by `index`)
 * and is complete once `finish_reason` is set. With `stream_options.include_usage` the last chunk
 * before `data: [DONE]` has empty `choices` and the `usage`.
 */
export async function* readChatCompletionsStream(
  chunks: AsyncIterable<ChatCompletionChunk>,
  onServerEvent: () => void,
  inputTextLength: number,
): AsyncGenerator<AiStreamEvent> {
  let text = '';
  let finishReason: string | undefined;
  let usage: CompletionUsage | undefined;
  let handedOff = false;
  const toolCalls = new Map<number, { name: string; arguments: string }>();

  for await (const chunk of chunks) {
    onServerEvent();
    if (chunk.usage) {
      usage = chunk.usage;
    }
    const choice = chunk.choices?.[0];
    if (!choice) {
      continue;
    }
    const content = choice.delta?.content;
    if (content) {
      text += content;
      yield { type: 'delta', text: content };
    }
    for (const call of choice.delta?.tool_calls ?? []) {
      const entry = toolCalls.get(call.index) ?? { name: '', arguments: '' };
      entry.name += call.function?.name ?? '';
      entry.arguments += call.function?.arguments ?? '';
      toolCalls.set(call.index, entry);
    }
    if (choice.finish_reason) {
      finishReason = choice.finish_reason;
      const handoff = [...toolCalls.values()].find((call) => call.name === HANDOFF_TOOL_NAME);
      if (handoff && !handedOff) {
        handedOff = true;
        const note = parseHandoffNote(handoff.arguments);
        yield note === undefined ? { type: 'handoff', reason: 'model_requested' } : { type: 'handoff', reason: 'model_requested', note };
      }
    }
    // Keep reading after finish_reason: the usage chunk comes after it.
  }

  if (finishReason === undefined) {
    throw new AiError('upstream_error', 'The AI stream ended before the answer was finished');
  }
  if (text === '' && !handedOff) {
    // finish_reason is the server's text: named only when it is one of the API's own values.
    const known = ['stop', 'length', 'tool_calls', 'content_filter', 'function_call'].includes(String(finishReason));
    throw new AiError('upstream_error', `The model returned an empty answer${known ? ` (finish_reason ${finishReason})` : ''}`);
  }
  yield { type: 'done', text, usage: toUsage(usage, inputTextLength, text) };
}

function toUsage(usage: CompletionUsage | undefined, inputTextLength: number, text: string): AiUsage {
  if (usage && Number.isFinite(usage.prompt_tokens) && Number.isFinite(usage.completion_tokens)) {
    return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, estimated: false };
  }
  return { inputTokens: Math.ceil(inputTextLength / 4), outputTokens: estimateTokens(text), estimated: true };
}
