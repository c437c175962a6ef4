import type { HealthDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('GET /health and /docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the database up', async () => {
    const { status, body } = await api<HealthDto>(t.url, 'GET', '/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document with the contract schemas', async () => {
    const { status, body } = await api<{ paths: Record<string, unknown> }>(t.url, 'GET', '/docs-json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/auth/register', '/auth/login', '/sites', '/chats']));
    const register = JSON.stringify(body.paths['/auth/register']);
    expect(register).toContain('organizationName');
  });
});
