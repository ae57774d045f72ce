// Every change to the draft is an immer recipe; its patches and their inverse are the undo and
// redo steps, so any change (a form field, a JSON view, 新一年度) undoes the same way.
// A burst of typing in one field (a formula the draft takes at each pause) is one step: the
// edits of the same burst (its field's place) go into the last step while it is open, which
// ends when the focus leaves the field (settle), another place is edited, or on undo/redo.
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
  /** The burst the last step belongs to while it may still grow (a field being typed in). */
  open?: string;
}

export const startHistory = (doc: Doc): History => ({ doc, past: [], future: [] });

/**
 * A change: the recipe edits the draft in place, or returns a whole new document. With `burst`
 * (the place being typed in), it joins the last step when that step is the same open burst, so
 * undo takes the whole burst back at once; without, it is a step of its own.
 */
export function edit(
  h: History,
  recipe: (draft: Draft<Doc>) => Doc | void,
  burst?: string,
): History {
  const [doc, patches, inverse] = produceWithPatches(h.doc, recipe);
  if (patches.length === 0) return h;
  const last = h.past.at(-1);
  const open = burst === undefined ? {} : { open: burst };
  if (last && burst !== undefined && burst === h.open) {
    const joined = {
      patches: [...last.patches, ...patches],
      inverse: [...inverse, ...last.inverse],
    };
    return { doc, past: [...h.past.slice(0, -1), joined], future: [], ...open };
  }
  return { doc, past: [...h.past, { patches, inverse }], future: [], ...open };
}

/** The burst being typed ends (the focus left its field): the next edit is a step of its own. */
export function settle(h: History): History {
  return h.open === undefined ? h : { doc: h.doc, past: h.past, future: h.future };
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

/** Sets (or, with undefined, removes) the value at a path; missing objects on the way are made
 *  (a list where the next step is an index: the first derived value makes `derived: [...]`). */
export function setAt(path: Path, value: Json | undefined): (draft: Draft<Doc>) => void {
  return (draft) => {
    let node = draft as Record<string | number, unknown>;
    for (const [n, key] of path.slice(0, -1).entries()) {
      const next = node[key];
      if (next === null || typeof next !== 'object')
        node[key] = typeof path[n + 1] === 'number' ? [] : {};
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
