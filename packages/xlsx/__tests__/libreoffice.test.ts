// Interop with a real spreadsheet application: LibreOffice Calc, headless. Each run uses its own
// temporary directory and user profile, so parallel runs do not clash. soffice must be present
// (CI installs libreoffice-calc-nogui): without it this suite fails, it never skips.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectionRuleSet } from '@kaohe/test-utils';
import { compileRuleSet, parseRuleSet, scoreUnit, type CertificationRecord } from '@kaohe/engine';
import {
  buildTemplate,
  createKey,
  fingerprint,
  openKey,
  planWrites,
  publishEdition,
  readCertificationRecords,
  readSheet,
  readSummaryResults,
  reviewReturns,
  signPrefill,
  verifyPrefill,
  workbookEdition,
  type SheetGrid,
} from '@kaohe/sheet';
import { fillWorkbook, filled, fixtureInput, ruleSet, template } from '../src/__tests__/fixture.ts';
import { applyWrites, readWorkbook, writeTemplateWorkbook } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kaohe-lo-'));
const out = join(dir, 'out');
const t = template();
// A signing key for the signed workbook (a low scrypt cost: the key file is not under test here).
const signingKey = (() => {
  const made = createKey('测试市政府口令2012', {
    issuer: '测试市人民政府',
    validFrom: 2012,
    validTo: 2013,
    scryptN: 2 ** 10,
  });
  const opened = openKey(made.file, '测试市政府口令2012');
  if (!opened.ok) throw new Error('the test key does not open');
  return opened.value;
})();

function soffice(args: string[]): void {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args],
      { stdio: 'pipe', timeout: 90_000 },
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') {
      throw new Error(
        'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui. The interop tests need it and do not skip.',
        { cause: e },
      );
    }
    throw new Error(`soffice failed: ${err.stderr?.toString() ?? err.message}`, { cause: e });
  }
}

const file = (name: string): string => join(dir, name);
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const trim = (g: SheetGrid): unknown[][] => {
  const rows = g.values.map((r) => {
    const copy = [...r];
    while (copy.length && (copy.at(-1) === null || copy.at(-1) === '')) copy.pop();
    return copy.map((v) => (v === '' ? null : v));
  });
  while (rows.length && rows.at(-1)?.length === 0) rows.pop();
  return rows;
};

/** The rules of the signed workbook: the rate is a target the assessing level assigns. */
const signedRules = ruleSet({
  ...fixtureInput,
  inputs: fixtureInput.inputs.map((i) =>
    i.id === 'policy_rate' ? { ...i, source: 'assigned' as const } : i,
  ),
});
// A certification (评估认定) of one clause: the re-assessment workbook carries the unit's records,
// the review's summary carries every unit's; both as a clerk's LibreOffice leaves them.
const certification = (() => {
  const r = parseRuleSet({
    schemaVersion: 1,
    kind: 'certification',
    id: 'lo-certification',
    title: { zh: '协会评估认定', en: 'Association certification' },
    issuer: { zh: '县计生协', en: 'County association' },
    level: { zh: '村', en: 'villages' },
    year: 2012,
    edition: 1,
    points: 1,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    rectificationDays: 30,
    inputs: [{ id: 'home', label: { zh: '建立会员之家', en: 'Member home' }, unit: 'yesno' }],
    sections: [
      {
        code: '一',
        title: { zh: '阵地建设', en: 'Premises' },
        points: 1,
        items: [
          {
            code: '1',
            title: { zh: '建立会员之家', en: 'Member home' },
            points: 1,
            rule: { kind: 'yesno', input: 'home' },
          },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();
const earlier: CertificationRecord[] = [
  {
    unitId: 'wj',
    ruleSetId: 'lo-certification',
    edition: 1,
    assessedOn: '2012-11-20',
    attempt: 1,
    passed: false,
    failing: [
      {
        path: '一.1',
        title: { zh: '建立会员之家', en: 'Member home' },
        status: 'not-met',
        reason: { zh: '未建立“会员之家”,不得分', en: 'no member home: 0' },
      },
    ],
    rectifyBy: '2012-12-20',
  },
];

// A quarterly check with a counter across periods (3 in a row or 5 in all → interview): the
// second quarter's workbook carries the counts, the review's summary carries them on.
const quarterly = (() => {
  const r = parseRuleSet(inspectionRuleSet({}, { id: 'lo-quarterly' }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();

let templateBytes: Uint8Array;
let scoredTotal: string;
let scoredItem: string | null | undefined;

beforeAll(async () => {
  mkdirSync(out);
  templateBytes = await writeTemplateWorkbook(t);
  writeFileSync(file('template.xlsx'), templateBytes);
  const filledBytes = await fillWorkbook(
    templateBytes,
    t,
    { ...filled, policy_rate: '９１.２％', birth_rate: '7.5‰', pop: '50,000' },
    { group: '会议纪要' },
  );
  writeFileSync(file('filled.xlsx'), filledBytes);
  const read = readSheet((await readWorkbook(filledBytes)).sheets);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const result = scoreUnit(compileRuleSet(ruleSet()), read.value.unit);
  scoredTotal = result.total;
  scoredItem = result.sections[0]?.items[0]?.score;
  writeFileSync(
    file('scored.xlsx'),
    await applyWrites(filledBytes, planWrites(read.value.map, result, 'review')),
  );
  // Rules longer than one cell holds (32,767 characters): the meta sheet carries them in chunks.
  const long = buildTemplate(ruleSet({ ...fixtureInput, notes: ['注'.repeat(40_000)] }), {
    id: 'kdq',
    name: '昆都仑区',
  });
  writeFileSync(file('long.xlsx'), await writeTemplateWorkbook(long));
  // A workbook carrying a signed edition and a signed prefill (issue 15): an assigned target and
  // last year's figures, from a roster. Both signatures must survive the round trip.
  const edition = publishEdition(signedRules, {
    secret: signingKey.secret,
    key: signingKey.publicKey,
    issuedAt: '2013-01-15T08:00:00Z',
  });
  const unit = { id: 'kdq', name: '昆都仑区' };
  const prefill = {
    values: { policy_rate: '92.5' },
    previous: { birth_rate: '7.85', pop: '48000', award: false },
  };
  writeFileSync(
    file('signed.xlsx'),
    await writeTemplateWorkbook(
      buildTemplate(signedRules, unit, {
        edition,
        prefill,
        prefillSignature: signPrefill(edition, unit, prefill, {
          ...signingKey,
          key: signingKey.publicKey,
          issuedAt: '2013-01-15T08:00:00Z',
        }),
      }),
    ),
  );
  const again = buildTemplate(certification, { id: 'wj', name: '王家村' }, { history: earlier });
  const againBytes = await fillWorkbook(await writeTemplateWorkbook(again), again, { home: '是' });
  writeFileSync(file('reassess.xlsx'), againBytes);
  const review = reviewReturns(
    [{ file: 'reassess.xlsx', grids: (await readWorkbook(againBytes)).sheets }],
    certification,
    undefined,
    { assessedOn: '2012-12-18' },
  );
  writeFileSync(
    file('certified.xlsx'),
    await writeTemplateWorkbook({ sheets: review.summary.sheets }, { protect: false }),
  );
  const period = buildTemplate(
    quarterly,
    { id: 'v01', name: '甲村' },
    {
      counters: { fail: { consecutive: 2, cumulative: 4 } },
    },
  );
  const periodBytes = await fillWorkbook(await writeTemplateWorkbook(period), period, {
    passed: '否',
  });
  writeFileSync(file('period.xlsx'), periodBytes);
  const periodReview = reviewReturns(
    [{ file: 'period.xlsx', grids: (await readWorkbook(periodBytes)).sheets }],
    quarterly,
  );
  writeFileSync(
    file('period-summary.xlsx'),
    await writeTemplateWorkbook({ sheets: periodReview.summary.sheets }, { protect: false }),
  );
  // One LibreOffice start for the round trips, one for the CSV export of every sheet.
  soffice([
    '--convert-to',
    'xlsx',
    '--outdir',
    out,
    file('template.xlsx'),
    file('filled.xlsx'),
    file('scored.xlsx'),
    file('long.xlsx'),
    file('signed.xlsx'),
    file('reassess.xlsx'),
    file('certified.xlsx'),
    file('period.xlsx'),
    file('period-summary.xlsx'),
  ]);
  soffice([
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    '--outdir',
    out,
    file('template.xlsx'),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice interop', () => {
  it('converts a template to CSV without losing a value', () => {
    const csvs = readdirSync(out)
      .filter((f) => f.endsWith('.csv'))
      .sort();
    expect(csvs).toEqual([
      'template-kaohe_meta.csv',
      'template-基础数据.csv',
      'template-考核评分.csv',
    ]);
    const firstCells = (name: string): string[] =>
      readFileSync(join(out, name), 'utf8')
        .split('\n')
        .map((line) => line.split(',')[0]?.replaceAll('"', '') ?? '');
    expect(firstCells('template-考核评分.csv')).toEqual(
      expect.arrayContaining(t.map.scoring.rows.map((r) => r.cell ?? r.key)),
    );
    // The scoring sheet prints the short fingerprint; the meta sheet keeps the full checksum.
    expect(readFileSync(join(out, 'template-考核评分.csv'), 'utf8')).toContain(
      fingerprint(t.checksum),
    );
    expect(firstCells('template-基础数据.csv')).toEqual(
      expect.arrayContaining(t.map.data.rows.map((r) => r.id)),
    );
    expect(readFileSync(join(out, 'template-kaohe_meta.csv'), 'utf8')).toContain(t.checksum);
  });

  it('keeps every template value through a LibreOffice .xlsx round trip, and the rules sheet hidden', async () => {
    const back = await readWorkbook(bytesOf(join(out, 'template.xlsx')));
    const original = await readWorkbook(templateBytes);
    expect(back.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    for (const [i, s] of original.sheets.entries())
      expect(trim(back.sheets[i] as SheetGrid), s.name).toEqual(trim(s));
    expect(back.sheets[2]?.state).not.toBe('visible');
    const r = readSheet(back.sheets);
    expect(r.ok).toBe(true);
  });

  it('reads a sheet filled in and saved as .xlsx by LibreOffice', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'filled.xlsx')))).sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values).toEqual({
      policy_rate: '91.2',
      birth_rate: '7.5',
      group: true,
      illegal: null,
      pop: '50000',
      petitions: '1',
      award: true,
    });
    expect(r.value.unit.evidence).toEqual({ group: '会议纪要' });
    expect(r.warnings.filter((w) => w.code !== 'meta-not-very-hidden')).toEqual([]);
  });

  it('keeps rules chunked over several cells through a LibreOffice round trip', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'long.xlsx')))).sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.ruleSet.notes).toEqual(['注'.repeat(40_000)]);
  });

  it('keeps a signed edition and a signed prefill verifiable through a LibreOffice round trip (no false alarm)', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'signed.xlsx')))).sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const trust = { keys: [signingKey.publicKey], revoked: [] };
    const check = workbookEdition(r.value, trust);
    expect(check.status).toBe('trusted');
    expect(check.message.zh).toContain('正式版本:由测试市人民政府签发');
    // The prefill too: the target and last year's figures read back as signed, and the rules
    // sheet LibreOffice leaves merely hidden is not taken for one unhidden.
    const prefill = verifyPrefill(r.value, trust);
    expect(prefill.changes).toEqual([]);
    expect(prefill.status).toBe('intact');
    expect(r.value.metaUnhidden).toBe(false);
  });

  it('keeps written scores through a LibreOffice round trip', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'scored.xlsx')))).sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.reported.review['合计']).toBe(scoredTotal);
    expect(r.value.reported.review['一.1']).toBe(scoredItem);
    expect(r.value.reported.review['否决.petition']).toBe('是');
    expect(r.value.reported.self['合计']).toBeNull();
  });

  it('keeps the counts across periods through a LibreOffice round trip: the workbook’s and the summary’s', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'period.xlsx')))).sheets, {
      ruleSet: quarterly,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.counters).toEqual({ fail: { consecutive: 2, cumulative: 4 } });
    const summary = await readWorkbook(bytesOf(join(out, 'period-summary.xlsx')));
    const results = readSummaryResults(summary.sheets);
    if (!results.ok) throw new Error(JSON.stringify(results.issues));
    // This quarter failed too: 2 + 1 = 3 in a row, 4 + 1 = 5 in all.
    expect(results.value.units.map((u) => [u.unitId, u.total, u.max, u.counters])).toEqual([
      ['v01', '0', '10', { fail: { consecutive: 3, cumulative: 5 } }],
    ]);
    expect(results.value.units[0]?.sanctions.map((x) => x.level)).toEqual(['interview']);
  });

  it('keeps a certification history through a LibreOffice round trip: the workbook’s and the summary’s', async () => {
    const r = readSheet((await readWorkbook(bytesOf(join(out, 'reassess.xlsx')))).sheets, {
      ruleSet: certification,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.history).toEqual(earlier);
    const summary = await readWorkbook(bytesOf(join(out, 'certified.xlsx')));
    const records = readCertificationRecords(summary.sheets, certification);
    if (!records.ok) throw new Error(JSON.stringify(records.issues));
    const wj = records.value.get('wj');
    expect(wj?.map((x) => [x.attempt, x.assessedOn, x.passed])).toEqual([
      [1, '2012-11-20', false],
      [2, '2012-12-18', true],
    ]);
  });
});
