'use client';

import { type CreatedSiteDto, createSiteBodySchema, type SiteDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import { useErrorText, useIssueText } from '@/modules/settings/use-error-text';
import { embedSnippet } from './embed-snippet';

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function SitesManager() {
  const { apiUrl, widgetUrl } = useClientConfig();
  const token = useAccessToken();
  const t = useTranslations('sites');
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [sites, setSites] = useState<SiteDto[] | null>(null);
  const [created, setCreated] = useState<CreatedSiteDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const load = useCallback(() => {
    apiFetch<SiteDto[]>(apiUrl, '/sites', { token })
      .then(setSites)
      .catch(() => setError(t('loadFailed')));
  }, [apiUrl, token, t]);
  useEffect(load, [load]);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = createSiteBodySchema.safeParse({
      name: form.get('name'),
      domains: lines(form.get('domains')),
      allowedOrigins: lines(form.get('allowedOrigins')),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      const label = field === 'name' || field === 'domains' || field === 'allowedOrigins' ? t(`fields.${field}Short`) : t('form');
      setError(t('invalidField', { field: label, message: issueText(issue?.message ?? '') }));
      return;
    }
    setError(null);
    try {
      const site = await apiFetch<CreatedSiteDto>(apiUrl, '/sites', { token, body: parsed.data });
      setCreated(site);
      formElement.reset();
      load();
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e) : t('createFailed'));
    }
  }

  async function copy(text: string, what: string) {
    await navigator.clipboard?.writeText(text).catch(() => {});
    setCopied(what);
  }

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>

      {created && (
        <section className="card highlight" aria-label={t('newSite')}>
          <h2>{t('ready', { name: created.name })}</h2>
          <p>
            {t('secretKey')} <code data-testid="api-key">{created.apiKey}</code>
          </p>
          <pre data-testid="embed-snippet">{embedSnippet(widgetUrl, apiUrl, created.publicId)}</pre>
          <button type="button" onClick={() => copy(embedSnippet(widgetUrl, apiUrl, created.publicId), created.id)}>
            {copied === created.id ? t('copied') : t('copySnippet')}
          </button>
        </section>
      )}

      <section className="card">
        <h2>{t('addTitle')}</h2>
        <form className="stack" onSubmit={onCreate}>
          <label>
            {t('fields.name')}
            <input name="name" required maxLength={100} placeholder={t('namePlaceholder')} />
          </label>
          <label>
            {t('fields.domains')}
            <textarea name="domains" rows={2} placeholder="shop.example.com" />
          </label>
          <label>
            {t('fields.allowedOrigins')}
            <textarea name="allowedOrigins" rows={2} placeholder="https://shop.example.com" />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t('create')}
          </button>
        </form>
      </section>

      <section className="card">
        <h2>{t('listTitle')}</h2>
        {sites === null ? (
          <p className="muted">{t('loading')}</p>
        ) : sites.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('columns.name')}</th>
                <th>{t('columns.siteId')}</th>
                <th>{t('columns.allowedOrigins')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id} data-testid="site-row">
                  <td>{site.name}</td>
                  <td>
                    <code>{site.publicId}</code>
                  </td>
                  <td>{[...site.allowedOrigins, ...site.domains].join(', ') || t('anyOrigin')}</td>
                  <td>
                    <button type="button" onClick={() => copy(embedSnippet(widgetUrl, apiUrl, site.publicId), site.id)}>
                      {copied === site.id ? t('copied') : t('copySnippet')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
