// `--unit` values → unit identities: "昆都仑区", "kdq=昆都仑区", "kdq=昆都仑区@town".
import { msgOf, type RuleSet } from '@kaohe/engine';
import type { UnitIdentity } from '@kaohe/sheet';
import { CliError } from '../../errors.ts';
import { templateText } from '../../i18n/template.ts';

const SPEC = /^(?:([^=@]+)=)?([^=@]+)(?:@([^=@]+))?$/;

export function parseUnitSpec(spec: string, ruleSet: RuleSet): UnitIdentity {
  const m = SPEC.exec(spec.trim());
  const name = m?.[2]?.trim();
  if (!m || !name) throw new CliError('usage', templateText.badUnit(spec));
  const id = m[1]?.trim() || name;
  const cls = m[3]?.trim();
  if (cls === undefined) return { id, name };
  const classes = ruleSet.classes ?? [];
  if (classes.length === 0) throw new CliError('usage', templateText.noClasses(cls));
  const match = classes.find(
    (c) => c.id === cls || msgOf(c.label).zh === cls || msgOf(c.label).en === cls,
  );
  if (!match)
    throw new CliError(
      'usage',
      templateText.unknownClass(cls, classes.map((c) => c.id).join('、')),
    );
  return { id, name, class: match.id };
}

export function parseUnitSpecs(specs: readonly string[], ruleSet: RuleSet): UnitIdentity[] {
  const units = specs.map((s) => parseUnitSpec(s, ruleSet));
  const seen = new Set<string>();
  for (const u of units) {
    for (const key of [`id:${u.id}`, `name:${u.name}`]) {
      if (seen.has(key))
        throw new CliError('usage', templateText.duplicateUnit(key.slice(key.indexOf(':') + 1)));
      seen.add(key);
    }
  }
  return units;
}
