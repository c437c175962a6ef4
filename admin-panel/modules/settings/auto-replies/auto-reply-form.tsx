'use client';

import { type AutoReplyDto, autoReplyRuleSchema, autoReplyTriggerSchema, type MemberDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { type AutoReplyForm as Form, ruleBodyFromForm } from './auto-reply-form-model';

const FIELDS = [
  'trigger',
  'keywords',
  'pattern',
  'noReplySeconds',
  'replyText',
  'setStatus',
  'assignToOperatorId',
  'enabled',
  'position',
  'stopAfter',
];

/** Creates a rule (no `rule`) or edits one. */
export function AutoReplyForm({
  siteId,
  rule,
  initial,
  members,
  onSaved,
  onCancel,
}: {
  siteId: string;
  rule: AutoReplyDto | null;
  initial: Form;
  members: MemberDto[];
  onSaved: (rule: AutoReplyDto) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('settings.autoReplies');
  const tc = useTranslations('common');
  const api = useApi();
  const [form, setForm] = useState<Form>(initial);
  const { errors, failure, saving, submit: send } = useContractSubmit();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = ruleBodyFromForm(form);
    const base = `/sites/${encodeURIComponent(siteId)}/auto-replies`;
    const saved = await send(autoReplyRuleSchema, body, () =>
      rule
        ? api<AutoReplyDto>(`${base}/${encodeURIComponent(rule.id)}`, { method: 'PUT', body })
        : api<AutoReplyDto>(base, { method: 'POST', body }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form className="stack auto-reply-form" onSubmit={submit} noValidate aria-label={rule ? t('editTitle') : t('newTitle')}>
      <h3>{rule ? t('editTitle') : t('newTitle')}</h3>
      <label>
        {t('trigger')}
        <select value={form.trigger} onChange={(e) => set('trigger', autoReplyTriggerSchema.parse(e.target.value))}>
          {autoReplyTriggerSchema.options.map((trigger) => (
            <option key={trigger} value={trigger}>
              {t(`triggers.${trigger}`)}
            </option>
          ))}
        </select>
        <span className="hint">{t(`triggerHints.${form.trigger}`)}</span>
      </label>
      {form.trigger === 'KEYWORD' && (
        <label>
          {t('keywords')}
          <textarea
            rows={3}
            value={form.keywords}
            onChange={(e) => set('keywords', e.target.value)}
            aria-invalid={Boolean(errors.keywords)}
            placeholder={t('keywordsPlaceholder')}
          />
          <span className="hint">{t('keywordsHint')}</span>
          <FieldError message={errorAt(errors, 'keywords') ?? Object.entries(errors).find(([k]) => k.startsWith('keywords.'))?.[1]} />
        </label>
      )}
      {form.trigger === 'PATTERN' && (
        <label>
          {t('pattern')}
          <input
            value={form.pattern}
            onChange={(e) => set('pattern', e.target.value)}
            aria-invalid={Boolean(errors.pattern)}
            spellCheck={false}
            placeholder="order\s*#?\d+"
          />
          <span className="hint">{t('patternHint')}</span>
          <FieldError message={errorAt(errors, 'pattern')} />
        </label>
      )}
      {form.trigger === 'NO_REPLY' && (
        <label>
          {t('noReplySeconds')}
          <input
            type="number"
            min={10}
            max={86400}
            value={form.noReplySeconds}
            onChange={(e) => set('noReplySeconds', e.target.value)}
            aria-invalid={Boolean(errors.noReplySeconds)}
          />
          <FieldError message={errorAt(errors, 'noReplySeconds')} />
        </label>
      )}
      <label>
        {t('replyText')}
        <textarea
          rows={3}
          value={form.replyText}
          onChange={(e) => set('replyText', e.target.value)}
          aria-invalid={Boolean(errors.replyText)}
        />
        <FieldError message={errorAt(errors, 'replyText')} />
      </label>
      <div className="inline-fields">
        <label>
          {t('setStatus')}
          <select value={form.setStatus} onChange={(e) => set('setStatus', e.target.value as Form['setStatus'])}>
            <option value="">{t('keepStatus')}</option>
            <option value="PENDING">{t('statuses.PENDING')}</option>
            <option value="RESOLVED">{t('statuses.RESOLVED')}</option>
          </select>
        </label>
        <label>
          {t('assignTo')}
          <select value={form.assignToOperatorId} onChange={(e) => set('assignToOperatorId', e.target.value)}>
            <option value="">{t('noAssign')}</option>
            {form.assignToOperatorId && !members.some((m) => m.id === form.assignToOperatorId) && (
              <option value={form.assignToOperatorId}>{t('unknownMember')}</option>
            )}
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
          <FieldError message={errorAt(errors, 'assignToOperatorId')} />
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.stopAfter} onChange={(e) => set('stopAfter', e.target.checked)} />
        {t('stopAfter')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('enabled')}
      </label>
      <FormError error={failure} messages={unclaimedErrors(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? tc('saving') : tc('save')}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
