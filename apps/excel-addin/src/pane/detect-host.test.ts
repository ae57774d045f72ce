import { describe, expect, it } from 'vitest';
import { detectHost } from './detect-host.ts';

const office = (host: unknown, displayLanguage?: string) => ({
  onReady: () => Promise.resolve({ host }),
  HostType: { Excel: 'Excel' },
  context: { displayLanguage },
});

describe('detectHost', () => {
  it('is browser mode when Office.js did not load', async () => {
    expect(await detectHost(undefined)).toEqual({ mode: 'standalone', language: 'zh-CN' });
  });
  it('is browser mode when Office.js runs outside Office (host null)', async () => {
    expect(await detectHost(office(null, 'en-US'))).toEqual({
      mode: 'standalone',
      language: 'zh-CN',
    });
  });
  it('is browser mode when onReady never answers', async () => {
    const stuck = {
      onReady: () => new Promise<{ host: unknown }>(() => {}),
      HostType: { Excel: 'Excel' },
    };
    expect(await detectHost(stuck, 10)).toEqual({ mode: 'standalone', language: 'zh-CN' });
  });
  it('is Excel, in the language Office shows', async () => {
    expect(await detectHost(office('Excel', 'en-GB'))).toEqual({ mode: 'office', language: 'en' });
    expect(await detectHost(office('Excel', 'zh-CN'))).toEqual({
      mode: 'office',
      language: 'zh-CN',
    });
  });
});
