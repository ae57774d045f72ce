import { describe, expect, it } from 'vitest';
import { openedByOffice, type HostHints } from './load-office.ts';

const hints = (over: Partial<HostHints>): HostHints => ({
  search: '',
  hash: '',
  stored: null,
  windowName: '',
  hostObject: false,
  ...over,
});

describe('openedByOffice', () => {
  it('is Office where office.js would find its host', () => {
    expect(openedByOffice(hints({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' }))).toBe(
      true,
    );
    expect(openedByOffice(hints({ search: '?et=&_host_Info=Excel$Mac$16.00$en-US$$$$0' }))).toBe(
      true,
    );
    expect(openedByOffice(hints({ hash: '#_host_Info=Excel$Web$16.00$zh-CN' }))).toBe(true);
    expect(openedByOffice(hints({ stored: 'Excel$Win32$16.01$zh-CN$$$$0' }))).toBe(true);
    expect(openedByOffice(hints({ windowName: '{"hostInfo":"Excel|Win32|16.01"}' }))).toBe(true);
    expect(openedByOffice(hints({ hostObject: true }))).toBe(true);
  });

  it('is a plain browser otherwise', () => {
    expect(openedByOffice(hints({}))).toBe(false);
    expect(openedByOffice(hints({ search: '?x_host_Info=1' }))).toBe(false);
    expect(openedByOffice(hints({ windowName: 'some-frame' }))).toBe(false);
    expect(openedByOffice(hints({ windowName: '{"other":1}' }))).toBe(false);
  });
});
