import type { WidgetLanguage } from './config.js';
import { OPEN_CHAT_LABEL } from './i18n-launcher.js';

/** Every string the visitor can see or hear (aria labels included), in each widget language. */
export interface WidgetStrings {
  title: string;
  greeting: string;
  openChat: string;
  closeChat: string;
  unread: (count: number) => string;
  messageLabel: string;
  placeholder: string;
  send: string;
  you: string;
  operator: string;
  assistant: string;
  /** The mark on the assistant's messages, after its name. */
  aiBadge: string;
  pending: string;
  notSent: string;
  retry: string;
  remove: string;
  connecting: string;
  offline: string;
  originNotAllowed: string;
  siteNotFound: string;
  unavailable: string;
  joinFailed: string;
  sendFailed: string;
  messageTooLong: string;
  rateLimited: string;
  /** "<name> is typing…" */
  typing: (name: string) => string;
  /** Under the visitor's message the operator has read. */
  seen: string;
  chatClosed: string;

  // AI assistant
  /** The AI handed the chat to people; someone will answer. */
  handoffConnecting: string;
  /** The AI handed the chat to people outside business hours. */
  handoffWaiting: string;

  // Business hours
  presenceOnline: string;
  presenceOffline: string;
  /** Shown while offline when the site set no off-hours message of its own. */
  offHoursDefault: string;
  nameLabel: string;
  emailLabel: string;
  leaveMessageLabel: string;
  leaveMessage: string;
  emailRequired: string;
  emailInvalid: string;
  /** After the off-hours form was sent. */
  messageLeft: (email: string) => string;
  identifyFailed: string;
  noConnection: string;
  transcriptAction: string;
  transcriptSend: string;
  transcriptSent: (email: string | null) => string;
  transcriptFailed: string;
  transcriptNoChat: string;

  // Attachments
  attachFile: string;
  dropFile: string;
  uploading: (percent: number) => string;
  fileTooLarge: string;
  fileTypeRejected: string;
  fileEmpty: string;
  uploadFailed: string;
  /** The accessible name of an attachment link: "Download <name> (<size>)". */
  download: (name: string, size: string) => string;
}

const en: WidgetStrings = {
  title: 'Chat with us',
  greeting: 'Hi! How can we help you?',
  openChat: OPEN_CHAT_LABEL.en,
  closeChat: 'Close chat',
  unread: (count) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  messageLabel: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  you: 'You',
  operator: 'Operator',
  assistant: 'Assistant',
  aiBadge: 'AI',
  pending: 'Sending…',
  notSent: 'Not sent',
  retry: 'Retry',
  remove: 'Remove',
  connecting: 'Connecting…',
  offline: 'No connection. Reconnecting…',
  originNotAllowed: 'This chat is not enabled for this website.',
  siteNotFound: 'This chat is not available: the widget is set up with an unknown site id.',
  unavailable: 'The chat is unavailable right now. Please try again later.',
  joinFailed: 'Could not start the chat. Retrying…',
  sendFailed: 'Your message was not sent. Please try again.',
  messageTooLong: 'The message is too long (5000 characters at most).',
  rateLimited: 'Too many messages. Please wait a moment.',
  typing: (name) => `${name} is typing…`,
  seen: 'Seen',
  chatClosed: 'This conversation was closed — write to start a new one.',
  handoffConnecting: 'Connecting you to a person…',
  handoffWaiting: 'Waiting for an operator',
  presenceOnline: 'Online',
  presenceOffline: 'Offline',
  offHoursDefault: 'We are away right now. Leave your email and a message, and we will get back to you.',
  nameLabel: 'Name (optional)',
  emailLabel: 'Email',
  leaveMessageLabel: 'Your message',
  leaveMessage: 'Leave a message',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'This email address does not look right.',
  messageLeft: (email) => `Thank you! We will reply to ${email}.`,
  identifyFailed: 'Your email was not saved. Please try again.',
  noConnection: 'No connection. Please try again in a moment.',
  transcriptAction: 'Email me this conversation',
  transcriptSend: 'Send',
  transcriptSent: (email) => (email ? `The conversation was sent to ${email}.` : 'The conversation was sent to your email.'),
  transcriptFailed: 'The conversation could not be sent. Please try again.',
  transcriptNoChat: 'There is no conversation to send yet.',
  attachFile: 'Attach a file',
  dropFile: 'Drop the file to send it',
  uploading: (percent) => `Uploading… ${percent}%`,
  fileTooLarge: 'The file is too large.',
  fileTypeRejected: 'This type of file cannot be sent. You can send images (PNG, JPEG, GIF, WebP), PDF and text files.',
  fileEmpty: 'The file is empty.',
  uploadFailed: 'The file was not sent.',
  download: (name, size) => `Download ${name} (${size})`,
};

const uk: WidgetStrings = {
  title: 'Напишіть нам',
  greeting: 'Вітаємо! Чим можемо допомогти?',
  openChat: OPEN_CHAT_LABEL.uk,
  closeChat: 'Закрити чат',
  unread: (count) => `Непрочитаних повідомлень: ${count}`,
  messageLabel: 'Повідомлення',
  placeholder: 'Введіть повідомлення…',
  send: 'Надіслати',
  you: 'Ви',
  operator: 'Оператор',
  assistant: 'Асистент',
  aiBadge: 'ШІ',
  pending: 'Надсилання…',
  notSent: 'Не надіслано',
  retry: 'Повторити',
  remove: 'Прибрати',
  connecting: 'Підключення…',
  offline: 'Немає з’єднання. Підключаємося знову…',
  originNotAllowed: 'Цей чат не дозволено на цьому сайті.',
  siteNotFound: 'Чат недоступний: віджет налаштовано з невідомим ідентифікатором сайту.',
  unavailable: 'Чат зараз недоступний. Спробуйте пізніше.',
  joinFailed: 'Не вдалося розпочати чат. Пробуємо ще раз…',
  sendFailed: 'Повідомлення не надіслано. Спробуйте ще раз.',
  messageTooLong: 'Повідомлення задовге (не більше 5000 символів).',
  rateLimited: 'Забагато повідомлень. Зачекайте трохи.',
  typing: (name) => `${name} друкує…`,
  seen: 'Переглянуто',
  chatClosed: 'Цю розмову завершено — напишіть, щоб почати нову.',
  handoffConnecting: 'З’єднуємо вас з оператором…',
  handoffWaiting: 'Очікуємо на оператора',
  presenceOnline: 'Онлайн',
  presenceOffline: 'Офлайн',
  offHoursDefault: 'Зараз ми не на зв’язку. Залиште email і повідомлення — ми вам відповімо.',
  nameLabel: 'Ім’я (необов’язково)',
  emailLabel: 'Email',
  leaveMessageLabel: 'Ваше повідомлення',
  leaveMessage: 'Залишити повідомлення',
  emailRequired: 'Введіть адресу електронної пошти.',
  emailInvalid: 'Схоже, адреса електронної пошти неправильна.',
  messageLeft: (email) => `Дякуємо! Ми відповімо на ${email}.`,
  identifyFailed: 'Email не збережено. Спробуйте ще раз.',
  noConnection: 'Немає з’єднання. Спробуйте трохи згодом.',
  transcriptAction: 'Надіслати мені цю розмову',
  transcriptSend: 'Надіслати',
  transcriptSent: (email) => (email ? `Розмову надіслано на ${email}.` : 'Розмову надіслано на вашу пошту.'),
  transcriptFailed: 'Не вдалося надіслати розмову. Спробуйте ще раз.',
  transcriptNoChat: 'Поки що немає розмови, яку можна надіслати.',
  attachFile: 'Прикріпити файл',
  dropFile: 'Відпустіть файл, щоб надіслати його',
  uploading: (percent) => `Завантаження… ${percent}%`,
  fileTooLarge: 'Файл завеликий.',
  fileTypeRejected: 'Файл такого типу не можна надіслати. Можна надсилати зображення (PNG, JPEG, GIF, WebP), PDF і текстові файли.',
  fileEmpty: 'Файл порожній.',
  uploadFailed: 'Файл не надіслано.',
  download: (name, size) => `Завантажити ${name} (${size})`,
};

const STRINGS: Record<WidgetLanguage, WidgetStrings> = { en, uk };

export function stringsFor(language: WidgetLanguage): WidgetStrings {
  return STRINGS[language];
}
