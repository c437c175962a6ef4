'use client';

import { useTranslations } from 'next-intl';
import { noInlineEmbedSnippet, widgetCspDirectives } from './content-security-policy';

/**
 * Next to a snippet: what a site with a Content-Security-Policy must allow for the widget, and the
 * embed form without an inline script.
 */
export function CspNote({ widgetUrl, apiUrl, siteId }: { widgetUrl: string; apiUrl: string; siteId: string }) {
  const t = useTranslations('sites.csp');
  return (
    <details className="identity-howto csp-note">
      <summary>{t('title')}</summary>
      <p className="hint">{t('directives')}</p>
      <pre data-testid="csp-directives">{widgetCspDirectives(widgetUrl, apiUrl).join(';\n')}</pre>
      <p className="hint">{t('noInline')}</p>
      <pre data-testid="no-inline-snippet">{noInlineEmbedSnippet(widgetUrl, apiUrl, siteId)}</pre>
    </details>
  );
}
