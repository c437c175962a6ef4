// The attachments chunk (lazy): loaded when the visitor picks, drops or pastes a file (or the
// pointer comes to the attach button), or when a message with a file is shown. An ordinary open
// chat does not download it.
import { attachmentUrl } from '../transport/upload.js';
import ATTACHMENTS_CSS from '../widget/attachments.css';
import { fileRenderer } from '../widget/file-view.js';
import type { ChatHost } from './chat-host.js';
import { UploadsController } from './uploads-controller.js';

/** Draws files from now on (with their stylesheet) and returns the uploads' controller. */
export function startAttachments(host: ChatHost): UploadsController {
  host.view.addStyle(ATTACHMENTS_CSS);
  host.view.setFileRenderer(
    fileRenderer((messageId) => {
      const visitorId = host.connection.visitorId;
      return visitorId ? attachmentUrl(host.config.apiUrl, messageId, host.config.siteId, visitorId) : null;
    }),
  );
  return new UploadsController(host);
}
