import { describe, expect, it } from 'vitest';
import { workbookFileName } from './file-name.ts';

describe('workbookFileName', () => {
  it('replaces characters Windows refuses', () => {
    expect(workbookFileName('甲/乙:丙')).toBe('甲_乙_丙.xlsx');
    expect(workbookFileName('土默特右旗. ')).toBe('土默特右旗.xlsx');
    expect(workbookFileName('..')).toBe('_.xlsx');
  });
});
