import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-cn.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(keys(en)).toEqual(keys(zhCN));
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const flat = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'object' ? flat(v as object) : [String(v)]));
    expect(flat(en).map(placeholders)).toEqual(flat(zhCN).map(placeholders));
  });
});
