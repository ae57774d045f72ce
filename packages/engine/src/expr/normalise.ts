// Full-width and typographic operators that Chinese users paste from Word or WPS (（）＞＝，× ÷ ‘’)
// are mapped to their ASCII forms before parsing. Every mapping is one UTF-16 unit to one, so a
// character offset in the normalised text is the same offset in what the user typed. Text inside
// quotes is left exactly as written: '达标（部分）' stays a string with full-width parentheses.
// ≥ ≤ ≠ need two ASCII characters, so they are jsep operators of their own instead (parse.ts).

const MAP: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '！': '!',
  '＋': '+',
  '－': '-',
  '−': '-', // U+2212 minus sign
  '＊': '*',
  '×': '*',
  '／': '/',
  '÷': '/',
  '？': '?',
  '：': ':',
  '＆': '&',
  '｜': '|',
  '．': '.',
  '％': '%',
  '\u3000': ' ', // ideographic space
  '\u00a0': ' ', // no-break space
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
};

/** Opening quote → the ASCII quote it becomes and the characters that may close it. */
const QUOTES: Readonly<Record<string, { ascii: string; closers: string }>> = {
  "'": { ascii: "'", closers: "'" },
  '"': { ascii: '"', closers: '"' },
  '‘': { ascii: "'", closers: "’'" },
  '“': { ascii: '"', closers: '”"' },
};

/** The source with full-width operators, digits, spaces and curly quotes made ASCII, outside
 *  string literals only. Same length as the input; offsets are unchanged. */
export function normaliseSource(source: string): string {
  let out = '';
  let quote: { ascii: string; closers: string } | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (quote) {
      if (ch === '\\' && i + 1 < source.length) {
        out += ch + source.charAt(i + 1);
        i++;
      } else if (quote.closers.includes(ch)) {
        out += quote.ascii;
        quote = undefined;
      } else {
        out += ch;
      }
      continue;
    }
    const opening = QUOTES[ch];
    if (opening) {
      quote = opening;
      out += opening.ascii;
      continue;
    }
    out += MAP[ch] ?? ch;
  }
  return out;
}
