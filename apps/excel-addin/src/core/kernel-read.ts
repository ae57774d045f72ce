// Reading one unit's workbook (a sheet group) through the codec, and the rule-set card.
import { msgOf, type RuleSet } from '@kaohe/engine';
import { readSheet, type SheetRead } from '@kaohe/sheet';
import { fromSheetIssue } from './kernel-problems.ts';
import { gridsOf, type SheetGroup } from './kernel-grids.ts';
import type { Outcome, RuleSetInfo } from './kernel.types.ts';
import type { SheetGrid } from './workbook-port.ts';

export interface GroupRead {
  group: SheetGroup;
  read: SheetRead;
  problems: ReturnType<typeof fromSheetIssue>[];
}

export function readGroup(
  group: SheetGroup,
  grids: readonly SheetGrid[],
  reviewer?: RuleSet,
): Outcome<GroupRead> {
  const read = readSheet(gridsOf(group, grids), reviewer ? { ruleSet: reviewer } : {});
  if (!read.ok) return { ok: false, problems: read.issues.map((i) => fromSheetIssue(i, group)) };
  return {
    ok: true,
    value: {
      group,
      read: read.value,
      problems: read.warnings.map((i) => fromSheetIssue(i, group)),
    },
  };
}

export function ruleSetInfo(ruleSet: RuleSet, checksum: string): RuleSetInfo {
  // readSheet refuses rules that do not match their checksum, so what it returns is intact.
  return {
    id: ruleSet.id,
    title: msgOf(ruleSet.title),
    issuer: msgOf(ruleSet.issuer),
    year: ruleSet.year,
    edition: ruleSet.edition,
    checksum,
    integrity: 'intact',
  };
}
