/**
 * mojibake: text damaged by a wrong decoding.
 *
 * (a) Lost bytes: U+FFFD runs and "锟斤拷" runs (U+FFFD pairs written as UTF-8 and read as
 *     GBK). Reported without a fix: the original characters are gone.
 *
 * (b) GBK decoded one byte out of step. When a GBK page loses a byte (the scraper writes "?"
 *     for it), every following pair of bytes is read across two characters, until an ASCII
 *     byte brings the decoder back in step: "確保“不漏一人”" becomes "確?!安宦┮蝗恕薄". Such
 *     runs are found by re-encoding each line as GBK and decoding it in the other phase (one
 *     byte later, until the two phases meet again), then comparing how ordinary the two
 *     readings are, character by character:
 *       frequent character (data/commonHan.json, after traditional → simplified) or
 *       Chinese punctuation 2 · other GB2312 level-1 character 1 · other Han −1 ·
 *       anything else (box drawing, kana, private use, U+FFFD, stray Latin) −3.
 *     GB2312 level 1 (the 3755 common characters) is derived with iconv-lite by decoding
 *     the byte range B0A1–D7F9; no table is shipped for it.
 *     A run is reported when its other-phase reading is at least 4 characters that are all
 *     level-1 or punctuation and mostly frequent (mean score ≥ 1.6), the text as written
 *     holds at least two rare or foreign characters there (four rare ones when none is
 *     foreign: lists of rare characters exist, box drawing inside Chinese prose does not),
 *     and the reading scores at least 1 point per character better.
 *     The fix replaces the run by its reading; the characters whose bytes were lost at the
 *     edges stay marked by the scraper's "?" (they cannot be recovered). No fix is offered
 *     when an edge lost a byte without such a marker. Fixes are never safe: the reading
 *     is statistical.
 *     Scraper pinyin confirms short runs: in "?;驕y(cè)序" the pinyin "(cè)" follows "y",
 *     and the other-phase reading of "驕y" is 測, read cè. Those are reported (bytes
 *     were lost: 基因 cannot be recovered) without a fix.
 *
 * ASCII , ; : ! next to Chinese text are encoded as their full-width GBK forms: the corpus's
 * scraper folded full-width marks to ASCII after the damage was done (in "確?!安", "!" is the
 * full-width "！" whose second byte is the first byte of “).
 *
 * Traditional and simplified text are not mojibake: their other-phase reading is noise.
 * Only iconv-lite's encode/decode on Uint8Array are used, so the rule also runs in a browser.
 */
import iconv from 'iconv-lite';
import common from '../data/commonHan.json';
import { localized, type Locale } from '../messages';
import { isHan, toSimplified } from '../text/normalize';
import type { Finding } from '../types';
import { hanBefore, isReadingOf, pinyinGroupAt } from './pinyinResidue';

const MESSAGE = {
  wrongEncoding: {
    en: 'This file looks decoded with the wrong encoding ({0} replacement characters): reopen it in its own encoding (GBK, Big5 …)',
    zh: '此文件似乎以错误的编码打开({0} 个替换字符):请以其原有编码(GBK、Big5 等)重新打开',
  },
  lost: {
    en: 'Bytes were lost here (“{0}”): the original characters cannot be recovered',
    zh: '此处字节已丢失(“{0}”),原字无法恢复',
  },
  shifted: {
    en: 'Mojibake: GBK text decoded one byte out of step; “{0}” reads “{1}”',
    zh: '乱码:GBK 文本错位一个字节解码,“{0}”应为“{1}”',
  },
  shiftedLost: {
    en: 'Mojibake: GBK text decoded one byte out of step; “{0}” reads “{1}”, and bytes were lost at its edge (marked “?”): restore those characters by hand',
    zh: '乱码:GBK 文本错位一个字节解码,“{0}”应为“{1}”,边缘有字节丢失(以“?”标出),需人工补全',
  },
  shiftedNoFix: {
    en: 'Mojibake: GBK text decoded one byte out of step; “{0}” reads “{1}”, but bytes were lost and the characters around it cannot be recovered',
    zh: '乱码:GBK 文本错位一个字节解码,“{0}”应为“{1}”,但有字节丢失,周围的字无法恢复',
  },
  pinyin: {
    en: 'Mojibake with bytes lost: “{0}” is GBK decoded out of step; its last character reads “{1}” (confirmed by the pinyin “{2}”), the rest was lost',
    zh: '乱码且有字节丢失:“{0}”为 GBK 错位解码,末字应为“{1}”(其后拼音“{2}”可证),其余已丢失',
  },
};
const FIX = { en: 'Replace with “{0}”', zh: '改为“{0}”' };

// ---------------------------------------------------------------------------------------------
// Character classes

let level1: Set<string> | undefined;
let frequent: Set<string> | undefined;

function gb2312Level1(): Set<string> {
  if (level1) return level1;
  const s = new Set<string>();
  try {
    const bytes: number[] = [];
    for (let hi = 0xb0; hi <= 0xd7; hi++) {
      const last = hi === 0xd7 ? 0xf9 : 0xfe;
      for (let lo = 0xa1; lo <= last; lo++) bytes.push(hi, lo);
    }
    for (const ch of iconv.decode(Uint8Array.from(bytes) as Buffer, 'gbk')) if (ch !== '\ufffd') s.add(ch);
  } catch {
    // leave empty: every Han character then scores as rare, and (b) finds nothing
  }
  level1 = s;
  return s;
}

function frequentSet(): Set<string> {
  return (frequent ??= new Set(Array.from((common as { chars: string }).chars)));
}

const CJK_PUNCT = new Set(Array.from('“”‘’、。，；：？！（）《》〈〉…—·「」『』【】,;:!()'));

const quality = new Map<string, number>();
const rareByCode = new Int8Array(0x10000); // 0 unknown, 1 rare, 2 not rare

function rareCode(c: number): boolean {
  let r = rareByCode[c];
  if (r === 0 || r === undefined) {
    r = score(String.fromCharCode(c)) < 1 ? 1 : 2;
    rareByCode[c] = r;
  }
  return r === 1;
}

/** How ordinary a character is in Chinese news text (see the header). */
function score(ch: string): number {
  let q = quality.get(ch);
  if (q !== undefined) return q;
  if (CJK_PUNCT.has(ch)) q = 2;
  else if (ch.length === 1 && isHan(ch.charCodeAt(0))) {
    const simp = toSimplified(ch);
    if (frequentSet().has(simp)) q = 2;
    else if (gb2312Level1().has(simp) || gb2312Level1().has(ch)) q = 1;
    else q = -1;
  } else if (ch >= '0' && ch <= '9') q = 1;
  else if (ch === '?' || ch === ' ') q = 0;
  else q = -3;
  if (quality.size < 20000) quality.set(ch, q);
  return q;
}

// ---------------------------------------------------------------------------------------------
// GBK bytes of a line, and the other-phase reading

const encoded = new Map<number, number[]>();

function gbkBytes(text: string, i: number): number[] {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    // ASCII marks next to Chinese text stand for the full-width marks the scraper folded.
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21) {
      const p = i > 0 ? text.charCodeAt(i - 1) : 0;
      const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (p >= 0x80 || n >= 0x80) return [0xa3, c + 0x80];
    }
    return [c];
  }
  if (c >= 0xd800 && c <= 0xdfff) return [0x3f];
  let b = encoded.get(c);
  if (!b) {
    try {
      b = Array.from(iconv.encode(String.fromCharCode(c), 'gbk'));
    } catch {
      b = [0x3f];
    }
    if (b.length === 0 || b.length > 2) b = [0x3f];
    if (encoded.size < 30000) encoded.set(c, b);
  }
  return b;
}

const decoded = new Map<number, string>();

function decodePair(lead: number, trail: number): string {
  const key = (lead << 8) | trail;
  let s = decoded.get(key);
  if (s === undefined) {
    try {
      s = iconv.decode(Uint8Array.of(lead, trail) as Buffer, 'gbk');
    } catch {
      s = '\ufffd';
    }
    if (s.length !== 1) s = '\ufffd';
    decoded.set(key, s);
  }
  return s;
}

interface Alt {
  /** Byte range in the line's encoding. */
  b0: number;
  b1: number;
  ch: string;
}

interface LineBytes {
  bytes: number[];
  /** Text offset of the character each byte belongs to. */
  owner: number[];
  /** Whether a character starts at this byte. */
  boundary: boolean[];
  /** Byte offset of each text offset in the line (for characters that start there). */
  byteAt: Map<number, number>;
}

function encodeLine(text: string, start: number, end: number): LineBytes {
  const bytes: number[] = [];
  const owner: number[] = [];
  const boundary: boolean[] = [];
  const byteAt = new Map<number, number>();
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > start) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) continue; // second half of a pair: already encoded
    }
    byteAt.set(i, bytes.length);
    const b = gbkBytes(text, i);
    for (let k = 0; k < b.length; k++) {
      bytes.push(b[k] as number);
      owner.push(i);
      boundary.push(k === 0);
    }
  }
  return { bytes, owner, boundary, byteAt };
}

/** Chains of the other-phase reading: each starts one byte into a double-byte character. */
function otherPhase(lb: LineBytes): Alt[][] {
  const { bytes, boundary } = lb;
  const n = bytes.length;
  const chains: Alt[][] = [];
  let p = 0;
  while (p < n) {
    if ((bytes[p] as number) < 0x80 || p + 1 >= n || boundary[p + 1]) {
      p++;
      continue;
    }
    let q = p + 1;
    const chain: Alt[] = [];
    while (q < n && !boundary[q]) {
      const lead = bytes[q] as number;
      if (lead < 0x80) {
        chain.push({ b0: q, b1: q + 1, ch: String.fromCharCode(lead) });
        q += 1;
        continue;
      }
      const trail = q + 1 < n ? (bytes[q + 1] as number) : -1;
      const validTrail = trail >= 0x40 && trail !== 0x7f && trail <= 0xfe;
      if (lead >= 0x81 && lead <= 0xfe && validTrail) {
        chain.push({ b0: q, b1: q + 2, ch: decodePair(lead, trail) });
        q += 2;
      } else {
        chain.push({ b0: q, b1: q + 1, ch: '\ufffd' });
        q += 1;
      }
    }
    chains.push(chain);
    p = q;
  }
  return chains;
}

// ---------------------------------------------------------------------------------------------

function isLossMarker(c: string | undefined): boolean {
  return c === '?' || c === '\ufffd';
}

/** Start of the cluster of loss markers (?, U+FFFD, private-use characters, and ASCII marks among them) just before `at`. */
function markersBefore(text: string, at: number, lineStart: number): number {
  let k = at;
  let start = at;
  while (k > lineStart && at - k < 4) {
    const c = text[k - 1] as string;
    const code = c.charCodeAt(0);
    if (isLossMarker(c) || (code >= 0xe000 && code <= 0xf8ff)) start = k - 1;
    else if (!',;:!.'.includes(c)) break;
    k--;
  }
  return start;
}

function markersAfter(text: string, at: number, lineEnd: number): number {
  let k = at;
  while (k < lineEnd && k - at < 2 && isLossMarker(text[k])) k++;
  return k;
}

/** Replacement characters this many and this dense mean the whole file was decoded with the wrong encoding. */
const WRONG_ENCODING_MIN = 8;
const WRONG_ENCODING_SHARE = 0.005;

function lostRuns(text: string, out: Finding[], locale: Locale): void {
  const n = text.length;
  let fffd = 0;
  let first = -1;
  for (let k = 0; k < n; k++) {
    if (text.charCodeAt(k) === 0xfffd) {
      fffd++;
      if (first < 0) first = k;
    }
  }
  if (fffd >= WRONG_ENCODING_MIN && fffd >= n * WRONG_ENCODING_SHARE) {
    // One finding for the file, not one per broken character: reopen it in its encoding.
    out.push({
      code: 'mojibake',
      severity: 'warning',
      start: first,
      end: first + 1,
      message: localized(locale, MESSAGE.wrongEncoding, fffd),
      related: [],
      fixes: [],
      action: 'reopen-with-encoding',
    });
    return;
  }
  let i = 0;
  while (i < n) {
    const isFffd = text.charCodeAt(i) === 0xfffd;
    const isKun = text.startsWith('锟斤拷', i);
    if (!isFffd && !isKun) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      if (text.charCodeAt(i) === 0xfffd) i++;
      else if (text.startsWith('锟斤拷', i)) i += 3;
      else break;
    }
    out.push({
      code: 'mojibake',
      severity: 'warning',
      start,
      end: i,
      message: localized(locale, MESSAGE.lost, text.slice(start, i)),
      related: [],
      fixes: [],
    });
  }
}

const MIN_RUN = 4;
const SAFE_RUN = 8;
const SAFE_READING_MEAN = 1.6;
const SAFE_GAIN = 1.2;
/** The reading must be mostly frequent characters (2) rather than merely level-1 ones (1). */
const MIN_READING_MEAN = 1.6;

function shiftedRuns(text: string, ls: number, le: number, out: Finding[], locale: Locale): void {
  // Quick exit: lines without any non-ASCII character cannot hold GBK damage.
  // And text shifted by a byte is full of rare characters (宦┮蝗恕薄): a line with fewer
  // than two characters outside the common sets is left alone without encoding it.
  let rare = 0;
  for (let i = ls; i < le && rare < 2; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && rareCode(c)) rare++;
  }
  if (rare < 2) return;
  const lb = encodeLine(text, ls, le);
  const chains = otherPhase(lb);
  const claimed: Array<[number, number]> = [];

  for (const chain of chains) {
    let a = 0;
    while (a < chain.length) {
      if (score((chain[a] as Alt).ch) < 1) {
        a++;
        continue;
      }
      let b = a;
      while (b < chain.length && score((chain[b] as Alt).ch) >= 1) b++;
      if (b - a >= MIN_RUN) judge(text, lb, chain, a, b, ls, le, out, claimed, locale);
      a = b;
    }
  }
  pinyinConfirmed(text, lb, chains, ls, le, out, claimed, locale);
}

function judge(
  text: string,
  lb: LineBytes,
  chain: Alt[],
  a: number,
  b: number,
  ls: number,
  le: number,
  out: Finding[],
  claimed: Array<[number, number]>,
  locale: Locale,
): void {
  const first = chain[a] as Alt;
  const last = chain[b - 1] as Alt;
  const cs = lb.owner[first.b0] as number;
  const lastOwner = lb.owner[last.b1 - 1] as number;
  const ce = lastOwner + (text.charCodeAt(lastOwner) >= 0xd800 && text.charCodeAt(lastOwner) <= 0xdbff ? 2 : 1);
  let reading = '';
  let altSum = 0;
  for (let k = a; k < b; k++) {
    const ch = (chain[k] as Alt).ch;
    reading += ch;
    altSum += score(ch);
  }
  let origSum = 0;
  let origCount = 0;
  let rare = 0;
  let foreign = 0;
  for (const ch of text.slice(cs, ce)) {
    const q = score(ch);
    origSum += q;
    origCount++;
    if (q < 0) rare++;
    if (q <= -3) foreign++;
  }
  const altMean = altSum / (b - a);
  const origMean = origSum / Math.max(1, origCount);
  if (rare < 2 || (foreign === 0 && rare < 4) || altMean < MIN_READING_MEAN || altMean - origMean < 1) return;

  // Dangling bytes at the edges: the first byte of the first character, the last byte of the last.
  const startByte = lb.byteAt.get(cs) ?? first.b0;
  const danglingStart = first.b0 > startByte;
  const endByte = startByte + byteLength(lb, cs, ce);
  const danglingEnd = last.b1 < endByte;
  const markedStart = danglingStart && cs > ls && isLossMarker(text[cs - 1]);
  const markedEnd = danglingEnd && ce < le && isLossMarker(text[ce]);
  const start = danglingStart ? markersBefore(text, cs, ls) : cs;
  const end = danglingEnd ? markersAfter(text, ce, le) : ce;
  const fixable = (!danglingStart || markedStart) && (!danglingEnd || markedEnd);
  const lost = danglingStart || danglingEnd;
  claimed.push([start, end]);
  out.push({
    code: 'mojibake',
    severity: 'warning',
    start,
    end,
    message: localized(
      locale,
      !lost ? MESSAGE.shifted : fixable ? MESSAGE.shiftedLost : MESSAGE.shiftedNoFix,
      text.slice(start, end),
      reading,
    ),
    related: [],
    // Safe (fix-all applies it) when the repair is clearly right: a long run, read as
    // frequent characters almost throughout, from text that was almost all rare.
    fixes: fixable
      ? [{ title: localized(locale, FIX, reading), edits: [{ start: cs, end: ce, newText: reading }], safe: b - a >= SAFE_RUN && altMean >= SAFE_READING_MEAN && altMean - origMean >= SAFE_GAIN }]
      : [],
  });
}

function byteLength(lb: LineBytes, cs: number, ce: number): number {
  const s = lb.byteAt.get(cs);
  if (s === undefined) return 0;
  let e = s;
  while (e < lb.owner.length && (lb.owner[e] as number) < ce) e++;
  return e - s;
}

/** Short runs confirmed by scraper pinyin that follows them ("驕y(cè)": 測 is read cè). */
function pinyinConfirmed(
  text: string,
  lb: LineBytes,
  chains: Alt[][],
  ls: number,
  le: number,
  out: Finding[],
  claimed: Array<[number, number]>,
  locale: Locale,
): void {
  const endingAt = new Map<number, Alt>();
  for (const chain of chains) for (const alt of chain) endingAt.set(alt.b1, alt);
  for (let i = ls + 1; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    const g = pinyinGroupAt(text, i);
    if (!g) continue;
    const han = hanBefore(text, i);
    if (han && isReadingOf(han, g.syllable)) {
      i = g.end - 1;
      continue;
    }
    const byte = lb.byteAt.get(i);
    const alt = byte === undefined ? undefined : endingAt.get(byte);
    if (!alt || alt.ch.length !== 1 || !isHan(alt.ch.charCodeAt(0)) || !isReadingOf(alt.ch, g.syllable)) continue;
    const cs = lb.owner[alt.b0] as number;
    if (claimed.some(([s, e]) => cs < e && g.end > s)) continue;
    const start = markersBefore(text, cs, ls);
    out.push({
      code: 'mojibake',
      severity: 'warning',
      start,
      end: g.end,
      message: localized(locale, MESSAGE.pinyin, text.slice(start, g.end), alt.ch, g.syllable),
      related: [],
      fixes: [],
    });
    i = g.end - 1;
  }
}

const MAX_PIECE = 4096;
const WINDOW_MARGIN = 12;

/**
 * Stretches of a line around its rare characters (two or more within a few
 * characters of each other), with a margin: only there can a shifted run be, and
 * only there is the line re-encoded.
 */
function rareWindows(text: string, ls: number, le: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  let first = -1;
  let last = -1;
  let count = 0;
  const flush = () => {
    if (count >= 2) {
      const ws = Math.max(ls, first - WINDOW_MARGIN);
      const we = Math.min(le, last + 1 + WINDOW_MARGIN);
      const prev = windows[windows.length - 1];
      if (prev && ws <= prev[1]) prev[1] = we;
      else windows.push([ws, we]);
    }
  };
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || !rareCode(c)) continue;
    if (first >= 0 && i - last > WINDOW_MARGIN) {
      flush();
      first = -1;
      count = 0;
    }
    if (first < 0) first = i;
    last = i;
    count++;
  }
  if (first >= 0) flush();
  return windows;
}

export function checkMojibake(text: string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  try {
    const n = text.length;
    let ls = 0;
    while (ls < n) {
      let nl = text.indexOf('\n', ls);
      if (nl < 0) nl = n;
      // Very long lines are read in pieces ending at a full stop, so the work per piece stays small.
      let ps = ls;
      while (ps < nl) {
        let pe = Math.min(nl, ps + MAX_PIECE);
        if (pe < nl) {
          const stop = text.lastIndexOf('。', pe);
          if (stop > ps + MAX_PIECE / 2) pe = stop + 1;
        }
        for (const [ws, we] of rareWindows(text, ps, pe)) shiftedRuns(text, ws, we, out, locale);
        ps = pe;
      }
      ls = nl + 1;
    }
    // Lost-byte runs that a shifted run already covers are not reported twice.
    const shifted = out.slice().sort((x, y) => x.start - y.start);
    const lost: Finding[] = [];
    lostRuns(text, lost, locale);
    let k = 0;
    let reach = -1; // furthest end among shifted runs starting before the current lost run's end
    for (const f of lost) {
      while (k < shifted.length && (shifted[k] as Finding).start < f.end) {
        reach = Math.max(reach, (shifted[k] as Finding).end);
        k++;
      }
      if (reach <= f.start) out.push(f);
    }
  } catch {
    // never throw: a failure here only loses findings
  }
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  return out;
}
