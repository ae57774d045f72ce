// The lines at the top of the pane: calm for a trusted edition, red with its own title for each
// failure; the import offered where the issuer's key is missing, the draft said where scoring
// goes ahead.
import { describe, expect, it } from 'vitest';
import type { EditionView, SheetState } from '../core/kernel.types.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-cn.ts';
import { editionLine, verificationLines } from './verification-lines.ts';

const view = (status: EditionView['status'], gate: EditionView['gate']): EditionView => ({
  status,
  gate,
  message: { zh: `说明 ${status}`, en: `detail ${status}` },
  signer: null,
});

describe('verification lines', () => {
  it('a trusted edition: one success line with the codec’s words, no action', () => {
    expect(editionLine(view('trusted', 'official'))).toEqual({
      id: 'edition',
      tone: 'success',
      title: 'verify.official',
      detail: { zh: '说明 trusted', en: 'detail trusted' },
      hints: [],
      action: null,
    });
  });

  it('every other status: red, its own title in both languages', () => {
    const statuses = [
      'unsigned',
      'unknown-key',
      'bad-signature',
      'rules-altered',
      'revoked',
      'key-expired',
      'malformed',
      'identity-mismatch',
      'invalid-rules',
    ] as const;
    const titles = new Set<string>();
    for (const status of statuses) {
      const line = editionLine(view(status, status === 'unsigned' ? 'draft' : 'refused'));
      expect(line.tone, status).toBe('error');
      const key = line.title.replace(/^verify\./, '') as keyof typeof zhCN.verify;
      expect(zhCN.verify[key], status).toBeTruthy();
      expect(en.verify[key], status).toBeTruthy();
      titles.add(zhCN.verify[key]);
    }
    expect(titles.size).toBe(statuses.length);
    expect(zhCN.verify['unknown-key']).toBe('未导入签发机关的公钥');
  });

  it('offers the import only for a missing key; says refused or draft as the gate says', () => {
    expect(editionLine(view('unknown-key', 'refused'))).toMatchObject({
      action: 'import-key',
      hints: ['verify.importHint', 'verify.refused'],
    });
    expect(editionLine(view('rules-altered', 'refused'))).toMatchObject({
      action: null,
      hints: ['verify.refused'],
    });
    expect(editionLine(view('unsigned', 'draft'))).toMatchObject({ hints: ['verify.draft'] });
  });

  it('no lines where the workbook carries no rules', () => {
    const none: SheetState = { kind: 'no-assessment', sheet: 'Sheet1' };
    expect(verificationLines(none)).toEqual([]);
    expect(verificationLines(null)).toEqual([]);
  });
});
