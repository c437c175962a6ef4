import type { WidgetStrings } from '../i18n.js';
import { el } from '../widget/dom.js';
import { EmailPrompt } from '../widget/email-prompt.js';
import type { BusinessView } from './business-status.js';
import type { ChatHost } from './chat-host.js';

/**
 * Outside business hours (part of the lazy off-hours chunk): the off-hours notice at the top of
 * the message list, and the inline email prompt under the visitor's messages. The composer stays
 * the one way to write: messages go into the chat as usual. The email goes to the server as
 * `visitor:identify` (stored on the visitor: the team's follow-up mail and the inbox show it) and
 * into the chat state, which then shows a confirmation instead of the prompt.
 */
export class OffHoursController {
  private readonly notice: HTMLParagraphElement;
  private readonly prompt: EmailPrompt;

  constructor(host: ChatHost) {
    this.notice = el('p', { class: 'chatiq-offhours', hidden: true });
    this.prompt = new EmailPrompt(
      host.strings(),
      {
        identify: (payload) => host.connection.identify(payload),
        isJoined: () => host.connection.isJoined,
        left: (email) => host.dispatch({ type: 'email', email, left: true }),
        skipped: () => host.dispatch({ type: 'emailSkipped' }),
      },
      () => host.view.focusComposer(),
    );
    host.view.offHoursSlot.append(this.notice);
    host.view.promptSlot.append(this.prompt.element);
  }

  update(view: BusinessView): void {
    this.notice.hidden = view.offHoursText === null;
    this.notice.textContent = view.offHoursText ?? '';
    this.prompt.update(view);
  }

  setStrings(strings: WidgetStrings): void {
    this.prompt.setStrings(strings);
  }
}
