// A stand-in kernel for screen tests: a sheet is a header row ("考核单位", unit name) and rows
// [code, title, points, value]; a blank value is a missing input, "约90" is ambiguous, and an
// item scores its points when the value is at least 90. Screens are tested against this so that
// their tests do not depend on the scoring packages' sheet layout.
import { scoringGate, type TrustStore } from '@kaohe/sheet';
import type {
  EditionView,
  Kernel,
  Problem,
  RuleSetInfo,
  SheetState,
  UnitResult,
} from '../core/kernel.types.ts';
import { addKey, previewKey, readTrustText, removeKey, revokeKey } from '../core/trust.ts';
import type { SheetGrid, WorkbookSnapshot } from '../core/workbook-port.ts';
import { exactGuard } from './exact-guard.ts';

export const FAKE_META = '_meta';

const ruleSet: RuleSetInfo = {
  id: 'demo',
  kind: 'scored',
  rollsUp: false,
  title: { zh: '示例考核办法', en: 'Demo rules' },
  issuer: { zh: '示例市', en: 'Demo City' },
  year: 2024,
  edition: 2,
  checksum: 'abc',
  integrity: 'intact',
};

/**
 * The meta sheet's B1 says what its edition is: empty → trusted; "signed" → trusted once any key
 * is in the trust list, else an unknown key; any other status name → that status.
 */
function editionOf(snapshot: WorkbookSnapshot, trust?: TrustStore): EditionView {
  const said = snapshot.sheets[FAKE_META]?.values[0]?.[1];
  const status = (
    said === 'signed'
      ? (trust?.keys.length ?? 0) > 0
        ? 'trusted'
        : 'unknown-key'
      : typeof said === 'string' && said !== ''
        ? said
        : 'trusted'
  ) as EditionView['status'];
  const fingerprint = '9C32 116E 0A1B 2C3D';
  const message =
    status === 'trusted'
      ? {
          zh: `正式版本:由示例市签发(指纹 ${fingerprint})`,
          en: `issued by Demo City (${fingerprint})`,
        }
      : { zh: `示例:${status}`, en: `demo: ${status}` };
  return {
    status,
    message,
    signer: status === 'unsigned' ? null : { keyId: '9c32116e0a1b2c3d', fingerprint, issuer: null },
    gate: scoringGate({ status, message }, { draft: false, checked: true }).decision,
  };
}

function scoreGrid(grid: SheetGrid): { result: UnitResult; problems: Problem[] } {
  const problems: Problem[] = [];
  let total = 0;
  let max = 0;
  grid.values.slice(1).forEach((row, i) => {
    const [code, , points, value] = row;
    const address = `D${i + 2}`;
    max += Number(points);
    if (value === null)
      problems.push({
        code: 'missing-input',
        severity: 'error',
        sheet: grid.name,
        address,
        message: { zh: `${String(code)} 缺少数据`, en: `${String(code)} has no value` },
      });
    else if (typeof value === 'string')
      problems.push({
        code: 'ambiguous-value',
        severity: 'error',
        sheet: grid.name,
        address,
        message: { zh: `“${value}”不是数值`, en: `“${value}” is not a number` },
      });
    else if (Number(value) >= 90) total += Number(points);
  });
  const name = String(grid.values[0]?.[1] ?? '');
  const vetoed = name.includes('否决');
  const result = {
    unitId: name,
    name,
    ruleSetId: 'demo',
    edition: 2,
    total: String(total),
    max: String(max),
    sections: [],
    bonus: { score: '0', uncapped: '0', cap: null, items: [] },
    sanctions: vetoed
      ? [
          {
            id: 'v',
            level: 'veto' as const,
            reason: { zh: '重大信访案件', en: 'Major petition case' },
          },
        ]
      : [],
    counters: [],
    vetoed,
    noCommendation: false,
    complete: problems.length === 0,
    issues: [],
  };
  return { result, problems };
}

export const fakeKernel: Kernel = {
  metaSheet: FAKE_META,
  namedSheets: [FAKE_META],
  inspect(snapshot: WorkbookSnapshot, trust?: TrustStore): SheetState {
    const grid = snapshot.active;
    if (!snapshot.sheets[FAKE_META]) return { kind: 'no-assessment', sheet: grid.name };
    // A meta sheet that says 损坏 stands for rules that do not read.
    if (snapshot.sheets[FAKE_META]?.values[0]?.[0] === '损坏')
      return {
        kind: 'damaged',
        sheet: grid.name,
        problems: [
          {
            code: 'sheet-damaged',
            severity: 'error',
            sheet: FAKE_META,
            address: 'A1',
            message: { zh: '规则数据已损坏', en: 'the rules are damaged' },
          },
        ],
      };
    const scored = grid.values.slice(1).some((row) => row[4] !== null && row[4] !== undefined);
    return {
      kind: 'assessment',
      sheet: grid.name,
      ruleSet,
      edition: editionOf(snapshot, trust),
      unit: { id: 'u', name: String(grid.values[0]?.[1]) },
      status: scored ? 'scored' : 'filled',
    };
  },
  selfAssess(snapshot, options = {}) {
    const edition = editionOf(snapshot, options.trust);
    const gate = scoringGate(edition as Parameters<typeof scoringGate>[0], {
      draft: options.draft === true,
      checked: true,
    });
    if (gate.decision === 'refused')
      return {
        ok: false,
        problems: [
          {
            code: 'rules-unverified',
            severity: 'error',
            sheet: FAKE_META,
            address: null,
            message: edition.message,
          },
        ],
      };
    const { result, problems } = scoreGrid(snapshot.active);
    const rows = snapshot.active.values.length - 1;
    return {
      ok: true,
      value: {
        scoredAs:
          gate.decision === 'official'
            ? { decision: 'official' as const }
            : { decision: 'draft' as const, forced: gate.forced, message: edition.message },
        result,
        problems,
        guard: exactGuard(snapshot.active.name, 'A1:B1', [
          snapshot.active.values[0]?.slice(0, 2) ?? [],
        ]),
        writes: [
          {
            sheet: snapshot.active.name,
            address: 'E2',
            values: Array.from({ length: rows }, () => ['scored']),
          },
        ],
      },
    };
  },
  // Each file's first sheet names its unit in B1; sheets are renamed "单位 (青山区)".
  importNames(_snapshot, files, grids) {
    const renames: { from: string; to: string }[] = [];
    const named = files.map((sheets) => {
      const first = grids.find((g) => g.name === sheets[0]);
      const name = first?.values[0]?.[0] === '考核单位' ? String(first.values[0][1]) : null;
      if (!name) return { unit: null, sheets };
      const to = sheets.map((s) => `${s.replace(/ \(\d+\)$/, '')} (${name})`);
      sheets.forEach((from, i) => renames.push({ from, to: to[i]! }));
      return { unit: { id: name, name }, sheets: to };
    });
    return { files: named, renames };
  },
  cohortSheets: (snapshot) =>
    snapshot.sheetNames.filter((n) => !n.startsWith(FAKE_META) && n !== '汇总'),
  review(_snapshot, units) {
    return {
      ok: true,
      value: {
        units: units.map((grid, i) => ({
          sheet: grid.name,
          unit: { id: grid.name, name: grid.name },
          // A unit named …旧规则 filled an older edition and reported 1 point.
          reported: grid.name.endsWith('旧规则') ? '1' : null,
          result: scoreGrid(grid).result,
          rank: i + 1,
          grade: null,
          rulesMatch: !grid.name.endsWith('旧规则'),
          rules: grid.name.endsWith('旧规则') ? ('other-edition' as const) : ('same' as const),
          stage: 'self' as const,
          differences: [],
          metaUnhidden: false,
          sameAs: [],
          problems: scoreGrid(grid).problems,
        })),
        writes: [],
        unread: [],
      },
    };
  },
  summarise(_snapshot, units) {
    const rows = units.map((grid, i) => ({
      rank: i + 1,
      unit: { id: grid.name, name: grid.name },
      total: scoreGrid(grid).result.total,
      grade: null,
      vetoed: false,
      sanctions: [],
    }));
    return {
      ok: true,
      value: {
        rows,
        sheet: '汇总',
        sheets: ['汇总'],
        writes: [{ sheet: '汇总', address: 'A1', values: rows.map((r) => [r.unit.name, r.total]) }],
        chart: { sheet: '汇总', dataAddress: `A1:B${rows.length}`, title: '排名', anchor: 'D2' },
        layouts: [{ sheet: '汇总', widths: [12, 8], wrap: [0], freezeRows: 1 }],
        printable: [
          {
            name: '汇总',
            role: 'scoring',
            state: 'visible',
            values: rows.map((r) => [r.unit.name, r.total]),
            widths: [12, 8],
            wrap: [0],
            merges: [],
            cells: [],
          },
        ],
      },
    };
  },
  // Each chosen summary is a part of equal weight; its first cell is a unit's name.
  combine(declaration, summaries) {
    if (summaries.length === 0)
      return {
        ok: false,
        problems: [
          {
            code: 'summary-unusable',
            severity: 'error',
            sheet: declaration.name,
            address: null,
            message: { zh: '没有选中汇总表', en: 'no summary chosen' },
          },
        ],
      };
    const sheet = '综合得分';
    const values = summaries.map((s, i) => [s.name, String(90 - i)]);
    return {
      ok: true,
      value: {
        title: { zh: '综合考核', en: 'Composite' },
        year: 2024,
        outOf: '100',
        parts: summaries.map((s) => ({
          label: { zh: s.name, en: s.name },
          weightShown: `1/${summaries.length}`,
        })),
        units: [
          {
            rank: 1,
            unit: { id: 'a', name: '甲' },
            value: '90',
            grade: null,
            vetoed: false,
            noCommendation: false,
            notes: [],
          },
          {
            rank: null,
            unit: { id: 'b', name: '乙' },
            value: null,
            grade: null,
            vetoed: false,
            noCommendation: false,
            notes: [{ zh: '乙不在第二部分中', en: '乙 is not in the second part' }],
          },
        ],
        issues: [],
        sheet,
        sheets: [sheet],
        printable: [
          {
            name: sheet,
            role: 'scoring',
            state: 'visible',
            values,
            widths: [12, 8],
            wrap: [],
            merges: [],
            cells: [],
          },
        ],
        writes: [{ sheet, address: 'A1', values }],
        layouts: [{ sheet, widths: [12, 8], wrap: [], freezeRows: 0 }],
      },
    };
  },
  rollup: (_snapshot, _children, roster) => ({
    ok: false,
    problems: [
      {
        code: 'not-reviewed',
        severity: 'error',
        sheet: roster.name,
        address: null,
        message: { zh: '示例考核没有下级汇总', en: 'the demo rules roll nothing up' },
      },
    ],
  }),
  trust: {
    read: readTrustText,
    preview: previewKey,
    add: addKey,
    remove: removeKey,
    revoke: revokeKey,
  },
};
