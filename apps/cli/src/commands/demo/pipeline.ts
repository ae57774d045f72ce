// The demo's workbooks, all in memory: the edition signed with a demo key made on the spot, the
// roster (each unit's last-year figures) read by the codec and each unit's prefill signed, a
// prefilled template per unit, the same filled with the unit's figures through the codec's map —
// one unit raising a prefilled baseline in its data sheet, as a unit might — then scored
// (self-assessment) and the cohort reviewed from the scored workbooks with the demo key trusted,
// exactly as `kaohe review --trust` does it.
import { join } from 'node:path';
import type { InputValue, UnitInput } from '@kaohe/engine';
import {
  a1,
  buildTemplate,
  createKey,
  fillWrites,
  formatPublicKey,
  openKey,
  publishEdition,
  readRoster,
  signPrefill,
  type CellValue,
  type EditionFile,
  type RosterUnit,
  type TrustStore,
  workbookFileName,
} from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import type { PendingFile } from '../../io/files.ts';
import type { LoadedRuleSet } from '../../io/rule-set.ts';
import { patchWorkbook } from '../../io/workbook.ts';
import { reviewWorkbooks, type Review } from '../review/review-workbooks.ts';
import { scoreWorkbook } from '../score/score-workbook.ts';

export const DEMO_DIRS = {
  templates: '1-templates',
  filled: '2-filled',
  scored: '3-scored',
} as const;
export const DEMO_SUMMARY = '4-summary.xlsx';
export const DEMO_ROSTER = '0-roster.csv';
export const DEMO_EDITION = '0-edition.json';
export const DEMO_TRUST = '0-trust.json';

/** The passphrase of the demo's own key: made at each run, used once, never written. */
const DEMO_PASSPHRASE = 'kaohe-demo-演示口令';

/** The unit that tampers with its prefill, and how (the demo's one cheat, shown in the review). */
interface DemoTamper {
  unitId: string;
  name: string;
  input: string;
  address: string;
  issued: InputValue;
  typed: InputValue;
}

export interface DemoRun {
  files: PendingFile[];
  review: Review;
  edition: EditionFile;
  /** The demo key's public line and fingerprint (its trust list is written as DEMO_TRUST). */
  publicKey: string;
  tamper?: DemoTamper;
}

/** The demo's roster: 单位代码, 单位名称, and each input of last year (source previous) by its id. */
export function rosterRows(loaded: LoadedRuleSet, units: readonly UnitInput[]): CellValue[][] {
  const prev = loaded.ruleSet.inputs.filter((d) => d.source === 'previous');
  return [
    ['单位代码', '单位名称', ...prev.map((d) => d.id)],
    ...units.map((u) => [
      u.id,
      u.name,
      ...prev.map((d) => {
        const v = u.values[d.id];
        return v === undefined || v === null
          ? null
          : typeof v === 'boolean'
            ? v
              ? '是'
              : '否'
            : String(v);
      }),
    ]),
  ];
}

const csvCell = (v: CellValue): string => {
  const t = v === null ? '' : String(v);
  return /[",\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};

/** Rows as the CSV a clerk's Excel saves: UTF-8 with BOM, CRLF. */
export const rosterCsv = (rows: readonly (readonly CellValue[])[]): string =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export async function buildDemo(
  loaded: LoadedRuleSet,
  units: readonly UnitInput[],
  outDir: string,
  onEach: (name: string) => void,
  /** The unit whose prefilled baseline is raised (none: every workbook untouched). */
  tamperId?: string,
): Promise<DemoRun> {
  const files: PendingFile[] = [];
  const put = (shown: string, data: Uint8Array | string): void => {
    files.push({ path: join(outDir, shown), shown, data });
  };
  const add = (
    dir: string,
    name: string,
    data: Uint8Array,
  ): { shown: string; bytes: Uint8Array } => {
    const shown = join(dir, workbookFileName(name));
    put(shown, data);
    return { shown, bytes: data };
  };
  // The assessing level's key, its edition and its roster.
  const { ruleSet } = loaded;
  const made = createKey(DEMO_PASSPHRASE, {
    issuer: typeof ruleSet.issuer === 'string' ? ruleSet.issuer : ruleSet.issuer.zh,
    validFrom: ruleSet.year,
    validTo: ruleSet.year,
  });
  const opened = openKey(made.file, DEMO_PASSPHRASE);
  if (!opened.ok) throw new Error('the demo key does not open');
  const key = { secret: opened.value.secret, key: made.publicKey };
  const issuedAt = new Date().toISOString();
  const edition = publishEdition(ruleSet, { ...key, issuedAt });
  const trust: TrustStore = { keys: [made.publicKey], revoked: [] };
  const rows = rosterRows(loaded, units);
  const roster = readRoster(
    { name: 'csv', values: rows },
    ruleSet,
    (r, c) => `${DEMO_ROSTER} ${a1(r, c)}`,
  );
  const problems = roster.issues.filter((i) => i.severity === 'error');
  if (problems.length > 0) throw new Error(`the demo roster: ${problems[0]?.message.en ?? ''}`);
  const byId = new Map<string, RosterUnit>(roster.units.map((u) => [u.id, u]));
  put(DEMO_EDITION, `${JSON.stringify(edition, null, 2)}\n`);
  put(DEMO_ROSTER, rosterCsv(rows));
  put(
    DEMO_TRUST,
    `${JSON.stringify({ kaohe: 'trust', version: 1, keys: [formatPublicKey(made.publicKey)], revoked: [] }, null, 2)}\n`,
  );

  let tamper: DemoTamper | undefined;
  const scored: { shown: string; bytes: Uint8Array }[] = [];
  for (const unit of units) {
    const identity = { id: unit.id, name: unit.name, ...(unit.class ? { class: unit.class } : {}) };
    const prefill = byId.get(unit.id)?.prefill ?? { values: {}, previous: {} };
    const template = buildTemplate(ruleSet, identity, {
      edition,
      prefill,
      prefillSignature: signPrefill(edition, identity, prefill, { ...key, issuedAt }),
    });
    const blank = add(DEMO_DIRS.templates, unit.name, await writeTemplateWorkbook(template));
    let own: UnitInput = unit;
    if (unit.id === tamperId) {
      // The unit raises last year's figure it was issued, so that this year looks better.
      const [input, issued] = Object.entries(prefill.values)[0] ?? [];
      const row = template.map.data.rows.find((r) => r.id === input)?.row;
      if (input !== undefined && issued !== undefined && row !== undefined) {
        const typed = String(Number(issued) + 20);
        own = { ...unit, values: { ...unit.values, [input]: typed } };
        tamper = {
          unitId: unit.id,
          name: unit.name,
          input,
          address: `${template.map.data.sheet}!${a1(row, template.map.data.columns.value)}`,
          issued,
          typed,
        };
      }
    }
    const filled = add(
      DEMO_DIRS.filled,
      unit.name,
      await patchWorkbook(blank.bytes, fillWrites(ruleSet, template.map.data, own), blank.shown),
    );
    const result = await scoreWorkbook(filled.bytes, filled.shown, 'self');
    scored.push(add(DEMO_DIRS.scored, unit.name, result.bytes));
    onEach(unit.name);
  }
  const review = await reviewWorkbooks(
    scored.map((s) => ({ shown: s.shown, read: () => Promise.resolve(s.bytes) })),
    loaded,
    () => undefined,
    { trust },
  );
  return {
    files,
    review,
    edition,
    publicKey: made.line,
    ...(tamper ? { tamper } : {}),
  };
}
