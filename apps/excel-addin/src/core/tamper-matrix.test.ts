// @vitest-environment node
// The tamper matrix of issue 15 in the task pane: the same rules and the same tampers as
// `kaohe verify` / `review` are tried with (@kaohe/test-utils' tampers), done to signed, prefilled
// workbooks as the CLI's template makes them, read by the pane's real kernel. Every tamper is
// detected — its own red line or its own problem, 100 % — and nothing is written unless 按草稿计分
// is asked for (where the rules can be read at all); the untouched workbook is official.
import {
  applyTamper,
  KEY_TAMPERS,
  RAISED_TARGET,
  TAMPERS,
  tamperRules,
  type Tamper,
  type TamperSheet,
} from '@kaohe/test-utils';
import { SHEET_NAMES, sha256Hex, type Template, type TrustStore } from '@kaohe/sheet';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxFiles } from '../standalone/xlsx-file.ts';
import { verificationLines } from '../pane/verification-lines.ts';
import { createMemoryPort } from '../standalone/memory-port.ts';
import type { MemoryWorkbook } from '../standalone/memory-workbook.ts';
import { asGrids, parsed } from '../testing/sample-workbook.ts';
import { issuerKey, prefilledTemplate } from '../testing/signed-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';

const key = issuerKey('某市人口计生委', [2013, 2014]);
const rules1 = parsed(tamperRules(1));
const rules2 = parsed(tamperRules(2));
const unitOf = (i: number) => ({
  id: `u${i}`,
  name: `单位${i}`,
  values: { target: 1000 + i, births: 990, rate: 95 },
});
/** A unit's workbook as `kaohe template` makes it: its target (1000 + i) prefilled and signed. */
const workbook = (i: number, rules = rules1): Template =>
  prefilledTemplate(rules, unitOf(i), key, { target: 1000 + i });

const trusted: TrustStore = { keys: [key.publicKey], revoked: [] };
const trustFor: Record<(typeof KEY_TAMPERS)[number], TrustStore> = {
  // The same key, held for other years only.
  'key-expired': { keys: [{ ...key.publicKey, validFrom: 2010, validTo: 2012 }], revoked: [] },
  'key-revoked': {
    keys: [key.publicKey],
    revoked: [{ keyId: key.publicKey.keyId, reason: '私钥遗失' }],
  },
};

function tampered(tamper: Tamper, i: number): Template {
  const t = workbook(i);
  const valueColumn = t.map.data.columns.value;
  applyTamper(tamper, t.sheets as TamperSheet[], {
    sheets: { meta: SHEET_NAMES.meta, data: SHEET_NAMES.data },
    otherEdition: workbook(i, rules2).sheets as TamperSheet[],
    valueColumn,
    sha256Hex,
  });
  return t;
}

/** The workbook open in the pane (its sheets as the template left them, hidden or not). */
function open(t: Template, trust: TrustStore) {
  const book: MemoryWorkbook = {
    sheets: asGrids(t).map((g) => ({
      name: g.name,
      state: g.state ?? 'visible',
      values: g.values,
      numberFormats: g.numberFormats,
    })),
    active: SHEET_NAMES.scoring,
    charts: [],
    selection: null,
  };
  const port = createMemoryPort(book);
  return { port, session: createSession(port, createKernel(), () => trust) };
}

/** What the pane shows for the workbook: its red lines, or the problems it cannot read past. */
async function shown(t: Template, trust: TrustStore) {
  const state = await open(t, trust).session.inspect();
  const red = verificationLines(state)
    .filter((l) => l.tone === 'error')
    .map((l) => `${l.title}: ${l.detail.zh}`);
  const problems =
    state.kind === 'damaged' ? state.problems.filter((p) => p.severity === 'error') : [];
  return { state, red, problems: problems.map((p) => `${p.code}: ${p.message.zh}`) };
}

/** What each row must show: the pane's lines (title keys) or the problems, with what they name. */
const expected: Record<Tamper | (typeof KEY_TAMPERS)[number], { lines: string[]; says: RegExp[] }> =
  {
    threshold: { lines: ['sheet-damaged'], says: [/规则数据与校验码不符/] },
    'threshold+checksum': {
      lines: ['verify.rules-altered'],
      says: [/考核办法内容与签名不符\(已被改动\)/],
    },
    'signature-from-other-edition': {
      lines: ['verify.rules-altered', 'verify.prefillBad'],
      says: [/考核办法内容与签名不符/, /预填指标的签名属于另一版本的考核办法/],
    },
    'meta-deleted': {
      lines: ['sheet-damaged'],
      says: [new RegExp(`找不到规则数据表\\(${SHEET_NAMES.meta}\\)`)],
    },
    'meta-unhidden': {
      lines: ['verify.metaUnhidden'],
      says: [new RegExp(`规则数据表 ${SHEET_NAMES.meta} 已被取消隐藏`)],
    },
    'target-changed': {
      // Unit 6's target was issued as 1000 + 6.
      lines: ['verify.prefillBad'],
      says: [
        new RegExp(`出生人数控制指标\\(人\\) 基础数据!E\\d+ 签发为 1006,现为 ${RAISED_TARGET}`),
      ],
    },
    'other-edition-meta': {
      // The header printed for edition 1 against edition 2's rules sheet.
      lines: ['sheet-damaged', 'sheet-damaged'],
      says: [/表头“版本”为“1”,与规则数据“2”不符/, /表头“校验码”/],
    },
    'key-expired': {
      lines: ['verify.key-expired', 'verify.prefillBad'],
      says: [/只适用于 2010–2012 年,不适用于 2013 年度/],
    },
    'key-revoked': {
      lines: ['verify.revoked', 'verify.prefillBad'],
      says: [new RegExp(`指纹 ${key.fingerprint}\\)已被吊销:私钥遗失`)],
    },
  };

interface Row {
  tamper: string;
  lines: string[];
  text: string;
  detected: boolean;
  refused: boolean;
  draft: 'marked' | 'refused' | 'scored unmarked';
}

/** One workbook through the pane: what it shows, whether scoring is refused, and a draft. */
async function row(tamper: string, t: () => Template, trust: TrustStore): Promise<Row> {
  const { state, red, problems } = await shown(t(), trust);
  const lines = [
    ...verificationLines(state)
      .filter((l) => l.tone === 'error')
      .map((l) => l.title),
    ...(state.kind === 'damaged'
      ? state.problems.filter((p) => p.severity === 'error').map((p) => p.code)
      : []),
  ];
  const official = open(t(), trust);
  const applied = await official.session.selfAssess();
  const refused = !applied.ok && official.port.journal.length === 0;
  const asDraft = open(t(), trust);
  const draft = await asDraft.session.selfAssess({ draft: true });
  const title = String(
    asDraft.port.workbook.sheets.find((x) => x.name === SHEET_NAMES.scoring)?.values[0]?.[0],
  );
  return {
    tamper,
    lines,
    text: [...red, ...problems].join('\n'),
    detected:
      lines.length > 0 && (state.kind !== 'assessment' || state.edition.gate !== 'official'),
    refused,
    draft: !draft.ok
      ? 'refused'
      : title.includes('【草稿:') && draft.plan.scoredAs.decision === 'draft'
        ? 'marked'
        : 'scored unmarked',
  };
}

describe('the tamper matrix in the pane', () => {
  it('detects every tamper, each with its own message; refuses to score unless 按草稿计分', async () => {
    const rows: Row[] = [];
    for (const [n, tamper] of TAMPERS.entries())
      rows.push(await row(tamper, () => tampered(tamper, n + 1), trusted));
    for (const k of KEY_TAMPERS) rows.push(await row(k, () => workbook(0), trustFor[k]));
    const clean = await row('untouched', () => workbook(0), trusted);
    console.log(
      `pane tamper matrix: ${rows.filter((r) => r.detected && r.refused).length}/${rows.length} detected and refused; untouched flagged: ${clean.detected}\n` +
        rows
          .map(
            (r) =>
              `  ${r.tamper}: ${r.detected ? 'detected' : 'MISSED'}, ${r.refused ? 'refused' : 'SCORED'}, draft ${r.draft} — ${r.text.replaceAll('\n', ' | ')}`,
          )
          .join('\n'),
    );
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      const want = expected[r.tamper as keyof typeof expected];
      expect(r.lines, r.tamper).toEqual(want.lines);
      for (const re of want.says) expect(r.text, r.tamper).toMatch(re);
      expect(r.detected, r.tamper).toBe(true);
      // Nothing written without 按草稿计分.
      expect(r.refused, r.tamper).toBe(true);
      // Asked for a draft: scored and the title marked, where the rules can be read at all; a
      // workbook whose rules sheet is gone or damaged is not scored even so.
      expect(r.draft, r.tamper).toBe(r.lines.includes('sheet-damaged') ? 'refused' : 'marked');
    }
    // Each its own message: no two rows say the same.
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    expect(clean).toMatchObject({ lines: [], detected: false, refused: false });
  }, 120_000);
});

describe('no false alarm on a workbook saved by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-pane-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** LibreOffice Calc, headless, its own profile: the files saved again as .xlsx into out/. */
  function soffice(files: string[]): void {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    try {
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'xlsx',
        ].concat(['--outdir', join(dir, 'out'), ...files]),
        { stdio: 'pipe', timeout: 120_000 },
      );
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
      // The interop test needs LibreOffice (apt-get install libreoffice-calc-nogui): it never skips.
      throw new Error(
        `soffice failed: ${err.code ?? ''} ${err.stderr?.toString() ?? err.message}`,
        {
          cause: e,
        },
      );
    }
  }

  it('untouched: official, nothing red, scored; a changed target is still caught', async () => {
    writeFileSync(join(dir, 'clean.xlsx'), await writeTemplateWorkbook(workbook(0)));
    writeFileSync(
      join(dir, 'target.xlsx'),
      await writeTemplateWorkbook(tampered('target-changed', 6)),
    );
    soffice([join(dir, 'clean.xlsx'), join(dir, 'target.xlsx')]);
    // Read back as the pane reads a file in browser mode (its own .xlsx reader).
    const opened = async (name: string) => {
      const book = await xlsxFiles.open(readFileSync(join(dir, 'out', name)).buffer as ArrayBuffer);
      const port = createMemoryPort(book);
      return { book, port, session: createSession(port, createKernel(), () => trusted) };
    };
    const clean = await opened('clean.xlsx');
    // LibreOffice keeps the rules sheet hidden, not very hidden: no alarm for that.
    expect(clean.book.sheets.find((x) => x.name === SHEET_NAMES.meta)?.state).toBe('hidden');
    const state = await clean.session.inspect();
    if (state.kind !== 'assessment') throw new Error(`not read: ${JSON.stringify(state)}`);
    expect(state.edition).toMatchObject({ status: 'trusted', gate: 'official' });
    expect(verificationLines(state).map((l) => [l.id, l.tone])).toEqual([
      ['edition', 'success'],
      ['prefill', 'success'],
    ]);
    const applied = await clean.session.selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    expect(applied.plan.scoredAs).toEqual({ decision: 'official' });
    // Nothing said about it at all: the sheet merely hidden is no warning either.
    expect(applied.plan.problems).toEqual([]);
    expect(clean.port.journal).toHaveLength(1);

    const target = await opened('target.xlsx');
    const seen = await target.session.inspect();
    expect(verificationLines(seen).map((l) => [l.id, l.tone])).toEqual([
      ['edition', 'success'],
      ['prefill', 'error'],
    ]);
    expect((await target.session.selfAssess()).ok).toBe(false);
    expect(target.port.journal).toEqual([]);
  }, 180_000);
});
