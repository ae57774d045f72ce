// What publishing needs decided before the admin confirms: the draft must parse, be a later
// edition of the same rules than the one opened, and — with a key — the opened edition must
// verify with it to be chained to. The signing itself is @kaohe/sheet's (as `kaohe publish`).
import { parseRuleSet, type Msg, type RuleSet } from '@kaohe/engine';
import {
  diffReport,
  openKey,
  publishEdition,
  verifyEdition,
  type DiffReport,
  type EditionFile,
  type UnitIdentity,
} from '@kaohe/sheet';
import type { Doc } from '../doc/open.ts';

export type Plan =
  { ok: true; ruleSet: RuleSet; report?: DiffReport } | { ok: false; message: Msg };

/** Can the draft be published after `base`, and what changes (undefined: base does not parse). */
export function publishPlan(base: Doc, draft: Doc): Plan {
  const to = parseRuleSet(draft);
  if (!to.ok) {
    const errors = to.issues.filter((i) => i.severity === 'error').length;
    return {
      ok: false,
      message: {
        zh: `草稿还有 ${errors} 个错误,修正后才能发布`,
        en: `the draft still has ${errors} error(s): fix them to publish`,
      },
    };
  }
  const from = parseRuleSet(base);
  if (!from.ok) return { ok: true, ruleSet: to.value };
  if (from.value.id === to.value.id && to.value.edition <= from.value.edition)
    return {
      ok: false,
      message: {
        zh: `版次应大于上一版(第 ${from.value.edition} 版):请用「新一年度」或修改版次`,
        en: `the edition must be later than the last one (${from.value.edition}): use Next year or change the edition`,
      },
    };
  return { ok: true, ruleSet: to.value, report: diffReport(from.value, to.value) };
}

/** The signed edition file, chained to the opened edition when there is one. */
export function signedEdition(
  ruleSet: RuleSet,
  keyFile: unknown,
  passphrase: string,
  previous: EditionFile | undefined,
  issuedAt: string,
): { ok: true; edition: EditionFile } | { ok: false; message: Msg } {
  const key = openKey(keyFile, passphrase);
  if (!key.ok) return { ok: false, message: key.message };
  if (previous) {
    const check = verifyEdition(previous, { keys: [key.value.publicKey], revoked: [] });
    if (check.status !== 'trusted')
      return {
        ok: false,
        message: {
          zh: `打开的上一版不能用此密钥核验,不能接续:${check.message.zh}`,
          en: `the edition opened does not verify with this key, so it cannot be chained to: ${check.message.en}`,
        },
      };
  }
  return {
    ok: true,
    edition: publishEdition(ruleSet, {
      secret: key.value.secret,
      key: key.value.publicKey,
      issuedAt,
      ...(previous ? { previous } : {}),
    }),
  };
}

/** The roster typed as one unit name a line (blank lines skipped); a repeated name is refused. */
export function rosterUnits(
  text: string,
): { ok: true; units: UnitIdentity[] } | { ok: false; message: Msg } {
  const names = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (seen.has(name))
      return {
        ok: false,
        message: {
          zh: `第 ${i + 1} 行:单位 ${name} 重复`,
          en: `line ${i + 1}: unit ${name} appears twice`,
        },
      };
    seen.add(name);
  }
  return { ok: true, units: names.map((name) => ({ id: name, name })) };
}
