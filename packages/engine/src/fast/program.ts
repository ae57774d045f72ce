// The items of each section as one flat program: every leaf in order, each container closed
// right after its sub-items. A unit runs it in one loop per section, the containers' sums in
// typed arrays, without recursion; a plain yes/no leaf (the commonest item) is read from the
// frame inline, without a call.
import type { CIndicator } from '../score/compile.ts';
import type { IndicatorResult } from '../model/result.ts';
import { BLANK, NO_CODE, OK, YES_CODE, type Frame } from './frame.ts';
import { NA, type Kernel } from './kernel-base.ts';
import { yesNoShape } from './kernel.ts';

/** A section's item as the lean scorer compiled it: a kernel, a container of such, or neither. */
export interface LeanItem {
  item: CIndicator;
  kernel: Kernel | undefined;
  points: number;
  /** A pure container whose sub-items all run on kernels: their sum, capped. */
  children: LeanItem[] | undefined;
  min: number;
}

const KERNEL = 0;
const YESNO = 1;
const EXACT = 2;
const CLOSE = 3;

/** What the program needs from its scorer, per unit. */
export interface ProgramHost {
  frame: Frame;
  /** Cleared when an item cannot be scored for a missing input. */
  complete: boolean;
  /** Items scored on the kernels (the host counts the exact ones as it scores them). */
  fast: number;
  /** The exact evaluator's result for an item (scores in 10^-dp points); `missing`: the item or
   *  one of its sub-items lacks an input (a parent's own status may say gated instead). */
  exact(item: CIndicator): {
    score: number | null;
    max: number;
    status: IndicatorResult['status'];
    missing: boolean;
  };
}

export interface Program {
  /** Runs group g (a section, or the bonus items after the sections); returns its sum and
   *  leaves the sum of its items' maxima in `max`. */
  run(g: number): number;
  max: number;
}

export function compileProgram(
  groups: readonly (readonly LeanItem[])[],
  host: ProgramHost,
): Program {
  const kinds: number[] = [];
  const parents: number[] = [];
  const boxes: number[] = [];
  const points: number[] = [];
  const mins: number[] = [];
  const items: LeanItem[] = [];
  const slots: number[] = [];
  const onYes: number[] = [];
  const onNo: number[] = [];
  const ownEvidence: number[] = [];
  const starts: number[] = [];
  const boxStarts: number[] = [];
  let boxCount = 0;
  const emit = (li: LeanItem, parent: number): void => {
    if (li.children) {
      const box = boxCount++;
      for (const child of li.children) emit(child, box);
      push(li, CLOSE, parent, box);
      return;
    }
    const shape = li.kernel ? yesNoShape.get(li.kernel) : undefined;
    push(li, shape ? YESNO : li.kernel ? KERNEL : EXACT, parent, -1);
    if (shape) {
      slots[slots.length - 1] = shape.k;
      onYes[onYes.length - 1] = shape.onYes;
      onNo[onNo.length - 1] = shape.onNo;
      ownEvidence[ownEvidence.length - 1] = shape.ownEvidence ? 1 : 0;
    }
  };
  const push = (li: LeanItem, kind: number, parent: number, box: number): void => {
    kinds.push(kind);
    parents.push(parent);
    boxes.push(box);
    points.push(li.points);
    mins.push(li.min);
    items.push(li);
    slots.push(-1);
    onYes.push(0);
    onNo.push(0);
    ownEvidence.push(0);
  };
  for (const group of groups) {
    starts.push(kinds.length);
    boxStarts.push(boxCount);
    for (const li of group) emit(li, -1);
  }
  starts.push(kinds.length);
  boxStarts.push(boxCount);

  const kind = Uint8Array.from(kinds);
  const parent = Int32Array.from(parents);
  const box = Int32Array.from(boxes);
  const pts = Float64Array.from(points);
  const min = Float64Array.from(mins);
  const slot = Int32Array.from(slots);
  const yes = Float64Array.from(onYes);
  const no = Float64Array.from(onNo);
  const own = Uint8Array.from(ownEvidence);
  const start = Int32Array.from(starts);
  const boxStart = Int32Array.from(boxStarts);
  const accSum = new Float64Array(boxCount);
  const accMax = new Float64Array(boxCount);
  const accApplies = new Uint8Array(boxCount);
  const f = host.frame;

  const program: Program = {
    max: 0,
    run(g) {
      let sum = 0;
      let max = 0;
      let fast = 0;
      // The containers' sums start at zero for each run.
      for (let b = boxStart[g] as number; b < (boxStart[g + 1] as number); b++) {
        accSum[b] = 0;
        accMax[b] = 0;
        accApplies[b] = 0;
      }
      const end = start[g + 1] as number;
      for (let j = start[g] as number; j < end; j++) {
        const k = kind[j] as number;
        // Each step gives its score v, its maximum m (0 when it does not apply) and whether it applies.
        let v = 0;
        let m = pts[j] as number;
        let applies = true;
        let exact = false;
        if (k === YESNO) {
          const s = slot[j] as number;
          const st = f.s[s];
          if (st === OK) {
            const code = f.m[s];
            if (code === YES_CODE)
              v = own[j] === 1 && (yes[j] as number) > 0 && f.x[s] === 0 ? 0 : (yes[j] as number);
            else if (code === NO_CODE) v = no[j] as number;
            else exact = true;
          } else if (st === BLANK) host.complete = false;
          else exact = true;
        } else if (k === KERNEL) {
          const fast = (items[j] as LeanItem).kernel?.(f);
          if (fast === undefined) exact = true;
          else if (fast === NA) {
            m = 0;
            applies = false;
          } else if (fast === null) host.complete = false;
          else v = fast;
        } else if (k === CLOSE) {
          const b = box[j] as number;
          if (accApplies[b] === 1) {
            m = Math.min(m, accMax[b] as number);
            // The floor first, then the cap, as exact.clamp: a maximum shrunk below the floor wins.
            v = Math.min(m, Math.max(min[j] as number, accSum[b] as number));
          } else {
            m = 0;
            applies = false;
          }
        } else exact = true;
        if (!exact) {
          if (k !== CLOSE) fast++;
        } else {
          const r = host.exact((items[j] as LeanItem).item);
          if (r.missing) host.complete = false;
          applies = r.status !== 'not-applicable';
          m = applies ? r.max : 0;
          v = r.score ?? 0;
        }
        const p = parent[j] as number;
        if (p < 0) {
          sum += v;
          max += m;
        } else {
          accSum[p] = (accSum[p] as number) + v;
          accMax[p] = (accMax[p] as number) + m;
          if (applies) accApplies[p] = 1;
        }
      }
      program.max = max;
      host.fast += fast;
      return sum;
    },
  };
  return program;
}
