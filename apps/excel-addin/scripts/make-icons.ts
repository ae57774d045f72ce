// Draws the add-in icons (16, 32, 64, 80 px PNG) from one SVG, rendered by chromium.
// Run: pnpm --filter @kaohe/excel-addin icons   (the PNGs are committed under public/assets).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@kaohe/browser-test';

// A score sheet with a tick: green like Excel, readable at 16 px.
const svg = (size: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect x="1" y="1" width="30" height="30" rx="6" fill="#107C41"/>
  <rect x="6" y="6" width="20" height="20" rx="2" fill="#FFFFFF"/>
  <path d="M6 12.5h20M6 19h20M13 6v20" stroke="#107C41" stroke-width="1.5" opacity="0.45"/>
  <path d="M9.5 16.5l4.5 4.5 9-10" fill="none" stroke="#0B5A2E" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'assets');
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const page = await browser.context.newPage();
for (const size of [16, 32, 64, 80]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`,
  );
  await page
    .locator('svg')
    .screenshot({ path: join(out, `icon-${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`icons written to ${out}`);
