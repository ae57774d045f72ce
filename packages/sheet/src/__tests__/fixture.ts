// A small rule set in the seeds' shapes (%, ‰, yes/no with evidence, counts, sub-items, a
// bonus, sanctions) and helpers to fill its template as an official would.
import { parseRuleSet, type RuleSet, type RuleSetInput } from '@kaohe/engine';
import type { CellValue, SheetGrid, Template } from '../types.ts';
import { createKey, openKey } from '../editions/keys.ts';
import type { PublicKeyInfo } from '../editions/keys.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

export const fixtureInput: RuleSetInput = {
  ...ruleSetHeader({
    id: 'test-pop',
    title: '人口和计划生育目标管理责任制考核',
    issuer: '测试市人民政府',
    level: '旗县区',
    year: 2012,
    edition: 3,
    rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
  }),
  points: 25,
  inputs: [
    {
      id: 'policy_rate',
      label: { zh: '符合政策生育率', en: 'policy-compliant birth rate' },
      unit: '%',
    },
    { id: 'birth_rate', label: { zh: '出生率', en: 'birth rate' }, unit: '‰' },
    {
      id: 'group',
      label: { zh: '成立领导小组', en: 'leading group set up' },
      unit: 'yesno',
      evidence: true,
    },
    {
      id: 'illegal',
      label: { zh: '政策外生育', en: 'births outside policy' },
      unit: 'count',
      blankMeans: 0,
    },
    { id: 'budget', label: { zh: '计生经费', en: 'family planning budget' }, unit: '万元' },
    { id: 'pop', label: { zh: '常住人口', en: 'resident population' }, unit: '人' },
    { id: 'petitions', label: { zh: '重大信访案件', en: 'major petition cases' }, unit: 'count' },
    { id: 'funds_ok', label: { zh: '经费足额到位', en: 'funds paid in full' }, unit: 'yesno' },
    { id: 'award', label: { zh: '获国家级表彰', en: 'national award' }, unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '稳定低生育水平',
      points: 12,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          criteria: '符合政策生育率达到92%,每低1个百分点扣0.5分',
          points: 4,
          rule: {
            kind: 'threshold',
            value: 'policy_rate',
            op: '>=',
            target: 92,
            below: { per: 1, points: 0.5, steps: 'each-started' },
          },
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
        {
          code: '2',
          title: '出生率',
          criteria: '出生率控制在8‰以内',
          points: 3,
          rule: { kind: 'threshold', value: 'birth_rate', op: '<=', target: 8 },
        },
        {
          code: '3',
          title: '经费投入',
          points: 5,
          items: [
            {
              code: '(1)',
              title: '人均经费',
              points: 3,
              rule: { kind: 'threshold', value: 'budget * 10000 / pop', op: '>=', target: 22 },
            },
            {
              code: '(2)',
              title: '经费到位',
              points: 2,
              rule: { kind: 'yesno', input: 'funds_ok' },
            },
          ],
        },
      ],
    },
    {
      code: '二',
      title: '组织领导',
      points: 13,
      items: [
        { code: '1', title: '领导小组', points: 13, rule: { kind: 'yesno', input: 'group' } },
      ],
    },
  ],
  bonus: {
    cap: 2,
    items: [{ code: '1', title: '国家级表彰', points: 3, rule: { kind: 'yesno', input: 'award' } }],
  },
  sanctions: [
    {
      id: 'petition',
      level: 'veto',
      when: 'petitions > 0',
      reason: { zh: '发生重大信访案件', en: 'major petition case' },
    },
  ],
};

export function ruleSetOf(input: RuleSetInput = fixtureInput): RuleSet {
  const parsed = parseRuleSet(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

export const gridsOf = (t: Template): SheetGrid[] =>
  t.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), state: s.state }));

/** Types values into the data sheet's 填报值 (and optional evidence) cells, as an official would. */
export function fill(
  t: Template,
  values: Record<string, CellValue>,
  evidence: Record<string, CellValue> = {},
): SheetGrid[] {
  const grids = gridsOf(t);
  const data = grids.find((g) => g.name === t.map.data.sheet);
  if (!data) throw new Error('no data sheet');
  for (const { id, row } of t.map.data.rows) {
    const cells = data.values[row];
    if (!cells) throw new Error(`no row ${row}`);
    if (id in values) cells[t.map.data.columns.value] = values[id] ?? null;
    if (id in evidence) cells[t.map.data.columns.evidence] = evidence[id] ?? null;
  }
  return grids;
}

export const goodValues: Record<string, CellValue> = {
  policy_rate: 91.2,
  birth_rate: 7.5,
  group: '是',
  illegal: null,
  budget: 120,
  pop: 50000,
  petitions: 0,
  funds_ok: '√',
  award: '否',
};

export const unit = { id: 'kdq', name: '昆都仑区' };

/** The grassroots certification's figures with every clause met (all yes; members 420 of 4,800 =
 *  8.75 % ≥ 8 %) and every evidence given, as an official types them. */
export function certificationMet(rs: RuleSet): {
  MET: Record<string, CellValue>;
  evidence: Record<string, CellValue>;
} {
  const yesno = rs.inputs.filter((i) => i.unit === 'yesno').map((i) => i.id);
  return {
    MET: {
      ...Object.fromEntries(yesno.map((id) => [id, '是'])),
      member_groups: 12,
      members: 420,
      population: 4800,
      liaison_households: 420,
    },
    evidence: Object.fromEntries(rs.inputs.filter((i) => i.evidence).map((i) => [i.id, '是'])),
  };
}

/** An issuer's signing key for `years` (made cheaply: scrypt N = 2¹⁰), opened: what signPrefill
 *  and publishEdition take. */
export function signingKey(
  issuer: string,
  [validFrom, validTo]: [number, number],
): { secret: Uint8Array; key: PublicKeyInfo } {
  const k = createKey('测试用的签名口令', { issuer, validFrom, validTo, scryptN: 2 ** 10 });
  const o = openKey(k.file, '测试用的签名口令');
  if (!o.ok) throw new Error('no key');
  return { secret: o.value.secret, key: k.publicKey };
}
