// Builds an app (the task pane, the admin app) with Vite and serves its dist/ on 127.0.0.1
// (vite preview), for the browser tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';

/** `appRoot`: the app's folder (where its vite.config.ts is). */
export async function buildAndServe(
  appRoot: string,
): Promise<{ url: string; server: PreviewServer }> {
  // vitest sets NODE_ENV=test, which would give React's development build: build as shipped.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: appRoot, logLevel: 'warn', mode: 'production' });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  const server = await preview({
    root: appRoot,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, server };
}

/**
 * The JavaScript a first load fetches: the entry module and what it imports statically
 * (modulepreload links), gzipped. Lazy chunks (the scoring kernel, ExcelJS, CodeMirror) are not in it.
 */
export function firstLoadJs(appRoot: string): {
  files: string[];
  gzipBytes: number;
  text: string;
} {
  const distDir = join(appRoot, 'dist');
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(
      /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g,
    ),
  ].map((m) => m[1] ?? '');
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length,
    0,
  );
  const text = files.map((file) => readFileSync(join(distDir, file), 'utf8')).join('\n');
  return { files, gzipBytes, text };
}
