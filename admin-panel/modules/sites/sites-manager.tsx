'use client';

import { type CreatedSiteDto, createSiteBodySchema, type SiteDto } from '@chatiq/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import { embedSnippet } from './embed-snippet';

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function SitesManager() {
  const { apiUrl, widgetUrl } = useClientConfig();
  const token = useAccessToken();
  const [sites, setSites] = useState<SiteDto[] | null>(null);
  const [created, setCreated] = useState<CreatedSiteDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const load = useCallback(() => {
    apiFetch<SiteDto[]>(apiUrl, '/sites', { token })
      .then(setSites)
      .catch(() => setError('Could not load sites.'));
  }, [apiUrl, token]);
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
      setError(`${issue?.path.join('.') ?? 'form'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setError(null);
    try {
      const site = await apiFetch<CreatedSiteDto>(apiUrl, '/sites', { token, body: parsed.data });
      setCreated(site);
      formElement.reset();
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not create the site.');
    }
  }

  async function copy(text: string, what: string) {
    await navigator.clipboard?.writeText(text).catch(() => {});
    setCopied(what);
  }

  return (
    <div className="page">
      <h1>Sites</h1>
      <p className="muted">Each site gets its own widget snippet. Paste it before &lt;/body&gt; on every page.</p>

      {created && (
        <section className="card highlight" aria-label="New site">
          <h2>“{created.name}” is ready</h2>
          <p>
            Secret API key (shown only now): <code data-testid="api-key">{created.apiKey}</code>
          </p>
          <pre data-testid="embed-snippet">{embedSnippet(widgetUrl, apiUrl, created.publicId)}</pre>
          <button type="button" onClick={() => copy(embedSnippet(widgetUrl, apiUrl, created.publicId), created.id)}>
            {copied === created.id ? 'Copied' : 'Copy snippet'}
          </button>
        </section>
      )}

      <section className="card">
        <h2>Add a site</h2>
        <form className="stack" onSubmit={onCreate}>
          <label>
            Name
            <input name="name" required maxLength={100} placeholder="My shop" />
          </label>
          <label>
            Domains (one per line; subdomains included)
            <textarea name="domains" rows={2} placeholder="shop.example.com" />
          </label>
          <label>
            Allowed origins (one per line)
            <textarea name="allowedOrigins" rows={2} placeholder="https://shop.example.com" />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            Create site
          </button>
        </form>
      </section>

      <section className="card">
        <h2>Your sites</h2>
        {sites === null ? (
          <p className="muted">Loading…</p>
        ) : sites.length === 0 ? (
          <p className="muted">No sites yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Site id</th>
                <th>Allowed origins</th>
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
                  <td>{[...site.allowedOrigins, ...site.domains].join(', ') || 'any (not restricted yet)'}</td>
                  <td>
                    <button type="button" onClick={() => copy(embedSnippet(widgetUrl, apiUrl, site.publicId), site.id)}>
                      {copied === site.id ? 'Copied' : 'Copy snippet'}
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
