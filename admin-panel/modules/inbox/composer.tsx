'use client';

import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { ComposeMode } from './use-inbox';

type Props = {
  onSend: (text: string, mode: ComposeMode) => Promise<boolean>;
  /** Typing signals for the visitor: replies only, never notes. */
  onTyping: () => void;
  onStopTyping: () => void;
};

/** The reply box, with a toggle to write a private note instead of a reply. */
export function Composer({ onSend, onTyping, onStopTyping }: Props) {
  const [draft, setDraft] = useState('');
  const [mode, setMode] = useState<ComposeMode>('reply');
  const [sending, setSending] = useState(false);
  const note = mode === 'note';

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    onStopTyping();
    if (await onSend(text, mode)) setDraft('');
    setSending(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  function toggleNote() {
    if (!note) onStopTyping();
    setMode(note ? 'reply' : 'note');
  }

  return (
    <form className={note ? 'composer note-mode' : 'composer'} onSubmit={submit}>
      <button
        type="button"
        className="note-toggle"
        aria-pressed={note}
        onClick={toggleNote}
        title="Private notes are seen by operators only"
      >
        Note
      </button>
      <textarea
        aria-label={note ? 'Private note' : 'Reply'}
        placeholder={note ? 'Write a private note (only operators see it)…' : 'Write a reply… (Enter to send, Shift+Enter for a new line)'}
        value={draft}
        maxLength={5000}
        onChange={(e) => {
          setDraft(e.target.value);
          if (!note && e.target.value.trim()) onTyping();
        }}
        onBlur={onStopTyping}
        onKeyDown={onKeyDown}
        rows={3}
      />
      <button type="submit" className="primary" disabled={sending || !draft.trim()}>
        {note ? 'Add note' : 'Send'}
      </button>
    </form>
  );
}
