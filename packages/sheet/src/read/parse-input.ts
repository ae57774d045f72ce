// One input cell → the value the engine takes, by the input's declared unit. Tolerant of what
// officials type (92%, 0.92, ９２％, 8‰, "1,234", 是/√/有/Y, 2012年3月5日, Excel date serials),
// strict about what it cannot read: an error with the cell's address, never a guess of 0.
import { type InputDef, type InputValue, type Q } from '@kaohe/engine';
import { clip, isoOfDay, q, readDate } from '@kaohe/engine/internal';
import { sheetError, sheetWarning } from '../issue.ts';
import { unitDisplay, zh } from '../units.ts';
import type { CellValue, SheetIssue } from '../types.ts';
import { serialToIso } from './dates.ts';
import {
  isPercentFormat,
  normaliseText,
  numberText,
  parseNumberText,
  qText,
  type Mark,
} from './number-text.ts';

const YES = new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', '已', '已完成', '对']);
const NO = new Set([
  '否',
  '无',
  '×',
  '✗',
  '✘',
  'x',
  'n',
  'no',
  'false',
  '0',
  '未',
  '未完成',
  '没有',
]);
const DASHES = new Set(['-', '--', '/', '\\']);
// 万 before any of them (3.5万元, 82万人) is a multiplier, read by parseNumber.
const SUFFIXES = ['元', '人', '户', '个', '次', '天', '月', '件', '起', '例', '项', '宗', '家'];
// A generic count may carry any counting word officials use (3个, 2起, 5次, 1人).
const COUNT_WORDS = new Set(['个', '件', '起', '次', '例', '项', '宗', '家', '人', '户']);
const suffixFits = (suffix: string, unit: InputDef['unit']): boolean =>
  suffix === unit ||
  (unit === 'count' && COUNT_WORDS.has(suffix)) ||
  (unit === '万元' && suffix === '元');

const inRange = (v: Q, def: InputDef): boolean =>
  (def.min === undefined || v.compare(q(def.min)) >= 0) &&
  (def.max === undefined || v.compare(q(def.max)) <= 0);

export interface Parsed {
  value: InputValue;
  issues: SheetIssue[];
}

const ok = (value: InputValue, issues: SheetIssue[] = []): Parsed => ({ value, issues });

/** Reads yes/no words; undefined when the text is neither. */
export function yesNo(raw: CellValue): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === null) return undefined;
  const t = normaliseText(String(raw)).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

export function parseInput(
  raw: CellValue,
  format: string | null | undefined,
  def: InputDef,
  address: string,
): Parsed {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return ok(null);
  const text = typeof raw === 'string' ? normaliseText(raw) : '';
  if (typeof raw === 'string' && DASHES.has(text))
    return ok(null, [sheetWarning('dash-as-blank', address, [raw], def.id)]);
  // What the official typed, as echoed in a message: cut short, never a whole pasted page.
  const shown = clip(String(raw));
  const fail = (issue: SheetIssue): Parsed => ({ value: null, issues: [issue] });
  switch (def.unit) {
    case 'yesno': {
      const b =
        typeof raw === 'number' ? (raw === 1 ? true : raw === 0 ? false : undefined) : yesNo(raw);
      return b === undefined ? fail(sheetError('invalid-yesno', address, [shown], def.id)) : ok(b);
    }
    case 'choice': {
      const t = typeof raw === 'number' ? numberText(raw) : typeof raw === 'boolean' ? shown : text;
      const choices = def.choices ?? [];
      const match = choices.find((c) => c.value === t || normaliseText(zh(c.label)) === t);
      const labels = choices.map((c) => zh(c.label));
      // An option that itself holds 、 would run into its neighbours: then each is quoted.
      const list = labels.some((l) => l.includes('、'))
        ? labels.map((l) => `「${l}」`).join('、')
        : labels.join('、');
      return match
        ? ok(match.value)
        : fail(sheetError('invalid-choice', address, [shown, list], def.id));
    }
    case 'text':
      return ok(
        typeof raw === 'number'
          ? numberText(raw)
          : typeof raw === 'boolean'
            ? raw
              ? '是'
              : '否'
            : raw.trim(),
      );
    case 'date': {
      // An Excel date cell comes as its serial (ExcelJS Dates and LibreOffice's numbers alike);
      // typed text is read as the engine reads a date (one reading: 3月31日 takes the input's
      // declared year, or is refused; 2013-02-30 is no date).
      if (typeof raw === 'number') {
        const iso = serialToIso(raw);
        return iso ? ok(iso) : fail(sheetError('invalid-date', address, [shown], def.id));
      }
      const read = typeof raw === 'string' ? readDate(text, def.defaultYear) : undefined;
      if (read?.ok) return ok(isoOfDay(read.day));
      return fail(
        sheetError(
          read?.problem === 'no-year' ? 'date-without-year' : 'invalid-date',
          address,
          [shown],
          def.id,
        ),
      );
    }
    default:
      return parseNumber(raw, text, format, def, address);
  }
}

function parseNumber(
  raw: CellValue,
  text: string,
  format: string | null | undefined,
  def: InputDef,
  address: string,
): Parsed {
  // What the official typed, as echoed in a message: cut short, never a whole pasted page.
  const shown = clip(String(raw));
  if (typeof raw === 'boolean')
    return { value: null, issues: [sheetError('not-a-number', address, [shown], def.id)] };
  let decimal: string;
  let mark: Mark = '';
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      return { value: null, issues: [sheetError('not-a-number', address, [shown], def.id)] };
    decimal = numberText(raw);
    // A number shown through a percentage format is a fraction: 0.92 displays as 92%.
    if (isPercentFormat(format)) mark = '%';
  } else {
    const parsed = parseNumberText(text, SUFFIXES);
    if (!parsed)
      return { value: null, issues: [sheetError('not-a-number', address, [shown], def.id)] };
    if (parsed.suffix && !suffixFits(parsed.suffix, def.unit)) {
      return {
        value: null,
        issues: [sheetError('unexpected-unit', address, [shown, unitDisplay(def.unit)], def.id)],
      };
    }
    decimal = parsed.decimal;
    mark = parsed.mark;
    // 万 multiplies (82万人 = 820000人); for an amount in 万元 it is the unit itself (3.5万元),
    // and a plain 元 figure is converted to 万元 with a warning.
    if (def.unit === '万元') {
      if (!parsed.wan && parsed.suffix === '元') {
        const read = qText(q(decimal).div(10000));
        return ok(read, [sheetWarning('unit-converted', address, [shown, read, '万元'], def.id)]);
      }
    } else if (parsed.wan) {
      if (mark !== '')
        return { value: null, issues: [sheetError('not-a-number', address, [shown], def.id)] };
      decimal = qText(q(decimal).mul(10000));
    }
  }
  const v = q(decimal);
  if (def.unit === '%') {
    if (mark === '%' && typeof raw === 'number') {
      const read = v.mul(100);
      // A rate stored as the percentage number under the percent format (92 shows as 9200%: what
      // a paste, an import or LibreOffice's API gives) reads as the number itself, with a
      // warning, when its display is absurd — more than ten times the input's declared maximum —
      // and the number is within range. Nearer overruns (105%, 500%) stay as shown: out of range.
      if (def.max !== undefined && read.compare(q(def.max).mul(10)) > 0 && inRange(v, def)) {
        return ok(decimal, [
          sheetWarning(
            'percent-as-number',
            address,
            [`${qText(read)}%`, String(def.max), decimal],
            def.id,
          ),
        ]);
      }
      return ok(qText(read));
    }
    if (mark === '%') return ok(decimal);
    if (mark === '‰')
      return ok(qText(v.div(10)), [
        sheetWarning('unit-converted', address, [shown, qText(v.div(10)), '%'], def.id),
      ]);
    // No mark: 0 < |x| < 1 reads as a fraction (0.92 → 92 %), flagged; 1 and above as percent.
    const abs = v.abs();
    if (abs.compare(0) > 0 && abs.compare(1) < 0) {
      const read = qText(v.mul(100));
      return ok(read, [sheetWarning('ambiguous-percent', address, [shown, read], def.id)]);
    }
    return ok(decimal);
  }
  if (def.unit === '‰') {
    if (mark === '‰' || mark === '') return ok(decimal);
    const per = typeof raw === 'number' ? v.mul(1000) : v.mul(10);
    return ok(qText(per), [
      sheetWarning('unit-converted', address, [shown, qText(per), '‰'], def.id),
    ]);
  }
  if (mark !== '' && typeof raw === 'string') {
    return {
      value: null,
      issues: [sheetError('unexpected-unit', address, [shown, unitDisplay(def.unit)], def.id)],
    };
  }
  return ok(decimal);
}
