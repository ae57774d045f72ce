import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './drafts.ts';

describe('drafts in IndexedDB', () => {
  it('keeps the last draft until it is cleared', async () => {
    expect(await loadDraft()).toBeUndefined();
    const draft = {
      name: 'r.json',
      base: { year: 2012 },
      doc: { year: 2013 },
      savedAt: '2013-01-01T00:00:00.000Z',
    };
    await saveDraft(draft);
    await saveDraft({ ...draft, doc: { year: 2014 } });
    expect(await loadDraft()).toEqual({ ...draft, doc: { year: 2014 } });
    await clearDraft();
    expect(await loadDraft()).toBeUndefined();
  });
});
