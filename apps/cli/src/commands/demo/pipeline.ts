// The demo's workbooks, all in memory: a blank template per unit, the same filled with the
// unit's figures through the codec's map, then scored (self-assessment) — then the cohort
// reviewed from the scored workbooks, exactly as `kaohe review` does it.
import { join } from 'node:path';
import type { UnitInput } from '@kaohe/engine';
import { buildTemplate, fillWrites } from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import type { PendingFile } from '../../io/files.ts';
import type { LoadedRuleSet } from '../../io/rule-set.ts';
import { patchWorkbook } from '../../io/workbook.ts';
import { reviewWorkbooks, type Review } from '../review/review-workbooks.ts';
import { scoreWorkbook } from '../score/score-workbook.ts';
import { fileNameFor } from '../template/units.ts';

export const DEMO_DIRS = {
  templates: '1-templates',
  filled: '2-filled',
  scored: '3-scored',
} as const;
export const DEMO_SUMMARY = '4-summary.xlsx';

export interface DemoRun {
  files: PendingFile[];
  review: Review;
}

export async function buildDemo(
  loaded: LoadedRuleSet,
  units: readonly UnitInput[],
  outDir: string,
  onEach: (name: string) => void,
): Promise<DemoRun> {
  const files: PendingFile[] = [];
  const add = (
    dir: string,
    name: string,
    data: Uint8Array,
  ): { shown: string; bytes: Uint8Array } => {
    const shown = join(dir, fileNameFor(name));
    files.push({ path: join(outDir, shown), shown, data });
    return { shown, bytes: data };
  };
  const scored: { shown: string; bytes: Uint8Array }[] = [];
  for (const unit of units) {
    const template = buildTemplate(loaded.ruleSet, {
      id: unit.id,
      name: unit.name,
      ...(unit.class ? { class: unit.class } : {}),
    });
    const blank = add(DEMO_DIRS.templates, unit.name, await writeTemplateWorkbook(template));
    const filled = add(
      DEMO_DIRS.filled,
      unit.name,
      await patchWorkbook(
        blank.bytes,
        fillWrites(loaded.ruleSet, template.map.data, unit),
        blank.shown,
      ),
    );
    const result = await scoreWorkbook(filled.bytes, filled.shown, 'self');
    scored.push(add(DEMO_DIRS.scored, unit.name, result.bytes));
    onEach(unit.name);
  }
  const review = await reviewWorkbooks(
    scored.map((s) => ({ shown: s.shown, read: () => Promise.resolve(s.bytes) })),
    loaded,
  );
  return { files, review };
}
