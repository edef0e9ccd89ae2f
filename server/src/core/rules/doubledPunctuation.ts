/**
 * doubled-punctuation: runs like ",," "、," ",。" left by scrapers. The run is
 * replaced by its strongest mark (。 > ; > : > 、 > ,), keeping the width of that mark.
 */
import { t, type Locale } from '../messages';
import type { Finding } from '../types';

const STRENGTH: Record<string, number> = {
  ',': 1, '，': 1,
  '、': 2,
  ':': 3, '：': 3,
  ';': 4, '；': 4,
  '。': 5,
};

const MARK_CODES = new Uint8Array(0x10000);
for (const k of Object.keys(STRENGTH)) MARK_CODES[k.charCodeAt(0)] = 1;

function isMark(c: number): boolean {
  return MARK_CODES[c] === 1;
}

export function checkDoubledPunctuation(text: string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isMark(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isMark(text.charCodeAt(j))) j++;
    if (j - i >= 2) {
      const run = text.slice(i, j);
      let best = run[0] as string;
      for (const ch of run) if ((STRENGTH[ch] as number) > (STRENGTH[best] as number)) best = ch;
      // "1,000" style digits never reach here (digits break runs); ":;" in code-like text is rare in bulletins.
      out.push({
        code: 'doubled-punctuation',
        severity: 'warning',
        start: i,
        end: j,
        message: t(locale, 'doubled-punctuation', run),
        related: [],
        fixes: [{ title: t(locale, 'fix.doubled', run, best), edits: [{ start: i, end: j, newText: best }], safe: true }],
      });
    }
    i = j;
  }
  return out;
}
