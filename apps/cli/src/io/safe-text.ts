// Text from sheets and file names on its way to a terminal: every control character is shown
// as an escape (\x1B, \u202E) instead of acting. C0 and C1 controls (ESC sequences move the
// cursor and erase lines: a unit name could rewrite the printed ranking), DEL, and the bidi
// controls that reorder what is shown. One function for every human-output path (`Output`);
// `--json` needs none: JSON escapes controls itself.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * `text` with its control characters escaped; line feeds are kept only when `keepLineFeeds`
 * (text the CLI itself laid out in lines), never inside one value (a unit name, a message).
 */
export function safeText(text: string, keepLineFeeds = false): string {
  return text.replace(CONTROLS, (c) => (keepLineFeeds && c === '\n' ? c : escape(c)));
}
