/**
 * A same-length normalised copy of a text, for matching only: traditional
 * characters are mapped one to one to simplified ones (OpenCC's character table,
 * from opencc-js), and full-width ASCII forms (１２，（）) to ASCII. Because every
 * UTF-16 unit maps to exactly one unit, offsets in the copy are offsets in the
 * original, and every range stays exact.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';

let table: Uint16Array | undefined;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (const entry of String(tsCharacters).split('|')) {
    const [from, to] = entry.split(' ');
    if (from === undefined || to === undefined) continue;
    if (from.length !== 1 || to.length !== 1) continue; // keep one-to-one BMP pairs only
    t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  // Full-width ASCII variants U+FF01..U+FF5E → U+0021..U+007E
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20; // ideographic space
  // Variants the table leaves alone but bulletins use interchangeably.
  t['〇'.charCodeAt(0)] = '零'.charCodeAt(0);
  return t;
}

export function normalizeForMatching(text: string): string {
  const map = (table ??= buildTable());
  const n = text.length;
  // Most text needs nothing: find the first character to map before allocating.
  let first = 0;
  while (first < n && map[text.charCodeAt(first)] === 0) first++;
  if (first === n) return text;
  if (n <= 64) {
    let s = text.slice(0, first);
    for (let i = first; i < n; i++) {
      const c = text.charCodeAt(i);
      const m = map[c] as number;
      s += String.fromCharCode(m !== 0 ? m : c);
    }
    return s;
  }
  const out = new Uint16Array(n);
  for (let i = 0; i < first; i++) out[i] = text.charCodeAt(i);
  for (let i = first; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = map[c] as number;
    out[i] = m !== 0 ? m : c;
  }
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/** Simplified form of a short string (labels, keys). */
export function toSimplified(s: string): string {
  return normalizeForMatching(s);
}

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
