import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseRuleSet } from '@kaohe/engine';
import { canonicalRuleSet, createKey, openKey, publishEdition } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { nextYear, openText, savedText, type Doc } from './open.ts';

const baotouText = readFileSync(
  createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
  'utf8',
);

describe('openText', () => {
  it('opens a rule set file as written (no defaults added)', async () => {
    const opened = await openText(baotouText, 'baotou-2012.json');
    expect(opened.ok && opened.doc).toEqual(JSON.parse(baotouText));
  });

  it('opens a published edition: the rules it embeds', async () => {
    const parsed = parseRuleSet(JSON.parse(baotouText));
    if (!parsed.ok) throw new Error('baotou-2012 does not parse');
    const made = createKey('测试口令-不用于正式', {
      issuer: '包头市人民政府',
      validFrom: 2012,
      validTo: 2014,
      scryptN: 2 ** 10,
    });
    const key = openKey(made.file, '测试口令-不用于正式');
    if (!key.ok) throw new Error(key.message.en);
    const edition = publishEdition(parsed.value, {
      secret: key.value.secret,
      key: key.value.publicKey,
      issuedAt: '2012-01-01T00:00:00Z',
    });
    const opened = await openText(JSON.stringify(edition), 'edition.json');
    if (!opened.ok) throw new Error(opened.message.en);
    expect(opened.edition).toEqual(edition);
    expect(canonicalRuleSet(opened.doc as never)).toBe(edition.ruleSet);
  });

  it('names the file when it is not JSON, not an object, or a broken edition', async () => {
    const bad = await openText('{"year": 20', '坏文件.json');
    expect(!bad.ok && bad.message.zh).toMatch(/^坏文件\.json 不是有效的 JSON 文件/);
    const list = await openText('[1]', 'list.json');
    expect(!list.ok && list.message.en).toBe(
      'list.json is not a rule set (a JSON object is expected)',
    );
    const edition = await openText('{"kaohe":"edition","ruleSet":"{}"}', 'e.json');
    expect(!edition.ok && edition.message.zh).toBe('e.json 不是完整的发布文件(签名版本)');
  });
});

describe('nextYear (新一年度)', () => {
  it('bumps the year and the edition and keeps everything else, codes included', async () => {
    const doc = JSON.parse(baotouText) as Doc;
    const next = nextYear(doc);
    // baotou-2012 is year 2012, edition 1 → 2013, edition 2.
    expect([next['year'], next['edition']]).toEqual([2013, 2]);
    expect({ ...next, year: doc['year'], edition: doc['edition'], title: doc['title'] }).toEqual(
      doc,
    );
    expect(doc['year']).toBe(2012); // the opened rules are not changed
  });

  it('bumps the year in the title as it bumps the year field, in each language', () => {
    const doc = JSON.parse(baotouText) as Doc;
    expect(nextYear(doc)['title']).toEqual({
      zh: '包头市2013年人口和计划生育工作目标管理责任书考核评估内容和评估办法',
      en: 'Baotou 2013 population and family planning target responsibility: assessment content and scoring rules',
    });
    expect(nextYear({ year: 2012, title: '2012年度考核办法' })['title']).toBe('2013年度考核办法');
    // Only the year itself: a longer number that contains it and another year are left alone.
    expect(nextYear({ year: 2012, title: '2011—2015年规划第20120号,2012年度' })['title']).toBe(
      '2011—2015年规划第20120号,2013年度',
    );
    // A title without the year, and a document without a year, keep their titles.
    expect(nextYear({ year: 2012, title: '年终考核' })['title']).toBe('年终考核');
    expect(nextYear({ title: '2012年度' })['title']).toBe('2012年度');
  });
});

describe('savedText', () => {
  it('gives the same bytes when a saved file is opened and saved again', async () => {
    const opened = await openText(baotouText, 'baotou-2012.json');
    if (!opened.ok) throw new Error(opened.message.en);
    const saved = savedText(opened.doc);
    const again = await openText(saved, 'saved.json');
    expect(again.ok && savedText(again.doc)).toBe(saved);
    // Nothing lost or added: the same document, keys in the file's own order.
    expect(JSON.parse(saved)).toEqual(JSON.parse(baotouText));
    expect(Object.keys(JSON.parse(saved) as object)).toEqual(
      Object.keys(JSON.parse(baotouText) as object),
    );
    expect(saved.endsWith('}\n')).toBe(true);
  });
});
