// Where the pane runs. Office.js outside Office resolves onReady with host null; when it could
// not even load (no network, blocked), `Office` is undefined. Both mean browser mode.
import { languageFor, type Language } from '../i18n/i18n.ts';

export interface HostInfo {
  mode: 'office' | 'standalone';
  language: Language;
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
  context?: { displayLanguage?: string };
}

export async function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = 8000,
): Promise<HostInfo> {
  if (!office) return { mode: 'standalone', language: 'zh-CN' };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([office.onReady(), timeout]);
  if (info === null || info.host !== office.HostType.Excel)
    return { mode: 'standalone', language: 'zh-CN' };
  return { mode: 'office', language: languageFor(office.context?.displayLanguage) };
}
