import type { Msg } from '../model/result.ts';

/** How an issue names a unit: by its name, with its id in brackets — 「团结村」(xh01). */
export function unitName(id: string, name?: string): Msg {
  const n = name?.trim();
  if (!n || n === id) return { zh: `「${id}」`, en: `"${id}"` };
  return { zh: `「${n}」(${id})`, en: `"${n}" (${id})` };
}
