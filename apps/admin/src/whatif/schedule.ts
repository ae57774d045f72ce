// When the what-if rescores: a short pause after the last edit of the draft (debounce), one
// request at a time in the worker, and only the newest draft waits behind it (never a queue of
// old ones). Each request carries the draft's revision; a reply is the current draft's only when
// no edit has come since — an older draft's reply is dropped, never shown as current. A draft
// that does not compile is not sent: the what-if says so instead (the panel shows the problem).
// Pure: the worker is behind `send`, the clock is setTimeout (fake timers in its tests).

export interface RescoreOptions<D> {
  /** The pause after the last edit before the draft is rescored. */
  delayMs: number;
  /** Posts the draft of revision `rev` to the worker; its reply comes back through settle(rev). */
  send: (rev: number, draft: D) => void;
}

/** What the what-if knows about the current draft. */
export type RescoreState =
  /** The last reply settled is the current draft's. */
  | 'current'
  /** A rescore of the current draft is due (pause) or under way (or waits behind an older one). */
  | 'waiting'
  /** The current draft does not compile: nothing is sent until it does. */
  | 'blocked';

export class RescoreScheduler<D> {
  private latest: { rev: number; draft: D };
  /** The revision the worker is working on (one at a time). */
  private inFlight: number | undefined;
  /** The latest draft is still to be sent. */
  private due = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private blocked = false;

  /** `sending`: the request already posted with the cohort's load (its draft, its revision). */
  constructor(
    private readonly options: RescoreOptions<D>,
    sending: { rev: number; draft: D; compiles: boolean },
  ) {
    this.latest = { rev: sending.rev, draft: sending.draft };
    this.inFlight = sending.rev;
    this.blocked = !sending.compiles;
  }

  /** The draft is now revision `rev` (a revision names one draft: the same one is no change);
   *  `compiles` false when it does not compile: it is not sent. */
  change(rev: number, draft: D, compiles = true): void {
    if (rev === this.latest.rev) return;
    this.latest = { rev, draft };
    this.clearTimer();
    this.blocked = !compiles;
    this.due = compiles;
    if (compiles) this.timer = setTimeout(() => this.flush(), this.options.delayMs);
  }

  /** The reply to request `rev` has come: true when it is the current draft's (show it as
   *  current); false when a newer draft has come since (drop it) or it is no request's. */
  settle(rev: number): boolean {
    if (rev !== this.inFlight) return false;
    this.inFlight = undefined;
    if (rev === this.latest.rev && !this.due) return !this.blocked;
    // The pause after the newest edit is over: it was waiting only for the worker.
    if (this.due && this.timer === undefined) this.flush();
    return false;
  }

  get state(): RescoreState {
    if (this.blocked) return 'blocked';
    return this.due || this.inFlight !== undefined ? 'waiting' : 'current';
  }

  /** The revision the current draft is at. */
  get revision(): number {
    return this.latest.rev;
  }

  dispose(): void {
    this.clearTimer();
    this.due = false;
    this.inFlight = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.due || this.inFlight !== undefined) return;
    this.due = false;
    this.inFlight = this.latest.rev;
    this.options.send(this.latest.rev, this.latest.draft);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
