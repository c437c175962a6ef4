import type { Ack, VisitorIdentifyAck } from '@chatiq/contracts';
import { MAX_MESSAGE_LENGTH } from '@chatiq/contracts/protocol';
import type { BusinessView } from '../chat/business-status.js';
import { planLeaveMessage } from '../chat/email.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

/** What the card needs from the chat. */
export interface OffHoursActions {
  /** `visitor:identify` with the email (and name). */
  identify(payload: { email: string; name?: string }): Promise<Ack<VisitorIdentifyAck>>;
  isJoined(): boolean;
  /** The email was stored: remember it and send the message, if any, as an ordinary message. */
  left(email: string, message: string | null): void;
}

/**
 * Outside business hours, at the top of the message list (part of the lazy off-hours chunk): the
 * off-hours text and a form that takes the visitor's email (required), name (optional) and
 * message, sends `visitor:identify` with the email and then the message as an ordinary message.
 * Errors are announced and focus moves to the field at fault; once sent, the form gives way to a
 * confirmation, which takes the focus.
 */
export class OffHoursCard {
  readonly element: HTMLDivElement;
  private readonly text: HTMLParagraphElement;
  private readonly form: HTMLFormElement;
  private readonly nameInput: HTMLInputElement;
  private readonly emailInput: HTMLInputElement;
  private readonly messageInput: HTMLTextAreaElement;
  private readonly emailError: HTMLSpanElement;
  private readonly formError: HTMLParagraphElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly confirmation: HTMLParagraphElement;
  private readonly labels: { name: HTMLSpanElement; email: HTMLSpanElement; message: HTMLSpanElement };
  private busy = false;
  /** The visitor sent the form: once it gives way to the confirmation, the focus moves there. */
  private focusConfirmation = false;

  constructor(
    private strings: WidgetStrings,
    private readonly actions: OffHoursActions,
  ) {
    this.text = el('p', { class: 'chatiq-offhours-text' });
    this.nameInput = el('input', { class: 'chatiq-field', type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
    this.emailInput = el('input', {
      class: 'chatiq-field',
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: '254',
      'aria-describedby': 'chatiq-offhours-email-error',
    });
    this.emailError = el('span', { id: 'chatiq-offhours-email-error', class: 'chatiq-field-error' });
    this.messageInput = el('textarea', { class: 'chatiq-field', name: 'message', rows: '3', maxlength: String(MAX_MESSAGE_LENGTH) });
    this.labels = { name: el('span'), email: el('span'), message: el('span') };
    this.formError = el('p', { class: 'chatiq-field-error', role: 'alert', hidden: true });
    this.submitButton = el('button', { type: 'submit', class: 'chatiq-button' });
    this.form = el(
      'form',
      { class: 'chatiq-form', novalidate: true },
      el('label', {}, this.labels.name, this.nameInput),
      el('label', {}, this.labels.email, this.emailInput, this.emailError),
      el('label', {}, this.labels.message, this.messageInput),
      this.formError,
      this.submitButton,
    );
    this.confirmation = el('p', { class: 'chatiq-offhours-done', role: 'status', tabindex: '-1', hidden: true });
    this.element = el('div', { class: 'chatiq-offhours', hidden: true }, this.text, this.form, this.confirmation);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.busy) void this.submit();
    });
    this.emailInput.addEventListener('input', () => this.clearErrors());
    this.setStrings(strings);
  }

  /** Shows what the business view says; focus moves to the confirmation when the form was just sent. */
  update(view: BusinessView): void {
    this.element.hidden = view.offHoursText === null;
    this.text.textContent = view.offHoursText ?? '';
    this.form.hidden = !view.showForm;
    this.confirmation.hidden = view.confirmation === null;
    this.confirmation.textContent = view.confirmation ?? '';
    if (!view.showForm) this.form.reset();
    if (!view.showForm && view.confirmation && this.focusConfirmation) this.confirmation.focus();
    if (!view.showForm) this.focusConfirmation = false;
  }

  setStrings(strings: WidgetStrings): void {
    this.strings = strings;
    this.labels.name.textContent = strings.nameLabel;
    this.labels.email.textContent = strings.emailLabel;
    this.labels.message.textContent = strings.leaveMessageLabel;
    this.submitButton.textContent = strings.leaveMessage;
  }

  private async submit(): Promise<void> {
    const { strings, actions } = this;
    this.focusConfirmation = true;
    const plan = planLeaveMessage({ name: this.nameInput.value, email: this.emailInput.value, message: this.messageInput.value });
    if (!plan.ok) return this.showError('email', plan.error === 'required' ? strings.emailRequired : strings.emailInvalid);
    this.setBusy(true);
    const ack = await actions.identify(plan.identify);
    this.setBusy(false);
    if (ack.ok) return actions.left(plan.identify.email, plan.message);
    if (ack.code === 'validation_failed') this.showError('email', this.strings.emailInvalid);
    else this.showError(null, actions.isJoined() ? this.strings.identifyFailed : this.strings.noConnection);
  }

  /**
   * While the form is being sent, it takes no second submit. The button stays enabled (marked
   * aria-disabled): disabling the focused button would drop the focus out of the widget.
   */
  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.submitButton.setAttribute('aria-disabled', String(busy));
    this.form.setAttribute('aria-busy', String(busy));
  }

  /** Shows an error of a field (the focus moves to it) or of the whole form (`null`). */
  private showError(field: 'email' | null, text: string): void {
    this.focusConfirmation = false;
    this.clearErrors();
    if (field === 'email') {
      this.emailInput.setAttribute('aria-invalid', 'true');
      this.emailError.textContent = text;
      this.emailInput.focus();
    } else {
      this.formError.hidden = false;
      this.formError.textContent = text;
    }
  }

  private clearErrors(): void {
    this.emailInput.removeAttribute('aria-invalid');
    this.emailError.textContent = '';
    this.formError.hidden = true;
    this.formError.textContent = '';
  }
}
