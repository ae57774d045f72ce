import { describe, expect, it } from 'vitest';
import { scoreText } from './score.ts';

describe('the incomplete line of kaohe score', () => {
  it('names a section whose items are pending as a part, never counting it among the items', () => {
    const both = scoreText.incomplete(['一.2', '二.1'], ['九']);
    expect(both.zh).toMatch(
      /^ {2}第九部分考核项目待定;有 2 项未能计分\(一\.2、二\.1\),总分仅供参考/,
    );
    const only = scoreText.incomplete([], ['九']);
    expect(only.zh).not.toContain('项未能计分');
    expect(only.en).toMatch(/^ {2}section 九 pending; the total is provisional/);
    expect(scoreText.incomplete(['一.2']).zh).toMatch(/^ {2}有 1 项未能计分\(一\.2\),/);
  });
});
