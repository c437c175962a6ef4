'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { THEME_COOKIE, THEMES, type Theme, themeAttribute } from './theme';

/**
 * System / Light / Dark. The choice goes in a cookie (the root layout renders the next page with it,
 * so nothing flashes) and onto the root element at once; no script runs before the page paints,
 * so the panel's nonce-only script policy needs nothing new.
 */
export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const t = useTranslations('shell.theme');
  const [theme, setTheme] = useState(initial);
  return (
    <label className="theme-switcher">
      <span className="visually-hidden">{t('label')}</span>
      <select
        value={theme}
        data-testid="theme-switcher"
        onChange={(event) => {
          const next = event.target.value as Theme;
          // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie read by the server.
          document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          const attribute = themeAttribute(next);
          if (attribute) document.documentElement.dataset.theme = attribute;
          else delete document.documentElement.dataset.theme;
          setTheme(next);
        }}
      >
        {THEMES.map((code) => (
          <option key={code} value={code}>
            {t(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
