// A file the admin opens: a rule set (JSON) or a published edition (its embedded rules). The
// rules themselves are only read here; what they mean is the engine's to say (validateRuleSet).
import type { Msg } from '@kaohe/engine';
import type { EditionFile } from '@kaohe/sheet';
import { withoutLineage } from './lineage.ts';

/** A JSON document as edited: kept as written (no defaults added), so saving loses nothing. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A whole rule-set document: always a JSON object. */
export type Doc = { [key: string]: Json };

export type Opened =
  | {
      ok: true;
      doc: Doc;
      /** A published edition file: the rules it embeds (its signature is not checked here). */
      edition?: EditionFile;
    }
  | { ok: false; message: Msg };

/** Reads a file's text as a rule set or an edition; a bad file says why, naming the file. The
 *  edition reader (@kaohe/sheet, with its signature code) loads only for an edition file. */
export async function openText(text: string, name: string): Promise<Opened> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return {
      ok: false,
      message: {
        zh: `${name} 不是有效的 JSON 文件:${e.message}`,
        en: `${name} is not a valid JSON file: ${e.message}`,
      },
    };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return {
      ok: false,
      message: {
        zh: `${name} 不是考核办法(应为一个 JSON 对象)`,
        en: `${name} is not a rule set (a JSON object is expected)`,
      },
    };
  if ((json as { kaohe?: unknown }).kaohe !== 'edition') return { ok: true, doc: json as Doc };
  const { EditionFile } = await import('@kaohe/sheet');
  const edition = EditionFile.safeParse(json);
  if (!edition.success)
    return {
      ok: false,
      message: {
        zh: `${name} 不是完整的发布文件(签名版本)`,
        en: `${name} is not a complete published (signed) edition file`,
      },
    };
  return { ok: true, doc: JSON.parse(edition.data.ruleSet) as Doc, edition: edition.data };
}

/** The saved form of a document: two-space JSON in the document's own key order, one final
 *  newline. Opening a saved file and saving it again gives the same bytes. */
export function savedText(doc: Doc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** 新一年度: next year's draft from this year's rules — year and edition one more, the year in
 *  the title too (包头市2012年… → 包头市2013年…, in each language), every code, id and rule kept
 *  (next year's baselines and the diff follow the codes; a code changed later is recorded as
 *  lineage, see lineage.ts). Only the year itself is bumped in the
 *  title: a number that merely contains it (20120, 12012) or another year (2011—2015) is left. */
export function nextYear(doc: Doc): Doc {
  // Lineage (`formerly`) named the codes of the year before; this year's starts afresh.
  const copy = withoutLineage(doc) as Doc;
  const year = copy['year'];
  if (typeof year === 'number') {
    copy['year'] = year + 1;
    if (Number.isInteger(year) && copy['title'] !== undefined)
      copy['title'] = bumpYear(copy['title'], year);
  }
  if (typeof copy['edition'] === 'number') copy['edition'] = copy['edition'] + 1;
  return copy;
}

/** A title (text, or text by language) with the year `year` written as year + 1. */
function bumpYear(title: Json, year: number): Json {
  const at = new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g');
  if (typeof title === 'string') return title.replace(at, String(year + 1));
  if (title && typeof title === 'object' && !Array.isArray(title))
    return Object.fromEntries(
      Object.entries(title).map(([k, v]) => [k, typeof v === 'string' ? bumpYear(v, year) : v]),
    );
  return title;
}
