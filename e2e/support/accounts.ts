// Helpers for the settings and account browser tests: a fresh organization per test file (so tests
// never share settings), its first site, and signing in through the login page.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuthResponse, CreatedSiteDto } from '@chatiq/contracts';
import type { Page } from 'playwright-core';
import { resultsDir } from './system.js';

export type Owner = { name: string; email: string; password: string; organization: string; token: string };

async function post<T>(apiUrl: string, pathname: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Registers a new organization with its OWNER over the API. */
export async function registerOwner(apiUrl: string, label: string): Promise<Owner> {
  const run = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const owner = { name: 'Iryna Owner', email: `${run}@owner.test`, password: 'sunflower-fields-42', organization: `Org ${run}` };
  const auth = await post<AuthResponse>(apiUrl, '/auth/register', { ...owner, organizationName: owner.organization });
  return { ...owner, token: auth.accessToken };
}

/** A new access token (e.g. after a password reset signed every session out). */
export async function apiLogin(apiUrl: string, user: { email: string; password: string }): Promise<string> {
  return (await post<AuthResponse>(apiUrl, '/auth/login', { email: user.email, password: user.password })).accessToken;
}

export async function createSite(apiUrl: string, token: string, name: string, allowedOrigins: string[] = []): Promise<CreatedSiteDto> {
  return post<CreatedSiteDto>(apiUrl, '/sites', { name, allowedOrigins }, token);
}

/** Signs in on the login page (English labels: a fresh context asks for English) and waits for the inbox. */
export async function signInPage(page: Page, adminUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${adminUrl}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${adminUrl}/inbox`);
}

/** Console errors about messages missing in a language (next-intl logs MISSING_MESSAGE). */
export function watchMissingMessages(page: Page): string[] {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (/MISSING_MESSAGE|INVALID_MESSAGE|FORMATTING_ERROR/.test(message.text())) missing.push(message.text());
  });
  return missing;
}

/** A full-page screenshot in e2e/test-results/screenshots (not committed; for looking at). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
