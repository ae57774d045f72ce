// The pane's state machine: which session, which sheet, busy or not, and the one place where
// an error becomes something the user sees (the ErrorBar), never a console line.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AddinError, describeError } from '../core/errors.ts';
import { localDate, type SheetLayout } from '@kaohe/sheet';
import type {
  Kernel,
  KeyInfo,
  RevokedInfo,
  KeyOutcome,
  Msg,
  SheetState,
  TrustRead,
} from '../core/kernel.types.ts';
import { createSession, toBase64, type Session } from '../core/session.ts';
import { parseCell } from '../core/a1.ts';
import type { Cell, SheetGrid, WorkbookPort } from '../core/workbook-port.ts';
import { createMemoryPort, type MemoryPort } from '../standalone/memory-port.ts';
import type { Boot } from './boot.types.ts';
import { rowContext } from './row-context.ts';

export interface PaneError {
  code: string;
  detail: string;
}

/**
 * The cell a problem pointed at, shown beside that problem. In Excel the grid shows it (value
 * null, row ""); browser mode has no grid, so the pane shows its value and row.
 */
interface SelectedCell {
  sheet: string;
  address: string;
  value: Cell;
  /** The row's first non-empty text cells (item code and title), for context. */
  row: string;
  inExcel: boolean;
}

/** Browser mode: what the downloads would save that is not saved yet. */
interface Unsaved {
  /** Scores written into the opened file's own sheets since its last download. */
  file: boolean;
  /** A review or summary made since the summary workbook was last downloaded. */
  summary: boolean;
}

/** What is wrong with the stored trust list, if anything (said in the pane, never hidden). */
type TrustIssue =
  { kind: 'unavailable'; detail: string } | { kind: 'malformed'; message: Msg } | null;

export interface PaneController {
  mode: Boot['mode'];
  session: Session | null;
  sheet: SheetState | null;
  busy: boolean;
  error: PaneError | null;
  fileName: string | null;
  setError: (error: PaneError | null) => void;
  setSheet: (sheet: SheetState) => void;
  run: <T>(action: (session: Session) => Promise<T>) => Promise<T | undefined>;
  refresh: () => Promise<void>;
  openFile: (file: File) => Promise<void>;
  download: () => Promise<void>;
  /** Browser mode: there are scores in the file's own sheets to download. */
  canDownload: boolean;
  /** The summary last made (the codec's sheets), for the printable summary workbook. */
  summary: readonly SheetLayout[] | null;
  setSummary: (sheets: readonly SheetLayout[]) => void;
  downloadSummary: () => Promise<void>;
  unsaved: Unsaved;
  selectCell: (target: { sheet: string; address: string | null }) => Promise<void>;
  selected: SelectedCell | null;
  /** The keys this browser trusts (null until the kernel is loaded). */
  trust: TrustRead | null;
  trustIssue: TrustIssue;
  /** A pasted public key line, read for confirmation; nothing is kept. */
  previewKey: (line: string) => KeyOutcome<KeyInfo> | null;
  /** Keeps the key in the browser and checks the sheet again. */
  importKey: (line: string) => Promise<KeyOutcome<{ key: KeyInfo; already: boolean }> | undefined>;
  removeKey: (keyId: string) => Promise<void>;
  /** A key id or fingerprint as a later notice prints it, read for confirmation; nothing kept. */
  previewRevoke: (typed: string) => KeyOutcome<RevokedInfo> | null;
  /** Records the revocation (with the notice's reason) in the browser and checks the sheet again. */
  revokeKey: (typed: string, reason: string) => Promise<KeyOutcome<RevokedInfo> | undefined>;
  /** A certification's assessment date (YYYY-MM-DD): today's on this computer unless changed. */
  assessedOn: string;
  setAssessedOn: (date: string) => void;
  /** Files the user chose (summaries of parts), decoded into grids as the ports read sheets. */
  decodeFiles: (files: readonly File[]) => Promise<{ name: string; grids: SheetGrid[] }[]>;
}

export function usePaneController(boot: Boot): PaneController {
  const [session, setSession] = useState<Session | null>(null);
  const [sheet, setSheet] = useState<SheetState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneError | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const file = useRef<{ bytes: ArrayBuffer; port: MemoryPort } | null>(null);
  const [summary, setSummary] = useState<readonly SheetLayout[] | null>(null);
  const [assessedOn, setAssessedOn] = useState(() => localDate(new Date()));
  const kernelRef = useRef<Kernel | null>(null);
  const [trust, setTrustState] = useState<TrustRead | null>(null);
  const [trustIssue, setTrustIssue] = useState<TrustIssue>(null);
  // The session asks for the trust list at each action: the one imported last.
  const trustRef = useRef<TrustRead | null>(null);
  const setTrust = useCallback((next: TrustRead) => {
    trustRef.current = next;
    setTrustState(next);
  }, []);
  // Journal requests (by kind) written so far, and how many of them a download covered.
  const [journal, setJournal] = useState({ file: 0, other: 0 });
  const [saved, setSaved] = useState({ file: 0, other: 0 });
  const unsaved: Unsaved = {
    file: journal.file > saved.file,
    summary: journal.other > saved.other,
  };
  const anyUnsaved = unsaved.file || unsaved.summary;

  const countJournal = useCallback(() => {
    const open = file.current;
    if (!open) return;
    const own = new Set(open.port.workbook.sheets.filter((x) => x.fromFile).map((x) => x.name));
    let ownWrites = 0;
    for (const request of open.port.journal)
      if (request.writes.some((w) => own.has(w.sheet))) ownWrites += 1;
    setJournal({ file: ownWrites, other: open.port.journal.length - ownWrites });
  }, []);

  // Leaving the page loses what was not downloaded: the browser asks first.
  useEffect(() => {
    if (!anyUnsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyUnsaved]);

  const guarded = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (caught) {
      setError(describeError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const start = useCallback(
    async (port: WorkbookPort) => {
      const kernel = await boot.loadKernel().catch((cause: unknown) => {
        throw new AddinError('kernel-unavailable', describeError(cause).detail, { cause });
      });
      kernelRef.current = kernel;
      if (!trustRef.current) {
        const stored = boot.trust.load();
        const read = kernel.trust.read(stored.ok ? stored.text : null);
        setTrust(read);
        setTrustIssue(
          !stored.ok
            ? { kind: 'unavailable', detail: stored.detail }
            : read.problem
              ? { kind: 'malformed', message: read.problem }
              : null,
        );
      }
      const next = createSession(
        port,
        kernel,
        () => trustRef.current?.store ?? { keys: [], revoked: [] },
      );
      setSession(next);
      setSheet(await next.inspect());
    },
    [boot, setTrust],
  );

  /** Keeps a new trust list text, then reads the sheet again against it. */
  const keepTrust = useCallback(
    async (text: string) => {
      const kernel = kernelRef.current;
      if (!kernel) throw new AddinError('no-workbook', '');
      try {
        boot.trust.save(text);
      } catch (cause) {
        throw new AddinError('trust-not-saved', describeError(cause).detail, { cause });
      }
      setTrust(kernel.trust.read(text));
      setTrustIssue(null);
      if (session) setSheet(await session.inspect());
    },
    [boot, session, setTrust],
  );

  useEffect(() => {
    if (boot.port) void guarded(() => start(boot.port!));
  }, [boot, guarded, start]);

  return {
    mode: boot.mode,
    session,
    sheet,
    busy,
    error,
    fileName,
    setError,
    setSheet,
    run: (action) =>
      guarded(async () => {
        if (!session) throw new AddinError('no-workbook', '');
        try {
          return await action(session);
        } finally {
          countJournal();
        }
      }),
    refresh: async () => {
      await guarded(async () => {
        if (session) setSheet(await session.inspect());
      });
    },
    openFile: async (picked) => {
      await guarded(async () => {
        const bytes = await picked.arrayBuffer();
        const files = await boot.loadFiles();
        const workbook = await files.open(bytes).catch((cause: unknown) => {
          throw new AddinError(
            'file-unreadable',
            `${picked.name}: ${describeError(cause).detail}`,
            { cause },
          );
        });
        const port = createMemoryPort(workbook, files.decodeSheets);
        file.current = { bytes, port };
        setFileName(picked.name);
        setSummary(null);
        setSelected(null);
        setJournal({ file: 0, other: 0 });
        setSaved({ file: 0, other: 0 });
        await start(port);
      });
    },
    selected,
    selectCell: async (target) => {
      await guarded(async () => {
        if (!session || !target.address) return;
        await session.select(target);
        const book = file.current?.port.workbook;
        const sheet = book?.sheets.find((s) => s.name === target.sheet);
        if (!sheet) {
          setSelected({
            sheet: target.sheet,
            address: target.address,
            value: null,
            row: '',
            inExcel: true,
          });
          return;
        }
        const { row, col } = parseCell(target.address);
        const cells = sheet.values[row] ?? [];
        const context = rowContext(cells);
        setSelected({
          sheet: target.sheet,
          address: target.address,
          value: cells[col] ?? null,
          row: String(context),
          inExcel: false,
        });
      });
    },
    download: async () => {
      await guarded(async () => {
        const open = file.current;
        if (!open || !fileName) throw new AddinError('nothing-to-download', '');
        const files = await boot.loadFiles();
        const bytes = await files.save(open.bytes, open.port.workbook, open.port.journal);
        offer(bytes, fileName.replace(/(\.xlsx)?$/i, '.scored.xlsx'));
        setSaved((was) => ({ ...was, file: journal.file }));
      });
    },
    canDownload: journal.file > 0,
    summary,
    setSummary,
    downloadSummary: async () => {
      await guarded(async () => {
        if (!summary || !fileName) throw new AddinError('nothing-to-download', '');
        const files = await boot.loadFiles();
        const bytes = await files.summaryWorkbook(summary);
        offer(bytes, fileName.replace(/(\.xlsx)?$/i, '-汇总.xlsx'));
        setSaved((was) => ({ ...was, other: journal.other }));
      });
    },
    unsaved,
    assessedOn,
    setAssessedOn,
    decodeFiles: async (picked) => {
      const files = await boot.loadFiles();
      const out: { name: string; grids: SheetGrid[] }[] = [];
      for (const f of picked) {
        const sheets = await files
          .decodeSheets(toBase64(await f.arrayBuffer()))
          .catch((cause: unknown) => {
            throw new AddinError('file-unreadable', `${f.name}: ${describeError(cause).detail}`, {
              cause,
            });
          });
        out.push({
          name: f.name,
          grids: sheets.map((s) => ({
            name: s.name,
            top: 0,
            left: 0,
            values: s.values,
            numberFormats: s.numberFormats,
            state: s.state,
          })),
        });
      }
      return out;
    },
    trust,
    trustIssue,
    previewKey: (line) => kernelRef.current?.trust.preview(line) ?? null,
    importKey: (line) =>
      guarded(async () => {
        const kernel = kernelRef.current;
        if (!kernel) throw new AddinError('no-workbook', '');
        const added = kernel.trust.add(
          trustRef.current?.file ?? kernel.trust.read(null).file,
          line,
        );
        if (!added.ok) return added;
        if (!added.value.already) await keepTrust(added.value.text);
        return { ok: true, value: { key: added.value.key, already: added.value.already } };
      }),
    previewRevoke: (typed) => {
      const kernel = kernelRef.current;
      if (!kernel) return null;
      const done = kernel.trust.revoke(
        trustRef.current?.file ?? kernel.trust.read(null).file,
        typed,
      );
      return done.ok ? { ok: true, value: done.value.revoked } : done;
    },
    revokeKey: (typed, reason) =>
      guarded(async () => {
        const kernel = kernelRef.current;
        if (!kernel) throw new AddinError('no-workbook', '');
        const done = kernel.trust.revoke(
          trustRef.current?.file ?? kernel.trust.read(null).file,
          typed,
          reason,
        );
        if (!done.ok) return done;
        await keepTrust(done.value.text);
        return { ok: true, value: done.value.revoked };
      }),
    removeKey: async (keyId) => {
      await guarded(async () => {
        const kernel = kernelRef.current;
        const file = trustRef.current?.file;
        if (!kernel || !file) throw new AddinError('no-workbook', '');
        await keepTrust(kernel.trust.remove(file, keyId));
      });
    },
  };
}

/** Hands bytes to the browser as a download. */
function offer(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
