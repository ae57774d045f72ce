import { parseRuleSet, type RuleSetInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import associationReformJson from './association-reform.json' with { type: 'json' };
import associationYearEndJson from './association-year-end.json' with { type: 'json' };
import baotou2012Json from './baotou-2012.json' with { type: 'json' };
import grassrootsCertificationJson from './grassroots-certification.json' with { type: 'json' };
import associationGradeCertificationJson from './association-grade-certification.json' with { type: 'json' };
import cascadeVillageJson from './cascade-village.json' with { type: 'json' };
import cascadeTownshipJson from './cascade-township.json' with { type: 'json' };
import cascadeCountyJson from './cascade-county.json' with { type: 'json' };
import cascadeVillageQuarterlyJson from './cascade-village-quarterly.json' with { type: 'json' };
import {
  associationGradeCertification,
  associationReform,
  associationYearEnd,
  baotou2012,
  exampleRuleSets,
  grassrootsCertification,
  ruleSetFromJson,
  RuleSetFileError,
} from './index.ts';

const FILES: Record<string, object> = {
  'baotou-2012.json': baotou2012Json,
  'association-year-end.json': associationYearEndJson,
  'grassroots-certification.json': grassrootsCertificationJson,
  'association-reform.json': associationReformJson,
  'association-grade-certification.json': associationGradeCertificationJson,
  'cascade-village.json': cascadeVillageJson,
  'cascade-township.json': cascadeTownshipJson,
  'cascade-county.json': cascadeCountyJson,
  'cascade-village-quarterly.json': cascadeVillageQuarterlyJson,
};
/** A fresh, editable copy of a shipped file. */
const copy = <T>(file: string): T => JSON.parse(JSON.stringify(FILES[file])) as T;

describe('the example rule sets', () => {
  it('are all exported by id', () => {
    expect(Object.keys(exampleRuleSets).sort()).toEqual([
      'association-grade-certification',
      'association-reform',
      'association-year-end',
      'baotou-2012',
      'cascade-county',
      'cascade-township',
      'cascade-village',
      'cascade-village-quarterly',
      'grassroots-certification',
    ]);
    expect(exampleRuleSets['baotou-2012']).toBe(baotou2012);
    expect(exampleRuleSets['association-year-end']).toBe(associationYearEnd);
    expect(exampleRuleSets['grassroots-certification']).toBe(grassrootsCertification);
    expect(exampleRuleSets['association-reform']).toBe(associationReform);
    expect(exampleRuleSets['association-grade-certification']).toBe(associationGradeCertification);
  });

  it.each(Object.entries(FILES))('%s names the JSON Schema first, for editors', (_file, json) => {
    expect(Object.keys(json)[0]).toBe('$schema');
    expect(json).toMatchObject({ $schema: '../../engine/rule-set.schema.json' });
  });

  it.each(Object.entries(exampleRuleSets))(
    '%s passes the schema and the semantic checks without warnings',
    (_id, rs) => {
      // parseRuleSet checks the schema first: no issue and no warning means both passed.
      const parsed = parseRuleSet(rs);
      expect(parsed.ok ? parsed.warnings : parsed.issues).toEqual([]);
    },
  );

  it.each(Object.entries(exampleRuleSets))(
    '%s labels every input and item in zh and en, and records its assumptions',
    (_id, rs) => {
      const bilingual = (t: unknown): boolean =>
        typeof t === 'object' && t !== null && 'zh' in t && 'en' in t;
      for (const input of rs.inputs) expect(bilingual(input.label), input.id).toBe(true);
      const walk = (items: RuleSetInput['sections'][number]['items']): void => {
        for (const i of items) {
          expect(bilingual(i.title), i.code).toBe(true);
          if (i.items) walk(i.items);
        }
      };
      for (const s of rs.sections) {
        expect(bilingual(s.title), s.code).toBe(true);
        walk(s.items);
      }
      expect(rs.notes?.length).toBeGreaterThan(2);
      for (const note of rs.notes ?? []) expect(bilingual(note)).toBe(true);
    },
  );

  it('holds % and ‰ figures in their own unit and asks for evidence where the documents do', () => {
    const unitOf = (id: string): string | undefined =>
      baotou2012.inputs.find((i) => i.id === id)?.unit;
    expect(unitOf('policy_rate')).toBe('%');
    expect(unitOf('birth_rate')).toBe('‰');
    expect(unitOf('fp_budget_county')).toBe('万元');
    expect(baotou2012.inputs.find((i) => i.id === 'assistant_subsidy')?.evidence).toBe(true);
    expect(grassrootsCertification.kind).toBe('certification');
    expect(grassrootsCertification.rectificationDays).toBe(30);
    expect(associationReform.inputs.find((i) => i.id === 'cadre_days_min')?.unit).toBe('天');
    expect(associationReform.inputs.find((i) => i.id === 'leader_months_min')?.unit).toBe('月');
  });
});

describe('ruleSetFromJson', () => {
  it('names the file and the rule path of a broken edit', () => {
    const broken = copy<{ sections: { items: { rule?: { kind: string } }[] }[] }>(
      'baotou-2012.json',
    );
    const first = broken.sections[0]?.items[1];
    if (first?.rule) first.rule.kind = 'thresold';
    expect(() => ruleSetFromJson(broken, 'baotou-2012.json')).toThrow(RuleSetFileError);
    expect(() => ruleSetFromJson(broken, 'baotou-2012.json')).toThrow(
      /^baotou-2012\.json: .*sections\[0\]\.items\[1\]\.rule\.kind: 一\(二\)\.2 .*「thresold」不存在/,
    );
  });
  it('refuses a blanked number instead of reading it as 0', () => {
    const blanked = copy<{ points: number | null }>('association-reform.json');
    blanked.points = null;
    expect(() => ruleSetFromJson(blanked, 'association-reform.json')).toThrow(
      /^association-reform\.json: .*points: 总分值空白\(空白不会按0处理\) \/ total points are blank/,
    );
  });
});
