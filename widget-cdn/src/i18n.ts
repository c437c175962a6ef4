import type { WidgetLanguage } from './config.js';

/** Every string the visitor can see or hear (aria labels included), in each widget language. */
export interface WidgetStrings {
  title: string;
  greeting: string;
  openChat: string;
  closeChat: string;
  /** The close button of the preview bubble that shows a reply above the closed launcher. */
  hidePreview: string;
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
  unavailable: string;
  joinFailed: string;
  sendFailed: string;
  messageTooLong: string;
  rateLimited: string;
  /** "<name> is typing…" */
  typing: (name: string) => string;
  /** Day separators in the message list (older days show the date, formatted by Intl). */
  today: string;
  yesterday: string;
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
  /** Within business hours, nobody of the team online. */
  presenceAway: string;
  presenceOffline: string;
  /** Shown while offline when the site set no off-hours message of its own. */
  offHoursDefault: string;
  emailLabel: string;
  /** Outside business hours, under the visitor's first message: asks for their email (once). */
  emailPrompt: string;
  emailSave: string;
  emailSkip: string;
  emailRequired: string;
  emailInvalid: string;
  /** After the visitor left their email with the off-hours prompt. */
  emailLeft: (email: string) => string;
  identifyFailed: string;
  noConnection: string;
  transcriptAction: string;
  transcriptSend: string;
  transcriptSent: (email: string | null) => string;
  transcriptFailed: string;
  transcriptNoChat: string;

  // Past conversations
  /** The entry at the top of the messages, and the heading of the list. */
  historyAction: string;
  historyBack: string;
  historyAll: string;
  historyOpen: string;
  historyClosed: string;
  historyFailed: string;
  historyNoMessages: string;

  // Attachments
  attachFile: string;
  dropFile: string;
  uploading: (percent: number) => string;
  /** `max`: the server's limit, written by `size`. */
  fileTooLarge: (max: string) => string;
  fileTypeRejected: string;
  fileEmpty: string;
  uploadFailed: string;
  /** The accessible name of an attachment link: "Download <name> (<size>)". */
  download: (name: string, size: string) => string;
  /** A file's size in this language ("1.2 MB", "1,2 МБ"): the contract's formatBytes. */
  size: (bytes: number) => string;
}

const loading: Partial<Record<WidgetLanguage, Promise<WidgetStrings>>> = {};

/**
 * A language's strings. Each language is a chunk of its own (i18n/<language>.ts), fetched the first
 * time it is needed: an open chat downloads the strings of its language only.
 */
export function loadStrings(language: WidgetLanguage): Promise<WidgetStrings> {
  const load = language === 'uk' ? () => import('./i18n/uk.js') : () => import('./i18n/en.js');
  let strings = loading[language];
  if (!strings) {
    strings = load().then((module) => module.default);
    strings.catch(() => delete loading[language]); // a failed download is tried again next time
    loading[language] = strings;
  }
  return strings;
}
