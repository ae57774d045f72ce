// The rule set's fingerprint: SHA-256 of its canonical JSON (RFC 8785, JCS), so a reviewer
// can tell whether the rules inside a workbook are the ones they hold, whatever the key order.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { RuleSet } from '@kaohe/engine';

/** Canonical JSON (RFC 8785) of a parsed rule set: the text embedded in the meta sheet. */
// Rule sets are treated as immutable once parsed: a reviewer reading 500 workbooks against one
// rule set canonicalises and hashes it once.
const canonicalCache = new WeakMap<RuleSet, string>();
const checksumCache = new WeakMap<RuleSet, string>();

export function canonicalRuleSet(ruleSet: RuleSet): string {
  const cached = canonicalCache.get(ruleSet);
  if (cached !== undefined) return cached;
  const text = canonicalize(ruleSet);
  if (text === undefined) throw new TypeError('rule set has no JSON form');
  canonicalCache.set(ruleSet, text);
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 (hex) of the canonical JSON of a parsed rule set (defaults applied). */
export function ruleSetChecksum(ruleSet: RuleSet): string {
  const cached = checksumCache.get(ruleSet);
  if (cached !== undefined) return cached;
  const sum = sha256Hex(canonicalRuleSet(ruleSet));
  checksumCache.set(ruleSet, sum);
  return sum;
}

/**
 * The checksum as printed in a sheet's header: its first 12 hex digits in groups of four
 * ("82f2 644b c65e"), short enough to read aloud and compare by eye. The full SHA-256 stays in
 * the meta sheet, where the reader checks the rules against it.
 */
export function fingerprint(checksum: string): string {
  return (checksum.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}
