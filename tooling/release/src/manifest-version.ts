// The add-in's manifest.xml carries the add-in's version (Office wants four parts: 0.1.0 → 0.1.0.0).
// `pnpm version-packages` runs this after `changeset version`, so the two never drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, repoRoot } from './packages.ts';

const VERSION_TAG = /<Version>([^<]*)<\/Version>/;

/** Office's four-part version of a semver version (a pre-release or build tag is refused). */
export function officeVersion(semver: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(semver);
  if (!m) throw new Error(`manifest.xml needs a plain x.y.z version, not "${semver}"`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

export function manifestVersion(xml: string): string | undefined {
  return VERSION_TAG.exec(xml)?.[1];
}

/** The manifest text with its <Version> set; throws when there is no <Version> to set. */
export function withVersion(xml: string, semver: string): string {
  if (!VERSION_TAG.test(xml)) throw new Error('manifest.xml has no <Version> element');
  return xml.replace(VERSION_TAG, `<Version>${officeVersion(semver)}</Version>`);
}

export const ADDIN_DIR = 'apps/excel-addin';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(repoRoot, ADDIN_DIR, 'manifest.xml');
  const { version } = readManifest(ADDIN_DIR);
  const before = readFileSync(path, 'utf8');
  const after = withVersion(before, version);
  if (after !== before) writeFileSync(path, after);
  console.log(`${ADDIN_DIR}/manifest.xml: <Version>${officeVersion(version)}</Version>`);
}
