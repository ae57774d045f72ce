import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../report/ranking-csv.ts';
import { safeText } from './safe-text.ts';

const RUNS = Number(process.env.KAOHE_FUZZ_RUNS ?? 500);
const SEED = Number(process.env.KAOHE_FUZZ_SEED ?? 20261201);

// Text with plenty of controls in it: ESC sequences, C1, bidi overrides, line breaks.
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u009b', '\r', '\n', '\t', '\u0000', '\u007f', '\u202e', '\u2066'),
    fc.constantFrom('[', '1', 'A', '2', 'K', '伪', '=', '+', '-', '@', ' ', '"'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('safeText', () => {
  it('escapes ESC, C0, C1 and bidi controls', () => {
    expect(safeText('\u001b[1A\u001b[2K 1 伪造单位')).toBe('\\x1B[1A\\x1B[2K 1 伪造单位');
    expect(safeText('a\u009b2Jb\u202ec')).toBe('a\\x9B2Jb\\u202Ec');
    expect(safeText('a\nb\r')).toBe('a\\x0Ab\\x0D');
    expect(safeText('a\nb\r', true)).toBe('a\nb\\x0D');
    expect(safeText('昆都仑区 148.5 先进')).toBe('昆都仑区 148.5 先进');
  });

  it('leaves no control character, whatever the text; ordinary text is unchanged', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        // eslint-disable-next-line no-control-regex
        const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
        expect(safeText(text)).not.toMatch(controls);
        expect(safeText(text, true).replace(/\n/g, '')).not.toMatch(controls);
        if (!controls.test(text)) expect(safeText(text)).toBe(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('csvField', () => {
  // Worked out by hand from OWASP's CSV-injection guidance, independently of the code's patterns.
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    [' @SUM(A1)', `"' @SUM(A1)"`],
    ['-x', `"'-x"`],
    ['\tA', `"'\tA"`],
    ['\rA', `"'\rA"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['-2.5', '"-2.5"'],
    ['150', '"150"'],
    ['昆都仑区', '"昆都仑区"'],
  ])('%j → %s', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('never lets a field start like a formula, and reads back as the text given', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const field = csvField(text);
        expect(field.startsWith('"') && field.endsWith('"')).toBe(true);
        const inner = field.slice(1, -1).replace(/""/g, '"');
        if (!/^-?\d+(?:\.\d+)?$/.test(text))
          expect(inner).not.toMatch(/^(?:[=+\-@\t\r]|\s+[=+\-@])/);
        expect(inner === text || inner === `'${text}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
