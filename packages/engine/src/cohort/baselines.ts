// Assigned targets (责任指标) and last year's figures (上年数据) are inputs the assessing level
// supplies per unit. They are merged into each unit's values without ever overwriting what the
// unit typed: a conflicting value is kept as typed and reported.
import { tryQ } from '../exact/exact.ts';
import type { InputValue, Issue, UnitInput } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { error, sortIssues, warning } from '../validate/issues.ts';
import { unitName } from './unit-name.ts';

export type BaselineValues = Record<string, Record<string, InputValue>>;

export interface Baselines {
  /** By unit id, then input id: the assigned targets. */
  assigned?: BaselineValues;
  /** By unit id, then input id: the previous year's figures. */
  previous?: BaselineValues;
}

const blank = (v: InputValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function same(a: InputValue, b: InputValue): boolean {
  if (a === b) return true;
  const qa = typeof a === 'number' || typeof a === 'string' ? tryQ(String(a)) : undefined;
  const qb = typeof b === 'number' || typeof b === 'string' ? tryQ(String(b)) : undefined;
  return qa !== undefined && qb !== undefined && qa.equals(qb);
}

const SOURCE_ZH = { assigned: '责任指标', previous: '上年数据' } as const;

/**
 * Returns new units with the baselines merged in (the inputs are not mutated). With `inputs`
 * (the rule set's declarations), a baseline for an undeclared input is an error and one for an
 * input of another source a warning.
 */
export function withBaselines(
  units: readonly UnitInput[],
  baselines: Baselines,
  inputs?: ReadonlyMap<string, InputDef> | readonly InputDef[],
): { units: UnitInput[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const defs =
    inputs === undefined
      ? undefined
      : inputs instanceof Map
        ? (inputs as ReadonlyMap<string, InputDef>)
        : new Map((inputs as readonly InputDef[]).map((d) => [d.id, d]));
  // Values by input id in maps without a prototype: a baseline keyed `__proto__` (JSON makes it
  // an own key) is kept as a value, never taken for the object's prototype and lost.
  const out = units.map((u) => ({
    ...u,
    values: Object.assign(Object.create(null) as UnitInput['values'], u.values),
  }));
  const byId = new Map(out.map((u) => [u.id, u]));
  for (const source of ['assigned', 'previous'] as const) {
    const table = baselines[source] ?? {};
    for (const unitId of Object.keys(table).sort()) {
      const unit = byId.get(unitId);
      const row = table[unitId] ?? {};
      if (!unit) {
        issues.push(
          warning('baseline-unknown-unit', `${source}.${unitId}`, {
            zh: `${SOURCE_ZH[source]}中的单位「${unitId}」不在本次考核单位中`,
            en: `${source} values name unit "${unitId}", which is not in the cohort`,
          }),
        );
        continue;
      }
      for (const inputId of Object.keys(row).sort()) {
        const value = row[inputId] as InputValue;
        const path = `${source}.${unitId}.${inputId}`;
        const def = defs?.get(inputId);
        if (defs && !def) {
          issues.push(
            error(
              'baseline-unknown-input',
              path,
              {
                zh: `${SOURCE_ZH[source]}中的「${inputId}」不是本考核办法的输入项`,
                en: `${source} value "${inputId}" is not an input of this rule set`,
              },
              { inputId },
            ),
          );
          continue;
        }
        if (def && def.source !== source) {
          issues.push(
            warning(
              'baseline-source-mismatch',
              path,
              {
                zh: `「${inputId}」的来源是 ${def.source},却作为${SOURCE_ZH[source]}提供`,
                en: `"${inputId}" has source ${def.source} but is supplied as ${source}`,
              },
              { inputId },
            ),
          );
        }
        if (blank(value)) continue;
        const typed = unit.values[inputId];
        if (blank(typed)) {
          unit.values[inputId] = value;
        } else if (!same(typed as InputValue, value)) {
          issues.push(
            warning(
              'baseline-conflict',
              path,
              {
                zh: `单位${unitName(unit.id, unit.name).zh}填报的「${inputId}」为 ${String(typed)},与${SOURCE_ZH[source]} ${String(value)} 不一致,保留单位填报值`,
                en: `unit ${unitName(unit.id, unit.name).en} typed ${String(typed)} for "${inputId}", which differs from the ${source} value ${String(value)}: the typed value is kept`,
              },
              { inputId },
            ),
          );
        }
      }
    }
  }
  return { units: out, issues: sortIssues(issues) };
}
