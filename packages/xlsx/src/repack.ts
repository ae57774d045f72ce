// ExcelJS (through JSZip) stamps every zip entry with the current time, so the same workbook
// gives different bytes each second. Repacking the entries, in order, with one fixed time (in
// UTC, so not the machine's time zone either) makes the output reproducible (same template,
// same bytes, same file hash). Only the parts the workbook reaches through its relationships
// are kept: whatever else a loaded file carried (media no sheet shows, stray entries) is dropped.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { stampEntries } from './zip.ts';

/** ExcelJS write options for a workbook that `repack` will compress: storing skips a deflate pass
 * whose output would be unzipped and deflated again (same final bytes, about 3× faster). */
export const STORED = { zip: { compression: 'STORE' } } as const;

const CONTENT_TYPES = '[Content_Types].xml';

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** The relationships part of a part ('' is the package itself). */
const relsOf = (part: string): string =>
  `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}

/** `target` as a part name, relative to the part whose relationships name it. */
function resolveTarget(source: string, target: string): string {
  const path = target.split('#')[0] ?? '';
  const parts = (path.startsWith('/') ? path.slice(1) : dirOf(source) + path).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The parts reachable from the package's relationships, their own relationships included. */
function reachableParts(entries: Unzipped): Set<string> {
  const byLower = new Map(Object.keys(entries).map((n) => [n.toLowerCase(), n]));
  const keep = new Set<string>([CONTENT_TYPES]);
  const queue = [''];
  for (let source = queue.pop(); source !== undefined; source = queue.pop()) {
    const rels = byLower.get(relsOf(source).toLowerCase());
    if (rels === undefined || keep.has(rels)) continue;
    keep.add(rels);
    for (const [tag] of strFromU8(entries[rels] ?? new Uint8Array()).matchAll(
      /<(?:\w+:)?Relationship\b[^>]*>/g,
    )) {
      if (/\bTargetMode\s*=\s*["']External["']/.test(tag)) continue;
      const target = /\bTarget\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
      if (!target) continue;
      const name = byLower.get(
        resolveTarget(source, unescapeXml(target[1] ?? target[2] ?? '')).toLowerCase(),
      );
      if (name === undefined || keep.has(name)) continue;
      keep.add(name);
      queue.push(name);
    }
  }
  return keep;
}

export function repack(bytes: Uint8Array, mtime: Date): Uint8Array {
  const entries = unzipSync(bytes);
  const keep = reachableParts(entries);
  const folders = [...keep].map(dirOf);
  const dropped = new Set(
    Object.keys(entries).filter(
      (n) => !keep.has(n) && !(n.endsWith('/') && folders.some((f) => f.startsWith(n))),
    ),
  );
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (dropped.has(name)) continue;
    out[name] = [name === CONTENT_TYPES ? withoutOverrides(data, dropped) : data, { level: 6 }];
  }
  return stampEntries(zipSync(out), mtime);
}

/** [Content_Types].xml without the overrides of parts that were dropped. */
function withoutOverrides(data: Uint8Array, dropped: ReadonlySet<string>): Uint8Array {
  if (dropped.size === 0) return data;
  const gone = new Set([...dropped].map((n) => `/${n}`.toLowerCase()));
  const xml = strFromU8(data);
  const kept = xml.replace(/<Override\b[^>]*>/g, (tag) => {
    const part = /\bPartName\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    return part !== undefined && gone.has(unescapeXml(part).toLowerCase()) ? '' : tag;
  });
  return kept === xml ? data : strToU8(kept);
}
