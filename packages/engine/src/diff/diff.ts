// The business-level difference between two editions of a rule set: what an official must know
// ("二.1 符合政策生育率:下限由 92% 提高到 93%(收紧)"), in zh-CN and English.
import { compareAmounts } from '../amounts/diff.ts';
import { q } from '../exact/exact.ts';
import { msgOf } from '../messages/text.ts';
import type { Operand } from '../schema/common.ts';
import type { InputUnit, RuleSet } from '../schema/ruleset.ts';
import { evidencePolicyOf } from './effective.ts';
import { bonusCapOf, evidenceDefaults } from './bounds.ts';
import { compareNodes, itemNode, mismatchChange, sectionNode } from './items.ts';
import {
  compareCounters,
  compareDeadlines,
  compareCertificationGrades,
  compareGrades,
  compareDerived,
  compareInputs,
  compareRanking,
  compareSanctions,
} from './settings.ts';
import { change, numChange, plain, points, roundingText, textChange, type Where } from './text.ts';
import type { Change, RuleSetDiff } from './types.ts';

const keep = (xs: (Change | undefined)[]): Change[] =>
  xs.filter((c): c is Change => c !== undefined);
const evidenceText = (r: RuleSet): string =>
  evidencePolicyOf(r) === 'zero' ? '该项不得分' : '保留得分并标记';

function identity(a: RuleSet, b: RuleSet): Change[] {
  const where: Where = { path: '(root)', label: { zh: '考核办法', en: 'Rule set' } };
  const out: (Change | undefined)[] = [
    numChange(
      'identity',
      { ...where, path: 'year' },
      { zh: '年度', en: 'year' },
      q(a.year),
      q(b.year),
      'neutral',
      plain,
    ),
    numChange(
      'identity',
      { ...where, path: 'edition' },
      { zh: '版次', en: 'edition' },
      q(a.edition),
      q(b.edition),
      'neutral',
      plain,
    ),
    textChange(
      'identity',
      { ...where, path: 'title' },
      { zh: '名称', en: 'title' },
      msgOf(a.title).zh,
      msgOf(b.title).zh,
    ),
    textChange(
      'identity',
      { ...where, path: 'issuer' },
      { zh: '制定单位', en: 'issuer' },
      msgOf(a.issuer).zh,
      msgOf(b.issuer).zh,
    ),
    textChange('identity', { ...where, path: 'kind' }, { zh: '类型', en: 'kind' }, a.kind, b.kind),
    textChange(
      'rounding',
      { ...where, path: 'rounding.scores' },
      { zh: '得分保留位数', en: 'rounding of scores' },
      roundingText(a.rounding.scores),
      roundingText(b.rounding.scores),
    ),
    textChange(
      'rounding',
      { ...where, path: 'rounding.rates' },
      { zh: '比率保留位数', en: 'rounding of rates' },
      roundingText(a.rounding.rates),
      roundingText(b.rounding.rates),
    ),
    textChange(
      'policy',
      { ...where, path: 'evidencePolicy' },
      { zh: '缺少佐证材料的处理', en: 'missing evidence' },
      evidenceText(a),
      evidenceText(b),
      evidencePolicyOf(b) === 'zero' ? 'tightened' : 'loosened',
    ),
  ];
  out.push(
    mismatchChange({ ...where, path: 'pointsMismatch' }, a.pointsMismatch, b.pointsMismatch),
  );
  if (a.points !== null && b.points !== null)
    out.push(
      numChange(
        'points',
        { ...where, path: 'points' },
        { zh: '总分', en: 'total points' },
        q(a.points),
        q(b.points),
        'neutral',
        points,
      ),
    );
  if (a.rectificationDays !== undefined && b.rectificationDays !== undefined) {
    out.push(
      numChange(
        'policy',
        { ...where, path: 'rectificationDays' },
        { zh: '整改期限', en: 'rectification period' },
        q(a.rectificationDays),
        q(b.rectificationDays),
        'higher-loosens',
        (v) => ({ zh: `${v.toString()}天`, en: `${v.toString()} days` }),
      ),
    );
  } else {
    out.push(
      textChange(
        'policy',
        { ...where, path: 'rectificationDays' },
        { zh: '整改期限(天)', en: 'rectification period (days)' },
        a.rectificationDays?.toString(),
        b.rectificationDays?.toString(),
      ),
    );
  }
  return keep(out);
}

function bonus(a: RuleSet, b: RuleSet, unitOf: (op: Operand) => InputUnit | undefined): Change[] {
  const where: Where = { path: '加分', label: { zh: '加分', en: 'Bonus' } };
  if (!a.bonus || !b.bonus) {
    return a.bonus === b.bonus
      ? []
      : [
          change(
            'bonus',
            where,
            a.bonus
              ? { zh: '取消加分项目', en: 'bonus removed' }
              : { zh: '新增加分项目', en: 'bonus added' },
            a.bonus ? 'tightened' : 'loosened',
          ),
        ];
  }
  const out: (Change | undefined)[] = [];
  const [ca, cb] = [bonusCapOf(a.bonus), bonusCapOf(b.bonus)];
  if (ca !== undefined && cb !== undefined)
    out.push(
      numChange(
        'bonus',
        where,
        { zh: '加分上限', en: 'bonus cap' },
        q(ca),
        q(cb),
        'higher-loosens',
        points,
      ),
    );
  else if (ca !== cb) {
    const cap = points(q((ca ?? cb) as string | number));
    out.push(
      change(
        'bonus',
        where,
        cb === undefined
          ? {
              zh: `取消加分上限(原${cap.zh}),加分不设上限`,
              en: `bonus cap removed (was ${cap.en}): bonus uncapped`,
            }
          : {
              zh: `新设加分上限${cap.zh}(原不设上限)`,
              en: `bonus capped at ${cap.en} (was uncapped)`,
            },
        cb === undefined ? 'loosened' : 'tightened',
      ),
    );
  }
  out.push(
    ...compareNodes('加分', a.bonus.items.map(itemNode), b.bonus.items.map(itemNode), {
      unitOf,
      evidence: evidenceDefaults(a, b),
    }),
  );
  return keep(out);
}

export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetDiff {
  // Units of measured values come from the new edition, falling back to the old.
  const unitOf = (op: Operand): InputUnit | undefined => {
    if (typeof op !== 'string') return undefined;
    const id = op.trim();
    // A derived value's unit too: a breakpoint on it is shown in it.
    return (
      b.inputs.find((d) => d.id === id) ??
      a.inputs.find((d) => d.id === id) ??
      b.derived?.find((d) => d.id === id) ??
      a.derived?.find((d) => d.id === id)
    )?.unit;
  };
  const changes = [
    ...identity(a, b),
    ...compareNodes('', a.sections.map(sectionNode), b.sections.map(sectionNode), {
      unitOf,
      evidence: evidenceDefaults(a, b),
    }),
    ...bonus(a, b, unitOf),
    ...compareInputs(a, b),
    ...compareDerived(a, b),
    ...compareSanctions(a, b),
    ...compareCounters(a, b),
    ...compareDeadlines(a, b),
    ...compareCertificationGrades(a, b),
    ...compareAmounts(a, b),
    ...compareGrades(a, b),
    ...compareRanking(a, b),
  ];
  const tightened = changes.filter((c) => c.direction === 'tightened').length;
  const loosened = changes.filter((c) => c.direction === 'loosened').length;
  return {
    from: { id: a.id, year: a.year, edition: a.edition },
    to: { id: b.id, year: b.year, edition: b.edition },
    changes,
    summary: {
      zh:
        changes.length === 0
          ? '两版考核办法没有差别'
          : `共${changes.length}处变化,其中收紧${tightened}处、放宽${loosened}处`,
      en:
        changes.length === 0
          ? 'the two editions do not differ'
          : `${changes.length} change(s): ${tightened} tightened, ${loosened} loosened`,
    },
  };
}
