import { describe, expect, it } from 'vitest';
import { edit, getAt, redo, setAt, startHistory, undo } from './history.ts';
import { nextYear } from './open.ts';

describe('history (immer patches)', () => {
  it('undoes and redoes every change, a whole-document one too', () => {
    const start = { year: 2012, edition: 1, sections: [{ code: '一', points: 10 }] };
    let h = startHistory(start);
    h = edit(h, setAt(['sections', 0, 'points'], null));
    h = edit(h, () => nextYear(h.doc));
    expect(h.doc).toEqual({ year: 2013, edition: 2, sections: [{ code: '一', points: null }] });
    h = undo(h);
    expect(getAt(h.doc, ['sections', 0, 'points'])).toBeNull();
    expect(h.doc['year']).toBe(2012);
    h = undo(h);
    expect(h.doc).toEqual(start);
    expect(undo(h)).toBe(h); // nothing more to undo
    h = redo(redo(h));
    expect(h.doc).toEqual({ year: 2013, edition: 2, sections: [{ code: '一', points: null }] });
    expect(redo(h)).toBe(h);
    // A new change after an undo drops what could have been redone.
    h = edit(undo(h), setAt(['edition'], 5));
    expect(h.future).toHaveLength(0);
    expect(h.doc['edition']).toBe(5);
    // Removing a key, and a change that changes nothing (no step).
    h = edit(h, setAt(['edition'], undefined));
    expect('edition' in h.doc).toBe(false);
    expect(edit(h, setAt(['year'], 2012))).toBe(h);
  });
});
