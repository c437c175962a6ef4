import type { WidgetStrings } from '../i18n.js';
import type { ConnectionState } from '../transport/socket.js';
import type { Banner } from '../widget/view.js';

/**
 * The line under the header: a refusal for good first, then a notice about one message (not
 * sent, too many messages), then the connection's state; nothing while online. Pure.
 */
export function bannerFor(
  state: ConnectionState | null,
  notice: string | null,
  strings: Pick<WidgetStrings, 'unavailable' | 'connecting' | 'offline' | 'joinFailed'>,
): Banner | null {
  if (state?.kind === 'refused') return { text: strings.unavailable, tone: 'error' };
  if (notice) return { text: notice, tone: 'error' };
  switch (state?.kind) {
    case 'connecting':
      return { text: strings.connecting, tone: 'info' };
    case 'offline':
      return { text: strings.offline, tone: 'info' };
    case 'join-failed':
      return { text: strings.joinFailed, tone: 'error' };
    default:
      return null;
  }
}
