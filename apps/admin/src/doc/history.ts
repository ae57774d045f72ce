// Every change to the draft is an immer recipe; its patches and their inverse are the undo and
// redo steps, so any change (a form field, a JSON view, 新一年度) undoes the same way.
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Doc, Json } from './open.ts';

enablePatches();

interface Step {
  patches: Patch[];
  inverse: Patch[];
}

export interface History {
  doc: Doc;
  past: readonly Step[];
  future: readonly Step[];
}

export const startHistory = (doc: Doc): History => ({ doc, past: [], future: [] });

/** A change: the recipe edits the draft in place, or returns a whole new document. */
export function edit(h: History, recipe: (draft: Draft<Doc>) => Doc | void): History {
  const [doc, patches, inverse] = produceWithPatches(h.doc, recipe);
  if (patches.length === 0) return h;
  return { doc, past: [...h.past, { patches, inverse }], future: [] };
}

export function undo(h: History): History {
  const step = h.past.at(-1);
  if (!step) return h;
  return {
    doc: applyPatches(h.doc, step.inverse),
    past: h.past.slice(0, -1),
    future: [step, ...h.future],
  };
}

export function redo(h: History): History {
  const step = h.future[0];
  if (!step) return h;
  return {
    doc: applyPatches(h.doc, step.patches),
    past: [...h.past, step],
    future: h.future.slice(1),
  };
}

/** A place in the document: keys and indexes from the root. */
export type Path = readonly (string | number)[];

/** Sets (or, with undefined, removes) the value at a path; missing objects on the way are made. */
export function setAt(path: Path, value: Json | undefined): (draft: Draft<Doc>) => void {
  return (draft) => {
    let node = draft as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object') node[key] = {};
      node = node[key] as Record<string | number, unknown>;
    }
    const last = path.at(-1);
    if (last === undefined) return;
    if (value === undefined) {
      if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
      else delete node[last];
    } else node[last] = value;
  };
}

/** The value at a path, or undefined. */
export function getAt(doc: Json, path: Path): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[key];
  }
  return node;
}
