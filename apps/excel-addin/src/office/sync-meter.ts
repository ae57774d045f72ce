// Counts context.sync() round trips. office-addin-mock cannot count them, and the budget
// (≤ 3 per user action) is a promise of this add-in, so the port syncs only through here.

export interface SyncMeter {
  /** Round trips since the meter was made. */
  readonly count: number;
  sync(context: { sync(): Promise<unknown> }): Promise<void>;
}

export function createSyncMeter(): SyncMeter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async sync(context) {
      count += 1;
      await context.sync();
    },
  };
}
