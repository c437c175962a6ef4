import type { INestApplication } from '@nestjs/common';

export type Route = { method: string; path: string };

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

/**
 * Every REST route the running app serves, read from the Express router (never a hand list).
 * Catch-all layers (Nest's not-found fallback, path `{/*splat}`) are not routes of ours.
 */
export function listRoutes(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return express.router.stack
    .filter((layer): layer is Required<Layer> => typeof layer.route?.path === 'string' && layer.route.path.startsWith('/'))
    .flatMap((layer) =>
      Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((method) => ({ method: method.toUpperCase(), path: layer.route.path })),
    );
}
