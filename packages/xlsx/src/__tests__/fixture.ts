// A small rule set (%, ‰, yes/no with evidence, counts, a bonus, a veto) and helpers that fill
// a template workbook cell by cell, as an official would in Excel.
import ExcelJS from 'exceljs';
import { parseRuleSet, type RuleSet, type RuleSetInput } from '@kaohe/engine';
import { buildTemplate, type CellValue, type Template } from '@kaohe/sheet';
import { ruleSetHeader } from '@kaohe/test-utils';

export const fixtureInput: RuleSetInput = {
  ...ruleSetHeader({
    id: 'xlsx-test',
    title: '人口和计划生育目标管理责任制考核',
    issuer: '测试市人民政府',
    level: '旗县区',
    year: 2012,
  }),
  points: 20,
  inputs: [
    { id: 'policy_rate', label: '符合政策生育率', unit: '%' },
    { id: 'birth_rate', label: '出生率', unit: '‰' },
    { id: 'group', label: '成立领导小组', unit: 'yesno', evidence: true },
    { id: 'illegal', label: '政策外生育', unit: 'count', blankMeans: 0 },
    { id: 'pop', label: '常住人口', unit: '人' },
    { id: 'petitions', label: '重大信访案件', unit: 'count' },
    { id: 'award', label: '获国家级表彰', unit: 'yesno' },
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
          criteria: '达到92%,每低1个百分点扣0.5分',
          points: 6,
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
          points: 6,
          rule: { kind: 'threshold', value: 'birth_rate', op: '<=', target: 8 },
        },
      ],
    },
    {
      code: '二',
      title: '组织领导',
      points: 8,
      items: [{ code: '1', title: '领导小组', points: 8, rule: { kind: 'yesno', input: 'group' } }],
    },
  ],
  bonus: {
    cap: 1,
    items: [{ code: '1', title: '国家级表彰', points: 1, rule: { kind: 'yesno', input: 'award' } }],
  },
  sanctions: [{ id: 'petition', level: 'veto', when: 'petitions > 0', reason: '发生重大信访案件' }],
};

export function ruleSet(input: RuleSetInput = fixtureInput): RuleSet {
  const parsed = parseRuleSet(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

export const template = (): Template => buildTemplate(ruleSet(), { id: 'kdq', name: '昆都仑区' });

/** Sets cells of the data sheet's 填报值 / 佐证材料 columns through ExcelJS, keeping styles. */
export async function fillWorkbook(
  bytes: Uint8Array,
  t: Template,
  values: Record<string, CellValue>,
  evidence: Record<string, CellValue> = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(t.map.data.sheet);
  if (!ws) throw new Error('no data sheet');
  for (const { id, row } of t.map.data.rows) {
    if (id in values) ws.getCell(row + 1, t.map.data.columns.value + 1).value = values[id] ?? null;
    if (id in evidence)
      ws.getCell(row + 1, t.map.data.columns.evidence + 1).value = evidence[id] ?? null;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const filled: Record<string, CellValue> = {
  policy_rate: 0.912,
  birth_rate: 7.5,
  group: '是',
  illegal: null,
  pop: 50000,
  petitions: 1,
  award: '√',
};
