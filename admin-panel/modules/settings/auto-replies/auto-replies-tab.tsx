'use client';

import type { AutoReplyDto, MemberDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { EmptyState } from '@/modules/ui/empty-state';
import { AutoReplyForm } from './auto-reply-form';
import { emptyAutoReplyForm, formFromRule, moveRule, nextPosition, ruleBody } from './auto-reply-form-model';
import { useAssignableMembers } from './use-assignable-members';

/** The site's auto-reply rules in evaluation order: toggle, reorder, edit, delete, add. */
export function AutoRepliesTab() {
  const t = useTranslations('settings.autoReplies');
  const tc = useTranslations('common');
  const site = useSelectedSite();
  const api = useApi();
  const base = `/sites/${encodeURIComponent(site.id)}/auto-replies`;
  const rules = useResource<AutoReplyDto[]>(base);
  const members = useAssignableMembers(site.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const list = rules.data ?? [];

  /** Runs API changes one after the other, then shows the stored list again. */
  async function change(work: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
      rules.reload();
    }
  }
  const put = (rule: AutoReplyDto, patch: Partial<{ enabled: boolean; position: number }>) =>
    api<AutoReplyDto>(`${base}/${encodeURIComponent(rule.id)}`, { method: 'PUT', body: { ...ruleBody(rule), ...patch } });
  const move = (index: number, delta: number) =>
    change(async () => {
      for (const { id, position } of moveRule(list, index, delta)) {
        const rule = list.find((r) => r.id === id);
        if (rule) await put(rule, { position });
      }
    });

  return (
    <section className="card" aria-labelledby="auto-replies-title">
      <h2 id="auto-replies-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {rules.error ? <FormError error={rules.error} /> : !rules.data ? <p className="muted">{t('loading')}</p> : null}
      <FormError error={failure} />
      {rules.data && list.length === 0 && editing !== 'new' && (
        <EmptyState
          text={t('empty')}
          action={
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('add')}
            </button>
          }
        />
      )}
      {list.length > 0 && (
        <ol className="rule-list">
          {list.map((rule, index) => (
            <li key={rule.id} className={`rule${rule.enabled ? '' : ' disabled'}`} data-testid="auto-reply">
              {editing === rule.id ? (
                <AutoReplyForm
                  siteId={site.id}
                  rule={rule}
                  initial={formFromRule(rule)}
                  members={members}
                  onSaved={() => {
                    setEditing(null);
                    rules.reload();
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <RuleSummary rule={rule} members={members}>
                  <label className="checkbox toggle">
                    <input
                      type="checkbox"
                      checked={rule.enabled}
                      disabled={busy}
                      onChange={(e) => {
                        // Shown at once; the stored list replaces it when the save answers.
                        const enabled = e.target.checked;
                        rules.setData(list.map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
                        void change(() => put(rule, { enabled }));
                      }}
                    />
                    {t('enabled')}
                  </label>
                  <button type="button" onClick={() => move(index, -1)} disabled={busy || index === 0} aria-label={t('moveUp')}>
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(index, 1)}
                    disabled={busy || index === list.length - 1}
                    aria-label={t('moveDown')}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => setEditing(rule.id)} disabled={busy}>
                    {tc('edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(t('confirmDelete')))
                        void change(() => api(`${base}/${encodeURIComponent(rule.id)}`, { method: 'DELETE' }));
                    }}
                  >
                    {tc('delete')}
                  </button>
                </RuleSummary>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing === 'new' ? (
        <AutoReplyForm
          siteId={site.id}
          rule={null}
          initial={emptyAutoReplyForm(nextPosition(list))}
          members={members}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        list.length > 0 && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        )
      )}
    </section>
  );
}

function RuleSummary({ rule, members, children }: { rule: AutoReplyDto; members: MemberDto[]; children: ReactNode }) {
  const t = useTranslations('settings.autoReplies');
  const detail =
    rule.trigger === 'KEYWORD'
      ? rule.keywords.join(', ')
      : rule.trigger === 'PATTERN'
        ? rule.pattern
        : rule.trigger === 'NO_REPLY'
          ? t('afterSeconds', { seconds: rule.noReplySeconds })
          : null;
  const assignee = rule.assignToOperatorId ? (members.find((m) => m.id === rule.assignToOperatorId)?.name ?? t('unknownMember')) : null;
  return (
    <div className="rule-summary">
      <div className="rule-main">
        <p>
          <strong>{t(`triggers.${rule.trigger}`)}</strong>
          {detail && <code className="rule-detail">{detail}</code>}
        </p>
        <p className="rule-reply">{rule.replyText}</p>
        <p className="muted rule-actions-text">
          {[
            rule.setStatus ? t('setsStatus', { status: t(`statuses.${rule.setStatus}`) }) : null,
            assignee ? t('assigns', { name: assignee }) : null,
            rule.stopAfter ? t('stops') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div className="rule-buttons">{children}</div>
    </div>
  );
}
