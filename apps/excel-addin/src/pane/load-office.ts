// Office.js without blocking the first render. Office opens an add-in with `_host_Info` in its
// URL (and office.js keeps it in sessionStorage across reloads of the pane); a page opened any
// other way is a plain browser, and nothing waits for Microsoft's CDN there. Inside Office the
// script is added to the page and the pane waits for Office.onReady (detect-host.ts), with a
// time limit, so a CDN that drops packets ends in browser mode instead of a blank page.

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface HostHints {
  search: string;
  hash: string;
  /** sessionStorage's `hostInfoValue`, where office.js keeps `_host_Info` after the first load. */
  stored: string | null;
}

/** Was the pane opened by Office? */
export function openedByOffice(hints: HostHints): boolean {
  const inUrl = (part: string) => /(?:^|[?&#])_host_Info=/i.test(part);
  return inUrl(hints.search) || inUrl(hints.hash) || Boolean(hints.stored);
}

export function hostHints(): HostHints {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    // Storage refused (privacy settings): the URL alone decides.
    stored = null;
  }
  return { search: window.location.search, hash: window.location.hash, stored };
}

/**
 * Adds office.js to the page. Resolves when it ran, or when it failed or took longer than
 * `timeoutMs` (the caller then finds no `Office` and runs in browser mode).
 */
export function loadOfficeJs(src = OFFICE_JS, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    document.head.appendChild(script);
  });
}
