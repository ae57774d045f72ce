// The case table (案件明细) through LibreOffice Calc, headless: a workbook with cases typed (and
// one appended past the template) is converted by LibreOffice and read back to the same records
// and the same score. soffice must be present: without it this suite fails, it never skips.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRuleSet, parseRuleSet, scoreUnit, type RuleSetInput } from '@kaohe/engine';
import { buildTemplate, readSheet } from '@kaohe/sheet';
import { ruleSetHeader } from '@kaohe/test-utils';
import { readWorkbook, writeTemplateWorkbook } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kaohe-lo-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = {
  ...ruleSetHeader({
    id: 'xlsx-cases',
    title: '案件查处考核',
    issuer: '市',
    level: '县',
    year: 2013,
  }),
  points: 20,
  inputs: [
    {
      id: 'late',
      label: '逾期上报案件',
      unit: 'cases',
      fields: [
        { id: 'months', label: '逾期月数', unit: '月' },
        { id: 'reported', label: '上报日期', unit: 'date' },
      ],
    },
  ],
  sections: [
    {
      code: '一',
      title: '案件',
      points: 20,
      items: [
        {
          code: '1',
          title: '逾期上报',
          points: 20,
          deductions: [{ kind: 'per-record', input: 'late', each: 'min(months, 10) * 0.2' }],
        },
      ],
    },
  ],
} as RuleSetInput;

function soffice(args: string[]): void {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args],
    {
      stdio: 'pipe',
      timeout: 90_000,
    },
  );
}

describe('the case table through LibreOffice', () => {
  it(
    'reads back the same records and score after a LibreOffice round trip',
    { timeout: 120_000 },
    async () => {
      const parsed = parseRuleSet(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const t = buildTemplate(parsed.value, { id: 'u', name: '甲县' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writeTemplateWorkbook(t)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('案件明细');
      const block = t.map.cases?.blocks[0];
      if (!ws || !block) throw new Error('no case table');
      const first = block.headerRow + 2; // Excel counts rows from 1
      const months = (block.columns.months ?? 0) + 1;
      const reported = (block.columns.reported ?? 0) + 1;
      ws.getCell(first, months).value = 2;
      ws.getCell(first + 1, months).value = 12;
      ws.getCell(first + 1, reported).value = new Date(Date.UTC(2013, 4, 1));
      ws.getCell(first + 12, months).value = 3;
      const filled = new Uint8Array(await wb.xlsx.writeBuffer());
      mkdirSync(join(dir, 'out'));
      writeFileSync(join(dir, 'cases.xlsx'), filled);
      soffice(['--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'cases.xlsx')]);
      const back = new Uint8Array(readFileSync(join(dir, 'out', 'cases.xlsx')));
      const before = readSheet((await readWorkbook(filled)).sheets);
      const after = readSheet((await readWorkbook(back)).sheets);
      expect(after.ok).toBe(true);
      if (!after.ok || !before.ok) return;
      expect(after.value.unit.records).toEqual(before.value.unit.records);
      expect(after.value.unit.records?.late).toEqual([
        { months: '2' },
        { months: '12', reported: '2013-05-01' },
        { months: '3' },
      ]);
      // 2 × 0.2 + min(12, 10) × 0.2 + 3 × 0.2 = 0.4 + 2 + 0.6 = 3; 20 − 3 = 17.
      expect(scoreUnit(compileRuleSet(after.value.ruleSet), after.value.unit).total).toBe('17');
    },
  );
});
