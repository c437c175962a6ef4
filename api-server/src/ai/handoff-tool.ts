import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions/completions';
import type { FunctionTool } from 'openai/resources/responses/responses';

// The model hands a chat to people by calling this function tool, never by a magic string in
// its text: a tool call is structured, so the visitor's words cannot trigger it by accident and
// the model cannot half-say it.

export const HANDOFF_TOOL_NAME = 'handoff_to_human';

const DESCRIPTION =
  'Hand this conversation to a human operator. Call it when the visitor asks for a person, ' +
  'or when you cannot help with the knowledge and instructions you have. ' +
  'Do not call it for questions you can answer.';

// Strict mode wants every property required; `note` may be empty.
const PARAMETERS = {
  type: 'object',
  properties: {
    note: { type: 'string', description: 'One sentence for the operator: what the visitor needs and why you hand over.' },
  },
  required: ['note'],
  additionalProperties: false,
};

/** The tool for the Responses API. */
export const responsesHandoffTool: FunctionTool = {
  type: 'function',
  name: HANDOFF_TOOL_NAME,
  description: DESCRIPTION,
  parameters: PARAMETERS,
  strict: true,
};

/**
 * The tool for Chat Completions. No `strict`: several self-hosted servers reject or ignore it,
 * and the arguments are parsed leniently anyway.
 */
export const chatCompletionsHandoffTool: ChatCompletionFunctionTool = {
  type: 'function',
  function: { name: HANDOFF_TOOL_NAME, description: DESCRIPTION, parameters: PARAMETERS },
};

const MAX_NOTE = 500;

/**
 * The operator note from the tool call's JSON arguments. Lenient: a model that sends broken JSON
 * still meant to hand over, so the handoff happens, just without a note.
 */
export function parseHandoffNote(argumentsJson: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(argumentsJson);
    const note = typeof parsed === 'object' && parsed !== null ? (parsed as { note?: unknown }).note : undefined;
    if (typeof note !== 'string' || note.trim() === '') {
      return undefined;
    }
    return note.trim().slice(0, MAX_NOTE);
  } catch {
    return undefined;
  }
}
