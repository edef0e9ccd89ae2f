/**
 * A same-length normalised copy of a text, for matching only: traditional
 * characters are mapped one to one to simplified ones (OpenCC's character table,
 * from opencc-js), and full-width ASCII forms (１２，（）) to ASCII. Because every
 * UTF-16 unit maps to exactly one unit, offsets in the copy are offsets in the
 * original, and every range stays exact.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { addCode, codeBits, hasCode, type CodeBits } from './codeBits';

/** What a code unit maps to, 0 when it stays. */
let table: Uint16Array | undefined;
/**
 * The same as one bit per code unit (set: it maps), read first: 8 KB, of which the CJK
 * block is 2.6 KB, against the 128 KB of the table. The table is read only for the units
 * that map, so a text touches a few cache lines of it instead of one per distinct
 * character (in the full analysis, where other stages evict the tables between documents,
 * the table reads missed the cache for most characters).
 */
let mapsBits: CodeBits | undefined;
/**
 * No unit below this maps (checked when the table is built: the mapped units are U+3000
 * and up), so ASCII, digits and Latin text are passed without reading either table.
 */
const FIRST_MAPPED = 0x3000;

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
  const bits = codeBits();
  for (let c = 0; c < 0x10000; c++) {
    if (t[c] === 0) continue;
    // A mapped unit below FIRST_MAPPED would be skipped by the fast test: fail loudly instead.
    if (c < FIRST_MAPPED) throw new Error(`normalize: U+${c.toString(16)} maps but is below FIRST_MAPPED`);
    addCode(bits, c);
  }
  mapsBits = bits;
  return t;
}

/** Whether code unit c maps (bits: mapsBits). */
function maps(bits: CodeBits, c: number): boolean {
  return c >= FIRST_MAPPED && hasCode(bits, c);
}

/**
 * The code units of a long text are written here and turned into the string: one buffer
 * for every call (what it holds is scratch, overwritten by the next call), up to this many
 * units; a longer text gets a buffer of its own, so that no large buffer stays allocated.
 */
const SCRATCH_UNITS = 1 << 16;
let scratch: Uint16Array | undefined;

export function normalizeForMatching(text: string): string {
  const norm = mapUnits(text);
  // ○ (U+25CB, a circle) stands for 〇 in 二○二二年 and 四四○例 (Hong Kong and Taiwan releases):
  // read as 零 where a Chinese digit or another ○ is next to it, and left alone elsewhere
  // (○○市, a masked name; a bullet). Rare, so found by indexOf (its high byte is rare too).
  return norm.indexOf(CIRCLE) < 0 ? norm : circlesAsZero(norm);
}

const CIRCLE = '\u25cb';
const DIGIT_NEIGHBOURS = '零〇一二两兩三四五六七八九十';

function circlesAsZero(norm: string): string {
  let out = norm;
  const digitAt = (k: number): boolean => k >= 0 && k < norm.length && DIGIT_NEIGHBOURS.includes(norm.charAt(k));
  for (let i = norm.indexOf(CIRCLE); i >= 0; i = norm.indexOf(CIRCLE, i + 1)) {
    // the run of circles from i, and whether a digit touches it on either side
    let j = i;
    while (j < norm.length && norm.charAt(j) === CIRCLE) j++;
    if (digitAt(i - 1) || digitAt(j)) out = out.slice(0, i) + '零'.repeat(j - i) + out.slice(j);
    i = j - 1;
  }
  return out;
}

function mapUnits(text: string): string {
  const map = (table ??= buildTable());
  const bits = mapsBits as CodeBits;
  const n = text.length;
  if (n <= 64) {
    // Most text needs nothing: find the first character to map before allocating.
    let first = 0;
    while (first < n && !maps(bits, text.charCodeAt(first))) first++;
    if (first === n) return text;
    let s = text.slice(0, first);
    for (let i = first; i < n; i++) {
      const c = text.charCodeAt(i);
      const m = map[c] as number;
      s += String.fromCharCode(m !== 0 ? m : c);
    }
    return s;
  }
  // One pass that copies while it maps; a text in which nothing maps is returned as it is.
  // The bit test is made for every unit (the bits below FIRST_MAPPED are all clear), so
  // that the loop has no branch on the kind of character, only on the rare mapped one.
  const out = n <= SCRATCH_UNITS ? (scratch ??= new Uint16Array(SCRATCH_UNITS)) : new Uint16Array(n);
  let mapped = 0;
  let surrogates = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (hasCode(bits, c)) {
      c = map[c] as number;
      mapped = 1;
    }
    surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    out[i] = c;
  }
  if (mapped === 0) return text;
  if (fromUnits) return fromUnits(out, n);
  if (utf16Decoder && surrogates === 0) return utf16Decoder.decode(out.subarray(0, n));
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

interface NodeBuffer {
  from(a: ArrayBuffer, byteOffset: number, length: number): { toString(encoding: string): string };
}

/**
 * Where Node's Buffer is at hand: the first n code units of `units` as a string, by its
 * UTF-16LE decoding, which copies the units as they are (lone surrogates included) and is
 * several times faster than the TextDecoder. Taken only on a little-endian platform and
 * only when it gives back a test string with a BOM and lone surrogates unchanged.
 */
const fromUnits: ((units: Uint16Array, n: number) => string) | undefined = (() => {
  try {
    const B = (globalThis as { Buffer?: NodeBuffer }).Buffer;
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    if (!B || typeof B.from !== 'function' || !littleEndian) return undefined;
    const f = (units: Uint16Array, n: number): string => B.from(units.buffer as ArrayBuffer, units.byteOffset, 2 * n).toString('utf16le');
    const probe = '\ufeff\ud800中\udfff \ud83d\ude00';
    const units = new Uint16Array(probe.length + 2);
    for (let i = 0; i < probe.length; i++) units[i] = probe.charCodeAt(i);
    return f(units, probe.length) === probe ? f : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * Elsewhere (a browser), a UTF-16LE decoder where the platform is little-endian and has one
 * (several times faster than String.fromCharCode in chunks). The decoder would replace lone
 * surrogates, so it is used only for text without any surrogate at all (checked while
 * mapping); other text takes the slower way.
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
