import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { authOptions } from '@/lib/auth-options';
import { runtimeConfig } from '@/lib/runtime-config';
import { Providers } from './providers';
import './globals.css';

// Runtime configuration and the session are read per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'ChatIQ', description: 'ChatIQ operator panel' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  return (
    <html lang="en">
      <body>
        <Providers session={session} config={{ apiUrl: runtimeConfig.publicApiUrl, widgetUrl: runtimeConfig.widgetUrl }}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
