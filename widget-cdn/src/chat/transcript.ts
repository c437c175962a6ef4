// The transcript chunk (lazy): loaded when the visitor asks for "Email me this conversation".
import FORMS_CSS from '../widget/forms.css';
import TRANSCRIPT_CSS from '../widget/transcript.css';
import type { ChatHost } from './chat-host.js';
import { TranscriptController } from './transcript-controller.js';

export function startTranscript(host: ChatHost): TranscriptController {
  host.view.addStyle(FORMS_CSS);
  host.view.addStyle(TRANSCRIPT_CSS);
  return new TranscriptController(host);
}
