// Sheet warnings for a person: grouped by kind, a few of each shown, the rest counted.
import type { SheetIssue } from '@kaohe/sheet';
import { common } from '../i18n/common.ts';
import type { Output } from '../io/output.ts';
import { safeText } from '../io/safe-text.ts';

const more = (n: number) => ({
  zh: `    ……另有 ${n} 条同类提示`,
  en: `    … and ${n} more like it`,
});

export function formatSheetIssues(
  issues: readonly SheetIssue[],
  out: Output,
  perKind = 3,
): string[] {
  // Grouped in one pass, each issue appended in place (copying the group for every issue made
  // 100,000 warnings take minutes).
  const byCode = new Map<string, SheetIssue[]>();
  for (const i of issues) {
    const group = byCode.get(i.code);
    if (group) group.push(i);
    else byCode.set(i.code, [i]);
  }
  const lines: string[] = [];
  for (const group of byCode.values()) {
    for (const i of group.slice(0, perKind)) {
      const label = out.text(i.severity === 'error' ? common.error : common.warning);
      lines.push(
        `  ${label} ${safeText(i.address)}${out.lang === 'en' ? ': ' : ':'}${out.text(i.message)}`,
      );
    }
    if (group.length > perKind) lines.push(out.text(more(group.length - perKind)));
  }
  return lines;
}
