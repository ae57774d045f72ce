// What the manifest schema does not check but Office and the store do. Run with the test suite
// (__tests__/manifest.test.ts) and on its own: `pnpm --filter @kaohe/excel-addin validate`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const SHORT_MAX = 125;
export const LONG_MAX = 250;

/** The repository root: the nearest folder up from here with pnpm-workspace.yaml. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
  }
}

export const SCHEMA_FILE = 'OfficeAppManifestV1_1.xsd';

/** Where the Office manifest schemas are: the folder named by KAOHE_OFFICE_XSD, else
 *  shared/office-manifest-xsd beside the repository root (CI has them there). A clone without
 *  them, or a machine without xmllint, gets the reason the schema check cannot run. */
export function manifestSchema(
  env: NodeJS.ProcessEnv = process.env,
): { path: string; reason?: undefined } | { path?: undefined; reason: string } {
  const fromEnv = env['KAOHE_OFFICE_XSD'];
  const dir = fromEnv || join(repoRoot(), '..', 'shared', 'office-manifest-xsd');
  const path = join(dir, SCHEMA_FILE);
  if (!existsSync(path))
    return {
      reason: fromEnv
        ? `KAOHE_OFFICE_XSD names a folder without ${SCHEMA_FILE}`
        : `no Office manifest schemas (set KAOHE_OFFICE_XSD to a folder with ${SCHEMA_FILE}, or put them in ../shared/office-manifest-xsd)`,
    };
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
  } catch {
    return { reason: 'xmllint is not installed (Debian: libxml2-utils)' };
  }
  return { path };
}

/** xmllint against the schema; returns its complaints ('' when valid). */
export function validateSchema(manifestPath: string, schemaPath: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], {
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    const failed = error as { stderr?: Buffer; message: string };
    return failed.stderr?.toString() || failed.message;
  }
}

const RESOURCE_KIND: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  FunctionFile: 'Urls',
  Title: 'ShortStrings',
  Label: 'ShortStrings',
  Description: 'LongStrings',
};

/** Problems as "where: what"; empty when the manifest is fine. */
export function lintManifest(xml: string, publicDir: string): string[] {
  // happy-dom's parser, seen through the standard DOM types.
  const doc = new new Window().DOMParser().parseFromString(
    xml,
    'application/xml',
  ) as unknown as Document;
  const all = [...doc.getElementsByTagName('*')];
  const local = (el: Element) => el.localName;
  const problems: string[] = [];

  const urls = all.flatMap((el) => {
    const values = [
      el.getAttribute('DefaultValue'),
      el.getAttribute('Value'),
      local(el) === 'AppDomain' ? el.textContent : null,
    ];
    return values
      .filter((v): v is string => !!v && /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim()))
      .map((v) => ({ el: local(el), url: new URL(v.trim()) }));
  });
  const hosts = new Set(urls.map((u) => u.url.host));
  for (const { el, url } of urls)
    if (url.protocol !== 'https:') problems.push(`${el}: ${url.href} is not https`);
  if (hosts.size !== 1)
    problems.push(`URLs are on ${hosts.size} hosts (${[...hosts].join(', ')}), not one`);

  const resources = new Map<string, { kind: string; el: Element }>();
  for (const el of all) {
    const id = el.getAttribute('id');
    const group = el.parentElement ? local(el.parentElement) : '';
    if (id && ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(group))
      resources.set(id, { kind: group, el });
  }
  for (const el of all.filter((e) => e.hasAttribute('resid'))) {
    const resid = el.getAttribute('resid') ?? '';
    const found = resources.get(resid);
    const wanted = RESOURCE_KIND[local(el)];
    if (!found) problems.push(`${local(el)}: resid "${resid}" is not defined`);
    else if (wanted && found.kind !== wanted)
      problems.push(`${local(el)}: resid "${resid}" is in ${found.kind}, expected ${wanted}`);
  }

  for (const { kind, el } of resources.values()) {
    const max = kind === 'ShortStrings' ? SHORT_MAX : kind === 'LongStrings' ? LONG_MAX : null;
    const texts = [
      el.getAttribute('DefaultValue') ?? '',
      ...[...el.children].map((o) => o.getAttribute('Value') ?? ''),
    ];
    if (max)
      for (const text of texts)
        if ([...text].length > max)
          problems.push(`${el.getAttribute('id')}: ${[...text].length} characters, over ${max}`);
  }

  if (doc.getElementsByTagName('DefaultLocale')[0]?.textContent?.trim() !== 'zh-CN')
    problems.push('DefaultLocale is not zh-CN');
  const localised = all.filter(
    (el) => ['DisplayName', 'Description'].includes(local(el)) && el.hasAttribute('DefaultValue'),
  );
  for (const el of [
    ...localised,
    ...[...resources.values()].filter((r) => r.kind.endsWith('Strings')).map((r) => r.el),
  ]) {
    const locales = [...el.children]
      .filter((c) => local(c) === 'Override')
      .map((c) => c.getAttribute('Locale'));
    if (!locales.includes('en-US'))
      problems.push(`${local(el)} ${el.getAttribute('id') ?? ''}: no en-US override`.trim());
  }

  const icons = urls.filter((u) => ['IconUrl', 'HighResolutionIconUrl', 'Image'].includes(u.el));
  for (const { url } of icons)
    if (!existsSync(join(publicDir, decodeURIComponent(url.pathname))))
      problems.push(`icon ${url.pathname} is missing from public/`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = join(dirname(fileURLToPath(import.meta.url)), '..');
  const path = join(here, 'manifest.xml');
  const schema = manifestSchema();
  const errors = [
    schema.path ? validateSchema(path, schema.path) : '',
    ...lintManifest(readFileSync(path, 'utf8'), join(here, 'public')),
  ].filter(Boolean);
  for (const error of errors) console.error(error);
  if (errors.length > 0) process.exit(1);
  console.log(
    schema.path
      ? 'manifest.xml: schema valid, lint clean'
      : `manifest.xml: lint clean; schema check skipped: ${schema.reason}`,
  );
}
