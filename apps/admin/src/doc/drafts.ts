// The draft autosaved in the browser (IndexedDB through idb): a closed tab or a crash loses
// nothing; the app offers it back when it opens. One draft at a time, as one admin works.
import type { EditionFile } from '@kaohe/sheet';
import { openDB, type DBSchema } from 'idb';
import type { Doc } from './open.ts';

export interface SavedDraft {
  name: string;
  base: Doc;
  baseEdition?: EditionFile;
  doc: Doc;
  /** ISO time of the last autosave. */
  savedAt: string;
}

interface DraftDb extends DBSchema {
  drafts: { key: string; value: SavedDraft };
}

const KEY = 'current';
const db = () =>
  openDB<DraftDb>('kaohe-admin', 1, {
    upgrade(d) {
      d.createObjectStore('drafts');
    },
  });

export async function saveDraft(draft: SavedDraft): Promise<void> {
  await (await db()).put('drafts', draft, KEY);
}

export async function loadDraft(): Promise<SavedDraft | undefined> {
  return (await db()).get('drafts', KEY);
}

export async function clearDraft(): Promise<void> {
  await (await db()).delete('drafts', KEY);
}

/** Asks the browser to keep the drafts when storage runs low (granted or not: it still saves). */
export async function keepStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
