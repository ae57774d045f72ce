// GoRules zen-engine (Rust, through its Node binding) with BENCH-30 as a JSON decision graph:
// an expression node for the 26 figured items and the bonus, a decision table per yes/no item
// and one for the vetoes, and an expression node adding up the total. Each formula is written
// as the specification states it (cut = (p − d) ÷ p, then 3 × cut ÷ 0.2): zen's decimals carry
// 28 digits and divide where the formula divides, which is what this engine is measured on.
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import {
  B,
  BAND_HIGH,
  BAND_LOW,
  BAND_POINTS,
  BONUS_CAP,
  BONUS_X1,
  BONUS_X2,
  BUD,
  C,
  CEILING_LIMITS,
  CEILING_POINTS,
  CEILING_STEP,
  D,
  E,
  P,
  PER_HEAD_POINTS,
  PER_HEAD_TARGET,
  POP,
  R,
  RATE_POINTS,
  RATE_STEP_POINTS,
  RATE_TARGETS,
  REDUCTION_POINTS,
  REDUCTION_REQUIRED,
  VETO_BAND,
  Y,
  YESNO_POINTS,
  YESNO_WITHOUT_EVIDENCE,
  type Bench30Unit,
  type EngineOutput,
} from '../spec.ts';

/** Units evaluated at once (the binding's evaluations overlap; one process, one core). */
const IN_FLIGHT = 64;

const expression = (key: string, value: string) => ({ id: `x_${key}`, key, value });

function decisionGraph(): object {
  const items = [
    ...R.map((id, k) => {
      const t = RATE_TARGETS[k] as string;
      return expression(
        `s_${id}`,
        `${id} >= ${t} ? ${RATE_POINTS} : round(max([0, ${RATE_POINTS} - ceil((${t} - ${id}) * 100) * ${RATE_STEP_POINTS}]), 2)`,
      );
    }),
    ...C.map((id, k) => {
      const l = CEILING_LIMITS[k] as string;
      return expression(
        `s_${id}`,
        `${id} <= ${l} ? ${CEILING_POINTS} : round(max([0, ${CEILING_POINTS} - ceil((${id} - ${l}) / ${CEILING_STEP})]), 2)`,
      );
    }),
    ...B.map((id) =>
      expression(
        `s_${id}`,
        `${id} >= ${BAND_LOW} and ${id} <= ${BAND_HIGH} ? ${BAND_POINTS} : round(max([0, ${BAND_POINTS} - ceil(${id} < ${BAND_LOW} ? ${BAND_LOW} - ${id} : ${id} - ${BAND_HIGH})]), 2)`,
      ),
    ),
    ...D.map((id, k) => {
      const cut = `(${P[k]} - ${id}) / ${P[k]}`;
      return expression(
        `s_${id}`,
        `${cut} >= ${REDUCTION_REQUIRED} ? ${REDUCTION_POINTS} : round(${REDUCTION_POINTS} * max([0, ${cut}]) / ${REDUCTION_REQUIRED}, 2)`,
      );
    }),
    ...BUD.map((id, k) => {
      const perHead = `${id} / ${POP[k]}`;
      return expression(
        `s_${id}`,
        `${perHead} >= ${PER_HEAD_TARGET} ? ${PER_HEAD_POINTS} : round(${PER_HEAD_POINTS} * (${perHead}) / ${PER_HEAD_TARGET}, 2)`,
      );
    }),
    expression('bonus', `min([${BONUS_CAP}, (x1 ? ${BONUS_X1} : 0) + (x2 ? ${BONUS_X2} : 0)])`),
  ];
  const yesNoTables = Y.map((id, k) => ({
    id: `t_${id}`,
    type: 'decisionTableNode',
    name: `yes/no ${id}`,
    position: { x: 0, y: 0 },
    content: {
      hitPolicy: 'first',
      inputs: [
        { id: 'in_y', name: 'yes', field: id },
        { id: 'in_e', name: 'evidence', field: E[k] },
      ],
      outputs: [{ id: 'out', name: 'score', field: `s_${id}` }],
      rules: [
        { _id: 'yes_evidence', in_y: 'true', in_e: 'true', out: YESNO_POINTS },
        { _id: 'yes', in_y: 'true', in_e: '', out: YESNO_WITHOUT_EVIDENCE },
        { _id: 'no', in_y: '', in_e: '', out: '0' },
      ],
    },
  }));
  const vetoTable = {
    id: 'vetoes',
    type: 'decisionTableNode',
    name: 'vetoes',
    position: { x: 0, y: 0 },
    content: {
      hitPolicy: 'first',
      inputs: [
        { id: 'in_b', name: 'b1', field: 'b1' },
        { id: 'in_i', name: 'ineffective', field: 'ineffective' },
        { id: 'in_p', name: 'petition', field: 'petition' },
      ],
      outputs: [{ id: 'out', name: 'vetoed', field: 'vetoed' }],
      rules: [
        { _id: 'srb', in_b: `> ${VETO_BAND}`, in_i: 'true', in_p: '', out: 'true' },
        { _id: 'petition', in_b: '', in_i: '', in_p: 'true', out: 'true' },
        { _id: 'none', in_b: '', in_i: '', in_p: '', out: 'false' },
      ],
    },
  };
  const scoreKeys = [...R, ...C, ...B, ...D, ...BUD, ...Y].map((id) => `s_${id}`);
  const node = (id: string, type: string, extra: object = {}) => ({
    id,
    type,
    name: id,
    position: { x: 0, y: 0 },
    ...extra,
  });
  const nodes = [
    node('request', 'inputNode'),
    node('items', 'expressionNode', { content: { expressions: items } }),
    ...yesNoTables,
    vetoTable,
    node('total', 'expressionNode', {
      content: {
        expressions: [
          expression('total', [...scoreKeys, 'bonus'].join(' + ')),
          expression('vetoed', 'vetoed'),
        ],
      },
    }),
    node('response', 'outputNode'),
  ];
  const middle = ['items', ...yesNoTables.map((t) => t.id), 'vetoes'];
  const edges = [
    ...middle.map((id) => ({ id: `e_in_${id}`, type: 'edge', sourceId: 'request', targetId: id })),
    ...middle.map((id) => ({ id: `e_${id}_total`, type: 'edge', sourceId: id, targetId: 'total' })),
    { id: 'e_total_out', type: 'edge', sourceId: 'total', targetId: 'response' },
  ];
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

/** Figures as JSON numbers: the binding reads 0.9123 as the decimal 0.9123 (its shortest spelling). */
function context(v: Bench30Unit['values']): Record<string, number | boolean> {
  const c: Record<string, number | boolean> = {};
  for (const key in v) {
    const x = v[key] as string | boolean;
    c[key] = typeof x === 'boolean' ? x : Number(x);
  }
  return c;
}

export function zenDecision(): ZenDecision {
  return new ZenEngine().createDecision(decisionGraph());
}

export async function scoreZen(
  decision: ZenDecision,
  units: readonly Bench30Unit[],
): Promise<EngineOutput> {
  const n = units.length;
  const totals = new Array<string>(n);
  const vetoed = new Array<boolean>(n);
  for (let start = 0; start < n; start += IN_FLIGHT) {
    const end = Math.min(n, start + IN_FLIGHT);
    const batch: Promise<void>[] = [];
    for (let i = start; i < end; i++)
      batch.push(
        decision.evaluate(context((units[i] as Bench30Unit).values)).then((r) => {
          const out = r.result as { total: unknown; vetoed: unknown };
          if (typeof out.total !== 'number' || typeof out.vetoed !== 'boolean')
            throw new Error(`zen-engine gave no total or veto: ${JSON.stringify(out)}`);
          totals[i] = String(out.total);
          vetoed[i] = out.vetoed;
        }),
      );
    await Promise.all(batch);
  }
  return { totals, vetoed };
}
