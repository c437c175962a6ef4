import type { AiBackend } from '@chatiq/contracts';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions/completions';
import type { ResponseInputItem, Tool } from 'openai/resources/responses/responses';
import type { EgressFetch } from '../common/egress/egress.service.js';
import { findEgressRefusal } from '../common/egress/egress-agent.js';
import { AiError, type AiErrorReason, toAiError } from './ai-errors.js';
import type { AiHistoryTurn, AiStreamEvent, AiUsage } from './ai-stream-event.js';
import { readChatCompletionsStream } from './chat-completions-stream-reader.js';
import { chatCompletionsHandoffTool, responsesHandoffTool } from './handoff-tool.js';
import { readResponsesStream } from './responses-stream-reader.js';
import { StreamDeadline } from './stream-deadline.js';

/** OpenAI itself, passed explicitly so an `OPENAI_BASE_URL` in the server's environment is never used. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export type AiClientSettings = {
  /** The site owner's key (decrypted); never logged, cut out of every error message. */
  apiKey: string;
  /** An OpenAI-compatible server's API root (with `/v1`); absent: OpenAI. */
  baseUrl?: string;
  backend: AiBackend;
  model: string;
  instructions: string;
  /** Knowledge for `file_search`; used by the responses backend only. */
  vectorStoreIds: readonly string[];
  maxOutputTokens: number;
  /**
   * Longest wait for the server: for response headers, for a whole non-streamed call, and for the
   * next event of a stream (silence longer than this is a `timeout`).
   */
  timeoutMs: number;
};

export type KeyCheckResult =
  | { ok: true }
  /** `refused`: for logs only, what the egress guard refused (`127.0.0.1:5432 → 127.0.0.1 loopback`). */
  | { ok: false; reason: Exclude<AiErrorReason, 'aborted'>; message: string; refused?: string };

export type StreamAnswerInput = {
  history: readonly AiHistoryTurn[];
  /** Abort to stop at once (operator takeover): the HTTP stream is closed and `AiError('aborted')` thrown. */
  signal?: AbortSignal;
};

type StreamOptions = StreamAnswerInput & { allowHandoff: boolean };

/**
 * One site's AI provider, configured from its settings. Wraps the official `openai` SDK with no
 * retries (a retry would delay the visitor; the caller hands over to humans instead) and turns
 * every failure into an `AiError` with a stable reason.
 */
export class AiClient {
  private readonly openai: OpenAI;

  /**
   * `egress`: the fetch every request goes through (`EgressService.fetch`: no local or private
   * address unless EGRESS_ALLOW names it, every redirect hop checked).
   */
  constructor(
    private readonly settings: AiClientSettings,
    egress: EgressFetch,
  ) {
    if (!settings.apiKey.trim()) {
      // The SDK would throw its own "Missing credentials" error (and fall back to OPENAI_API_KEY).
      throw new AiError('invalid_key', 'No API key is configured');
    }
    this.openai = new OpenAI({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl ?? OPENAI_BASE_URL,
      // Explicit nulls: the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID /
      // OPENAI_ADMIN_KEY from the environment and send the server's identity with a site's key.
      organization: null,
      project: null,
      adminAPIKey: null,
      maxRetries: 0,
      timeout: settings.timeoutMs,
      // We log classified, redacted errors ourselves; the SDK's console logger stays quiet.
      logLevel: 'off',
      fetch: egress,
    });
  }

  /**
   * Checks the key with cheap authenticated GETs that cost no tokens.
   *
   * - responses backend: `models.retrieve(model)`: proves the key AND that it may use this model
   *   (404 `model_not_found` → no_access), then `vectorStores.retrieve(id)` for each vector store,
   *   so a key without access to the knowledge is reported on save ("key lacks access to vector
   *   store vs_…") instead of at a visitor's first question.
   * - chat_completions backend: `models.list()`: the one models endpoint self-hosted servers
   *   (vLLM, llama.cpp, Ollama, LiteLLM) all implement; their model names vary (aliases, tags), so
   *   the model is not looked up in the list.
   */
  async validateKey(signal?: AbortSignal): Promise<KeyCheckResult> {
    const secrets = [this.settings.apiKey];
    try {
      if (this.settings.backend === 'chat_completions') {
        await this.openai.models.list({ signal });
        return { ok: true };
      }
      await this.openai.models.retrieve(this.settings.model, { signal });
    } catch (error) {
      return failedCheck(this.namingWhatWasAsked(toAiError(error, { secrets }), []));
    }
    for (const id of this.settings.vectorStoreIds) {
      try {
        await this.openai.vectorStores.retrieve(id, { signal });
      } catch (error) {
        const failure = toAiError(error, { secrets });
        if (failure.reason !== 'no_access') {
          return failedCheck(failure);
        }
        // We know which store was refused: say so, in the admin's terms.
        return failedCheck(
          new AiError('no_access', `The API key lacks access to vector store ${id} (${failure.status ?? 'no status'})`, {
            status: failure.status,
            code: failure.code,
            cause: failure,
          }),
        );
      }
    }
    return { ok: true };
  }

  /** Streams an answer to the visitor's last turn (see `AiStreamEvent` for the order of events). */
  streamAnswer(input: StreamAnswerInput): AsyncIterable<AiStreamEvent> {
    return this.stream({ ...input, allowHandoff: true });
  }

  /**
   * A suggested reply for the operator copilot: same model, instructions and knowledge, collected
   * rather than streamed, and without the handoff tool (a human is already there).
   */
  async draftReply(history: readonly AiHistoryTurn[], signal?: AbortSignal): Promise<{ text: string; usage: AiUsage }> {
    for await (const event of this.stream({ history, signal, allowHandoff: false })) {
      if (event.type === 'done') {
        return { text: event.text, usage: event.usage };
      }
    }
    // The stream always ends with `done` or throws; this is for the type checker.
    throw new AiError('upstream_error', 'The AI stream ended without an answer');
  }

  private async *stream({ history, signal, allowHandoff }: StreamOptions): AsyncGenerator<AiStreamEvent> {
    const secrets = [this.settings.apiKey];
    const deadline = new StreamDeadline(signal, this.settings.timeoutMs);
    const inputTextLength = this.settings.instructions.length + history.reduce((sum, turn) => sum + turn.text.length, 0);
    const onServerEvent = () => deadline.touch();
    try {
      deadline.touch();
      const events =
        this.settings.backend === 'responses'
          ? readResponsesStream(await this.createResponseStream(history, allowHandoff, deadline.signal), onServerEvent, inputTextLength)
          : readChatCompletionsStream(await this.createChatStream(history, allowHandoff, deadline.signal), onServerEvent, inputTextLength);
      for await (const event of events) {
        // Once the caller has aborted, nothing more may reach the chat.
        if (deadline.callerAborted) {
          throw new AiError('aborted', 'The answer was stopped');
        }
        deadline.pause();
        yield event;
        deadline.touch();
      }
    } catch (error) {
      throw this.namingWhatWasAsked(deadline.toError(error, secrets));
    } finally {
      deadline.dispose();
    }
  }

  /**
   * A refusal of access names what the request used (the model and the vector stores from the
   * settings): the provider's own words, which would say which, are not repeated.
   */
  private namingWhatWasAsked(failure: AiError, stores: readonly string[] = this.settings.vectorStoreIds): AiError {
    if (failure.reason !== 'no_access') return failure;
    const what = `the model ${this.settings.model}${stores.length > 0 ? ` and vector store${stores.length > 1 ? 's' : ''} ${stores.join(', ')}` : ''}`;
    return new AiError('no_access', `${failure.message} — check that the key may use ${what}`, {
      status: failure.status,
      code: failure.code,
      cause: failure,
    });
  }

  private createResponseStream(history: readonly AiHistoryTurn[], allowHandoff: boolean, signal: AbortSignal) {
    const { model, instructions, vectorStoreIds, maxOutputTokens } = this.settings;
    const tools: Tool[] = [];
    if (vectorStoreIds.length > 0) {
      tools.push({ type: 'file_search', vector_store_ids: [...vectorStoreIds] });
    }
    if (allowHandoff) {
      tools.push(responsesHandoffTool);
    }
    const input: ResponseInputItem[] = history.map((turn) => ({ role: turn.role, content: turn.text }));
    return this.openai.responses.create(
      {
        model,
        instructions: instructions || null,
        input,
        max_output_tokens: maxOutputTokens,
        // The chat history lives in our database; nothing needs to be kept at OpenAI.
        store: false,
        stream: true,
        ...(tools.length > 0 ? { tools } : {}),
      },
      { signal },
    );
  }

  private createChatStream(history: readonly AiHistoryTurn[], allowHandoff: boolean, signal: AbortSignal) {
    const { model, instructions, maxOutputTokens } = this.settings;
    const messages: ChatCompletionMessageParam[] = [
      ...(instructions ? [{ role: 'system' as const, content: instructions }] : []),
      ...history.map((turn): ChatCompletionMessageParam => ({ role: turn.role, content: turn.text })),
    ];
    return this.openai.chat.completions.create(
      {
        model,
        messages,
        // `max_tokens`, not `max_completion_tokens`: this backend is for self-hosted servers, and
        // the older name is the one all of them understand.
        max_tokens: maxOutputTokens,
        stream: true,
        stream_options: { include_usage: true },
        ...(allowHandoff ? { tools: [chatCompletionsHandoffTool] } : {}),
      },
      { signal },
    );
  }
}

function failedCheck(error: AiError): KeyCheckResult {
  // validateKey takes no caller abort into account as a result: an aborted check is not a verdict.
  if (error.reason === 'aborted') {
    throw error;
  }
  const refused = findEgressRefusal(error)?.detail;
  return { ok: false, reason: error.reason, message: error.message, ...(refused ? { refused } : {}) };
}
