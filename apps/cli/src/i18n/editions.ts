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
  badTrustStore: (file: string, why: Msg): Msg => ({
    zh: `信任列表文件 ${file}:${why.zh}`,
    en: `the trust list ${file}: ${why.en}`,
  }),
  trustMissing: (file: string): Msg => ({
    zh: `信任列表文件 ${file} 不存在(用 kaohe trust add 建立)`,
    en: `the trust list ${file} does not exist (make it with kaohe trust add)`,
  }),
  revokedUnknown: (keyId: string): Msg => ({
    zh: `注意:信任列表中没有编号为 ${keyId} 的密钥,吊销仍已记录`,
    en: `note: no key ${keyId} is in the trust list; the revocation is recorded all the same`,
  }),
  previousOtherRules: (file: string): Msg => ({
    zh: `上一版 ${file} 是另一考核办法的版本,不能链接`,
    en: `the previous edition ${file} is another rule set's, so it cannot be chained to`,
  }),
  unsignedWithTrust: (what: Msg): Msg => ({
    zh: `注意:${what.zh};已设信任列表,但本表规则不是可信的正式版本`,
    en: `note: ${what.en}; a trust list is set, but these rules are not a trusted edition`,
  }),
  notChecked: {
    zh: '本表的规则和预填指标带有签名,但未设信任列表,签名未核对(用 kaohe trust add 导入签发单位的公钥,或加 --trust)',
    en: 'the rules and prefill are signed, but no trust list is set, so the signatures were not checked (import the issuer’s key with kaohe trust add, or give --trust)',
  } satisfies Msg,
  sheetUnreadable: (at: string, why: Msg): Msg => ({
    zh: `    考核表无法读取:${at ? `${at}:` : ''}${why.zh}`,
    en: `    the sheet cannot be read: ${at ? `${at}: ` : ''}${why.en}`,
  }),
  prefillLine: (ok: boolean, what: Msg): Msg => ({
    zh: `    ${ok ? '✓' : '✗'} ${what.zh}`,
    en: `    ${ok ? '✓' : '✗'} ${what.en}`,
  }),
  metaVisible: (what: Msg): Msg => ({
    zh: `    ✗ ${what.zh}`,
    en: `    ✗ ${what.en}`,
  }),
  prefillRefused: (file: string, what: Msg): Msg => ({
    zh: `${file} 的预填指标未通过验证,不予计分:${what.zh}(草稿可加 --unsigned 计分)`,
    en: `the prefill of ${file} fails verification, so it is not scored: ${what.en} (a draft: add --unsigned)`,
  }),
  metaRefused: (file: string, what: Msg): Msg => ({
    zh: `${file} 未通过验证,不予计分:${what.zh}(草稿可加 --unsigned 计分)`,
    en: `${file} fails verification, so it is not scored: ${what.en} (a draft: add --unsigned)`,
  }),
  unsignedRefused: (file: string, what: Msg): Msg => ({
    zh: `${file} 内的规则未签名,而已设信任列表,不予计分:${what.zh}(草稿可加 --unsigned 计分)`,
    en: `the rules in ${file} are unsigned while a trust list is set, so it is not scored: ${what.en} (a draft: add --unsigned)`,
  }),
  prefillUnverified: (what: Msg): Msg => ({
    zh: `注意:${what.zh};按 --unsigned 计分`,
    en: `note: ${what.en}; scored under --unsigned`,
  }),
  draftMarked: (sheet: string, mark: Msg): Msg => ({
    zh: `已在 ${sheet}!A1 标注“${mark.zh}”`,
    en: `marked ${sheet}!A1 "${mark.en}"`,
  }),
} as const;
