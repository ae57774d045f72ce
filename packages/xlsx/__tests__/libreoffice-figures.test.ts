// Figures as LibreOffice stores them when they are set through its API (what a macro, a paste of
// numbers or an import does): 92 set into a percent-formatted cell stays the number 92 (the cell
// shows 9200%), 105% typed into it is the number 1.05. A Basic macro in a throw-away user profile
// sets the cells, LibreOffice saves the .xlsx, and the codec reads what it stored. soffice must be
// present (as for libreoffice.test.ts): without it this suite fails, it never skips.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { buildTemplate, cellRef, planWrites, readSheet, resultProblems } from '@kaohe/sheet';
import { fillWorkbook, filled, fixtureInput, ruleSet } from '../src/__tests__/fixture.ts';
import { readWorkbook, writeTemplateWorkbook } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kaohe-lo-fig-'));
const profile = join(dir, 'profile');
// policy_rate is a rate of 0–100 %: the engine refuses anything outside.
const rules = ruleSet({
  ...fixtureInput,
  inputs: fixtureInput.inputs.map((i) => (i.id === 'policy_rate' ? { ...i, min: 0, max: 100 } : i)),
});
const t = buildTemplate(rules, { id: 'kdq', name: '昆都仑区' });
const rateRow = t.map.data.rows.find((r) => r.id === 'policy_rate')?.row ?? -1;
const rateCell = cellRef(t.map.data.sheet, rateRow, t.map.data.columns.value);

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Fill
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ(&quot;KAOHE_FILE&quot;)), &quot;_blank&quot;, 0, args())
  doc.Sheets.getByName(Environ(&quot;KAOHE_SHEET&quot;)).getCellRangeByName(Environ(&quot;KAOHE_CELL&quot;)).setValue(CDbl(Environ(&quot;KAOHE_VALUE&quot;)))
  doc.store()
  doc.close(True)
End Sub
</script:module>
`;

function soffice(args: string[], env: Record<string, string> = {}): void {
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        ...args,
      ],
      { stdio: 'pipe', timeout: 90_000, env: { ...process.env, ...env } },
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT')
      throw new Error('LibreOffice (soffice) is not installed: the interop tests need it.', {
        cause: e,
      });
    throw new Error(`soffice failed: ${err.stderr?.toString() ?? err.message}`, { cause: e });
  }
}

/** The template filled as usual, then policy_rate set by LibreOffice's API to `value`. */
async function setByLibreOffice(name: string, value: number) {
  const path = join(dir, name);
  writeFileSync(path, await fillWorkbook(await writeTemplateWorkbook(t), t, filled));
  const address = rateCell.slice(rateCell.indexOf('!') + 1);
  soffice(['macro:///Standard.Module1.Fill'], {
    KAOHE_FILE: path,
    KAOHE_SHEET: t.map.data.sheet,
    KAOHE_CELL: address,
    KAOHE_VALUE: String(value),
  });
  const read = readSheet((await readWorkbook(new Uint8Array(readFileSync(path)))).sheets);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read;
}

beforeAll(() => {
  // The first start writes the profile (and its Standard library); then the macro goes in.
  soffice(['--terminate_after_init']);
  writeFileSync(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), MACRO);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('figures set through LibreOffice', () => {
  it('92 set into a percent cell (shows 9200%) is read as 92% with a warning at its cell', async () => {
    const read = await setByLibreOffice('ninety-two.xlsx', 92);
    expect(read.value.unit.values.policy_rate).toBe('92');
    expect(read.warnings.filter((w) => w.code === 'percent-as-number')).toMatchObject([
      { address: rateCell, severity: 'warning', inputId: 'policy_rate' },
    ]);
    // 92 ≥ 92: the item is met in full (6 points), not lost as missing.
    const result = scoreUnit(compileRuleSet(rules), read.value.unit);
    expect(result.sections[0]?.items[0]).toMatchObject({ status: 'met', score: '6' });
  }, 60_000);

  it('105% typed into it is refused at its cell and the item says why, not 缺少数据', async () => {
    const read = await setByLibreOffice('hundred-five.xlsx', 1.05);
    expect(read.value.unit.values.policy_rate).toBe('105');
    const result = scoreUnit(compileRuleSet(rules), read.value.unit);
    const found = resultProblems(result, read.value);
    expect(found.values.map((v) => [v.address, v.severity, v.message.zh])).toEqual([
      [rateCell, 'error', '105% 超出允许范围 0–100%,用到它的考核项目未能计分,请改正'],
    ]);
    const reasons = planWrites(read.value.map, result, 'self', { read: read.value })[1];
    const itemRow = t.map.scoring.rows.find((r) => r.key === '一.1')?.row ?? -1;
    const top = t.map.scoring.rows.find((r) => r.kind !== 'section')?.row ?? 0;
    expect(reasons?.values[itemRow - top]?.[0]).toBe(
      `数据有误:${rateCell} 105% 超出允许范围 0–100%,未能计分`,
    );
  }, 60_000);
});
