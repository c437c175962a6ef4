// The transcript chunk (lazy): loaded when the visitor asks for "Email me this conversation".
import FORMS_CSS from '../widget/forms.css';
import TRANSCRIPT_CSS from '../widget/transcript.css';

export { TranscriptForm } from '../widget/transcript-form.js';
export const css = [FORMS_CSS, TRANSCRIPT_CSS];
