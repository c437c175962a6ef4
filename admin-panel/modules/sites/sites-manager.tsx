'use client';

import type { CreatedSiteDto, SiteDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useResource } from '@/lib/api/use-resource';
import { useClientConfig } from '@/lib/client-config';
import { FormError } from '@/lib/forms/form-messages';
import { useOperator } from '@/modules/auth/use-operator';
import { CopyButton } from './copy-button';
import { CreateSiteForm } from './create-site-form';
import { CspNote } from './csp-note';
import { embedSnippet } from './embed-snippet';
import { SitePanel } from './site-panel';

/**
 * The Sites page: every site the member sees with its embed snippet; owners and admins also
 * create sites and, per site, edit domains and origins, rotate the API key and manage identity
 * verification; only the owner deletes a site.
 */
export function SitesManager() {
  const { apiUrl, widgetUrl } = useClientConfig();
  const { role, organizationId } = useOperator();
  const canManage = role === 'OWNER' || role === 'ADMIN';
  const t = useTranslations('sites');
  const sites = useResource<SiteDto[]>('/sites');
  const [created, setCreated] = useState<CreatedSiteDto | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);

  return (
    <div className="page sites-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p className="muted" data-testid="snippet-follows-settings">
        {t('followsSettings')}
      </p>

      {deleted && (
        <p className="callout" role="status" data-testid="site-deleted">
          {t('deleted', { name: deleted })}
        </p>
      )}

      {created && (
        <section className="card highlight" aria-label={t('newSite')}>
          <h2>{t('ready', { name: created.name })}</h2>
          <p className="secret-line">
            {t('secretKey')} <code data-testid="api-key">{created.apiKey}</code>
            <CopyButton text={created.apiKey} label={t('apiKey.copyKey')} />
          </p>
          <pre data-testid="embed-snippet">{embedSnippet(widgetUrl, apiUrl, created.publicId)}</pre>
          <div className="form-actions">
            <CopyButton text={embedSnippet(widgetUrl, apiUrl, created.publicId)} label={t('copySnippet')} />
            <button type="button" className="link-button" onClick={() => setCreated(null)}>
              {t('dismiss')}
            </button>
          </div>
          <CspNote widgetUrl={widgetUrl} apiUrl={apiUrl} siteId={created.publicId} />
        </section>
      )}

      <section className="card" aria-label={t('organization.title')}>
        <h2>{t('organization.title')}</h2>
        <p className="muted">{t('organization.intro')}</p>
        <p className="secret-line">
          {t('organization.id')} <code data-testid="organization-id">{organizationId}</code>
          <CopyButton text={organizationId} label={t('organization.copyId')} testId="copy-organization-id" />
        </p>
        <pre data-testid="organization-snippet">{embedSnippet(widgetUrl, apiUrl, organizationId, 'organizationId')}</pre>
        <div className="form-actions">
          <CopyButton
            text={embedSnippet(widgetUrl, apiUrl, organizationId, 'organizationId')}
            label={t('copySnippet')}
            testId="copy-organization-snippet"
          />
        </div>
      </section>

      {canManage && (
        <section className="card">
          <h2>{t('addTitle')}</h2>
          <CreateSiteForm
            onCreated={(site) => {
              setCreated(site);
              setDeleted(null);
              sites.reload();
            }}
          />
        </section>
      )}

      <section className="card">
        <h2>{t('listTitle')}</h2>
        {sites.error ? (
          <div>
            <p className="error" role="alert">
              {t('loadFailed')}
            </p>
            <FormError error={sites.error} />
            <button type="button" onClick={sites.reload}>
              {t('retry')}
            </button>
          </div>
        ) : sites.data === null ? (
          <p className="muted">{t('loading')}</p>
        ) : sites.data.length === 0 ? (
          <p className="muted">{canManage ? t('empty') : t('emptyOperator')}</p>
        ) : (
          <ul className="site-list">
            {sites.data.map((site) => {
              const expanded = open === site.id;
              const origins = [...site.allowedOrigins, ...site.domains];
              return (
                <li key={site.id} className="site-item" data-testid="site-row" data-site-id={site.id}>
                  <div className="site-summary">
                    <div className="site-title">
                      <h3 title={site.name}>{site.name}</h3>
                      <code>{site.publicId}</code>
                    </div>
                    <p className="muted site-origins">
                      {t('columns.allowedOrigins')}: {origins.join(', ') || t('anyOrigin')}
                    </p>
                    <div className="form-actions">
                      <CopyButton
                        text={embedSnippet(widgetUrl, apiUrl, site.publicId)}
                        label={t('copySnippet')}
                        testId="copy-site-snippet"
                      />
                      {canManage && (
                        <button
                          type="button"
                          aria-expanded={expanded}
                          aria-controls={`site-panel-${site.id}`}
                          onClick={() => setOpen(expanded ? null : site.id)}
                        >
                          {expanded ? t('closeManage') : t('manage')}
                        </button>
                      )}
                    </div>
                    <CspNote widgetUrl={widgetUrl} apiUrl={apiUrl} siteId={site.publicId} />
                  </div>
                  {expanded && (
                    <div id={`site-panel-${site.id}`}>
                      <SitePanel
                        siteId={site.id}
                        canDelete={role === 'OWNER'}
                        onChanged={sites.reload}
                        onDeleted={() => {
                          setOpen(null);
                          setDeleted(site.name);
                          if (created?.id === site.id) setCreated(null);
                          sites.reload();
                        }}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
