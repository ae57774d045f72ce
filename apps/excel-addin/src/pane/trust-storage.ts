// Where the pane keeps its trust list: the browser's localStorage (per origin), not Office's
// document or roaming settings, which Excel on the web and on Mac do not keep. When the browser
// loses it (cleared, another machine, private window) the pane asks for the key again.
const TRUST_STORAGE_KEY = 'kaohe.trust.v1';

export interface TrustStorage {
  /** The stored trust list text (null: none yet), or why the browser would not give it. */
  load(): { ok: true; text: string | null } | { ok: false; detail: string };
  /** Keeps the text; throws (said by the pane's error bar) when the browser refuses. */
  save(text: string): void;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function browserTrustStorage(
  storage: () => Storage = () => window.localStorage,
): TrustStorage {
  return {
    load() {
      try {
        return { ok: true, text: storage().getItem(TRUST_STORAGE_KEY) };
      } catch (e) {
        // Storage blocked (a sandboxed or private frame): said in the pane, never an empty list.
        return { ok: false, detail: describe(e) };
      }
    },
    save(text) {
      storage().setItem(TRUST_STORAGE_KEY, text);
    },
  };
}

/** A trust list kept in memory (tests). */
export function memoryTrustStorage(initial: string | null = null): TrustStorage & {
  text: string | null;
} {
  const kept = {
    text: initial,
    load: () => ({ ok: true as const, text: kept.text }),
    save: (text: string) => {
      kept.text = text;
    },
  };
  return kept;
}
