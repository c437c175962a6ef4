// The attachments chunk (lazy): loaded when the visitor picks, drops or pastes a file (or the
// pointer comes to the attach button), or when a message with a file is shown. An ordinary open
// chat does not download it.
import ATTACHMENTS_CSS from '../widget/attachments.css';

export { attachmentUrl, describeUploadFailure, uploadAttachment } from '../transport/upload.js';
export { fileRenderer } from '../widget/file-view.js';
export const css = ATTACHMENTS_CSS;
