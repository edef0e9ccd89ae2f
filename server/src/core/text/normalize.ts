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
  let surrogates = 0;
  for (let i = 0; i < first; i++) {
    const c = text.charCodeAt(i);
    surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    out[i] = c;
  }
  for (let i = first; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = map[c] as number;
    surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    out[i] = m !== 0 ? m : c;
  }
  if (utf16Decoder && surrogates === 0) return utf16Decoder.decode(out);
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/**
 * The code units are turned back into a string by a UTF-16LE decoder where the platform
 * is little-endian and has one (several times faster than String.fromCharCode in chunks).
 * The decoder would replace lone surrogates, so it is used only for text without any
 * surrogate at all (checked while mapping); other text takes the slower way.
 */
const utf16Decoder: { decode(a: Uint16Array): string } | undefined = (() => {
  try {
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    const D = (globalThis as { TextDecoder?: new (label: string, o: { ignoreBOM: boolean }) => { decode(a: Uint16Array): string } }).TextDecoder;
    if (!littleEndian || !D) return undefined;
    // ignoreBOM: a leading U+FEFF is text here and must stay (the default drops it).
    const d = new D('utf-16le', { ignoreBOM: true });
    return d.decode(new Uint16Array([0xfeff, 0x4e2d, 0x20])) === '\ufeff中 ' ? d : undefined;
  } catch {
    return undefined;
  }
})();

/** Simplified form of a short string (labels, keys). */
export function toSimplified(s: string): string {
  return normalizeForMatching(s);
}

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
