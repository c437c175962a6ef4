import { describe, expect, it } from 'vitest';
import { chatCompletionsHandoffTool, HANDOFF_TOOL_NAME, parseHandoffNote, responsesHandoffTool } from './handoff-tool.js';

describe('handoff tool', () => {
  it('is the same function on both backends', () => {
    expect(responsesHandoffTool.name).toBe(HANDOFF_TOOL_NAME);
    expect(chatCompletionsHandoffTool.function.name).toBe(HANDOFF_TOOL_NAME);
    expect(chatCompletionsHandoffTool.function.parameters).toEqual(responsesHandoffTool.parameters);
  });

  it('reads the note from the arguments', () => {
    expect(parseHandoffNote('{"note":"  Wants a refund  "}')).toBe('Wants a refund');
  });

  it.each(['{"note":""}', '{}', '{"note":42}', 'null', '[]', '{"note":', ''])('hands over without a note for %j', (args) => {
    expect(parseHandoffNote(args)).toBeUndefined();
  });

  it('caps a long note', () => {
    expect(parseHandoffNote(JSON.stringify({ note: 'x'.repeat(2000) }))).toHaveLength(500);
  });
});
