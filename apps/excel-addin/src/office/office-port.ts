// WorkbookPort over Office.js. Every round trip goes through the SyncMeter: read = 1 sync (the
// sheets, their visibility and their protection), write = 2 with a header guard (re-check the
// header, then write), 1 without, more only when the data passes ~5 MB or a written sheet's
// protection was not read.
import { colLetters } from '@kaohe/sheet';
import { rangeOf, rangeStart } from '../core/a1.ts';
import { chunkWrites, MAX_REQUEST_BYTES } from '../core/chunk.ts';
import { AddinError } from '../core/errors.ts';
import type {
  Cell,
  RangeWrite,
  SheetGrid,
  WorkbookPort,
  WorkbookSnapshot,
  WriteRequest,
} from '../core/workbook-port.ts';
import { gridOf, RANGE_PROPS, textCells, type LoadedRange } from './cells.ts';
import { createSyncMeter, type SyncMeter } from './sync-meter.ts';

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  run?: ExcelRun;
  meter?: SyncMeter;
  maxRequestBytes?: number;
}

function targetRange(sheet: Excel.Worksheet, write: RangeWrite): Excel.Range {
  const rows = write.values.length;
  const cols = Math.max(...write.values.map((row) => row.length), 1);
  return sheet.getRange(rangeOf(rangeStart(write.address), rows, cols));
}

/**
 * The codec's fills (ARGB solid, '' none, null untouched) onto a written range: each column's
 * runs of one fill as one range, so a scored sheet costs a few calls, not one per cell.
 */
function setFills(range: Excel.Range, fills: readonly (readonly (string | null)[])[]): void {
  const width = Math.max(...fills.map((row) => row.length), 0);
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < fills.length) {
      const fill = fills[r]?.[c] ?? null;
      let end = r;
      while (end + 1 < fills.length && (fills[end + 1]?.[c] ?? null) === fill) end++;
      if (fill !== null) {
        const run = range.getCell(r, c).getResizedRange(end - r, 0).format.fill;
        // Office.js takes #RRGGBB; the codec's colours are ARGB (opaque).
        if (fill === '') run.clear();
        else run.color = `#${fill.slice(-6)}`;
      }
      r = end + 1;
    }
  }
}

/** Office.js's sheet visibility as the codec names it (nothing when the host did not say). */
function stateOf(visibility: unknown): Pick<SheetGrid, 'state'> {
  if (visibility === 'Visible') return { state: 'visible' };
  if (visibility === 'Hidden') return { state: 'hidden' };
  if (visibility === 'VeryHidden') return { state: 'veryHidden' };
  return {};
}

/** A sheet's protection as read: whether it is protected, and with which options (to protect it
 *  again with its own after a write). */
interface Protection {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

const protectionOf = (p: Excel.WorksheetProtection): Protection => ({
  protected: p.protected,
  options: p.options,
});

/** The active sheet, the named sheets and every name, and the protection of the active sheet
 *  and of each named one (the sheets an action writes into), in one sync. */
async function readBatch(
  context: Excel.RequestContext,
  meter: SyncMeter,
  named: readonly string[],
): Promise<{ snapshot: WorkbookSnapshot; protections: Map<string, Protection> }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  active.protection.load('protected,options');
  const used = active.getUsedRangeOrNullObject();
  used.load(RANGE_PROPS);
  const others = named.map((name) => {
    const sheet = sheets.getItemOrNullObject(name);
    sheet.load('name,visibility');
    sheet.protection.load('protected,options');
    const range = sheet.getUsedRangeOrNullObject();
    range.load(RANGE_PROPS);
    return { name, sheet, range };
  });
  await meter.sync(context);
  const found = others.map(({ name, sheet, range }) =>
    sheet.isNullObject === true
      ? ([name, null] as const)
      : ([
          name,
          { ...gridOf(name, range as unknown as LoadedRange), ...stateOf(sheet.visibility) },
        ] as const),
  );
  const protections = new Map<string, Protection>([
    [active.name, protectionOf(active.protection)],
    ...others
      .filter(({ sheet }) => sheet.isNullObject !== true)
      .map(({ name, sheet }) => [name, protectionOf(sheet.protection)] as const),
  ]);
  return {
    snapshot: {
      active: gridOf(active.name, used),
      sheets: Object.fromEntries(found),
      sheetNames: sheets.items.map((s) => s.name),
    },
    protections,
  };
}

export function createOfficePort(
  options: OfficePortOptions = {},
): WorkbookPort & { meter: SyncMeter } {
  const meter = options.meter ?? createSyncMeter();
  const limit = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const run: ExcelRun = async (batch) => {
    try {
      return await (options.run ?? ((b) => Excel.run(b)))(batch);
    } catch (error) {
      if (error instanceof AddinError) throw error;
      throw new AddinError(
        'office-call-failed',
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
  };

  // The protection of the sheets the last read read (by name): a write into them takes it from
  // here instead of a round trip of its own. Dropped when a write fails or sheets are renamed or
  // inserted; a sheet a write replaces is dropped (it is new, unprotected).
  let known = new Map<string, Protection>();
  const readAll = async (context: Excel.RequestContext, names: readonly string[]) => {
    const { snapshot, protections } = await readBatch(context, meter, names);
    known = protections;
    return snapshot;
  };

  return {
    kind: 'office',
    meter,
    read: async (named) => {
      try {
        return await run((context) => readAll(context, named));
      } catch (error) {
        // Whether a range of a missing sheet (getItemOrNullObject(...).getUsedRangeOrNullObject())
        // is itself a null object or an ItemNotFound error is not documented. On the error, ask
        // for the names first and read only the sheets that exist: one more round trip, and only
        // for a workbook that lacks one of the assessment sheets.
        if (!(error instanceof AddinError) || !/ItemNotFound/i.test(error.detail)) throw error;
        const names = await run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await meter.sync(context);
          return sheets.items.map((s) => s.name);
        });
        const present = named.filter((name) => names.includes(name));
        const snapshot = await run((context) => readAll(context, present));
        for (const name of named) snapshot.sheets[name] ??= null;
        return snapshot;
      }
    },

    readSheets: (names) =>
      run(async (context) => {
        const ranges = names.map((name) => {
          const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject();
          used.load(RANGE_PROPS);
          return used;
        });
        await meter.sync(context);
        return ranges.map((used, i) => gridOf(names[i] ?? '', used as unknown as LoadedRange));
      }),

    write: (request: WriteRequest) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        const guard = request.guard
          ? sheets.getItem(request.guard.sheet).getRange(request.guard.address)
          : null;
        guard?.load('values');
        // Kaohe's templates protect every sheet without a password, and Excel refuses a write to
        // a locked cell of a protected sheet (scores, rolled-up figures). So each written sheet's
        // protection is known — read by the last read(), else read here with the header — and a
        // protected one is unprotected for this write only and protected again with its own
        // options in the same batch. (Protection calls clear Excel's undo history, so this
        // happens once per write, never per cell or per chunk.)
        const touched = [
          ...new Set([
            ...request.writes.map((w) => w.sheet),
            ...(request.layouts ?? []).map((l) => l.sheet),
          ]),
        ].filter((name) => !(request.replaceSheets ?? []).some((r) => r.name === name));
        const unread = touched
          .filter((name) => !known.has(name))
          .map((name) => {
            const protection = sheets.getItem(name).protection;
            protection.load('protected,options');
            return { name, protection };
          });
        if (guard || unread.length > 0) await meter.sync(context);
        const fresh = new Map(unread.map((u) => [u.name, protectionOf(u.protection)]));
        const protections = touched.map((name) => ({
          name,
          protection: known.get(name) ?? fresh.get(name) ?? { protected: false, options: {} },
        }));
        for (const [name, p] of fresh) known.set(name, p);
        for (const { name } of request.replaceSheets ?? []) known.delete(name);
        if (guard && request.guard) {
          const now = (guard.values as unknown[][]).map((row) =>
            row.map((v) => (v === '' ? null : (v as Cell))),
          );
          if (!request.guard.holds(now)) {
            return {
              ok: false,
              reason: 'header-changed',
              sheet: request.guard.sheet,
              address: request.guard.address,
            } as const;
          }
        }
        for (const { name, exists, state } of request.replaceSheets ?? []) {
          if (exists) sheets.getItem(name).delete();
          const added = sheets.add(name);
          // Very hidden: Excel's Unhide menu does not list it (Office.js SheetVisibility).
          if (state === 'veryHidden') added.visibility = 'VeryHidden';
          else if (state === 'hidden') added.visibility = 'Hidden';
        }
        const relock = protections.filter((p) => p.protection.protected);
        for (const { name } of relock) sheets.getItem(name).protection.unprotect();
        const groups = chunkWrites(request.writes, limit);
        let cells = 0;
        try {
          for (const [i, group] of groups.entries()) {
            for (const write of group) {
              const range = targetRange(sheets.getItem(write.sheet), write);
              // Text a unit controls (its name, reported text) that starts with = + - @ would be
              // entered as a formula: those cells are made text ("@") before the values go in.
              const text = textCells(write.values);
              if (write.numberFormats) {
                const formats = write.numberFormats.map((row) => [...row]);
                for (const [r, c] of text) if (formats[r]) formats[r][c] = '@';
                range.numberFormat = formats;
              } else {
                for (const [r, c] of text) range.getCell(r, c).numberFormat = [['@']];
              }
              range.values = write.values;
              if (write.fills) setFills(range, write.fills);
              cells += write.values.reduce((n, row) => n + row.length, 0);
            }
            if (i < groups.length - 1) await meter.sync(context);
          }
          for (const look of request.layouts ?? []) {
            const sheet = sheets.getItem(look.sheet);
            // Excel's column width unit is the character; Office.js takes points (~6 a character).
            look.widths.forEach(
              (chars, col) =>
                (sheet.getRange(`${colLetters(col)}:${colLetters(col)}`).format.columnWidth =
                  chars * 6),
            );
            for (const col of look.wrap)
              sheet.getRange(`${colLetters(col)}:${colLetters(col)}`).format.wrapText = true;
            if (look.freezeRows > 0) sheet.freezePanes.freezeRows(look.freezeRows);
          }
          if (request.chart) {
            const sheet = sheets.getItem(request.chart.sheet);
            const chart = sheet.charts.add(
              'BarClustered',
              sheet.getRange(request.chart.dataAddress),
              'Columns',
            );
            chart.title.text = request.chart.title;
            chart.legend.visible = false;
            chart.setPosition(request.chart.anchor);
          }
          for (const { name, protection } of relock)
            sheets.getItem(name).protection.protect(protection.options);
          if (request.activate) sheets.getItem(request.activate).activate();
          await meter.sync(context);
        } catch (error) {
          // What is known of the sheets may be stale now (the user may have changed them).
          known = new Map();
          // A failed round trip may leave a sheet unprotected: protect it again before saying so.
          // (Office.js's protect() fails on a sheet already protected, so ask first.)
          if (relock.length === 0) throw error;
          try {
            const now = relock.map(({ name }) => {
              const protection = sheets.getItem(name).protection;
              protection.load('protected');
              return protection;
            });
            await meter.sync(context);
            now.forEach((protection, i) => {
              if (!protection.protected) protection.protect(relock[i]?.protection.options);
            });
            await meter.sync(context);
          } catch (again) {
            throw new AddinError(
              'office-call-failed',
              `${error instanceof Error ? error.message : String(error)}; ${again instanceof Error ? again.message : String(again)} (${relock.map((p) => p.name).join(', ')})`,
              { cause: error },
            );
          }
          throw error;
        }
        return { ok: true, cells, requests: groups.length, chart: Boolean(request.chart) } as const;
      }),

    insertWorksheets: (base64) =>
      run(async (context) => {
        known = new Map();
        const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
        const sheets = context.workbook.worksheets;
        sheets.load('items/id,items/name');
        await meter.sync(context);
        const inserted = new Set(ids.value);
        return sheets.items.filter((s) => inserted.has(s.id)).map((s) => s.name);
      }),

    renameSheets: (renames) =>
      run(async (context) => {
        known = new Map();
        for (const { from, to } of renames) context.workbook.worksheets.getItem(from).name = to;
        await meter.sync(context);
      }),

    select: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await meter.sync(context);
      }),
  };
}
