import type { WidgetStrings } from '../i18n.js';
import { TranscriptForm } from '../widget/transcript-form.js';
import type { ChatHost } from './chat-host.js';

/** "Email me this conversation" (part of the lazy transcript chunk): the header's mail button opens and closes the form. */
export class TranscriptController {
  private readonly form: TranscriptForm;

  constructor(private readonly host: ChatHost) {
    this.form = new TranscriptForm(host.strings(), {
      // The mail's times in the visitor's own zone.
      send: (payload) => host.connection.transcript({ ...payload, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
      isJoined: () => host.connection.isJoined,
      knownEmail: () => host.state().knownEmail,
      remember: (email) => host.dispatch({ type: 'email', email, left: false }),
    });
  }

  toggle(): void {
    const open = !this.form.isOpen;
    this.host.view.showTranscript(this.form.element, open);
    this.form.opened(open);
  }

  setStrings(strings: WidgetStrings): void {
    this.form.setStrings(strings);
  }
}
