import { describe, expect, it } from 'vitest';
import type { InputDef } from '@kaohe/engine';
import type { CellValue } from '../types.ts';
import { parseInput } from './parse-input.ts';

const def = (unit: InputDef['unit'], extra: Partial<InputDef> = {}): InputDef => ({
  id: 'x',
  label: '测试',
  unit,
  source: 'unit',
  evidence: false,
  ...extra,
});
const read = (
  raw: CellValue,
  unit: InputDef['unit'],
  format: string | null = null,
  extra: Partial<InputDef> = {},
) => parseInput(raw, format, def(unit, extra), '基础数据!E7');

describe('parseInput', () => {
  it.each<[CellValue, string | null, string]>([
    ['92%', null, '92'],
    ['９２％', null, '92'],
    ['92', null, '92'],
    [92, null, '92'],
    [0.92, '0.00%', '92'],
    [0.912, '0.0%', '91.2'],
    [' 91.20 % ', null, '91.2'],
    ['100', null, '100'],
    [0.07, '0%', '7'],
  ])('reads %j (format %j) for a %% input as %s, without a warning', (raw, format, expected) => {
    const r = read(raw, '%', format);
    expect(r.value).toBe(expected);
    expect(r.issues).toEqual([]);
  });

  it('reads an unmarked fraction for a % input as a percentage and warns with the address', () => {
    for (const raw of [0.92, '0.92']) {
      const r = read(raw, '%');
      expect(r.value).toBe('92');
      expect(r.issues).toMatchObject([
        { code: 'ambiguous-percent', address: '基础数据!E7', severity: 'warning', inputId: 'x' },
      ]);
      expect(r.issues[0]?.message.zh).toContain('92%');
    }
  });

  it.each<[CellValue, string | null, string, boolean]>([
    ['8‰', null, '8', false],
    [8, '0.00"‰"', '8', false],
    ['８‰', null, '8', false],
    ['0.8%', null, '8', true],
    [0.008, '0.0%', '8', true],
  ])('reads %j (format %j) for a ‰ input as %s', (raw, format, expected, warned) => {
    const r = read(raw, '‰', format);
    expect(r.value).toBe(expected);
    expect(r.issues.map((i) => i.code)).toEqual(warned ? ['unit-converted'] : []);
  });

  it('keeps decimals exact: shortest spelling of a double, never its binary expansion', () => {
    expect(read(0.1, 'number').value).toBe('0.1');
    expect(read(1e-7, 'number').value).toBe('0.0000001');
    expect(read(0.1 + 0.2, 'number').value).toBe('0.30000000000000004');
    expect(read(1e21, 'number').value).toBe('1000000000000000000000');
    expect(read(0.285, '%', '0.0%').value).toBe('28.5');
  });

  it.each<[CellValue, InputDef['unit'], string]>([
    ['1,234', '人', '1234'],
    ['1,234,567.5', '元', '1234567.5'],
    ['１，２３４', '人', '1234'],
    ['3.5万元', '万元', '3.5'],
    ['12人', '人', '12'],
    ['−3', 'number', '-3'],
    ['.5', 'number', '0.5'],
    [' 42 ', 'count', '42'],
  ])('reads numbers stored as text: %j (%s) → %s', (raw, unit, expected) => {
    expect(read(raw, unit)).toEqual({ value: expected, issues: [] });
  });

  it.each<[CellValue, InputDef['unit'], string]>([
    ['abc', 'number', 'not-a-number'],
    ['1,5', 'number', 'not-a-number'],
    ['12,34', '人', 'not-a-number'],
    ['12户', '人', 'unexpected-unit'],
    ['5%', '元', 'unexpected-unit'],
    [true, 'number', 'not-a-number'],
    ['也许', 'yesno', 'invalid-yesno'],
    [2, 'yesno', 'invalid-yesno'],
    ['2012-02-30', 'date', 'invalid-date'],
  ])('rejects %j for a %s input with %s and no value', (raw, unit, code) => {
    const r = read(raw, unit);
    expect(r.value).toBeNull();
    expect(r.issues).toMatchObject([{ code, severity: 'error', address: '基础数据!E7' }]);
    expect(r.issues[0]?.message.zh).toBeTruthy();
    expect(r.issues[0]?.message.en).toBeTruthy();
  });

  it('names the expected unit as officials know it', () => {
    expect(read('12户', '人').issues[0]?.message.zh).toBe('“12户”的单位与本项的单位(人)不符');
    expect(read('12元', 'count').issues[0]?.message.zh).toBe('“12元”的单位与本项的单位(个数)不符');
    expect(read('2起', 'count')).toEqual({ value: '2', issues: [] });
    expect(read('3个', 'count')).toEqual({ value: '3', issues: [] });
  });

  it('reads a blank as missing, never as 0', () => {
    for (const raw of [null, '', '   '])
      expect(read(raw, 'count')).toEqual({ value: null, issues: [] });
    expect(read('-', 'count')).toMatchObject({
      value: null,
      issues: [{ code: 'dash-as-blank', severity: 'warning' }],
    });
  });

  it.each<[CellValue, boolean]>([
    ['是', true],
    ['否', false],
    ['√', true],
    ['×', false],
    ['有', true],
    ['无', false],
    ['Y', true],
    ['n', false],
    ['ｙｅｓ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('reads %j as yes/no %s', (raw, expected) => {
    expect(read(raw, 'yesno')).toEqual({ value: expected, issues: [] });
  });

  it('reads dates from Excel serials and typed text', () => {
    expect(read(40973, 'date').value).toBe('2012-03-05');
    expect(read(1, 'date').value).toBe('1900-01-01');
    expect(read(59, 'date').value).toBe('1900-02-28');
    expect(read(61, 'date').value).toBe('1900-03-01');
    expect(read('2012年3月5日', 'date').value).toBe('2012-03-05');
    expect(read('2012/3/5', 'date').value).toBe('2012-03-05');
    expect(read('2013-03-31', 'date').value).toBe('2013-03-31');
    expect(read('2013.3.31', 'date').value).toBe('2013-03-31');
    expect(read('２０１３年３月３１日', 'date').value).toBe('2013-03-31');
    // 41364 is 2013-03-31: 41364 − 25569 (1970-01-01) = 15795 days
    expect(read(41364, 'date').value).toBe('2013-03-31');
    // a date-time cell keeps its date
    expect(read(41364.75, 'date').value).toBe('2013-03-31');
  });

  it('takes the declared year for a date typed without one, and refuses it otherwise', () => {
    expect(read('3月31日', 'date', null, { defaultYear: 2013 })).toEqual({
      value: '2013-03-31',
      issues: [],
    });
    const r = read('3月31日', 'date');
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => [i.code, i.address, i.message.zh])).toEqual([
      [
        'date-without-year',
        '基础数据!E7',
        '“3月31日”缺少年份,本项未规定省略年份时按哪一年,请写全(如 2013年3月31日)',
      ],
    ]);
    // not in the calendar, with or without the year: never rolled over to March
    expect(read('2月29日', 'date', null, { defaultYear: 2013 }).issues[0]?.code).toBe(
      'invalid-date',
    );
    expect(read('2013/3-31', 'date').issues[0]?.code).toBe('invalid-date');
    expect(read(true, 'date').issues[0]?.code).toBe('invalid-date');
  });

  it('reads choices by value or label', () => {
    const choices = [
      { value: 'built', label: '已建成' },
      { value: 'none', label: { zh: '未建', en: 'not built' } },
    ];
    expect(read('已建成', 'choice', null, { choices }).value).toBe('built');
    expect(read('none', 'choice', null, { choices }).value).toBe('none');
    expect(read('在建', 'choice', null, { choices }).issues[0]?.code).toBe('invalid-choice');
  });

  it('reads 万 as ten thousand before any unit word, and 万元 amounts in 万元', () => {
    // 82万人 = 82 × 10000 = 820000 people; 3.5万元 for an amount in 元 = 35000.
    expect(read('82万人', '人')).toEqual({ value: '820000', issues: [] });
    expect(read('82万', 'count')).toEqual({ value: '820000', issues: [] });
    expect(read('1.2万户', '户')).toEqual({ value: '12000', issues: [] });
    expect(read('3.5万元', '元')).toEqual({ value: '35000', issues: [] });
    expect(read('3.5万', '万元')).toEqual({ value: '3.5', issues: [] });
    // 35000元 for an amount in 万元 is 35000 ÷ 10000 = 3.5, converted with a warning.
    expect(read('35000元', '万元')).toMatchObject({
      value: '3.5',
      issues: [{ code: 'unit-converted', severity: 'warning' }],
    });
    expect(read('82万户', '人').issues[0]?.code).toBe('unexpected-unit');
  });

  it('quotes each choice when an option itself holds 、', () => {
    const choices = [
      { value: 'effective', label: '有部署、有行动、有效果' },
      { value: 'partial', label: '有部署' },
    ];
    expect(read('没有', 'choice', null, { choices }).issues[0]?.message.zh).toBe(
      '“没有”不是可选项(「有部署、有行动、有效果」、「有部署」)之一',
    );
  });

  it('reads a whole-number rate stored under the percent format (shows 9200%) as 92%, warned at its cell', () => {
    const rate = { min: '0', max: '100' };
    const r = read(92, '%', '0.00%', rate);
    expect(r.value).toBe('92');
    expect(r.issues).toMatchObject([
      { code: 'percent-as-number', severity: 'warning', address: '基础数据!E7', inputId: 'x' },
    ]);
    expect(r.issues[0]?.message.zh).toContain('9200%');
    // 0.92 under the format is 92% as always; 1.05 shows 105% and 10 shows 1000% (not more than
    // ten times the maximum 100%): figures as shown, out of range for the engine. A rate without
    // a declared maximum (a growth rate) is read as shown.
    expect(read(0.92, '%', '0.00%', rate)).toEqual({ value: '92', issues: [] });
    expect(read(1.05, '%', '0.00%', rate)).toEqual({ value: '105', issues: [] });
    expect(read(10, '%', '0.00%', rate)).toEqual({ value: '1000', issues: [] });
    expect(read(10.5, '%', '0.00%', rate).value).toBe('10.5');
    expect(read(1.5, '%', '0.00%')).toEqual({ value: '150', issues: [] });
    expect(read(92, '%', '0.00%')).toEqual({ value: '9200', issues: [] });
    // 920 shows 92000%, and 920 is above 100 too: not a rate at all, left for the range check.
    expect(read(920, '%', '0.00%', rate)).toEqual({ value: '92000', issues: [] });
  });
});
