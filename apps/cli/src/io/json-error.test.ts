import { describe, expect, it } from 'vitest';
import { findJsonError } from './json-error.ts';

describe('findJsonError', () => {
  it('names line and column (1-based) and what was expected there', () => {
    // Line 4 starts with two spaces, then the quote of "year": column 3. A comma was due.
    expect(findJsonError('{\n  "id": "x",\n  "title": {"zh": "a"}\n  "year": 2012\n}\n')).toEqual({
      line: 4,
      column: 3,
      reason: {
        zh: '此处是“"”,属性值后应为逗号“,”或“}”',
        en: 'found """, expected "," or "}" after the value',
      },
    });
    // A trailing comma: the "}" after it at line 2, column 1; columns count characters (中 is one).
    expect(findJsonError('{"中": 1,\n}')).toMatchObject({ line: 2, column: 1 });
    expect(findJsonError('{"a": [1, 2,]}')).toMatchObject({ line: 1, column: 13 });
    expect(findJsonError('{"a": tru}')).toMatchObject({ line: 1, column: 7 });
    expect(findJsonError('{"a": "x\ny"}')?.reason.zh).toContain('字符串中不能有换行');
    expect(findJsonError('{"a": 1')?.reason.zh).toMatch(/^文件在此意外结束/);
    expect(findJsonError('{"a": 1} x')).toMatchObject({ line: 1, column: 10 });
  });

  it('finds nothing in valid JSON', () => {
    for (const ok of ['{}', '[]', '{"a": [1, -2.5e3, true, null, "\\u00e9\\n"]}', ' 0 '])
      expect(findJsonError(ok)).toBeUndefined();
  });
});
