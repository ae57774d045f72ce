// Amounts (money carried as output) in the diff of two editions: added, removed, formula,
// unit, rounding, and each grade's amount raised or lowered. Money is neither stricter nor
// looser scoring: these changes carry no direction.
import { q, type Q } from '../exact/exact.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { Msg } from '../model/result.ts';
import type { Amount } from '../schema/amounts.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import { change, numChange, textChange, type Where } from '../diff/text.ts';
import type { Change } from '../diff/types.ts';

const inUnit =
  (unit: Amount['unit']) =>
  (v: Q): Msg => ({
    zh: `${show(v)}${unit}`,
    en: `${show(v)} ${unit === '元' ? 'yuan' : '× 10,000 yuan'}`,
  });

/** How an amount is worked out, in words for the diff. */
function rule(a: Amount, bandLabel: (id: string) => string): Msg {
  if (a.amount !== undefined) return { zh: `按公式 ${a.amount}`, en: `by the formula ${a.amount}` };
  const parts = Object.entries(a.byGrade ?? {}).map(
    ([band, v]) => `${bandLabel(band)} ${v === null ? '?' : show(q(v))}`,
  );
  return { zh: `按等次(${parts.join('、')})`, en: `by grade (${parts.join(', ')})` };
}

export function compareAmounts(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const [xa, xb] = [a.amounts ?? [], b.amounts ?? []];
  const bandLabel = (id: string): string =>
    msgOf(
      b.grades?.bands.find((x) => x.id === id)?.label ??
        a.grades?.bands.find((x) => x.id === id)?.label ??
        id,
    ).zh;
  const where = (x: Amount): Where => ({
    path: `amounts.${x.id}`,
    label: { zh: `金额「${msgOf(x.label).zh}」`, en: `amount "${msgOf(x.label).en}"` },
  });
  for (const x of xb) {
    const old = xa.find((y) => y.id === x.id);
    const words = rule(x, bandLabel);
    if (!old) {
      out.push(
        change('amount', where(x), {
          zh: `新增,${words.zh},单位${x.unit}`,
          en: `added, ${words.en}, in ${x.unit}`,
        }),
      );
      continue;
    }
    out.push(
      textChange(
        'amount',
        where(x),
        { zh: '名称', en: 'label' },
        msgOf(old.label).zh,
        msgOf(x.label).zh,
      ),
    );
    out.push(textChange('amount', where(x), { zh: '单位', en: 'unit' }, old.unit, x.unit));
    const round = (r: Amount['rounding']) => (r ? `${r.dp} ${r.mode}` : undefined);
    out.push(
      textChange(
        'amount',
        where(x),
        { zh: '舍入', en: 'rounding' },
        round(old.rounding),
        round(x.rounding),
      ),
    );
    if (old.amount !== undefined || x.amount !== undefined || !old.byGrade || !x.byGrade) {
      out.push(
        textChange(
          'amount',
          where(x),
          { zh: '计算方法', en: 'rule' },
          rule(old, bandLabel).zh,
          words.zh,
        ),
      );
      continue;
    }
    // Both by grade: each band's amount compared as a number.
    const bands = [...new Set([...Object.keys(x.byGrade), ...Object.keys(old.byGrade)])];
    for (const band of bands) {
      const [va, vb] = [old.byGrade[band], x.byGrade[band]];
      const at: Where = {
        path: `amounts.${x.id}.byGrade.${band}`,
        label: {
          zh: `${where(x).label.zh}等次「${bandLabel(band)}」`,
          en: `${where(x).label.en}, grade "${bandLabel(band)}"`,
        },
      };
      if (va === null || vb === null || va === undefined || vb === undefined) {
        const shown = (v: typeof va) => (v === undefined || v === null ? undefined : show(q(v)));
        out.push(textChange('amount', at, { zh: '金额', en: 'amount' }, shown(va), shown(vb)));
      } else
        out.push(
          numChange(
            'amount',
            at,
            { zh: '金额', en: 'amount' },
            q(va),
            q(vb),
            'neutral',
            inUnit(x.unit),
          ),
        );
    }
  }
  for (const x of xa) {
    if (!xb.some((y) => y.id === x.id))
      out.push(change('amount', where(x), { zh: '取消', en: 'removed' }));
  }
  return out.filter((c): c is Change => c !== undefined);
}
