import { describe, expect, it } from 'vitest';
import { edit, getAt, redo, setAt, settle, startHistory, undo } from './history.ts';
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
    // A list made on the way where the next step is an index (the first of a list left out).
    h = edit(h, setAt(['derived', 0, 'id'], 'x'));
    expect(h.doc['derived']).toEqual([{ id: 'x' }]);
  });

  it('takes a burst of typing in one field as one undo step, until the focus leaves or another place is edited', () => {
    const start = { sanctions: [{ when: 'total < 60' }], points: 100 };
    const when = ['sanctions', 0, 'when'];
    const key = 'sanctions[0].when';
    let h = startHistory(start);
    // Three pauses while typing "total < 60 || x > 1" in one field: one step.
    h = edit(h, setAt(when, 'total < 60 ||'), key);
    h = edit(h, setAt(when, 'total < 60 || x >'), key);
    h = edit(h, setAt(when, 'total < 60 || x > 1'), key);
    expect(h.past).toHaveLength(1);
    expect(getAt(h.doc, when)).toBe('total < 60 || x > 1');
    expect(undo(h).doc).toEqual(start);
    expect(redo(undo(h)).doc).toEqual(h.doc);
    // Another place edited: the burst is over; typing on in the formula is a new step.
    h = edit(h, setAt(['points'], 90));
    h = edit(h, setAt(when, 'total < 60 || x > 2'), key);
    expect(h.past).toHaveLength(3);
    // The focus left the field (settle) and came back: a new step too.
    h = edit(settle(h), setAt(when, 'total < 60 || x > 3'), key);
    expect(h.past).toHaveLength(4);
    // Another field's burst is its own step, as is the same field's after an undo.
    h = edit(h, setAt(['points'], 80), 'points');
    expect(h.past).toHaveLength(5);
    h = edit(undo(h), setAt(when, 'total < 50'), key);
    expect(h.past).toHaveLength(5);
    expect(getAt(h.doc, ['points'])).toBe(90);
    // Back step by step: x > 3; then x > 2, x > 1 and 100 points (the first burst still whole);
    // then the start.
    h = undo(h);
    expect(getAt(h.doc, when)).toBe('total < 60 || x > 3');
    h = undo(undo(undo(h)));
    expect(getAt(h.doc, when)).toBe('total < 60 || x > 1');
    expect(getAt(h.doc, ['points'])).toBe(100);
    expect(undo(h).doc).toEqual(start);
    // Nothing open: settling changes nothing.
    expect(settle(h)).toBe(h);
  });
});
