// Pass 1 of a cohort: what a unit's score needs from its peers. Statistics of each peer input
// over the units that reported it, and each unit's place for each rank rule, all exact.
import type { Q } from '../exact/exact.ts';
import type { PeerStat, PeerStats } from '../model/context.ts';
import type { Issue, UnitInput } from '../model/result.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import { createEnv, decodeValue } from '../score/env.ts';
import { ExprEvalError } from '../expr/errors.ts';
import { MissingValue, type ExprValue } from '../expr/types.ts';
import { warning } from '../validate/issues.ts';
import { exactText } from './exact-text.ts';
import { unitName } from './unit-name.ts';

export interface PeerInputSummary {
  /** Units that reported the input (blanks are not counted as 0). */
  count: number;
  mean: string;
  max: string;
  min: string;
}

interface RankPlace {
  rank: number;
  leader: Q;
  count: number;
}

export interface PeerPass {
  stats: PeerStats;
  /** Plain JSON of the statistics, for the cohort result. */
  inputs: Record<string, PeerInputSummary>;
  issues: Issue[];
}

type PeerSource = Pick<CompiledRuleSet, 'inputs' | 'peerInputs' | 'rankRules'> &
  Partial<Pick<CompiledRuleSet, 'derived'>>;

/** Each unit's derived value (undefined: blank under it, not counted); a value that cannot be
 *  worked out (a division by zero, a figure refused) is left out with a warning. */
function derivedValues(
  rs: PeerSource,
  id: string,
  units: readonly UnitInput[],
  issues: Issue[],
): Q[] | undefined {
  if (!rs.derived?.has(id)) return undefined;
  const values: Q[] = [];
  for (const unit of units) {
    const env = createEnv(rs.inputs, unit, {}, rs.derived);
    let v: ExprValue | undefined;
    let unreadable = false;
    try {
      v = env.ident(id);
    } catch (e) {
      if (e instanceof ExprEvalError) unreadable = true;
      else if (!(e instanceof MissingValue)) throw e;
    }
    if (v !== undefined && typeof v === 'object') values.push(v);
    else if (unreadable || env.issues.length > 0) issues.push(unreadableWarning(unit, id));
  }
  return values;
}

const unreadableWarning = (unit: UnitInput, id: string): Issue =>
  warning(
    'peer-value-unreadable',
    `units.${unit.id}.${id}`,
    {
      zh: `单位${unitName(unit.id, unit.name).zh}的「${id}」不是数值,未计入全体平均/最高/最低`,
      en: `unit ${unitName(unit.id, unit.name).en}: "${id}" is not a number and is left out of the peer mean/max/min`,
    },
    { inputId: id },
  );

function inputStats(
  rs: PeerSource,
  id: string,
  units: readonly UnitInput[],
  issues: Issue[],
): (Record<PeerStat, Q> & { count: number }) | undefined {
  const def = rs.inputs.get(id);
  let values = derivedValues(rs, id, units, issues);
  if (!values) {
    if (!def) return undefined;
    values = [];
    for (const unit of units) {
      const { value, problem } = decodeValue(def, unit.values[id]);
      if (value !== undefined && typeof value === 'object') values.push(value);
      else if (problem !== undefined || value !== undefined)
        issues.push(unreadableWarning(unit, id));
    }
  }
  const [first, ...rest] = values;
  if (!first) return undefined;
  let total = first;
  let hi = first;
  let lo = first;
  for (const v of rest) {
    total = total.add(v);
    if (v.compare(hi) > 0) hi = v;
    if (v.compare(lo) < 0) lo = v;
  }
  return { mean: total.div(values.length), max: hi, min: lo, count: values.length };
}

function rankPlaces(
  order: 'asc' | 'desc',
  value: (unit: UnitInput) => Q | null,
  units: readonly UnitInput[],
): Map<string, RankPlace> {
  const ranked = units
    .map((u) => ({ id: u.id, v: value(u) }))
    .filter((x): x is { id: string; v: Q } => x.v !== null)
    .sort((a, b) => (order === 'desc' ? b.v.compare(a.v) : a.v.compare(b.v)));
  const places = new Map<string, RankPlace>();
  const leader = ranked[0]?.v;
  if (!leader) return places;
  let rank = 0;
  let prev: Q | undefined;
  ranked.forEach((x, i) => {
    // Ties shared: equal values keep the rank of the first of them (1, 1, 3).
    if (prev === undefined || !prev.equals(x.v)) rank = i + 1;
    prev = x.v;
    if (!places.has(x.id)) places.set(x.id, { rank, leader, count: ranked.length });
  });
  return places;
}

export function buildPeerStats(rs: PeerSource, units: readonly UnitInput[]): PeerPass {
  const issues: Issue[] = [];
  const stats = new Map<string, Record<PeerStat, Q>>();
  const inputs: Record<string, PeerInputSummary> = {};
  for (const id of rs.peerInputs) {
    const s = inputStats(rs, id, units, issues);
    if (!s) continue;
    stats.set(id, s);
    inputs[id] = {
      count: s.count,
      mean: exactText(s.mean),
      max: exactText(s.max),
      min: exactText(s.min),
    };
  }
  const ranks = new Map<string, Map<string, RankPlace>>();
  for (const rule of rs.rankRules) ranks.set(rule.path, rankPlaces(rule.order, rule.value, units));
  return {
    stats: {
      stat: (kind, inputId) => stats.get(inputId)?.[kind],
      rank: (path, unitId) => ranks.get(path)?.get(unitId),
    },
    inputs,
    issues,
  };
}
