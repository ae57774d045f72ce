// The pane loads Office.js from Microsoft's CDN, as the store requires. The browser test has no
// internet, so it answers those requests from the @microsoft/office-js package instead: the real
// Office.js runs, finds no Office host and resolves Office.onReady with host null.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';

const require = createRequire(import.meta.url);
const officeDist = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const CDN = OFFICE_CDN;

export async function serveOfficeJsLocally(context: BrowserContext): Promise<string[]> {
  const served: string[] = [];
  await context.route(`${CDN}**`, async (route) => {
    const rel = normalize(
      decodeURIComponent(new URL(route.request().url()).pathname.slice('/lib/1/hosted/'.length)),
    );
    const file = join(officeDist, rel);
    if (rel.startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    served.push(rel);
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
  });
  // Nothing else may leave the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url().startsWith(CDN) ? route.fallback() : route.abort(),
  );
  return served;
}
