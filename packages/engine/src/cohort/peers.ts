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
import { idsHash } from './unit-issues.ts';

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
  /** The units read, and a hash of their ids in order (`idsHash`): a second pass over the
   *  same cohort must find the same. */
  units: number;
  ids: number;
}

type PeerSource = Pick<CompiledRuleSet, 'inputs' | 'peerInputs' | 'rankRules'> &
  Partial<Pick<CompiledRuleSet, 'derived'>>;

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

/** One peer input's running statistics over the units read so far. */
interface Running {
  id: string;
  /** A unit's value of it: a figure, undefined for a blank (not counted), null when it cannot
   *  be read (left out with a warning). */
  read: (unit: UnitInput) => Q | undefined | null;
  count: number;
  total: Q | undefined;
  hi: Q | undefined;
  lo: Q | undefined;
  issues: Issue[];
}

/** How a unit's value of a peer input is read: a derived value worked out under the unit's
 *  figures (a division by zero, a figure refused: unreadable), or the input's figure decoded. */
function peerReader(rs: PeerSource, id: string): Running['read'] | undefined {
  if (rs.derived?.has(id)) {
    const derived = rs.derived;
    return (unit) => {
      const env = createEnv(rs.inputs, unit, {}, derived);
      let v: ExprValue | MissingValue | undefined;
      let unreadable = false;
      try {
        v = env.ident(id);
      } catch (e) {
        if (e instanceof ExprEvalError) unreadable = true;
        else throw e;
      }
      if (v !== undefined && !(v instanceof MissingValue) && typeof v === 'object') return v;
      return unreadable || env.issues.length > 0 ? null : undefined;
    };
  }
  const def = rs.inputs.get(id);
  if (!def) return undefined;
  return (unit) => {
    const { value, problem } = decodeValue(def, unit.values[id]);
    if (value !== undefined && typeof value === 'object') return value;
    return problem !== undefined || value !== undefined ? null : undefined;
  };
}

function addValue(s: Running, unit: UnitInput): void {
  const v = s.read(unit);
  if (v === null) {
    s.issues.push(unreadableWarning(unit, s.id));
    return;
  }
  if (v === undefined) return;
  s.count++;
  if (s.total === undefined || s.hi === undefined || s.lo === undefined) {
    s.total = s.hi = s.lo = v;
    return;
  }
  s.total = s.total.add(v);
  if (v.compare(s.hi) > 0) s.hi = v;
  if (v.compare(s.lo) < 0) s.lo = v;
}

function rankPlaces(
  order: 'asc' | 'desc',
  values: readonly { id: string; v: Q }[],
): Map<string, RankPlace> {
  const ranked = [...values].sort((a, b) =>
    order === 'desc' ? b.v.compare(a.v) : a.v.compare(b.v),
  );
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

/**
 * Pass 1 of a cohort, in one walk over its units (a streamed cohort is read once here):
 * every peer input's count, mean, max and min, and the values each rank rule ranks.
 */
export function buildPeerStats(rs: PeerSource, units: Iterable<UnitInput>): PeerPass {
  const running: Running[] = [];
  for (const id of rs.peerInputs) {
    const read = peerReader(rs, id);
    if (read)
      running.push({
        id,
        read,
        count: 0,
        total: undefined,
        hi: undefined,
        lo: undefined,
        issues: [],
      });
  }
  const rankValues = rs.rankRules.map(() => [] as { id: string; v: Q }[]);
  let count = 0;
  let ids = 0;
  for (const unit of units) {
    count++;
    ids = idsHash(ids, unit.id);
    for (const s of running) addValue(s, unit);
    for (let r = 0; r < rs.rankRules.length; r++) {
      const v = (rs.rankRules[r] as PeerSource['rankRules'][number]).value(unit);
      if (v !== null) (rankValues[r] as { id: string; v: Q }[]).push({ id: unit.id, v });
    }
  }
  const issues: Issue[] = [];
  const stats = new Map<string, Record<PeerStat, Q>>();
  const inputs: Record<string, PeerInputSummary> = {};
  for (const s of running) {
    issues.push(...s.issues);
    if (s.total === undefined || s.hi === undefined || s.lo === undefined) continue;
    const mean = s.total.div(s.count);
    stats.set(s.id, { mean, max: s.hi, min: s.lo });
    inputs[s.id] = {
      count: s.count,
      mean: exactText(mean),
      max: exactText(s.hi),
      min: exactText(s.lo),
    };
  }
  const ranks = new Map<string, Map<string, RankPlace>>();
  rs.rankRules.forEach((rule, r) =>
    ranks.set(rule.path, rankPlaces(rule.order, rankValues[r] as { id: string; v: Q }[])),
  );
  return {
    stats: {
      stat: (kind, inputId) => stats.get(inputId)?.[kind],
      rank: (path, unitId) => ranks.get(path)?.get(unitId),
    },
    inputs,
    issues,
    units: count,
    ids,
  };
}
