'use client';

// First: before any schema parses in the browser.
import '@/lib/zod-without-eval';
import type { Session } from 'next-auth';
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { type ClientConfig, ClientConfigProvider } from '@/lib/client-config';

export function Providers({ session, config, children }: { session: Session | null; config: ClientConfig; children: ReactNode }) {
  return (
    <SessionProvider session={session} refetchOnWindowFocus={false}>
      <ClientConfigProvider value={config}>{children}</ClientConfigProvider>
    </SessionProvider>
  );
}
