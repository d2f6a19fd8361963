import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

// Serves the built web app: hashed assets cached forever, everything else revalidated, and
// unknown non-API paths answered with index.html so client-side routes survive a reload.

export function mountWebApp(app: Hono<AppEnv>, distDir: string): boolean {
  if (!existsSync(path.join(distDir, 'index.html'))) return false;
  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  const noCache = (_path: string, c: { header: (k: string, v: string) => void }) => {
    c.header('Cache-Control', 'no-cache');
  };
  app.use('*', serveStatic({ root: distDir, onFound: noCache }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html', onFound: noCache }));
  return true;
}
