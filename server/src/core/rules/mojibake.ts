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
import { NO_DEADLINE, StageStopped, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { addCode, codeBits, hasCode } from '../text/codeBits';
import { isHan, toSimplified } from '../text/normalize';
import type { Finding } from '../types';
import { compileMessage, hanKeyBefore, isReadingAt, isReadingOf, pinyinGroupEnd } from './pinyinResidue';

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
/** The messages compiled once (filled by concatenation, as `localized` fills them). */
const MESSAGE_OF = {
  wrongEncoding: compileMessage(MESSAGE.wrongEncoding),
  lost: compileMessage(MESSAGE.lost),
  shifted: compileMessage(MESSAGE.shifted),
  shiftedLost: compileMessage(MESSAGE.shiftedLost),
  shiftedNoFix: compileMessage(MESSAGE.shiftedNoFix),
  pinyin: compileMessage(MESSAGE.pinyin),
};
const FIX_OF = compileMessage(FIX);

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

/** How ordinary a one-unit character is in Chinese news text (see the header). */
function scoreOf(ch: string): number {
  if (CJK_PUNCT.has(ch)) return 2;
  if (isHan(ch.charCodeAt(0))) {
    const simp = toSimplified(ch);
    if (frequentSet().has(simp)) return 2;
    if (gb2312Level1().has(simp) || gb2312Level1().has(ch)) return 1;
    return -1;
  }
  if (ch >= '0' && ch <= '9') return 1;
  if (ch === '?' || ch === ' ') return 0;
  return -3;
}

/** Scores by UTF-16 code, plus 4 (0: not computed yet). */
const scoreByCode = new Int8Array(0x10000);

/** The score of the character with this UTF-16 code. */
function score(c: number): number {
  let q = scoreByCode[c] as number;
  if (q === 0) {
    q = scoreOf(String.fromCharCode(c)) + 4;
    scoreByCode[c] = q;
  }
  return q - 4;
}

/** Rare: scores below 1 (rare Han, foreign characters). */
function rareCode(c: number): boolean {
  return score(c) < 1;
}

// ---------------------------------------------------------------------------------------------
// GBK bytes of a line, and the other-phase reading

/**
 * GBK bytes by UTF-16 code (from U+0080): (first << 8) | second for two bytes (first is
 * 0x81 or more), the byte itself for one; 0 not computed yet. Two bytes a code keep the
 * table small enough to stay in the processor's cache.
 */
const encodedByCode = new Uint16Array(0x10000);

/** The GBK bytes of a character from U+0080 (not a surrogate): (count << 16) | (first << 8) | second. */
function encodeCode(c: number): number {
  let e = encodedByCode[c] as number;
  if (e === 0) {
    let b: number[];
    try {
      b = Array.from(iconv.encode(String.fromCharCode(c), 'gbk'));
    } catch {
      b = [0x3f];
    }
    if (b.length === 0 || b.length > 2) b = [0x3f];
    e = b.length === 1 ? (b[0] as number) : ((b[0] as number) << 8) | (b[1] as number);
    encodedByCode[c] = e;
  }
  return e > 0xff ? (2 << 16) | e : (1 << 16) | (e << 8);
}

/** The GBK bytes of the character at i, packed as in encodedByCode. */
function gbkBytes(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    // ASCII marks next to Chinese text stand for the full-width marks the scraper folded.
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21) {
      const p = i > 0 ? text.charCodeAt(i - 1) : 0;
      const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (p >= 0x80 || n >= 0x80) return (2 << 16) | (0xa3 << 8) | (c + 0x80);
    }
    return (1 << 16) | (c << 8);
  }
  if (c >= 0xd800 && c <= 0xdfff) return (1 << 16) | (0x3f << 8);
  return encodeCode(c);
}

/** Decoded GBK pairs by (lead << 8) | trail: the UTF-16 code; 0 not decoded yet. */
const decodedByPair = new Uint16Array(0x10000);

function decodePair(lead: number, trail: number): number {
  const key = (lead << 8) | trail;
  let d = decodedByPair[key] as number;
  if (d === 0) {
    let s: string;
    try {
      s = iconv.decode(Uint8Array.of(lead, trail) as Buffer, 'gbk');
    } catch {
      s = '\ufffd';
    }
    d = s.length === 1 ? s.charCodeAt(0) : 0xfffd;
    decodedByPair[key] = d;
  }
  return d;
}

/**
 * A stretch of text encoded as GBK, and its other-phase reading, in typed arrays reused from
 * one stretch to the next (they only grow). Byte offsets are relative to the stretch.
 */
class Encoded {
  /** The bytes. */
  bytes = new Uint8Array(0);
  /** Text offset of the character each byte belongs to. */
  owner = new Int32Array(0);
  /** 1 where a character starts at this byte. */
  boundary = new Uint8Array(0);
  /** Byte offset of each text offset from `start` (-1: the second half of a surrogate pair, not encoded). */
  byteAt = new Int32Array(0);
  length = 0;
  start = 0;
  /** Characters in the stretch. */
  chars = 0;
  /** The other-phase reading: character k spans bytes [altB0[k], altB1[k]) and reads altCh[k]. */
  altB0 = new Int32Array(0);
  altB1 = new Int32Array(0);
  altCh = new Uint16Array(0);
  alts = 0;
  /** Chain c is alts [chainStart[c], chainStart[c + 1]). */
  chainStart = new Int32Array(0);
  chains = 0;

  /** Room for a stretch of `chars` characters (at most two bytes each, and at most one alt and one chain per byte). */
  private reserve(chars: number): void {
    if (this.byteAt.length >= chars) return;
    const size = Math.max(chars, 2 * this.byteAt.length, 64);
    this.byteAt = new Int32Array(size);
    this.bytes = new Uint8Array(2 * size);
    this.owner = new Int32Array(2 * size);
    this.boundary = new Uint8Array(2 * size);
    this.altB0 = new Int32Array(2 * size);
    this.altB1 = new Int32Array(2 * size);
    this.altCh = new Uint16Array(2 * size);
    this.chainStart = new Int32Array(2 * size + 1);
  }

  encode(text: string, start: number, end: number): void {
    this.reserve(end - start);
    const { bytes, owner, boundary, byteAt } = this;
    let n = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      let e: number;
      if (c >= 0x80 && (c < 0xd800 || c > 0xdfff)) {
        e = encodeCode(c);
      } else {
        if (c >= 0xdc00 && c <= 0xdfff && i > start) {
          const h = text.charCodeAt(i - 1);
          if (h >= 0xd800 && h <= 0xdbff) {
            byteAt[i - start] = -1; // second half of a pair: already encoded
            continue;
          }
        }
        e = gbkBytes(text, i);
      }
      byteAt[i - start] = n;
      bytes[n] = (e >> 8) & 0xff;
      owner[n] = i;
      boundary[n] = 1;
      n++;
      if (e >> 16 === 2) {
        bytes[n] = e & 0xff;
        owner[n] = i;
        boundary[n] = 0;
        n++;
      }
    }
    this.length = n;
    this.start = start;
    this.chars = end - start;
    this.otherPhase();
  }

  /** Byte offset of the text offset i, or undefined (not in the stretch, or not encoded). */
  byteOf(i: number): number | undefined {
    const k = i - this.start;
    if (k < 0 || k >= this.chars) return undefined;
    const b = this.byteAt[k] as number;
    return b >= 0 ? b : undefined;
  }

  /** Chains of the other-phase reading: each starts one byte into a double-byte character. */
  private otherPhase(): void {
    const { bytes, boundary, altB0, altB1, altCh, chainStart } = this;
    const n = this.length;
    let alts = 0;
    let chains = 0;
    let p = 0;
    while (p < n) {
      if ((bytes[p] as number) < 0x80 || p + 1 >= n || boundary[p + 1] === 1) {
        p++;
        continue;
      }
      let q = p + 1;
      chainStart[chains++] = alts;
      while (q < n && boundary[q] === 0) {
        const lead = bytes[q] as number;
        altB0[alts] = q;
        if (lead < 0x80) {
          altCh[alts] = lead;
          q += 1;
        } else {
          const trail = q + 1 < n ? (bytes[q + 1] as number) : -1;
          const validTrail = trail >= 0x40 && trail !== 0x7f && trail <= 0xfe;
          if (lead >= 0x81 && lead <= 0xfe && validTrail) {
            altCh[alts] = decodePair(lead, trail);
            q += 2;
          } else {
            altCh[alts] = 0xfffd;
            q += 1;
          }
        }
        altB1[alts++] = q;
      }
      p = q;
    }
    chainStart[chains] = alts;
    this.alts = alts;
    this.chains = chains;
  }

  /** The alt ending at byte b1 (alts end at strictly increasing bytes), or -1. */
  altEndingAt(b1: number): number {
    const ends = this.altB1;
    let lo = 0;
    let hi = this.alts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = ends[mid] as number;
      if (v === b1) return mid;
      if (v < b1) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

const enc = new Encoded();

// ---------------------------------------------------------------------------------------------

function isLossMarker(c: string | undefined): boolean {
  return c === '?' || c === '\ufffd';
}

function isLossMarkerAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 0x3f || c === 0xfffd;
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
  while (k < lineEnd && k - at < 2 && isLossMarkerAt(text, k)) k++;
  return k;
}

/** Replacement characters this many and this dense mean the whole file was decoded with the wrong encoding. */
const WRONG_ENCODING_MIN = 8;
const WRONG_ENCODING_SHARE = 0.005;

const KUN = '锟斤拷';

function lostRuns(text: string, out: Finding[], locale: Locale, deadline: Deadline): void {
  const n = text.length;
  let fffd = 0;
  const first = text.indexOf('\ufffd');
  for (let k = first; k >= 0; k = text.indexOf('\ufffd', k + 1)) {
    fffd++;
    if ((fffd & 1023) === 0) deadline.check();
  }
  if (fffd >= WRONG_ENCODING_MIN && fffd >= n * WRONG_ENCODING_SHARE) {
    // One finding for the file, not one per broken character: reopen it in its encoding.
    out.push({
      code: 'mojibake',
      severity: 'warning',
      start: first,
      end: first + 1,
      message: MESSAGE_OF.wrongEncoding(locale, fffd),
      related: [],
      fixes: [],
      action: 'reopen-with-encoding',
    });
    return;
  }
  // Runs of U+FFFD and 锟斤拷, from one to the next.
  let nextFffd = first;
  let nextKun = text.indexOf(KUN);
  while (nextFffd >= 0 || nextKun >= 0) {
    deadline.check();
    const start = nextKun < 0 || (nextFffd >= 0 && nextFffd < nextKun) ? nextFffd : nextKun;
    let i = start;
    for (;;) {
      if (text.charCodeAt(i) === 0xfffd) i++;
      else if (text.startsWith(KUN, i)) i += 3;
      else break;
    }
    out.push({
      code: 'mojibake',
      severity: 'warning',
      start,
      end: i,
      message: MESSAGE_OF.lost(locale, text.slice(start, i)),
      related: [],
      fixes: [],
    });
    if (nextFffd >= 0 && nextFffd < i) nextFffd = text.indexOf('\ufffd', i);
    if (nextKun >= 0 && nextKun < i) nextKun = text.indexOf(KUN, i);
  }
}

const MIN_RUN = 4;
const SAFE_RUN = 8;
const SAFE_READING_MEAN = 1.6;
const SAFE_GAIN = 1.2;
/** The reading must be mostly frequent characters (2) rather than merely level-1 ones (1). */
const MIN_READING_MEAN = 1.6;

function shiftedRuns(text: string, ls: number, le: number, out: Finding[], locale: Locale, parens: Parens): void {
  // Quick exit: lines without any non-ASCII character cannot hold GBK damage.
  // And text shifted by a byte is full of rare characters (宦┮蝗恕薄): a line with fewer
  // than two characters outside the common sets is left alone without encoding it.
  let rare = 0;
  for (let i = ls; i < le && rare < 2; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && rareCode(c)) rare++;
  }
  if (rare < 2) return;
  const claimed: Array<[number, number]> = [];
  // The stretch is encoded only when a run could be judged (mayHoldRun) or a parenthesis
  // needs the other-phase reading (pinyinConfirmed encodes it then).
  const encoded = mayHoldRun(text, ls, le);
  if (encoded) {
    enc.encode(text, ls, le);
    const { altCh, chainStart, chains } = enc;
    for (let c = 0; c < chains; c++) {
      const chainEnd = chainStart[c + 1] as number;
      let a = chainStart[c] as number;
      while (a < chainEnd) {
        if (score(altCh[a] as number) < 1) {
          a++;
          continue;
        }
        let b = a;
        while (b < chainEnd && score(altCh[b] as number) >= 1) b++;
        if (b - a >= MIN_RUN) judge(text, a, b, ls, le, out, claimed, locale);
        a = b;
      }
    }
  }
  pinyinConfirmed(text, ls, le, out, claimed, locale, parens, encoded);
}

/**
 * Whether [ls, le) may hold a run that `judge` reports, by a necessary condition read from
 * the text alone. An alt of a chain starts at the second byte of a double-byte character
 * and takes the first byte of the next one, so a run of MIN_RUN alts or more spans at least
 * MIN_RUN consecutive double-byte characters and at most the one character after them; and
 * judge needs two characters scoring below 0 in that span. Every non-ASCII character and
 * every ASCII , ; : ! is taken as possibly double-byte (the others are one byte in GBK), so
 * the stretches below hold every span: when no stretch of MIN_RUN or more such characters,
 * with the character after it, has two scoring below 0, judge reports nothing here.
 */
function mayHoldRun(text: string, ls: number, le: number): boolean {
  let len = 0; // possibly double-byte characters in the current stretch
  let low = 0; // of them, scoring below 0
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21) {
      len++;
      if (score(c) < 0) low++;
      continue;
    }
    // the stretch ends at c, which a span may still end with
    if (len >= MIN_RUN && low + (score(c) < 0 ? 1 : 0) >= 2) return true;
    len = 0;
    low = 0;
  }
  // a stretch ending the piece (judge reads no further than le)
  return len >= MIN_RUN && low >= 2;
}

/** Judges the run of alts [a, b) (see the header) and reports it when the reading is clearly better. */
function judge(
  text: string,
  a: number,
  b: number,
  ls: number,
  le: number,
  out: Finding[],
  claimed: Array<[number, number]>,
  locale: Locale,
): void {
  const { owner, altB0, altB1, altCh } = enc;
  const firstB0 = altB0[a] as number;
  const lastB1 = altB1[b - 1] as number;
  const cs = owner[firstB0] as number;
  const lastOwner = owner[lastB1 - 1] as number;
  const ce = lastOwner + (text.charCodeAt(lastOwner) >= 0xd800 && text.charCodeAt(lastOwner) <= 0xdbff ? 2 : 1);
  let altSum = 0;
  for (let k = a; k < b; k++) altSum += score(altCh[k] as number);
  // The text as written, character by character (a surrogate pair is one foreign character).
  let origSum = 0;
  let origCount = 0;
  let rare = 0;
  let foreign = 0;
  for (let i = cs; i < ce; i++) {
    const c = text.charCodeAt(i);
    let q: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < ce && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      q = -3;
      i++;
    } else q = score(c);
    origSum += q;
    origCount++;
    if (q < 0) rare++;
    if (q <= -3) foreign++;
  }
  const altMean = altSum / (b - a);
  const origMean = origSum / Math.max(1, origCount);
  if (rare < 2 || (foreign === 0 && rare < 4) || altMean < MIN_READING_MEAN || altMean - origMean < 1) return;
  const reading = String.fromCharCode.apply(null, altCh.subarray(a, b) as unknown as number[]);

  // Dangling bytes at the edges: the first byte of the first character, the last byte of the last.
  const startByte = enc.byteOf(cs) ?? firstB0;
  const danglingStart = firstB0 > startByte;
  const endByte = startByte + byteLength(cs, ce);
  const danglingEnd = lastB1 < endByte;
  const markedStart = danglingStart && cs > ls && isLossMarkerAt(text, cs - 1);
  const markedEnd = danglingEnd && ce < le && isLossMarkerAt(text, ce);
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
    message: (!lost ? MESSAGE_OF.shifted : fixable ? MESSAGE_OF.shiftedLost : MESSAGE_OF.shiftedNoFix)(locale, text.slice(start, end), reading),
    related: [],
    // Safe (fix-all applies it) when the repair is clearly right: a long run, read as
    // frequent characters almost throughout, from text that was almost all rare.
    fixes: fixable
      ? [{ title: FIX_OF(locale, reading), edits: [{ start: cs, end: ce, newText: reading }], safe: b - a >= SAFE_RUN && altMean >= SAFE_READING_MEAN && altMean - origMean >= SAFE_GAIN }]
      : [],
  });
}

function byteLength(cs: number, ce: number): number {
  const s = enc.byteOf(cs);
  if (s === undefined) return 0;
  let e = s;
  while (e < enc.length && (enc.owner[e] as number) < ce) e++;
  return e - s;
}

/**
 * The next "(" and "（" at or after a position, for stretches read in text order: a search
 * is repeated only when the stretch has passed the parenthesis found last (not once per
 * stretch to the end of the text).
 */
class Parens {
  /** The first "(" at or after the last position asked for (-1: none); -2 before the first search. */
  half = -2;
  /** The same for "（". */
  full = -2;
  private from = 0;

  constructor(private readonly text: string) {}

  /** Moves to `from`: `half` and `full` are then the first "(" and "（" at or after it (cheap while `from` does not decrease). */
  seek(from: number): void {
    if (from < this.from) this.half = this.full = -2;
    this.from = from;
    if (this.half === -2 || (this.half >= 0 && this.half < from)) this.half = this.text.indexOf('(', from);
    if (this.full === -2 || (this.full >= 0 && this.full < from)) this.full = this.text.indexOf('（', from);
  }
}

/** Short runs confirmed by scraper pinyin that follows them ("驕y(cè)": 測 is read cè). */
function pinyinConfirmed(
  text: string,
  ls: number,
  le: number,
  out: Finding[],
  claimed: Array<[number, number]>,
  locale: Locale,
  parens: Parens,
  encoded: boolean,
): void {
  // From one opening parenthesis of the stretch to the next.
  parens.seek(ls + 1);
  for (;;) {
    const { half, full } = parens;
    const i = full < 0 || (half >= 0 && half < full) ? half : full;
    if (i < 0 || i >= le) return;
    let next = i + 1;
    // The group and its syllable text[i + 1, end - 1), read in place (most groups are the
    // reading of the character before them, and are passed over without making strings).
    const end = pinyinGroupEnd(text, i);
    if (end >= 0) {
      const g = { end, syllable: '' };
      next = end;
      const key = hanKeyBefore(text, i);
      if (!(key !== -1 && isReadingAt(key, text, i + 1, end - 1))) {
        g.syllable = text.slice(i + 1, end - 1);
        if (!encoded) {
          enc.encode(text, ls, le);
          encoded = true;
        }
        const byte = enc.byteOf(i);
        const k = byte === undefined ? -1 : enc.altEndingAt(byte);
        const code = k < 0 ? -1 : (enc.altCh[k] as number);
        const ch = k < 0 ? '' : String.fromCharCode(code);
        if (k < 0 || !isHan(code) || !isReadingOf(ch, g.syllable)) next = i + 1;
        else {
          const cs = enc.owner[enc.altB0[k] as number] as number;
          if (claimed.some(([s, e]) => cs < e && g.end > s)) next = i + 1;
          else {
            const start = markersBefore(text, cs, ls);
            out.push({
              code: 'mojibake',
              severity: 'warning',
              start,
              end: g.end,
              message: MESSAGE_OF.pinyin(locale, text.slice(start, g.end), ch, g.syllable),
              related: [],
              fixes: [],
            });
          }
        }
      }
    }
    if (next >= le) return;
    parens.seek(next);
  }
}

const MAX_PIECE = 4096;
const WINDOW_MARGIN = 12;

/**
 * Stretches of a line around its rare characters (two or more within a few
 * characters of each other), with a margin: only there can a shifted run be, and
 * only there is the line re-encoded. Appended to `windows` as start, end.
 */
function rareWindows(text: string, ls: number, le: number, windows: number[]): void {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = ls; i <= le; i++) {
    i = skipCommon(text, i, le);
    if (i < le) {
      const c = text.charCodeAt(i);
      if (isKnownCommon(c) || !windowRare(c)) continue;
      if (first < 0 || i - last <= WINDOW_MARGIN) {
        if (first < 0) first = i;
        last = i;
        count++;
        continue;
      }
    } else if (first < 0) break;
    // The cluster ends (a rare character too far on, or the end): a window if it has two.
    if (count >= 2) {
      const ws = Math.max(ls, first - WINDOW_MARGIN);
      const we = Math.min(le, last + 1 + WINDOW_MARGIN);
      const k = windows.length;
      if (k > 0 && ws <= (windows[k - 1] as number)) windows[k - 1] = we;
      else windows.push(ws, we);
    }
    first = i;
    last = i;
    count = 1;
  }
}

/** Reads the line [ls, nl) for shifted runs: in pieces, then in the windows of each piece. */
function readLine(text: string, ls: number, nl: number, out: Finding[], locale: Locale, parens: Parens, deadline: Deadline): void {
  const windows: number[] = [];
  // Very long lines are read in pieces ending at a full stop, so the work per piece stays small.
  let ps = ls;
  while (ps < nl) {
    let pe = Math.min(nl, ps + MAX_PIECE);
    if (pe < nl) {
      // The last full stop at or before pe, if it lies in the second half of the piece.
      let stop = pe;
      while (stop > ps + MAX_PIECE / 2 && text.charCodeAt(stop) !== 0x3002) stop--;
      if (stop > ps + MAX_PIECE / 2) pe = stop + 1;
    }
    windows.length = 0;
    rareWindows(text, ps, pe, windows);
    for (let w = 0; w < windows.length; w += 2) {
      deadline.check();
      shiftedRuns(text, windows[w] as number, windows[w + 1] as number, out, locale, parens);
    }
    ps = pe;
  }
}

/** Rare in the sense of the windows, by code: 0 not known yet, 1 rare (non-ASCII, score below 1), 2 not. */
const windowRareByCode = new Uint8Array(0x10000);
windowRareByCode.fill(2, 0, 0x80);
const RARE = 1;
const COMMON = 2;

/**
 * The codes known not to be rare, one bit each (8 KB: it stays in the processor's cache
 * while the other stages run, where a byte per code would not), for the pass over the text.
 */
const commonBits = codeBits();
for (let c = 0; c < 0x80; c++) addCode(commonBits, c);

function isKnownCommon(c: number): boolean {
  return hasCode(commonBits, c);
}

/**
 * The first offset from `i` (below `stop`, or `stop`) whose character is not known to be common,
 * or a little before it: the characters are tested four at a time while all four are known common
 * (one branch for four), and the loops that call this pass over every such character anyway.
 */
function skipCommon(text: string, i: number, stop: number): number {
  const bits = commonBits;
  while (i + 3 < stop) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    const all =
      ((bits[a >> 5] as number) >>> (a & 31)) &
      ((bits[b >> 5] as number) >>> (b & 31)) &
      ((bits[c >> 5] as number) >>> (c & 31)) &
      ((bits[d >> 5] as number) >>> (d & 31));
    if ((all & 1) === 0) break;
    i += 4;
  }
  return i;
}

function windowRare(c: number): boolean {
  let v = windowRareByCode[c] as number;
  if (v === 0) {
    v = c >= 0x80 && score(c) < 1 ? RARE : COMMON;
    windowRareByCode[c] = v;
    if (v === COMMON) addCode(commonBits, c);
  }
  return v === RARE;
}

/** Characters scanned between two deadline checks. */
const BLOCK = 1024;

export function checkMojibake(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  try {
    const n = text.length;
    // Most text has no two rare characters close together on one line, and no lost bytes:
    // one pass finds the lines that have (only those are read further) and whether U+FFFD
    // or 锟 occurs at all. A line is read from its start as soon as such a pair shows.
    let lastRare = -1;
    let mayHaveLost = false;
    const parens = new Parens(text);
    let i = 0;
    while (i < n) {
      deadline.check();
      for (const stop = Math.min(n, i + BLOCK); i < stop; i++) {
        i = skipCommon(text, i, stop);
        if (i >= stop) break;
        const c = text.charCodeAt(i);
        if (isKnownCommon(c)) continue;
        if (c === 0xfffd || c === 0x951f) mayHaveLost = true;
        if (!windowRare(c)) continue;
        let close = lastRare >= 0 && i - lastRare <= WINDOW_MARGIN;
        for (let k = lastRare + 1; close && k < i; k++) if (text.charCodeAt(k) === 10) close = false;
        if (!close) {
          lastRare = i;
          continue;
        }
        const ls = text.lastIndexOf('\n', i) + 1;
        let nl = text.indexOf('\n', i);
        if (nl < 0) nl = n;
        readLine(text, ls, nl, out, locale, parens, deadline);
        mayHaveLost = true; // the rest of the line is not scanned
        lastRare = -1;
        i = nl;
      }
    }
    if (!mayHaveLost) return out;
    // Lost-byte runs that a shifted run already covers are not reported twice.
    const shifted = out.slice().sort((x, y) => x.start - y.start);
    const lost: Finding[] = [];
    lostRuns(text, lost, locale, deadline);
    let k = 0;
    let reach = -1; // furthest end among shifted runs starting before the current lost run's end
    for (const f of lost) {
      while (k < shifted.length && (shifted[k] as Finding).start < f.end) {
        reach = Math.max(reach, (shifted[k] as Finding).end);
        k++;
      }
      if (reach <= f.start) out.push(f);
    }
  } catch (e) {
    // never throw: a failure here only loses findings (but a stop asked for by the deadline goes through)
    if (e instanceof StageStopped) throw e;
  }
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  return out;
}
