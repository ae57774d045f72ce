import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RescoreScheduler } from './schedule.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A scheduler whose cohort load (with draft `d1`, revision 1) is in flight, and what it sent. */
function loading(compiles = true) {
  const sent: [number, string][] = [];
  const s = new RescoreScheduler<string>(
    { delayMs: 400, send: (rev, draft) => sent.push([rev, draft]) },
    { rev: 1, draft: 'd1', compiles },
  );
  return { s, sent };
}

describe('rescoring the what-if after edits', () => {
  it('waits for a pause in the edits, then sends only the last draft', () => {
    const { s, sent } = loading();
    expect(s.settle(1)).toBe(true);
    expect(s.state).toBe('current');
    s.change(2, 'd2');
    vi.advanceTimersByTime(300);
    s.change(3, 'd3');
    vi.advanceTimersByTime(399);
    expect(sent).toEqual([]);
    expect(s.state).toBe('waiting');
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[3, 'd3']]);
    expect(s.state).toBe('waiting');
    expect(s.settle(3)).toBe(true);
    expect(s.state).toBe('current');
  });

  it('never shows an older draft’s reply as current; only the newest waits behind a busy worker', () => {
    const { s, sent } = loading();
    s.settle(1);
    s.change(2, 'd2');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([[2, 'd2']]);
    // Edits while the worker rescores d2: nothing more is sent to it meanwhile.
    s.change(3, 'd3');
    vi.advanceTimersByTime(400);
    s.change(4, 'd4');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([[2, 'd2']]);
    // d2's reply: dropped, and the newest (d4, never d3) goes at once — its pause is over.
    expect(s.settle(2)).toBe(false);
    expect(sent).toEqual([
      [2, 'd2'],
      [4, 'd4'],
    ]);
    expect(s.state).toBe('waiting');
    // A reply to no request in flight (d3 was never sent; d2 already settled) is dropped.
    expect(s.settle(3)).toBe(false);
    expect(s.settle(2)).toBe(false);
    expect(s.state).toBe('waiting');
    expect(s.settle(4)).toBe(true);
    expect(s.state).toBe('current');
  });

  it('a reply that comes during the pause after a newer edit is dropped; the newer goes after it', () => {
    const { s, sent } = loading();
    s.change(2, 'd2'); // during the cohort's load
    expect(s.settle(1)).toBe(false);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([[2, 'd2']]);
  });

  it('does not send a draft that does not compile, and says so until one does', () => {
    const { s, sent } = loading();
    s.settle(1);
    s.change(2, 'broken', false);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
    expect(s.state).toBe('blocked');
    s.change(3, 'd3');
    expect(s.state).toBe('waiting');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([[3, 'd3']]);
  });

  it('drops the reply to a draft that was followed by one that does not compile', () => {
    const { s, sent } = loading();
    s.change(2, 'broken', false);
    expect(s.settle(1)).toBe(false);
    expect(s.state).toBe('blocked');
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
  });

  it('loaded with a draft that does not compile: its reply is not current', () => {
    const { s } = loading(false);
    expect(s.settle(1)).toBe(false);
    expect(s.state).toBe('blocked');
  });

  it('the same revision again is no edit; dispose stops what is due', () => {
    const { s, sent } = loading();
    s.settle(1);
    s.change(1, 'd1');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([]);
    expect(s.state).toBe('current');
    s.change(2, 'd2');
    s.dispose();
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([]);
  });
});
