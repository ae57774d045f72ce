// The release configuration as developers rely on it: the five public packages move together,
// tooling is never versioned, the first release is a deliberate 0.1.0, and the add-in's
// manifest follows the add-in's version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDIN_DIR, manifestVersion, officeVersion, withVersion } from './manifest-version.ts';
import { PUBLIC_DIRS, readManifest, repoRoot, workspaceDirs } from './packages.ts';

interface ChangesetConfig {
  fixed: string[][];
  ignore: string[];
  privatePackages: { version: boolean; tag: boolean };
}
const config = JSON.parse(
  readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8'),
) as ChangesetConfig;
const manifests = workspaceDirs().map((dir) => ({ dir, ...readManifest(dir) }));

describe('the release train', () => {
  it('the public packages are exactly the five, in one fixed group, at one version', () => {
    const publicNames = manifests.filter((m) => !m.private).map((m) => m.name);
    const expected = PUBLIC_DIRS.map((dir) => readManifest(dir).name);
    expect(publicNames.sort()).toEqual([...expected].sort());
    expect(config.fixed).toEqual([expected]);
    expect(new Set(PUBLIC_DIRS.map((dir) => readManifest(dir).version)).size).toBe(1);
  });

  it('private tooling is never versioned; the private apps are', () => {
    const tooling = manifests
      .filter((m) => m.private && !m.dir.startsWith('apps/'))
      .map((m) => m.name);
    expect([...config.ignore].sort()).toEqual(tooling.sort());
    expect(config.privatePackages).toEqual({ version: true, tag: false });
    expect(config.ignore).not.toContain(readManifest(ADDIN_DIR).name);
  });

  it('manifest.xml carries the add-in version', () => {
    const xml = readFileSync(join(repoRoot, ADDIN_DIR, 'manifest.xml'), 'utf8');
    expect(manifestVersion(xml)).toBe(officeVersion(readManifest(ADDIN_DIR).version));
  });

  it('version-packages sets the manifest version from the add-in version', () => {
    const xml = '<OfficeApp><Id>x</Id><Version>0.0.0.0</Version></OfficeApp>';
    expect(withVersion(xml, '1.2.3')).toBe(
      '<OfficeApp><Id>x</Id><Version>1.2.3.0</Version></OfficeApp>',
    );
    expect(() => withVersion(xml, '1.2.3-beta.1')).toThrow(/x\.y\.z/);
    expect(() => withVersion('<OfficeApp/>', '1.2.3')).toThrow(/no <Version>/);
    const scripts = readManifest('.') as { scripts?: Record<string, string> };
    expect(scripts.scripts?.['version-packages']).toMatch(
      /changeset version && .*manifest-version\.ts/,
    );
  });
});
