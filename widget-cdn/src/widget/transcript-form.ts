import type { Ack, EmptyAck, VisitorTranscriptPayload } from '@chatiq/contracts';
import { checkEmail } from '../chat/email.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

/** What the form needs from the chat. */
export interface TranscriptActions {
  /** `visitor:transcript`. */
  send(payload: VisitorTranscriptPayload): Promise<Ack<EmptyAck>>;
  isJoined(): boolean;
  /** The email the visitor gave in this page (off-hours prompt, an earlier transcript), if any. */
  knownEmail(): string | null;
  remember(email: string): void;
}

/**
 * "Email me this conversation" (part of the lazy transcript chunk): a small form under the header
 * (opened by the header's mail button) with the visitor's email, prefilled when known. Focus goes
 * to the email field when it opens; the outcome is announced in its status line. The address is
 * sent only when it is not the one the visitor gave already (the server knows that one).
 */
export class TranscriptForm {
  readonly element: HTMLDivElement;
  private readonly form: HTMLFormElement;
  private readonly emailInput: HTMLInputElement;
  private readonly label: HTMLSpanElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly feedback: HTMLParagraphElement;
  private busy = false;

  constructor(
    private strings: WidgetStrings,
    private readonly actions: TranscriptActions,
  ) {
    this.label = el('span');
    this.emailInput = el('input', {
      id: 'chatiq-transcript-email',
      class: 'chatiq-field',
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      maxlength: '254',
      'aria-describedby': 'chatiq-transcript-feedback',
    });
    this.submitButton = el('button', { type: 'submit', class: 'chatiq-button' });
    this.form = el('form', { class: 'chatiq-form', novalidate: true }, el('label', {}, this.label, this.emailInput), this.submitButton);
    this.feedback = el('p', { id: 'chatiq-transcript-feedback', class: 'chatiq-feedback', role: 'status', hidden: true });
    this.element = el('div', { id: 'chatiq-transcript', class: 'chatiq-transcript', hidden: true }, this.form, this.feedback);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.busy) void this.submit();
    });
    this.emailInput.addEventListener('input', () => this.emailInput.removeAttribute('aria-invalid'));
    this.setStrings(strings);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Called once the form is open: the known email filled in and the focus in the field. Closing clears the feedback. */
  opened(open: boolean): void {
    if (open) {
      const known = this.actions.knownEmail();
      if (known && !this.emailInput.value) this.emailInput.value = known;
      this.emailInput.focus();
    } else {
      this.setFeedback(null);
    }
  }

  setStrings(strings: WidgetStrings): void {
    this.strings = strings;
    this.label.textContent = strings.emailLabel;
    this.submitButton.textContent = strings.transcriptSend;
  }

  private async submit(): Promise<void> {
    const { strings, actions } = this;
    const typed = this.emailInput.value.trim();
    const known = actions.knownEmail();
    let email: string | null = null;
    if (typed && typed !== known) {
      const check = checkEmail(typed);
      if (!check.ok) return this.setFeedback({ text: strings.emailInvalid, tone: 'error' }, true);
      email = check.email;
    } else if (!typed && known === null) {
      return this.setFeedback({ text: strings.emailRequired, tone: 'error' }, true);
    }
    this.setBusy(true);
    this.setFeedback(null);
    const ack = await actions.send(email ? { email } : {});
    this.setBusy(false);
    if (ack.ok) {
      if (email) actions.remember(email);
      return this.setFeedback({ text: this.strings.transcriptSent(email ?? known), tone: 'info' });
    }
    const text = !actions.isJoined()
      ? this.strings.noConnection
      : ack.code === 'chat_not_found'
        ? this.strings.transcriptNoChat
        : ack.code === 'rate_limited'
          ? this.strings.rateLimited
          : ack.code === 'validation_failed' && email
            ? this.strings.emailInvalid
            : this.strings.transcriptFailed;
    this.setFeedback({ text, tone: 'error' }, text === this.strings.emailInvalid);
  }

  /** No second submit while sending; aria-disabled, not disabled, so the focus stays on the button. */
  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.submitButton.setAttribute('aria-disabled', String(busy));
  }

  /** The outcome; an error about the address marks the field and puts the focus back in it. */
  private setFeedback(feedback: { text: string; tone: 'info' | 'error' } | null, invalidEmail = false): void {
    this.feedback.hidden = feedback === null;
    this.feedback.textContent = feedback?.text ?? '';
    if (feedback) this.feedback.dataset.tone = feedback.tone;
    if (invalidEmail) {
      this.emailInput.setAttribute('aria-invalid', 'true');
      this.emailInput.focus();
    }
  }
}
