// The reviewer's rule set from the meta sheet alone. readSheet needs a filled unit header, but a
// reviewer usually holds the blank template they sent down; @kaohe/sheet keeps readMeta
// internal, so this reads the documented meta layout (key / value rows, `json` chunks, SHA-256
// checksum) until the codec exports it. Any doubt is a problem, never a guess.
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { canonicalRuleSet, sha256Hex } from '@kaohe/sheet';
import type { Outcome } from './kernel.types.ts';
import type { SheetGrid } from './workbook-port.ts';

export function embeddedRuleSet(meta: SheetGrid): Outcome<{ ruleSet: RuleSet; checksum: string }> {
  const fail = (zh: string, en: string): Outcome<never> => ({
    ok: false,
    problems: [{ code: 'sheet-damaged', severity: 'error', sheet: meta.name, address: 'A1', message: { zh, en } }],
  });
  const rows = meta.values.map((r) => [r[0], r[1] === null || r[1] === undefined ? '' : String(r[1])] as const);
  const checksum = rows.find(([k]) => k === 'checksum')?.[1];
  const json = rows.filter(([k]) => k === 'json').map(([, v]) => v).join('');
  if (!checksum || !json) return fail('规则数据表不完整', 'the rules sheet is incomplete');
  if (sha256Hex(json) !== checksum) return fail('规则数据与校验码不符,可能被修改', 'the embedded rules do not match their checksum');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fail(`规则数据已损坏:${String(error)}`, `the embedded rules are damaged: ${String(error)}`);
  }
  const parsed = parseRuleSet(data);
  if (!parsed.ok || canonicalRuleSet(parsed.value) !== json) return fail('表内规则无效', 'the embedded rules are invalid');
  return { ok: true, value: { ruleSet: parsed.value, checksum } };
}
