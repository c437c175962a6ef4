import type { MessageDto } from '@chatiq/contracts';
import type { WidgetConfig } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import type { WidgetConnection } from '../transport/socket.js';
import type { UploadFailure } from '../transport/upload.js';
import type { WidgetView } from '../widget/view.js';
import type { ChatAction, ChatState } from './chat-state.js';

/**
 * What the chat controller lends its lazily loaded feature controllers (uploads, off-hours,
 * transcript: each in a chunk of its own, see features.ts): the view, the connection, the chat
 * state and the way to change it.
 */
export interface ChatHost {
  readonly config: WidgetConfig;
  readonly view: WidgetView;
  readonly connection: WidgetConnection;
  /** The visitor's files not stored yet, by clientId (kept for a retry). */
  readonly files: Map<string, File>;
  state(): ChatState;
  strings(): WidgetStrings;
  dispatch(action: ChatAction): void;
  /** Stored messages into the chat (an upload's answer). */
  stored(messages: MessageDto[]): void;
  /** Sends a message as if the visitor wrote it in the composer. */
  send(text: string): void;
  /** A file's upload failed: `reason` is said under it; a file that cannot be sent again is forgotten. */
  /** `maxBytes` with `fileTooLarge`: the limit the server said. */
  uploadFailed(clientId: string, reason: UploadFailure['reason'], retryable: boolean, maxBytes?: number): void;
}
