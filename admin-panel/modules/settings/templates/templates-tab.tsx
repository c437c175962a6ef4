'use client';

import type { QuickTemplateDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { TemplateForm } from './template-form';

/** Quick templates operators insert with "/shortcut": the site's own and the organization's. */
export function TemplatesTab() {
  const t = useTranslations('settings.templates');
  const tc = useTranslations('common');
  const site = useSelectedSite();
  const api = useApi();
  const templates = useResource<QuickTemplateDto[]>(`/templates?siteId=${encodeURIComponent(site.id)}`);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function remove(template: QuickTemplateDto) {
    if (!window.confirm(t('confirmDelete', { shortcut: template.shortcut }))) return;
    setFailure(null);
    try {
      await api(`/templates/${encodeURIComponent(template.id)}`, { method: 'DELETE' });
    } catch (e) {
      setFailure(e);
    }
    templates.reload();
  }

  const group = (title: string, list: QuickTemplateDto[], testId: string) => (
    <section className="template-group" data-testid={testId}>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="template-list">
          {list.map((template) => (
            <li key={template.id} data-testid="template">
              {editing === template.id ? (
                <TemplateForm
                  siteId={site.id}
                  siteName={site.name}
                  template={template}
                  onSaved={() => {
                    setEditing(null);
                    templates.reload();
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="template-item">
                  <code className="shortcut">{template.shortcut}</code>
                  <span className="template-text">{template.text}</span>
                  <span className="rule-buttons">
                    <button type="button" onClick={() => setEditing(template.id)}>
                      {tc('edit')}
                    </button>
                    <button type="button" className="danger" onClick={() => remove(template)}>
                      {tc('delete')}
                    </button>
                  </span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <FormError error={templates.error ?? failure} />
      {!templates.data && !templates.error && <p className="muted">{t('loading')}</p>}
      {templates.data && (
        <>
          {group(
            t('siteGroup', { site: site.name }),
            templates.data.filter((x) => x.siteId === site.id),
            'site-templates',
          )}
          {group(
            t('organizationGroup'),
            templates.data.filter((x) => x.siteId === null),
            'organization-templates',
          )}
        </>
      )}
      <TemplateForm siteId={site.id} siteName={site.name} template={null} onSaved={templates.reload} />
    </section>
  );
}
