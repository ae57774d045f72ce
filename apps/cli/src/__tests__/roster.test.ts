// kaohe roster check: the assessing level's roster as clerks keep it — an .xlsx with a cover
// sheet, a CSV saved by Excel on Chinese Windows (GBK) — every problem at its file and cell.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.ts';

let dir = '';
const rules = {
  schemaVersion: 1,
  id: 'roster',
  title: '考核',
  issuer: '某市',
  level: '县',
  year: 2013,
  edition: 1,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  points: 5,
  inputs: [
    { id: 'target', label: '出生人数控制指标', unit: '人', source: 'assigned' },
    { id: 'births', label: '出生人数', unit: '人' },
  ],
  sections: [
    {
      code: '一',
      title: '人口',
      points: 5,
      items: [
        {
          code: '1',
          title: '控制',
          points: 5,
          rule: { kind: 'expr', score: 'births <= target ? 5 : 0' },
        },
      ],
    },
  ],
};

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'rules.json'), JSON.stringify(rules));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['2013年度考核单位名单,请勿改动表头']);
  const ws = wb.addWorksheet('单位名单');
  ws.addRows([
    ['序号', '单位代码', '单位名称', '出生人数控制指标', '出生人数'],
    [1, 'kdq', '昆都仑区', '1,200', null],
    [2, 'kdq', '青山区', null, null],
  ]);
  await wb.xlsx.writeFile(join(dir, 'units.xlsx'));
  // GBK bytes of "单位代码,单位名称,出生人数控制指标\nkdq,昆都仑区,1200\n", as Excel saves "CSV".
  const { execFileSync } = await import('node:child_process');
  const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], {
    input: '单位代码,单位名称,出生人数控制指标\nkdq,昆都仑区,1200\n',
  });
  await writeFile(join(dir, 'gbk.csv'), bytes);
}, 60_000);

describe('kaohe roster check', () => {
  it('names each problem by file, sheet and cell, past a cover sheet: exit 1', async () => {
    const run = await runCli(['roster', 'check', 'units.xlsx', '--edition', 'rules.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('名单 units.xlsx:2 个单位,3 处错误');
    expect(run.stdout).toContain(
      'units.xlsx 单位名单!E1:“出生人数”的数据来源为“本单位填报”,由被考核单位填报或检查核实,不能在名单中预填',
    );
    expect(run.stdout).toContain(
      'units.xlsx 单位名单!B3:单位代码“kdq”与 units.xlsx 单位名单!B2 重复',
    );
    expect(run.stdout).toContain(
      'units.xlsx 单位名单!D3:考核方下达的指标“出生人数控制指标(人)”未填写(空白不按0计',
    );
  }, 60_000);

  it('reads a GBK CSV as GB18030 and says so: exit 0', async () => {
    const run = await runCli(
      ['roster', 'check', 'gbk.csv', '--edition', 'rules.json', '--json'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('已按 GB18030(GBK');
    const doc = JSON.parse(run.stdout) as {
      units: { id: string; name: string; prefill: unknown }[];
    };
    expect(doc.units).toEqual([
      expect.objectContaining({
        id: 'kdq',
        name: '昆都仑区',
        prefill: { values: { target: '1200' }, previous: {} },
      }),
    ]);
  }, 60_000);
});
