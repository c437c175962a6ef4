'use client';

import { createContext, type ReactNode, useContext } from 'react';

/** `googleSignIn`: the login page shows its Google button only when Google sign-in is configured. */
export type ClientConfig = { apiUrl: string; widgetUrl: string; googleSignIn: boolean };

const ClientConfigContext = createContext<ClientConfig | null>(null);

/** Hands the server's runtime configuration to client components. */
export function ClientConfigProvider({ value, children }: { value: ClientConfig; children: ReactNode }) {
  return <ClientConfigContext.Provider value={value}>{children}</ClientConfigContext.Provider>;
}

export function useClientConfig(): ClientConfig {
  const config = useContext(ClientConfigContext);
  if (!config) throw new Error('useClientConfig outside ClientConfigProvider');
  return config;
}
