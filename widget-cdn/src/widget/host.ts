/**
 * The id of the widget's one element on the page: `<div id="chatiq-widget-host">` at the end of
 * <html> (after <body>), with an open shadow root holding the stylesheet and the widget (mounted by the loader,
 * embed/launcher.ts; taken over by the chat bundle, chat-entry.ts). A second copy of widget.js
 * finds it and does nothing.
 */
export const HOST_ID = 'chatiq-widget-host';
