import type { SheetIssue } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../io/output.ts';
import { formatSheetIssues } from './issues.ts';

const out = createOutput(
  { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd: '.' },
  'zh',
  false,
);

const issue = (code: string, row: number): SheetIssue =>
  ({
    code,
    severity: 'warning',
    address: `基础数据!A${row}`,
    message: { zh: `未知的行 ${row}`, en: `unknown row ${row}` },
  }) as SheetIssue;

describe('formatSheetIssues', () => {
  it('groups by kind in order of first appearance, three of each, the rest counted', () => {
    const lines = formatSheetIssues(
      [issue('a', 1), issue('b', 2), issue('a', 3), issue('a', 4), issue('a', 5), issue('a', 6)],
      out,
    );
    expect(lines).toEqual([
      '  警告 基础数据!A1:未知的行 1',
      '  警告 基础数据!A3:未知的行 3',
      '  警告 基础数据!A4:未知的行 4',
      // 5 of kind a, 3 shown: 5 − 3 = 2 more.
      '    ……另有 2 条同类提示',
      '  警告 基础数据!A2:未知的行 2',
    ]);
  });

  // Grouping by copying the group for each issue is quadratic: 300,000 issues of one kind make
  // 300,000²/2 = 4.5·10¹⁰ element copies (many minutes); appending in place takes milliseconds.
  it('groups 300,000 warnings of one kind in linear time', { timeout: 10_000 }, () => {
    const many = Array.from({ length: 300_000 }, (_, i) => issue('unknown-row', i + 1));
    const started = performance.now();
    const lines = formatSheetIssues(many, out);
    expect(performance.now() - started).toBeLessThan(2_000);
    // 300,000 − 3 shown = 299,997 more.
    expect(lines.at(-1)).toBe('    ……另有 299997 条同类提示');
    expect(lines).toHaveLength(4);
  });
});
