import type { BusinessView, LeaveMessageInput } from '../chat/business-status.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

/** A form field error, or a failure of the whole form (`field: null`). */
export type FormError = { field: 'email' | null; text: string };

/**
 * Outside business hours, at the top of the message list: the off-hours text and a form that
 * takes the visitor's email (required), name (optional) and message. Errors are announced and
 * focus moves to the field at fault; once sent, the form gives way to a confirmation, which
 * takes the focus.
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

  constructor(strings: WidgetStrings, onSubmit: (input: LeaveMessageInput) => void) {
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
    this.messageInput = el('textarea', { class: 'chatiq-field', name: 'message', rows: '3', maxlength: '5000' });
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
      if (this.busy) return;
      this.focusConfirmation = true;
      onSubmit({ name: this.nameInput.value, email: this.emailInput.value, message: this.messageInput.value });
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

  /**
   * While the form is being sent, it takes no second submit. The button stays enabled (marked
   * aria-disabled): disabling the focused button would drop the focus out of the widget.
   */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.submitButton.setAttribute('aria-disabled', String(busy));
    this.form.setAttribute('aria-busy', String(busy));
  }

  /** Shows an error; a field's error moves the focus to the field. */
  showError(error: FormError): void {
    this.focusConfirmation = false;
    this.clearErrors();
    if (error.field === 'email') {
      this.emailInput.setAttribute('aria-invalid', 'true');
      this.emailError.textContent = error.text;
      this.emailInput.focus();
    } else {
      this.formError.hidden = false;
      this.formError.textContent = error.text;
    }
  }

  setStrings(strings: WidgetStrings): void {
    this.labels.name.textContent = strings.nameLabel;
    this.labels.email.textContent = strings.emailLabel;
    this.labels.message.textContent = strings.leaveMessageLabel;
    this.submitButton.textContent = strings.leaveMessage;
  }

  private clearErrors(): void {
    this.emailInput.removeAttribute('aria-invalid');
    this.emailError.textContent = '';
    this.formError.hidden = true;
    this.formError.textContent = '';
  }
}
