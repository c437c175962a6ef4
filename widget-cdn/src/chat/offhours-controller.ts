import type { WidgetStrings } from '../i18n.js';
import { OffHoursCard } from '../widget/offhours-card.js';
import type { BusinessView } from './business-status.js';
import type { ChatHost } from './chat-host.js';

/**
 * Outside business hours (part of the lazy off-hours chunk): the off-hours card at the top of the
 * message list. The email the visitor leaves goes into the chat state (the card then gives way to
 * a confirmation) and their message is sent as an ordinary one.
 */
export class OffHoursController {
  private readonly card: OffHoursCard;

  constructor(host: ChatHost) {
    this.card = new OffHoursCard(host.strings(), {
      identify: (payload) => host.connection.identify(payload),
      isJoined: () => host.connection.isJoined,
      left: (email, message) => {
        host.dispatch({ type: 'email', email, left: true });
        if (message) host.send(message);
      },
    });
    host.view.offHoursSlot.append(this.card.element);
  }

  update(view: BusinessView): void {
    this.card.update(view);
  }

  setStrings(strings: WidgetStrings): void {
    this.card.setStrings(strings);
  }
}
