import type { VisitorIdentifyPayload } from '@chatiq/contracts';
import type { WidgetConnection } from '../transport/socket.js';
import { toIdentity } from './identity.js';

/**
 * `chtq.setUser({ id, name, email, hash })`: checked at once (a console warning when it is not
 * valid), kept until the widget has joined, then sent as `visitor:identify` after every join until
 * the server acknowledges it. A refusal for good (`identity_invalid`, `validation_failed`) is one
 * console warning; anything else (not connected, a passing failure) waits for the next join.
 */
export class IdentitySender {
  private identity: VisitorIdentifyPayload | null = null;
  private sent = false;

  constructor(private readonly connection: Pick<WidgetConnection, 'isJoined' | 'identify'>) {}

  setUser(user: unknown): void {
    const check = toIdentity(user);
    if (!check.ok) {
      console.warn(`[ChatIQ] setUser: ${check.problem}; ignored.`);
      return;
    }
    this.identity = check.identity;
    this.sent = false;
    void this.send();
  }

  /** After each join: sends what is not acknowledged yet. */
  async send(): Promise<void> {
    const identity = this.identity;
    if (!identity || this.sent || !this.connection.isJoined) return;
    this.sent = true;
    const ack = await this.connection.identify(identity);
    if (this.identity !== identity || ack.ok) return;
    if (ack.code === 'identity_invalid' || ack.code === 'validation_failed') {
      console.warn(`[ChatIQ] setUser: the server refused this user (${ack.code}): ${ack.message}`);
      this.identity = null;
    } else {
      this.sent = false; // not connected or a passing failure: the next join sends it again
    }
  }
}
