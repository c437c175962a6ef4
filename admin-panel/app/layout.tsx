import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { authOptions } from '@/lib/auth-options';
import { runtimeConfig } from '@/lib/runtime-config';
import { Providers } from './providers';
import './globals.css';
import './responsive.css';

// Runtime configuration and the session are read per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'ChatIQ', description: 'ChatIQ operator panel' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  const locale = await getLocale();
  return (
    <html lang={locale}>
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
