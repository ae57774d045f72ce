// Example rule sets encoded from published assessment documents (see each file's `notes` for
// the source and every assumption made where the document is silent).
import type { RuleSetInput } from '@kaohe/engine';
import associationReformJson from './association-reform.json' with { type: 'json' };
import associationYearEndJson from './association-year-end.json' with { type: 'json' };
import baotou2012Json from './baotou-2012.json' with { type: 'json' };
import grassrootsCertificationJson from './grassroots-certification.json' with { type: 'json' };
import associationGradeCertificationJson from './association-grade-certification.json' with { type: 'json' };
import cascadeVillageJson from './cascade-village.json' with { type: 'json' };
import cascadeTownshipJson from './cascade-township.json' with { type: 'json' };
import cascadeCountyJson from './cascade-county.json' with { type: 'json' };
import cascadeVillageQuarterlyJson from './cascade-village-quarterly.json' with { type: 'json' };
import { ruleSetFromJson } from './load.ts';

/** 包头市2012年人口和计划生育目标管理责任书考核 (banners, counties and districts; 150 points). */
export const baotou2012: RuleSetInput = ruleSetFromJson(baotou2012Json, 'baotou-2012.json');
/** 计划生育协会工作年终考核: the association's 20 % of the population target assessment. */
export const associationYearEnd: RuleSetInput = ruleSetFromJson(
  associationYearEndJson,
  'association-year-end.json',
);
/** 村(社区)计生协评估认定: pass only if every clause is met. */
export const grassrootsCertification: RuleSetInput = ruleSetFromJson(
  grassrootsCertificationJson,
  'grassroots-certification.json',
);
/** 村(社区)计生协等级评估认定: 合格 ≥ 80 by the township, 一流 ≥ 90 by the county. */
export const associationGradeCertification: RuleSetInput = ruleSetFromJson(
  associationGradeCertificationJson,
  'association-grade-certification.json',
);
/** 嘉峪关市计生协改革方案落实情况评估. */
export const associationReform: RuleSetInput = ruleSetFromJson(
  associationReformJson,
  'association-reform.json',
);
/** 村(居)计划生育工作年终考核: villages scored by their township (85 or more: qualified). */
export const cascadeVillage: RuleSetInput = ruleSetFromJson(
  cascadeVillageJson,
  'cascade-village.json',
);
/** 乡镇计划生育工作年终考核: the township, with figures rolled up from its villages. */
export const cascadeTownship: RuleSetInput = ruleSetFromJson(
  cascadeTownshipJson,
  'cascade-township.json',
);
/** 县(区)计划生育工作年终考核: the county, with figures rolled up from its townships. */
export const cascadeCounty: RuleSetInput = ruleSetFromJson(
  cascadeCountyJson,
  'cascade-county.json',
);

/** 村(居)计划生育工作季度考核: villages scored every quarter, failed inspections counted across
 *  quarters (3 in a row or 5 in all → interview). */
export const cascadeVillageQuarterly: RuleSetInput = ruleSetFromJson(
  cascadeVillageQuarterlyJson,
  'cascade-village-quarterly.json',
);

/** Every example rule set by its id. */
export const exampleRuleSets: Readonly<Record<string, RuleSetInput>> = {
  [baotou2012.id]: baotou2012,
  [associationYearEnd.id]: associationYearEnd,
  [grassrootsCertification.id]: grassrootsCertification,
  [associationReform.id]: associationReform,
  [associationGradeCertification.id]: associationGradeCertification,
  [cascadeVillage.id]: cascadeVillage,
  [cascadeTownship.id]: cascadeTownship,
  [cascadeCounty.id]: cascadeCounty,
  [cascadeVillageQuarterly.id]: cascadeVillageQuarterly,
};

export { ruleSetFromJson, RuleSetFileError } from './load.ts';
export { baotou2012SampleUnits } from './samples/baotou-2012-units.ts';
export { generateUnits, streamUnits } from './samples/generate-units.ts';
export { mulberry32, type Prng } from './samples/prng.ts';
export { generateUnitsFor } from './samples/generate-for.ts';
