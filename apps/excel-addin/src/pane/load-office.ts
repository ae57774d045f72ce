// Office.js without blocking the first render. Office opens an add-in with `_host_Info` in its
// URL; office.js itself also looks at a host object (window.external.GetHostInfo, agaveHost),
// at window.name ({"hostInfo": …}) and at sessionStorage's hostInfoValue (kept across reloads).
// With none of these the page is a plain browser and nothing waits for Microsoft's CDN. Inside
// Office the script is added to the page and the pane waits for Office.onReady (detect-host.ts),
// with a time limit, so a CDN that drops packets ends in browser mode instead of a blank page.

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface HostHints {
  search: string;
  hash: string;
  /** sessionStorage's `hostInfoValue`, where office.js keeps `_host_Info` after the first load. */
  stored: string | null;
  /** window.name, where Office puts {"hostInfo": …} for some hosts. */
  windowName: string;
  /** A host object offers GetHostInfo (window.external or agaveHost). */
  hostObject: boolean;
}

/** Was the pane opened by Office? The same places office.js looks, in the same spirit. */
export function openedByOffice(hints: HostHints): boolean {
  const inUrl = (part: string) => /(?:^|[?&#])_host_Info=/i.test(part);
  let named = false;
  try {
    const parsed: unknown = JSON.parse(hints.windowName);
    named = typeof parsed === 'object' && parsed !== null && 'hostInfo' in parsed;
  } catch {
    named = false;
  }
  return (
    inUrl(hints.search) || inUrl(hints.hash) || Boolean(hints.stored) || named || hints.hostObject
  );
}

export function hostHints(): HostHints {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    // Storage refused (privacy settings): the other hints decide.
    stored = null;
  }
  const host = window as unknown as {
    external?: { GetHostInfo?: unknown };
    agaveHost?: { GetHostInfo?: unknown };
  };
  return {
    search: window.location.search,
    hash: window.location.hash,
    stored,
    windowName: window.name,
    hostObject:
      typeof host.external?.GetHostInfo === 'function' ||
      typeof host.agaveHost?.GetHostInfo === 'function',
  };
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
