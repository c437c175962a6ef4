import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getServerSession } from 'next-auth';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { authOptions } from '@/lib/auth-options';
import { runtimeConfig } from '@/lib/runtime-config';
import { THEME_COOKIE, themeAttribute, themeFrom } from '@/modules/shell/theme';
import { Providers } from './providers';
import './globals.css';
import './responsive.css';

// Runtime configuration and the session are read per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'ChatIQ', description: 'ChatIQ operator panel' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  const locale = await getLocale();
  // The switcher's theme, rendered by the server (no script, no flash); without one, the CSS follows the system.
  const theme = themeAttribute(themeFrom((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang={locale} data-theme={theme}>
      <body>
        <NextIntlClientProvider locale={locale} messages={await getMessages()}>
          <Providers
            session={session}
            config={{ apiUrl: runtimeConfig.publicApiUrl, widgetUrl: runtimeConfig.widgetUrl, googleSignIn: runtimeConfig.google !== null }}
          >
            {children}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
