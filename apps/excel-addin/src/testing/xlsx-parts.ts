// The XML parts of an .xlsx (a zip), for tests that look at what grids do not show: styles,
// print setup, protection, charts. Reads the central directory; stored or deflated entries.
import { inflateRawSync } from 'node:zlib';

export function xlsxParts(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central entry at ${at}`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    parts.set(name, decoder.decode(method === 8 ? inflateRawSync(raw) : raw));
    at += 46 + nameLength + skip;
  }
  return parts;
}

/** A cell's solid fill colour (ARGB) in a saved file, or 'none': its style's fill, from the XML. */
export function solidFills(bytes: Uint8Array, sheetPart: string): (cell: string) => string {
  const parts = xlsxParts(bytes);
  const styles = parts.get('xl/styles.xml') ?? '';
  const fills = [
    ...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(
      /<fill>([\s\S]*?)<\/fill>/g,
    ),
  ].map((m) =>
    /patternType="solid"/.test(m[1]!)
      ? (/fgColor rgb="([0-9A-F]{8})"/.exec(m[1]!)?.[1] ?? '?')
      : 'none',
  );
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g),
  ].map((m) => Number(/fillId="(\d+)"/.exec(m[0])?.[1] ?? 0));
  const sheet = parts.get(sheetPart) ?? '';
  return (cell) => {
    const style = new RegExp(`<c r="${cell}"(?: s="(\\d+)")?`).exec(sheet)?.[1];
    return fills[xfs[Number(style ?? 0)] ?? 0] ?? 'none';
  };
}
