import { describe, expect, it } from 'vitest';
import { openedByOffice } from './load-office.ts';

describe('openedByOffice', () => {
  it('is Office when Office put _host_Info in the URL, or office.js kept it from a first load', () => {
    const hints = (search: string, hash = '', stored: string | null = null) => ({
      search,
      hash,
      stored,
    });
    expect(openedByOffice(hints('?_host_Info=Excel$Win32$16.01$zh-CN$$$$0'))).toBe(true);
    expect(openedByOffice(hints('?et=&_host_Info=Excel$Mac$16.00$en-US$$$$0'))).toBe(true);
    expect(openedByOffice(hints('', '#_host_Info=Excel$Web$16.00$zh-CN'))).toBe(true);
    expect(openedByOffice(hints('', '', 'Excel$Win32$16.01$zh-CN$$$$0'))).toBe(true);
    expect(openedByOffice(hints(''))).toBe(false);
    expect(openedByOffice(hints('?x_host_Info=1'))).toBe(false);
  });
});
