import type { Ack, VisitorIdentifyAck } from '@chatiq/contracts';
import type { BusinessView } from '../chat/business-status.js';
import { checkEmail } from '../chat/email.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

/** What the prompt needs from the chat. */
export interface EmailPromptActions {
  /** `visitor:identify` with the email (stored on the visitor: the team sees it, the widget never asks again). */
  identify(payload: { email: string }): Promise<Ack<VisitorIdentifyAck>>;
  isJoined(): boolean;
  /** The email was stored. */
  left(email: string): void;
  /** The visitor said "Not now". */
  skipped(): void;
}

/**
 * Outside business hours, in the conversation under the visitor's messages (part of the lazy
 * off-hours chunk): one small prompt for the visitor's email — the field, "Save" and "Not now" —
 * asked once, after their first message (the message itself went into the chat as usual). It
 * takes no focus (the visitor may be typing their next message); errors are said under the field,
 * which then takes the focus. Once saved it gives way to a confirmation line (a status, so it is
 * announced), and the focus goes back to the composer.
 */
export class EmailPrompt {
  readonly element: HTMLDivElement;
  private readonly form: HTMLFormElement;
  private readonly label: HTMLLabelElement;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLSpanElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly skipButton: HTMLButtonElement;
  private readonly confirmation: HTMLParagraphElement;
  private busy = false;

  constructor(
    private strings: WidgetStrings,
    private readonly actions: EmailPromptActions,
    private readonly focusComposer: () => void,
  ) {
    this.input = el('input', {
      id: 'chatiq-email-prompt-input',
      class: 'chatiq-field',
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: '254',
      'aria-describedby': 'chatiq-email-prompt-error',
    });
    this.label = el('label', { for: 'chatiq-email-prompt-input' });
    this.error = el('span', { id: 'chatiq-email-prompt-error', class: 'chatiq-field-error' });
    this.saveButton = el('button', { type: 'submit', class: 'chatiq-button' });
    this.skipButton = el('button', { type: 'button', class: 'chatiq-button chatiq-button-quiet' });
    this.form = el(
      'form',
      { class: 'chatiq-form chatiq-email-prompt', novalidate: true, hidden: true },
      this.label,
      this.input,
      this.error,
      el('div', { class: 'chatiq-form-actions' }, this.saveButton, this.skipButton),
    );
    this.confirmation = el('p', { class: 'chatiq-email-left', role: 'status', hidden: true });
    this.element = el('div', {}, this.form, this.confirmation);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.busy) void this.submit();
    });
    this.skipButton.addEventListener('click', () => {
      this.actions.skipped();
      this.focusComposer();
    });
    this.input.addEventListener('input', () => this.showError(null));
    this.setStrings(strings);
  }

  /** Shows the prompt or the confirmation as the business view says. */
  update(view: BusinessView): void {
    const focusInside = this.form.matches(':focus-within');
    this.form.hidden = !view.askEmail;
    this.confirmation.hidden = view.confirmation === null;
    this.confirmation.textContent = view.confirmation ?? '';
    if (focusInside && this.form.hidden) this.focusComposer(); // saved: the visitor goes on chatting
  }

  setStrings(strings: WidgetStrings): void {
    this.strings = strings;
    this.label.textContent = strings.emailPrompt;
    this.saveButton.textContent = strings.emailSave;
    this.skipButton.textContent = strings.emailSkip;
  }

  private async submit(): Promise<void> {
    const { actions } = this;
    const check = checkEmail(this.input.value);
    if (!check.ok) return this.showError(check.error === 'required' ? this.strings.emailRequired : this.strings.emailInvalid);
    this.setBusy(true);
    const ack = await actions.identify({ email: check.email });
    this.setBusy(false);
    if (ack.ok) return actions.left(check.email);
    this.showError(
      ack.code === 'validation_failed'
        ? this.strings.emailInvalid
        : actions.isJoined()
          ? this.strings.identifyFailed
          : this.strings.noConnection,
    );
  }

  /** No second submit while saving; aria-disabled, not disabled, so the focus stays on the button. */
  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.saveButton.setAttribute('aria-disabled', String(busy));
    this.form.setAttribute('aria-busy', String(busy));
  }

  /** An error under the field (which takes the focus), or none. */
  private showError(text: string | null): void {
    this.error.textContent = text ?? '';
    if (text === null) {
      this.input.removeAttribute('aria-invalid');
      return;
    }
    this.input.setAttribute('aria-invalid', 'true');
    this.input.focus();
  }
}
