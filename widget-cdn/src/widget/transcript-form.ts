import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

export type Feedback = { text: string; tone: 'info' | 'error' };

/**
 * "Email me this conversation": a small form under the header (opened by the header's mail
 * button) with the visitor's email, prefilled when known. Focus goes to the email field when it
 * opens; the outcome is announced in its status line.
 */
export class TranscriptForm {
  readonly element: HTMLDivElement;
  private readonly form: HTMLFormElement;
  private readonly emailInput: HTMLInputElement;
  private readonly label: HTMLSpanElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly feedback: HTMLParagraphElement;
  private busy = false;

  constructor(strings: WidgetStrings, onSubmit: (email: string) => void) {
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
      if (!this.busy) onSubmit(this.emailInput.value);
    });
    this.emailInput.addEventListener('input', () => this.emailInput.removeAttribute('aria-invalid'));
    this.setStrings(strings);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Opens with the known email filled in and the focus in the field; closing clears the feedback. */
  setOpen(open: boolean, knownEmail: string | null): void {
    this.element.hidden = !open;
    if (open) {
      if (knownEmail && !this.emailInput.value) this.emailInput.value = knownEmail;
      this.emailInput.focus();
    } else {
      this.setFeedback(null);
    }
  }

  /** No second submit while sending; aria-disabled, not disabled, so the focus stays on the button. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.submitButton.setAttribute('aria-disabled', String(busy));
  }

  /** The outcome; an error about the address marks the field and puts the focus back in it. */
  setFeedback(feedback: Feedback | null, invalidEmail = false): void {
    this.feedback.hidden = feedback === null;
    this.feedback.textContent = feedback?.text ?? '';
    if (feedback) this.feedback.dataset.tone = feedback.tone;
    if (invalidEmail) {
      this.emailInput.setAttribute('aria-invalid', 'true');
      this.emailInput.focus();
    }
  }

  setStrings(strings: WidgetStrings): void {
    this.label.textContent = strings.emailLabel;
    this.submitButton.textContent = strings.transcriptSend;
  }
}
