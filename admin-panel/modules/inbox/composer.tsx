'use client';

import { type ChatSummaryDto, MAX_ATTACHMENT_BYTES, MAX_MESSAGE_LENGTH, type QuickTemplateDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { ATTACHMENT_ACCEPT } from './attachment-check';
import type { ComposeMode } from './inbox-store';
import { insertAtToken, renderQuickTemplate, slashTokenAt, templatesForToken } from './quick-templates';
import { TEMPLATE_PICKER_ID, TemplatePicker, templateOptionId } from './template-picker';
import type { useAttachmentUpload } from './use-attachment-upload';
import { useLocalFormat } from './use-local-format';

/** What the inbox's keyboard shortcuts do in the composer. */
export type ComposerHandle = {
  /** Puts the focus in the text box, writing a reply or a private note. */
  focus: (mode: ComposeMode) => void;
  /** Starts a "/" quick template at the caret (a reply), which opens the template picker. */
  openTemplates: () => void;
};

type Props = {
  ref?: Ref<ComposerHandle>;
  chat: ChatSummaryDto;
  operatorName: string;
  templates: { templates: QuickTemplateDto[]; failed: boolean };
  onSend: (text: string, mode: ComposeMode) => Promise<boolean>;
  /** Typing signals for the visitor: replies only, never notes. */
  onTyping: () => void;
  onStopTyping: () => void;
  /** The copilot: a draft reply to put in the box (null: it failed, the caller shows why). */
  suggest: { available: boolean; busy: boolean; run: () => Promise<string | null> };
  upload: ReturnType<typeof useAttachmentUpload>;
};

/**
 * The reply box: a toggle to write a private note instead, "/" for quick templates, a file to
 * attach, and a reply suggested by the AI.
 */
export function Composer({ ref, chat, operatorName, templates, onSend, onTyping, onStopTyping, suggest, upload }: Props) {
  const t = useTranslations('inbox.composer');
  const format = useLocalFormat();
  const [draft, setDraft] = useState('');
  const [caret, setCaret] = useState(0);
  const [mode, setMode] = useState<ComposeMode>('reply');
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  /** Where the token was when the operator closed the picker with Escape (it stays closed for it). */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const note = mode === 'note';

  const token = slashTokenAt(draft, caret);
  const options = templatesForToken(templates.templates, token);
  const pickerOpen = token !== null && dismissedAt !== token.start;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));
  const render = (template: QuickTemplateDto) => renderQuickTemplate(template.text, chat, operatorName);

  // Put the caret after inserted text once React has rendered the new draft.
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !textareaRef.current) return;
    pendingCaret.current = null;
    textareaRef.current.focus();
    textareaRef.current.setSelectionRange(at, at);
    setCaret(at);
  });

  function replaceDraft(next: string, nextCaret: number) {
    setDraft(next);
    pendingCaret.current = nextCaret;
    if (!note && next.trim()) onTyping();
  }

  useImperativeHandle(ref, () => ({
    focus(next) {
      if (next === 'note' && !note) onStopTyping();
      setMode(next);
      textareaRef.current?.focus();
    },
    openTemplates() {
      setMode('reply');
      setDismissedAt(null);
      const at = textareaRef.current === document.activeElement ? caret : draft.length;
      const before = draft.slice(0, at);
      const slash = before === '' || /\s$/.test(before) ? '/' : ' /';
      replaceDraft(`${before}${slash}${draft.slice(at)}`, at + slash.length);
    },
  }));

  function pick(template: QuickTemplateDto) {
    if (!token) return;
    const inserted = insertAtToken(draft, token, render(template));
    replaceDraft(inserted.draft, inserted.caret);
    setActive(0);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    onStopTyping();
    if (await onSend(text, mode)) {
      setDraft('');
      setCaret(0);
    }
    setSending(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (pickerOpen && options.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + options.length) % options.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
        event.preventDefault();
        const template = options[activeIndex];
        if (template) pick(template);
        return;
      }
    }
    if (pickerOpen && event.key === 'Escape' && token) {
      event.preventDefault();
      setDismissedAt(token.start);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setDraft(event.target.value);
    setCaret(event.target.selectionStart);
    setActive(0);
    if (dismissedAt !== null && slashTokenAt(event.target.value, event.target.selectionStart)?.start !== dismissedAt) setDismissedAt(null);
    if (!note && event.target.value.trim()) onTyping();
  }

  function toggleNote() {
    if (!note) onStopTyping();
    setMode(note ? 'reply' : 'note');
  }

  async function suggestReply() {
    const text = await suggest.run();
    if (!text) return;
    setMode('reply');
    const next = draft.trim() ? `${draft.trimEnd()}\n\n${text}` : text;
    replaceDraft(next, next.length);
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) upload.upload(file);
  }

  const state = upload.state;
  return (
    <div className="composer-area">
      {pickerOpen && (
        <TemplatePicker
          query={token.query}
          options={options}
          total={templates.templates.length}
          failed={templates.failed}
          active={activeIndex}
          render={render}
          onPick={pick}
          onHover={setActive}
        />
      )}
      {state.kind === 'uploading' && (
        <div className="upload-status" role="status" data-testid="upload-progress">
          <span>{t('uploading', { name: state.name })}</span>
          <progress max={state.total || 1} value={state.loaded} />
          <span className="muted">{format.bytes(state.loaded)}</span>
          <button type="button" className="link-button" onClick={upload.cancel}>
            {t('cancelUpload')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="upload-status failed" role="alert" data-testid="upload-error">
          <span>
            {t(`uploadError.${state.problem}`, {
              name: state.name,
              max: format.bytes(state.maxBytes ?? MAX_ATTACHMENT_BYTES),
              message: state.message ?? '',
            })}
          </span>
          <button type="button" className="link-button" onClick={upload.dismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <form className={note ? 'composer note-mode' : 'composer'} onSubmit={submit}>
        <div className="composer-tools">
          <button type="button" className="note-toggle" aria-pressed={note} onClick={toggleNote} title={t('noteHint')}>
            {t('note')}
          </button>
          <button
            type="button"
            className="attach-button"
            disabled={note || state.kind === 'uploading'}
            onClick={() => fileRef.current?.click()}
            title={t('attachHint')}
          >
            {t('attach')}
          </button>
          <input ref={fileRef} type="file" hidden accept={ATTACHMENT_ACCEPT} onChange={onFile} data-testid="attachment-input" />
          {suggest.available && (
            <button type="button" className="ai-button" disabled={suggest.busy} onClick={suggestReply} title={t('suggestHint')}>
              {suggest.busy ? t('suggesting') : t('suggest')}
            </button>
          )}
        </div>
        <textarea
          ref={textareaRef}
          aria-label={note ? t('noteLabel') : t('replyLabel')}
          aria-autocomplete="list"
          aria-controls={pickerOpen && options.length > 0 ? TEMPLATE_PICKER_ID : undefined}
          aria-activedescendant={pickerOpen && options.length > 0 ? templateOptionId(activeIndex) : undefined}
          placeholder={note ? t('notePlaceholder') : t('replyPlaceholder')}
          value={draft}
          maxLength={MAX_MESSAGE_LENGTH}
          onChange={onChange}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onBlur={onStopTyping}
          onKeyDown={onKeyDown}
          rows={3}
        />
        <button type="submit" className="primary" disabled={sending || !draft.trim()}>
          {note ? t('addNote') : t('send')}
        </button>
      </form>
    </div>
  );
}
