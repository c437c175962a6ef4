import type { WidgetLanguage } from './config.js';

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
  pending: string;
  notSent: string;
  retry: string;
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
}

const en: WidgetStrings = {
  title: 'Chat with us',
  greeting: 'Hi! How can we help you?',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: (count) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  messageLabel: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  you: 'You',
  operator: 'Operator',
  assistant: 'Assistant',
  pending: 'Sending…',
  notSent: 'Not sent',
  retry: 'Retry',
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
};

const uk: WidgetStrings = {
  title: 'Напишіть нам',
  greeting: 'Вітаємо! Чим можемо допомогти?',
  openChat: 'Відкрити чат',
  closeChat: 'Закрити чат',
  unread: (count) => `Непрочитаних повідомлень: ${count}`,
  messageLabel: 'Повідомлення',
  placeholder: 'Введіть повідомлення…',
  send: 'Надіслати',
  you: 'Ви',
  operator: 'Оператор',
  assistant: 'Асистент',
  pending: 'Надсилання…',
  notSent: 'Не надіслано',
  retry: 'Повторити',
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
};

const STRINGS: Record<WidgetLanguage, WidgetStrings> = { en, uk };

export function stringsFor(language: WidgetLanguage): WidgetStrings {
  return STRINGS[language];
}
