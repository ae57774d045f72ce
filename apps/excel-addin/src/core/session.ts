// The user's actions, as plain async functions over a port and a kernel. Each action reads once,
// then (if it writes) re-checks the header and writes once: three round trips at most.
import type {
  CombinePlan,
  ImportNaming,
  Kernel,
  Outcome,
  Problem,
  ReviewOptions,
  ReviewPlan,
  RollupPlanView,
  ScoringPlan,
  SheetState,
  SummaryPlan,
  TrustStore,
} from './kernel.types.ts';
import type { SheetGrid, WorkbookPort, WriteOutcome } from './workbook-port.ts';

type Applied<T> =
  | { ok: true; plan: T; written: Extract<WriteOutcome, { ok: true }>; sheet: SheetState }
  | { ok: false; problems: Problem[] }
  | { ok: false; headerChanged: string; problems: [] };

export interface Session {
  inspect(): Promise<SheetState>;
  /** `draft`: score rules that fail verification as a draft (the CLI's `--unsigned`). */
  selfAssess(options?: { draft?: boolean }): Promise<Applied<ScoringPlan>>;
  /** Brings units' workbooks in, their sheets named after the unit. */
  importWorkbooks(files: readonly ArrayBuffer[]): Promise<ImportNaming['files']>;
  /** `assessedOn`: a certification's assessment date (YYYY-MM-DD). */
  review(options?: ReviewOptions): Promise<Applied<ReviewPlan>>;
  summarise(options?: ReviewOptions): Promise<Applied<SummaryPlan>>;
  /** 汇总 of parts: the composite written as sheets of this workbook (kaohe_results very hidden). */
  combine(
    declaration: { name: string; text: string },
    summaries: readonly { name: string; grids: SheetGrid[] }[],
  ): Promise<Applied<CombinePlan>>;
  /** 汇总下级: the children's figures into the open (parent's) workbook's data sheet. */
  rollup(
    children: readonly { name: string; grids: SheetGrid[] }[],
    roster: { name: string; grids: SheetGrid[] },
  ): Promise<Applied<RollupPlanView>>;
  select(problem: Pick<Problem, 'sheet' | 'address'>): Promise<void>;
}

/** Sheets (re)made by a summary or a composite, each shown as the codec lays it out. */
function replaced(
  plan: { sheets: string[]; printable: readonly { name: string; state?: SheetGrid['state'] }[] },
  sheetNames: readonly string[],
) {
  return plan.sheets.map((name) => {
    const state = plan.printable.find((l) => l.name === name)?.state;
    return {
      name,
      exists: sheetNames.includes(name),
      ...(state && state !== 'visible' ? { state } : {}),
    };
  });
}

/** Bytes as base64, in chunks (a workbook of megabytes would overflow one spread call). */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function apply<T extends { writes: ScoringPlan['writes'] }>(
  port: WorkbookPort,
  planned: Outcome<T>,
  extra: (plan: T) => Omit<Parameters<WorkbookPort['write']>[0], 'writes'>,
  after: (plan: T) => SheetState,
): Promise<Applied<T>> {
  if (!planned.ok) return planned;
  const written = await port.write({ ...extra(planned.value), writes: planned.value.writes });
  if (!written.ok) return { ok: false, headerChanged: written.address, problems: [] };
  // The state after writing is known without reading again (a read would be a fourth round trip).
  return { ok: true, plan: planned.value, written, sheet: after(planned.value) };
}

/** `trust`: the trust list as it is now (the pane's, kept in the browser); none: nothing trusted. */
export function createSession(
  port: WorkbookPort,
  kernel: Kernel,
  trust: () => TrustStore = () => ({ keys: [], revoked: [] }),
): Session {
  const read = () => port.read(kernel.namedSheets);
  return {
    async inspect() {
      return kernel.inspect(await read(), trust());
    },
    async selfAssess(options = {}) {
      const snapshot = await read();
      const store = trust();
      const planned = kernel.selfAssess(snapshot, { trust: store, draft: options.draft === true });
      const before = kernel.inspect(snapshot, store);
      return apply(
        port,
        planned,
        (plan) => ({ guard: plan.guard }),
        () => (before.kind === 'assessment' ? { ...before, status: 'scored' } : before),
      );
    },
    async importWorkbooks(files) {
      const inserted: string[][] = [];
      for (const file of files) inserted.push(await port.insertWorksheets(toBase64(file)));
      // Then, whatever the number of files: read (names, reviewer's rules), read the new sheets,
      // rename them after their units.
      const snapshot = await read();
      const grids = await port.readSheets(inserted.flat());
      const naming = kernel.importNames(snapshot, inserted, grids);
      if (naming.renames.length > 0) await port.renameSheets(naming.renames);
      return naming.files;
    },
    async review(options = {}) {
      // The unit sheets come from the snapshot's names, all read in one readSheets call.
      const snapshot = await read();
      const grids = await port.readSheets(kernel.cohortSheets(snapshot));
      const planned = kernel.review(snapshot, grids, trust(), options);
      return apply(
        port,
        planned,
        () => ({}),
        () => kernel.inspect(snapshot, trust()),
      );
    },
    async summarise(options = {}) {
      const snapshot = await read();
      const units = await port.readSheets(kernel.cohortSheets(snapshot));
      const planned = kernel.summarise(snapshot, units, trust(), options);
      return apply(
        port,
        planned,
        (plan) => ({
          replaceSheets: replaced(plan, snapshot.sheetNames),
          ...(plan.chart ? { chart: plan.chart } : {}),
          layouts: plan.layouts,
          activate: plan.sheet,
        }),
        (plan) => {
          const before = kernel.inspect(snapshot, trust());
          const known = before.kind === 'assessment' || before.kind === 'summary';
          return {
            kind: 'summary',
            sheet: plan.sheet,
            ruleSet: known ? before.ruleSet : null,
            edition: known ? before.edition : null,
          };
        },
      );
    },
    async combine(declaration, summaries) {
      // One read for the names (which sheets are there to replace), then the write.
      const snapshot = await read();
      const before = kernel.inspect(snapshot, trust());
      return apply(
        port,
        kernel.combine(declaration, summaries),
        (plan) => ({
          replaceSheets: replaced(plan, snapshot.sheetNames),
          layouts: plan.layouts,
          activate: plan.sheet,
        }),
        (plan) => ({
          kind: 'summary',
          sheet: plan.sheet,
          ruleSet:
            before.kind === 'assessment' || before.kind === 'summary' ? before.ruleSet : null,
          edition:
            before.kind === 'assessment' || before.kind === 'summary' ? before.edition : null,
        }),
      );
    },
    async rollup(children, roster) {
      const snapshot = await read();
      return apply(
        port,
        kernel.rollup(snapshot, children, roster, trust()),
        () => ({}),
        () => kernel.inspect(snapshot, trust()),
      );
    },
    async select(problem) {
      if (problem.address) await port.select(problem.sheet, problem.address);
    },
  };
}
