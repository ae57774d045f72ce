// A composite of several schemes' reviewed results for the same units (parts, lines, periods):
// association work 20 % of the population score; party–government line 6 : family planning
// line 4; routine 40 % / year-end 60 %; quarters 4:3:3. The combination is declared as data (a
// small file, `Combination`), checked at its paths; each unit's composite is worked out by
// `combineParts` (one implementation of weights and scaling), ranked, graded as declared, with
// vetoes and no-commendation carried from the parts as declared.
//
// Decisions (one each):
// - A unit missing from a part, or whose score in a part cannot be judged (the part's total is
//   provisional), has no composite: it is listed with why (the unit and the part's summary),
//   never taken as 0, and is not ranked or graded.
// - Parts of different years, a part of another rule set than declared, a certification part,
//   one unit id under two names or one name under two ids, parts of different maxima with no
//   declared `outOf`: the combination is refused.
// - A veto in a part carries to the composite unless the part declares `vetoes: "ignore"`; the
//   same for no-commendation; `noCommendationGrades` bars commendation by the part's grade
//   (协会工作后进 → 人口计生工作不予评先). A carried veto holds whether or not the composite is
//   computed.
import { z } from 'zod';
import { q } from '../exact/exact.ts';
import { exactText } from '../cohort/exact-text.ts';
import { rankRows } from '../cohort/rank.ts';
import { assignGrades, type BandSummary } from '../grades/assign.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, Msg, Result } from '../model/result.ts';
import { DecimalLiteral, Id, Rounding, Text } from '../schema/common.ts';
import { Grades } from '../schema/ruleset.ts';
import { checkGrades } from '../score/compile-checks.ts';
import { depthIssue } from '../validate/bounds.ts';
import { error, sortIssues } from '../validate/issues.ts';
import { fromZod } from '../validate/schema-issues.ts';
import { combineParts, type Part } from './combine.ts';

export const CombinationPart = z
  .object({
    /** The part's id in the composite (population, association, q1…). */
    id: Id,
    label: Text,
    /** Where the part's reviewed results are: the app's word for it (a summary workbook, relative
     *  to the declaration). Named in every message about the part. */
    summary: z.string().min(1),
    /** The rule set id the part's results must be of; absent: not checked. */
    ruleSet: z.string().min(1).optional(),
    /** As `combineParts` reads it: a fraction, a percent or a ratio, per `weights`. */
    weight: DecimalLiteral,
    /** A veto in this part vetoes the composite (carry, the default) or not (ignore). */
    vetoes: z.enum(['carry', 'ignore']).default('carry'),
    /** No commendation in this part bars it in the composite (carry, the default) or not. */
    noCommendation: z.enum(['carry', 'ignore']).default('carry'),
    /** Grade ids of this part's rule set that bar commendation in the composite (后进). */
    noCommendationGrades: z.array(Id).optional(),
  })
  .strict();
export type CombinationPart = z.infer<typeof CombinationPart>;

export const Combination = z
  .object({
    $schema: z.string().optional(),
    /** Tells a combination declaration from a rule set. */
    kind: z.literal('combination'),
    /** The composite's id, as the rule set id of its results when the composite is itself a part
     *  of another (the quarters combined, 40 % routine); absent: "combination". */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -')
      .optional(),
    title: Text,
    /** The year every part must be of; absent: the parts' common year. */
    year: z.number().int().min(1949).max(2200).optional(),
    /** How the weights are written: fraction (add up to 1), percent (to 100), ratio (4:3:3). */
    weights: z.enum(['fraction', 'percent', 'ratio']),
    /** Weights that do not add up, accepted with a reason. */
    weightsMismatch: Text.optional(),
    /** Maximum of the composite; absent: the parts' common maximum. */
    outOf: DecimalLiteral.optional(),
    /** The composite is rounded so (only the composite: the parts are taken as reviewed). */
    rounding: Rounding,
    parts: z.array(CombinationPart).min(1),
    /** Grades of the composite (bands, quotas), as a rule set declares them. */
    grades: Grades.optional(),
    ranking: z
      .object({
        ties: z.enum(['shared', 'dense']).default('shared'),
        vetoedLast: z.boolean().default(true),
      })
      .strict()
      .default({ ties: 'shared', vetoedLast: true }),
  })
  .strict();
export type Combination = z.infer<typeof Combination>;
export type CombinationInput = z.input<typeof Combination>;

/** Reads a combination declaration: the schema, then weights, ids, outOf and grades. */
export function parseCombination(json: unknown): Result<Combination> {
  const deep = depthIssue(json);
  if (deep) return { ok: false, issues: [deep] };
  const parsed = Combination.safeParse(json);
  if (!parsed.success)
    return { ok: false, issues: sortIssues(parsed.error.issues.flatMap((i) => fromZod(i, json))) };
  const c = parsed.data;
  const issues: Issue[] = [];
  const ids = new Set<string>();
  const files = new Set<string>();
  c.parts.forEach((p, i) => {
    if (ids.has(p.id))
      issues.push(
        error('duplicate-part', `parts[${i}].id`, {
          zh: `组成部分「${p.id}」重复`,
          en: `part "${p.id}" appears twice`,
        }),
      );
    ids.add(p.id);
    if (files.has(p.summary))
      issues.push(
        error('duplicate-summary', `parts[${i}].summary`, {
          zh: `汇总表 ${p.summary} 被列为两个组成部分`,
          en: `the summary ${p.summary} is listed as two parts`,
        }),
      );
    files.add(p.summary);
  });
  if (c.outOf !== undefined && q(c.outOf).compare(0) <= 0)
    issues.push(
      error('bad-out-of', 'outOf', {
        zh: '合成后的满分须大于0',
        en: 'the maximum of the composite must be above 0',
      }),
    );
  // The weights as combineParts checks them (one check): each above 0, adding up as declared.
  const probe = combineParts(
    c.parts.map((p) => ({ id: p.id, label: p.label, weight: p.weight, score: 1, max: 1 })),
    { dp: 0, mode: 'half-up' },
    weightOptions(c),
  );
  if (!probe.ok) issues.push(...probe.issues.filter((i) => i.code !== 'duplicate-part'));
  if (c.grades) checkGrades({ grades: c.grades }, issues);
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: c, warnings: [] };
}

const weightOptions = (c: Combination) => ({
  weights: c.weights,
  ...(c.outOf !== undefined ? { outOf: c.outOf } : {}),
  ...(c.weightsMismatch !== undefined ? { weightsMismatch: c.weightsMismatch } : {}),
});

/** One unit in a part's reviewed results, as its summary gives it. */
export interface PartUnit {
  unitId: string;
  name: string;
  /** The part's total, rounded as its rule set declares; null: the part has no score for the
   *  unit (a composite that could not be computed, as a part of another). */
  total: string | null;
  /** The unit's maximum in the part. */
  max: string;
  /** False: the part's total is provisional (something cannot be judged). */
  complete: boolean;
  vetoed: boolean;
  noCommendation: boolean;
  grade: string | null;
  gradeLabel: Msg | null;
  /** The sanctions that hold, with their reasons (vetoes carried name them). */
  sanctions: readonly { level: string; reason: Msg }[];
}

/** A part's reviewed results: its rule set and its units. */
export interface PartResults {
  ruleSetId: string;
  kind: 'scored' | 'certification';
  title: Msg;
  year: number;
  edition: number;
  /** Grade band ids of the part's rule set (empty without grades). */
  gradeIds: readonly string[];
  units: readonly PartUnit[];
}

/** A unit's figures in one part of the composite. */
export interface CompositeCell {
  total: string | null;
  max: string;
  complete: boolean;
  vetoed: boolean;
  noCommendation: boolean;
  grade: string | null;
  gradeLabel: Msg | null;
  /** weight × total ÷ max × outOf, exact text; null while the composite is not computed. */
  contribution: string | null;
  /** The contribution rounded as the composite is (for display; see CombinedPart). */
  contributionShown: string | null;
}

export interface CompositeUnit {
  unitId: string;
  name: string;
  /** 1-based place in the listing: the ranked first, then those not computed (by unit id). */
  position: number;
  /** null: the composite is not computed (see `notComputed`). */
  rank: number | null;
  tied: boolean;
  /** The composite, rounded as declared; null when not computed. */
  value: string | null;
  /** Before rounding, exact text. */
  exact: string | null;
  /** How it was worked out (combineParts' explanation). */
  explanation: Msg | null;
  /** Per declared part, in order: null when the unit is not in the part. */
  parts: (CompositeCell | null)[];
  vetoed: boolean;
  noCommendation: boolean;
  grade: string | null;
  gradeLabel: Msg | null;
  gradeNotes: readonly Msg[];
  /** Why the composite is not computed (empty when it is). */
  notComputed: Msg[];
  /** Vetoes and no-commendation carried from the parts, with where from. */
  carried: { level: 'veto' | 'no-commendation'; reason: Msg }[];
}

export interface CompositeResult {
  /** The declared id, or "combination". */
  id: string;
  title: Msg;
  year: number;
  /** The composite's maximum: declared, or the parts' common one. */
  outOf: string;
  parts: {
    id: string;
    label: Msg;
    summary: string;
    ruleSetId: string;
    ruleSetTitle: Msg;
    /** The weight as a share of 1, exact text ("0.2", "0.4"). */
    weight: string;
    /** As the explanation words it ("20%", "1/3"). */
    weightShown: string;
  }[];
  /** In listing order. */
  units: CompositeUnit[];
  grades: { graded: number; bands: BandSummary[] } | null;
  /** The composite's grade ids (empty without grades). */
  gradeIds: string[];
  /** Grading issues (a quota not reached) and the like. */
  issues: Issue[];
}

const partName = (p: CombinationPart): Msg => {
  const label = msgOf(p.label);
  return { zh: `「${label.zh}」(${p.summary})`, en: `"${label.en}" (${p.summary})` };
};

/** Checks the parts against each other and the declaration: what refuses the combination. */
function partIssues(c: Combination, parts: readonly PartResults[]): Issue[] {
  const issues: Issue[] = [];
  const years = new Set(parts.map((p) => p.year));
  const year = c.year ?? (years.size === 1 ? parts[0]?.year : undefined);
  parts.forEach((r, i) => {
    const decl = c.parts[i] as CombinationPart;
    const at = `parts[${i}]`;
    const name = partName(decl);
    if (r.kind === 'certification')
      issues.push(
        error('part-certification', `${at}.summary`, {
          zh: `${name.zh}是评估认定的汇总表(只判定通过与否,没有得分),不能合成`,
          en: `${name.en} is a certification summary (pass or fail, no score): it cannot be combined`,
        }),
      );
    if (decl.ruleSet !== undefined && decl.ruleSet !== r.ruleSetId)
      issues.push(
        error('part-rule-set', `${at}.ruleSet`, {
          zh: `${name.zh}是规则集“${r.ruleSetId}”的复核结果,声明应为“${decl.ruleSet}”`,
          en: `${name.en} holds results of rule set "${r.ruleSetId}", declared "${decl.ruleSet}"`,
        }),
      );
    if (year === undefined || r.year !== year) {
      const others = [...years].filter((y) => y !== r.year).join('、');
      issues.push(
        error('part-year', `${at}.summary`, {
          zh:
            c.year !== undefined
              ? `${name.zh}是${r.year}年度的考核,合成声明为${c.year}年度`
              : `${name.zh}是${r.year}年度的考核,其他部分有${others}年度的;各部分须为同一年度`,
          en:
            c.year !== undefined
              ? `${name.en} is of ${r.year}, the combination is declared for ${c.year}`
              : `${name.en} is of ${r.year}, other parts are of ${others}: all parts must be of one year`,
        }),
      );
    }
    const known = new Set(r.gradeIds);
    (decl.noCommendationGrades ?? []).forEach((g, j) => {
      if (!known.has(g))
        issues.push(
          error('unknown-grade', `${at}.noCommendationGrades[${j}]`, {
            zh: `${name.zh}的规则集没有等次「${g}」(有:${r.gradeIds.join('、') || '无'})`,
            en: `${name.en}: its rule set has no grade "${g}" (it has: ${r.gradeIds.join(', ') || 'none'})`,
          }),
        );
    });
  });
  // One unit id, one name; one name, one id — across all parts.
  const nameOf = new Map<string, { name: string; part: number }>();
  const idOf = new Map<string, { id: string; part: number }>();
  parts.forEach((r, i) => {
    for (const u of r.units) {
      const n = nameOf.get(u.unitId);
      if (n && n.name !== u.name) {
        const a = partName(c.parts[n.part] as CombinationPart);
        const b = partName(c.parts[i] as CombinationPart);
        issues.push(
          error('unit-mismatch', `parts[${i}].summary`, {
            zh: `单位代码 ${u.unitId} 在${a.zh}中是“${n.name}”,在${b.zh}中是“${u.name}”:各部分的单位代码须一致`,
            en: `unit id ${u.unitId} is "${n.name}" in ${a.en} and "${u.name}" in ${b.en}: the parts' unit ids must match`,
          }),
        );
      } else if (!n) nameOf.set(u.unitId, { name: u.name, part: i });
      const d = idOf.get(u.name);
      if (d && d.id !== u.unitId) {
        const a = partName(c.parts[d.part] as CombinationPart);
        const b = partName(c.parts[i] as CombinationPart);
        issues.push(
          error('unit-mismatch', `parts[${i}].summary`, {
            zh: `单位“${u.name}”在${a.zh}中的代码是 ${d.id},在${b.zh}中是 ${u.unitId}:各部分的单位代码须一致`,
            en: `unit "${u.name}" has id ${d.id} in ${a.en} and ${u.unitId} in ${b.en}: the parts' unit ids must match`,
          }),
        );
      } else if (!d) idOf.set(u.name, { id: u.unitId, part: i });
    }
  });
  // The composite's maximum: declared, or the one maximum of every part's units.
  if (c.outOf === undefined) {
    const maxes = parts.map((r) => [...new Set(r.units.map((u) => exactText(q(u.max))))]);
    if (new Set(maxes.flat()).size > 1) {
      const said = maxes.map((m, i) => `${(c.parts[i] as CombinationPart).summary} ${m.join('/')}`);
      issues.push(
        error('no-out-of', 'outOf', {
          zh: `各部分满分不同(${said.join(';')}),须在合成声明中写明合成后的满分(outOf)`,
          en: `the parts have different maxima (${said.join('; ')}): declare the composite's maximum (outOf)`,
        }),
      );
    }
  }
  const everywhere = [...nameOf.keys()].filter((id) =>
    parts.every((r) => r.units.some((u) => u.unitId === id)),
  );
  if (issues.length === 0 && everywhere.length === 0)
    issues.push(
      error('no-common-units', 'parts', {
        zh: '各组成部分没有共同的单位(单位代码无一相同),无法合成;请核对各部分的汇总表',
        en: 'the parts have no unit in common (no unit id in all of them): check the parts’ summaries',
      }),
    );
  return issues;
}

/**
 * Each unit's composite from the parts' reviewed results (in the declaration's order), ranked
 * and graded as declared. Refused (errors at the declaration's paths) when the parts do not
 * belong together; a unit whose composite cannot be worked out is listed with why.
 */
export function combineResults(
  c: Combination,
  parts: readonly PartResults[],
): Result<CompositeResult> {
  if (parts.length !== c.parts.length)
    throw new Error(`combineResults: ${parts.length} parts given, ${c.parts.length} declared`);
  const refused = partIssues(c, parts);
  if (refused.length > 0) return { ok: false, issues: sortIssues(refused) };
  const year = parts[0]?.year as number;
  const byPart = parts.map((r) => new Map(r.units.map((u) => [u.unitId, u])));
  const ids: string[] = [];
  const names = new Map<string, string>();
  for (const r of parts)
    for (const u of r.units)
      if (!names.has(u.unitId)) {
        names.set(u.unitId, u.name);
        ids.push(u.unitId);
      }

  const worked = ids.map((unitId) => {
    const name = names.get(unitId) as string;
    const found = byPart.map((m) => m.get(unitId) ?? null);
    const notComputed: Msg[] = [];
    const carried: CompositeUnit['carried'] = [];
    let vetoed = false;
    let noCommendation = false;
    found.forEach((u, i) => {
      const decl = c.parts[i] as CombinationPart;
      const where = partName(decl);
      if (!u) {
        notComputed.push({
          zh: `“${name}”(${unitId})不在${where.zh}中,综合得分未计算`,
          en: `"${name}" (${unitId}) is not in ${where.en}: no composite`,
        });
        return;
      }
      if (u.total === null)
        notComputed.push({
          zh: `“${name}”在${where.zh}中没有得分(该部分未计算),综合得分未计算`,
          en: `"${name}" has no score in ${where.en} (not computed there): no composite`,
        });
      else if (!u.complete)
        notComputed.push({
          zh: `“${name}”在${where.zh}中的得分无法判定(数据不完整,总分暂定 ${u.total}),综合得分未计算`,
          en: `"${name}": its score in ${where.en} cannot be judged (data incomplete, total ${u.total} provisional): no composite`,
        });
      if (u.vetoed && decl.vetoes === 'carry') {
        vetoed = true;
        const why = u.sanctions.filter((s) => s.level === 'veto').map((s) => s.reason);
        carried.push({
          level: 'veto',
          reason: {
            zh: `${where.zh}一票否决${why.length ? `:${why.map((w) => w.zh).join(';')}` : ''}`,
            en: `vetoed in ${where.en}${why.length ? `: ${why.map((w) => w.en).join('; ')}` : ''}`,
          },
        });
      }
      if (u.noCommendation && decl.noCommendation === 'carry' && !u.vetoed) {
        noCommendation = true;
        carried.push({
          level: 'no-commendation',
          reason: { zh: `${where.zh}不予评先`, en: `no commendation in ${where.en}` },
        });
      }
      if (u.grade !== null && (decl.noCommendationGrades ?? []).includes(u.grade)) {
        noCommendation = true;
        const g = u.gradeLabel ?? { zh: u.grade, en: u.grade };
        carried.push({
          level: 'no-commendation',
          reason: {
            zh: `${where.zh}等次为「${g.zh}」,不予评先`,
            en: `graded "${g.en}" in ${where.en}: no commendation`,
          },
        });
      }
    });
    let combined: ReturnType<typeof combineParts> | undefined;
    if (notComputed.length === 0) {
      const input: Part[] = found.map((u, i) => {
        const decl = c.parts[i] as CombinationPart;
        const unit = u as PartUnit;
        return {
          id: decl.id,
          label: decl.label,
          weight: decl.weight,
          score: unit.total as string,
          max: unit.max,
        };
      });
      combined = combineParts(input, c.rounding, weightOptions(c));
      if (!combined.ok)
        notComputed.push(
          ...combined.issues.map((i) => ({
            zh: `“${name}”:${i.message.zh},综合得分未计算`,
            en: `"${name}": ${i.message.en}: no composite`,
          })),
        );
    }
    const value = combined?.ok ? combined.value : undefined;
    const cells: (CompositeCell | null)[] = found.map((u, i) =>
      u
        ? {
            total: u.total,
            max: u.max,
            complete: u.complete,
            vetoed: u.vetoed,
            noCommendation: u.noCommendation,
            grade: u.grade,
            gradeLabel: u.gradeLabel,
            contribution: value?.parts[i]?.contribution ?? null,
            contributionShown: value?.parts[i]?.contributionShown ?? null,
          }
        : null,
    );
    return { unitId, name, value, cells, vetoed, noCommendation, notComputed, carried };
  });

  const computed = worked.filter((w) => w.value);
  const placed = rankRows(
    computed.map((w) => ({
      id: w.unitId,
      vetoed: w.vetoed,
      keys: [q((w.value as { value: string }).value)],
    })),
    c.ranking,
  );
  const byId = new Map(worked.map((w) => [w.unitId, w]));
  const rankedOrder = placed.map((p) => ({ p, w: byId.get(p.id) as (typeof worked)[number] }));
  const graded = c.grades
    ? assignGrades(
        rankedOrder.map(({ p, w }) => ({
          id: w.unitId,
          name: w.name,
          rank: p.rank,
          total: q((w.value as { value: string }).value),
          vetoed: w.vetoed,
          noCommendation: w.noCommendation,
        })),
        c.grades,
      )
    : undefined;
  const gradeOf = new Map((graded?.units ?? []).map((g) => [g.id, g]));
  const bandLabel = (id: string | null): Msg | null => {
    const band = id === null ? undefined : c.grades?.bands.find((b) => b.id === id);
    return band ? msgOf(band.label) : null;
  };
  const rest = worked
    .filter((w) => !w.value)
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const units: CompositeUnit[] = [
    ...rankedOrder.map(({ p, w }) => ({ w, p })),
    ...rest.map((w) => ({ w, p: undefined })),
  ].map(({ w, p }, i) => {
    const g = gradeOf.get(w.unitId);
    return {
      unitId: w.unitId,
      name: w.name,
      position: i + 1,
      rank: p?.rank ?? null,
      tied: p?.tied ?? false,
      value: w.value?.value ?? null,
      exact: w.value?.exact ?? null,
      explanation: w.value?.explanation ?? null,
      parts: w.cells,
      vetoed: w.vetoed,
      noCommendation: w.noCommendation,
      grade: g?.grade ?? null,
      gradeLabel: bandLabel(g?.grade ?? null),
      gradeNotes: g ? [...g.notes] : [],
      notComputed: w.notComputed,
      carried: w.carried,
    };
  });
  const probe = combineParts(
    c.parts.map((p) => ({ id: p.id, label: p.label, weight: p.weight, score: 1, max: 1 })),
    c.rounding,
    weightOptions(c),
  );
  // Declared, or the parts' one maximum (checked above).
  const outOf = exactText(q(c.outOf ?? (parts[0]?.units[0]?.max as string)));
  return {
    ok: true,
    warnings: [],
    value: {
      id: c.id ?? 'combination',
      title: msgOf(c.title),
      year,
      outOf,
      parts: c.parts.map((p, i) => ({
        id: p.id,
        label: msgOf(p.label),
        summary: p.summary,
        ruleSetId: parts[i]?.ruleSetId as string,
        ruleSetTitle: parts[i]?.title as Msg,
        weight: probe.ok ? (probe.value.parts[i]?.weight ?? '') : '',
        weightShown: probe.ok ? (probe.value.parts[i]?.weightShown ?? '') : '',
      })),
      units,
      grades: graded ? { graded: graded.graded, bands: graded.bands } : null,
      gradeIds: (c.grades?.bands ?? []).map((b) => b.id),
      issues: graded ? sortIssues([...graded.issues]) : [],
    },
  };
}
