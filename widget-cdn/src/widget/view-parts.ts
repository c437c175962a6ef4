import { ATTACHMENT_ACCEPT, MAX_MESSAGE_LENGTH } from '@chatiq/contracts/protocol';
import type { WidgetStrings } from '../i18n.js';
import { ATTACH_ICON, CHAT_ICON, CLOSE_ICON, el, icon, MAIL_ICON, SEND_ICON } from './dom.js';

// The parts of the widget's DOM, each built by one function (view.ts puts them together and keeps
// them up to date). Texts come from the strings; the view changes them when the language changes.

/** The round button that opens and closes the chat, with its unread badge and its description for screen readers. */
export function buildLauncher(strings: WidgetStrings) {
  const badge = el('span', { class: 'chatiq-badge', 'aria-hidden': 'true', hidden: true });
  const unreadDescription = el('span', { id: 'chatiq-unread', class: 'chatiq-sr-only' });
  const launcher = el(
    'button',
    {
      type: 'button',
      class: 'chatiq-launcher',
      'aria-label': strings.openChat,
      'aria-expanded': 'false',
      'aria-controls': 'chatiq-panel',
      'aria-describedby': 'chatiq-unread',
    },
    icon(CHAT_ICON, 'chatiq-icon-chat'),
    icon(CLOSE_ICON, 'chatiq-icon-close'),
    badge,
  );
  return { launcher, badge, unreadDescription };
}

/**
 * The preview bubble above the closed launcher: the newest reply (its author and text) while the
 * panel is closed; a click on it opens the chat, its close button hides it. In a polite live
 * region that is always on the page (a region added together with its text may go unannounced).
 */
export function buildTeaser(strings: WidgetStrings) {
  const author = el('span', { class: 'chatiq-teaser-author' });
  const text = el('span', { class: 'chatiq-teaser-text' });
  const openButton = el('button', { type: 'button', class: 'chatiq-teaser-open' }, author, text);
  const closeButton = el(
    'button',
    { type: 'button', class: 'chatiq-teaser-close', 'aria-label': strings.hidePreview, title: strings.hidePreview },
    icon(CLOSE_ICON),
  );
  const teaser = el('div', { class: 'chatiq-teaser', hidden: true }, openButton, closeButton);
  const region = el('div', { class: 'chatiq-teaser-region', role: 'status', 'aria-live': 'polite' }, teaser);
  return { region, teaser, author, text, openButton, closeButton };
}

/** The panel's header: title, availability ("Online"), the transcript action and the close button. */
export function buildHeader(title: string, strings: WidgetStrings) {
  const closeButton = el(
    'button',
    { type: 'button', class: 'chatiq-icon-button chatiq-close', 'aria-label': strings.closeChat },
    icon(CLOSE_ICON),
  );
  const transcriptButton = el(
    'button',
    {
      type: 'button',
      class: 'chatiq-icon-button chatiq-transcript-button',
      'aria-label': strings.transcriptAction,
      title: strings.transcriptAction,
      'aria-expanded': 'false',
      'aria-controls': 'chatiq-transcript',
      hidden: true,
    },
    icon(MAIL_ICON),
  );
  const titleElement = el('h2', { class: 'chatiq-title', id: 'chatiq-title' }, title);
  const presence = el('div', { class: 'chatiq-presence', role: 'status', hidden: true });
  const header = el(
    'div',
    { class: 'chatiq-header' },
    el('div', { class: 'chatiq-heading' }, titleElement, presence),
    transcriptButton,
    closeButton,
  );
  return { header, titleElement, presence, transcriptButton, closeButton };
}

/**
 * The message log: the greeting (or the welcome bubble), the off-hours notice's slot, then the
 * messages (view.ts puts them after the slot), the off-hours email prompt's slot and the
 * assistant's streaming answers.
 */
export function buildMessageList(strings: WidgetStrings) {
  const greeting = el('p', { class: 'chatiq-greeting' }, strings.greeting);
  const welcomeText = el('div', { class: 'chatiq-msg-text' });
  // A bubble like a message's, but not a `.chatiq-msg`: it is not one of the chat's messages.
  const welcome = el('div', { class: 'chatiq-welcome', hidden: true }, welcomeText);
  const offHoursSlot = el('div', { class: 'chatiq-slot' });
  const promptSlot = el('div', { class: 'chatiq-slot' });
  const streamBox = el('div', { class: 'chatiq-streams' });
  const messageList = el(
    'div',
    { class: 'chatiq-messages', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'chatiq-title', tabindex: '0' },
    el('div', { class: 'chatiq-intro' }, greeting, welcome),
    offHoursSlot,
    promptSlot,
    streamBox,
  );
  return { messageList, greeting, welcome, welcomeText, offHoursSlot, promptSlot, streamBox };
}

/** The status lines under the messages: who is typing, the AI's handoff, "conversation closed". */
export function buildStatusLines(strings: WidgetStrings) {
  const typingLine = el('p', { class: 'chatiq-typing', hidden: true });
  const handoffLine = el('p', { class: 'chatiq-handoff', hidden: true });
  const closedLine = el('p', { class: 'chatiq-closed', hidden: true }, strings.chatClosed);
  const status = el('div', { class: 'chatiq-status', role: 'status', hidden: true }, typingLine, handoffLine, closedLine);
  return { status, typingLine, handoffLine, closedLine };
}

/**
 * The composer: the attach button with its file picker (the contract's types: only a hint, the
 * server decides from the bytes), the text (the contract's length limit) and the send button.
 */
export function buildComposer(strings: WidgetStrings) {
  const input = el('textarea', {
    class: 'chatiq-input',
    rows: '1',
    maxlength: String(MAX_MESSAGE_LENGTH),
    'aria-label': strings.messageLabel,
    placeholder: strings.placeholder,
  });
  const fileInput = el('input', { type: 'file', accept: ATTACHMENT_ACCEPT, multiple: true, hidden: true, tabindex: '-1' });
  const attachButton = el(
    'button',
    { type: 'button', class: 'chatiq-icon-button chatiq-attach', 'aria-label': strings.attachFile, title: strings.attachFile },
    icon(ATTACH_ICON),
  );
  const sendButton = el('button', { type: 'submit', class: 'chatiq-send', 'aria-label': strings.send }, icon(SEND_ICON));
  const composer = el('form', { class: 'chatiq-composer' }, attachButton, fileInput, input, sendButton);
  return { composer, input, fileInput, attachButton, sendButton };
}
