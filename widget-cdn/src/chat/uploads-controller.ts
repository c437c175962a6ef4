import { describeUploadFailure, uploadAttachment } from '../transport/upload.js';
import type { ChatHost } from './chat-host.js';

/**
 * The visitor's files on their way (part of the lazy attachments chunk): each is uploaded once
 * the widget has joined (the route needs the visitor id), its progress shown, and the stored
 * message merged into the chat; a refusal is said under the file, with a retry when sending it
 * again could work (the contract's retry rule, `describeUploadFailure`).
 */
export class UploadsController {
  constructor(private readonly host: ChatHost) {}

  async upload(clientId: string, file: File, name: string): Promise<void> {
    const { host } = this;
    await host.connection.whenJoined();
    const visitorId = host.connection.visitorId;
    if (!visitorId || !host.files.has(clientId)) return;
    const outcome = await uploadAttachment({
      apiUrl: host.config.apiUrl,
      siteId: host.config.siteId,
      visitorId,
      clientId,
      file,
      fileName: name,
      onProgress: (progress) => host.dispatch({ type: 'uploading', clientId, name, size: file.size, progress }),
    });
    if (!host.files.has(clientId)) return; // removed meanwhile
    if (outcome.ok) {
      host.files.delete(clientId);
      host.stored([outcome.message]);
      return;
    }
    const failure = describeUploadFailure(outcome, file.size);
    host.uploadFailed(clientId, failure.reason, failure.retryable, failure.maxBytes);
  }
}
