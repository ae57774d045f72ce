import type { Msg } from '@kaohe/engine';

export const editionText = {
  keyMade: (file: string, issuer: string): Msg => ({
    zh: `已生成签名密钥:${issuer}(私钥文件 ${file},请妥善保管,口令不可找回)`,
    en: `signing key made: ${issuer} (secret key file ${file}; keep it safe, the passphrase cannot be recovered)`,
  }),
  publicLine: {
    zh: '公钥(请在正式通知中印发,各单位据此导入信任列表):',
    en: 'public key (print it in the official notice; units import it into their trust list):',
  } satisfies Msg,
  fingerprint: (fp: string): Msg => ({ zh: `指纹:${fp}`, en: `fingerprint: ${fp}` }),
  published: (file: string, year: number, edition: number, chained: boolean): Msg => ({
    zh: `已发布 ${year} 年度第 ${edition} 版:${file}${chained ? '(已链接上一版)' : '(首版)'}`,
    en: `published ${year} edition ${edition}: ${file}${chained ? ' (chained to the previous edition)' : ' (first edition)'}`,
  }),
  noPassphrase: {
    zh: '缺少口令:请用 --passphrase-file 指定口令文件,或设置环境变量 KAOHE_PASSPHRASE',
    en: 'no passphrase: give --passphrase-file, or set KAOHE_PASSPHRASE',
  } satisfies Msg,
  shortPassphrase: {
    zh: '口令至少 8 个字符',
    en: 'the passphrase must have at least 8 characters',
  } satisfies Msg,
  badYears: (v: string): Msg => ({
    zh: `有效年份「${v}」应写作 2013-2015`,
    en: `valid years "${v}" should read like 2013-2015`,
  }),
  keyRefused: (file: string, why: Msg): Msg => ({
    zh: `${file}:${why.zh}`,
    en: `${file}: ${why.en}`,
  }),
  previousNotTrusted: (file: string, why: Msg): Msg => ({
    zh: `上一版 ${file} 未通过验证,不能链接:${why.zh}`,
    en: `the previous edition ${file} does not verify, so it cannot be chained to: ${why.en}`,
  }),
  previousNotEarlier: (file: string): Msg => ({
    zh: `上一版 ${file} 的版次不早于本版`,
    en: `the previous edition ${file} is not an earlier edition`,
  }),
  verified: (file: string, what: Msg): Msg => ({
    zh: `  ✓ ${file}:${what.zh}`,
    en: `  ✓ ${file}: ${what.en}`,
  }),
  refused: (file: string, what: Msg): Msg => ({
    zh: `  ✗ ${file}:${what.zh}`,
    en: `  ✗ ${file}: ${what.en}`,
  }),
  editionRefused: (file: string, what: Msg): Msg => ({
    zh: `${file} 不是可信的正式版本:${what.zh}`,
    en: `${file} is not a trusted official edition: ${what.en}`,
  }),
  workbookRefused: (file: string, what: Msg): Msg => ({
    zh: `${file} 内的规则未通过验证,不予计分:${what.zh}(草稿可加 --unsigned 计分)`,
    en: `the rules in ${file} fail verification, so it is not scored: ${what.en} (a draft: add --unsigned)`,
  }),
  workbookUnverified: (what: Msg): Msg => ({
    zh: `注意:${what.zh};按 --unsigned 计分,结果不是正式版本的得分`,
    en: `note: ${what.en}; scored under --unsigned, not by an official edition`,
  }),
  chainBroken: (editions: readonly number[]): Msg => ({
    zh: `  ✗ 版本链断开:第 ${editions.join('、')} 版未链接到上一版(历史可能被改写)`,
    en: `  ✗ chain broken: edition(s) ${editions.join(', ')} do not link to the one before (history may have been rewritten)`,
  }),
  chainIntact: (n: number): Msg => ({
    zh: `  ✓ 版本链完整(${n} 个版本)`,
    en: `  ✓ chain intact (${n} editions)`,
  }),
  summary: (ok: number, bad: number): Msg => ({
    zh: `共 ${ok + bad} 个文件:${ok} 个通过验证,${bad} 个未通过`,
    en: `${ok + bad} file(s): ${ok} verified, ${bad} refused`,
  }),
  trustAdded: (issuer: string, fp: string, store: string): Msg => ({
    zh: `已信任:${issuer}(指纹 ${fp}),写入 ${store}`,
    en: `trusted: ${issuer} (fingerprint ${fp}), written to ${store}`,
  }),
  trustAlready: (issuer: string, fp: string): Msg => ({
    zh: `已在信任列表中:${issuer}(指纹 ${fp})`,
    en: `already trusted: ${issuer} (fingerprint ${fp})`,
  }),
  trustEntry: (issuer: string, fp: string, from: number, to: number, revoked?: string): Msg => ({
    zh: `  ${issuer}  指纹 ${fp}  ${from}–${to} 年${revoked !== undefined ? `  已吊销${revoked ? `:${revoked}` : ''}` : ''}`,
    en: `  ${issuer}  fingerprint ${fp}  ${from}–${to}${revoked !== undefined ? `  revoked${revoked ? `: ${revoked}` : ''}` : ''}`,
  }),
  trustEmpty: {
    zh: '信任列表为空:用 kaohe trust add "<公钥>" 导入上级印发的公钥',
    en: 'the trust list is empty: import the issuer’s key with kaohe trust add "<public key>"',
  } satisfies Msg,
  revokedNow: (keyId: string, store: string): Msg => ({
    zh: `已吊销密钥 ${keyId},写入 ${store}`,
    en: `key ${keyId} revoked, written to ${store}`,
  }),
  badTrustStore: (file: string): Msg => ({
    zh: `信任列表文件 ${file} 格式不正确`,
    en: `the trust list ${file} is malformed`,
  }),
} as const;
