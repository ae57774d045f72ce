import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintManifest, manifestSchema, validateSchema } from '../scripts/manifest-lint.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');
const publicDir = join(root, 'public');

describe('manifest.xml', () => {
  // Runs where the Office schemas are (CI: ../shared/office-manifest-xsd, or KAOHE_OFFICE_XSD);
  // elsewhere it is reported as skipped, with the reason in its title. The lint below always runs.
  const schema = manifestSchema();
  if (!schema.path) console.warn(`manifest schema check skipped: ${schema.reason}`);
  it.skipIf(!schema.path)(
    schema.path
      ? 'is valid against the Office add-in manifest schema'
      : `is valid against the Office add-in manifest schema (skipped: ${schema.reason})`,
    () => {
      expect(validateSchema(manifestPath, schema.path!)).toBe('');
    },
  );

  it.skipIf(!schema.path)(
    `the schema check catches an invalid manifest${schema.reason ? ` (skipped: ${schema.reason})` : ''}`,
    () => {
      const broken = join(mkdtempSync(join(tmpdir(), 'kaohe-manifest-')), 'manifest.xml');
      writeFileSync(
        broken,
        manifest
          .replace('<DefaultLocale>', '<DefaultLocal>')
          .replace('</DefaultLocale>', '</DefaultLocal>'),
      );
      expect(validateSchema(broken, schema.path!)).toMatch(/DefaultLocal/);
    },
  );

  it('finds the schemas through KAOHE_OFFICE_XSD, or says why not', () => {
    const none = manifestSchema({ KAOHE_OFFICE_XSD: tmpdir() });
    expect(none.path).toBeUndefined();
    expect(none.reason).toMatch(/KAOHE_OFFICE_XSD/);
  });

  it('passes the lint: https on one host, resids resolve, string lengths, icons, locales', () => {
    expect(lintManifest(manifest, publicDir)).toEqual([]);
  });

  it('declares ExcelApi 1.13 (insertWorksheetsFromBase64) and zh-CN first', () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.13"\/>/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  });

  it('catches what it is meant to catch', () => {
    const broken = manifest
      .replace('https://localhost:3000/assets/icon-16.png', 'http://example.org/icon-16.png')
      .replace('resid="Group.Label"', 'resid="Group.Missing"')
      .replace('DefaultValue="考核"', `DefaultValue="${'长'.repeat(126)}"`)
      .replace('icon-80.png', 'icon-81.png')
      .replace('<bt:Override Locale="en-US" Value="Assessment"/>', '');
    expect(lintManifest(broken, publicDir)).toEqual([
      'Image: http://example.org/icon-16.png is not https',
      'URLs are on 2 hosts (localhost:3000, example.org), not one',
      'Label: resid "Group.Missing" is not defined',
      'Group.Label: 126 characters, over 125',
      'String Group.Label: no en-US override',
      'icon /icon-16.png is missing from public/',
      'icon /assets/icon-81.png is missing from public/',
    ]);
  });
});
