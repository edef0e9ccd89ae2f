/**
 * punctuation-width: half-width , ; : ? ! ( ) inside Chinese text (GB/T 15834 wants the
 * full-width forms ， ； ： ？ ！ （ ）).
 *
 * A mark is "in Chinese text" when the nearest non-space character on one side is Han or
 * Chinese punctuation and it is not between two Latin letters or digits (1,000; 21:19;
 * http://). A pair of parentheses counts when its content holds a Han character
 * ((记者 高燕), (案1216)); parentheses around Latin or digits ((COVID-19), (BA.5), 今(12)日)
 * and scraper pinyin ((dāng)) are left alone. "?" and "!" next to another mark
 * ("確?!", "者?;") are damage markers, not punctuation, and are skipped too.
 *
 * Two classes are judged separately, sentence marks (, ; : ? !) and parentheses:
 *  - a class written only half-width in Chinese text (the scraped corpus: ASCII throughout)
 *    contributes to ONE document-level finding, placed on the first such mark, whose safe
 *    fix converts every mark of those classes;
 *  - a class written both ways gets one finding per mark of the minority form, each with
 *    its own fix (to full-width: safe; to half-width, when full-width is the minority:
 *    offered for consistency but not safe, since it moves away from the standard).
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { isHan } from '../text/normalize';
import { mergeOffsets, offsetsOf, offsetsOfAny } from '../text/offsets';
import type { Finding, TextEdit } from '../types';
import { compileMessage, hanBefore, pinyinGroupAt } from './pinyinResidue';

const MESSAGE = {
  doc: {
    en: 'Half-width punctuation in Chinese text: {0} marks (, ; : ? ! ( )) in this document should be full-width',
    zh: '中文文本中使用了半角标点:本文共 {0} 处(, ; : ? ! ( ))应为全角',
  },
  half: { en: 'Half-width “{0}” in Chinese text; the document mostly uses “{1}”', zh: '中文文本中的半角“{0}”,本文多用“{1}”' },
  full: { en: 'Full-width “{0}”; the document mostly uses half-width “{1}”', zh: '全角“{0}”,本文多用半角“{1}”' },
};
const FIX = {
  doc: { en: 'Convert all {0} half-width marks to full-width', zh: '将全部 {0} 处半角标点改为全角' },
  one: { en: 'Replace “{0}” with “{1}”', zh: '将“{0}”改为“{1}”' },
};

const TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const TO_HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')' };
/** TO_FULL by the code of the ASCII mark. */
const FULL_OF: string[] = [];
for (const [half, full] of Object.entries(TO_FULL)) FULL_OF[half.charCodeAt(0)] = full;

/** Chinese punctuation and full-width forms that mark Chinese context. */
function isCjkPunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || // 、。〈〉《》「」『』【】〔〕
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || // “”‘’
    c === 0x2026 || c === 0x2014 || c === 0x00b7 // … — ·
  );
}

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHan(c)) return true;
  if (c >= 0xd840 && c <= 0xd8bf) return true; // high surrogate of CJK Ext B–F
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    return h >= 0xd840 && h <= 0xd8bf;
  }
  return false;
}

/** Whether the ordered list holds x. */
function holds(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** `parens`: the offsets, in order, of the half-width parentheses of pairs around Chinese content. */
function isChineseChar(text: string, i: number, parens: readonly number[]): boolean {
  const c = text.charCodeAt(i);
  return isHanAt(text, i) || isCjkPunct(c) || ((c === 0x28 || c === 0x29) && holds(parens, i)) || endsPinyinGroup(text, i);
}

/** Whether i is the ")" of scraper pinyin after a Han character ("關(guān)"): Chinese context. */
function endsPinyinGroup(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x29 && c !== 0xff09) return false;
  for (let k = i - 2; k >= 0 && k >= i - 9; k--) {
    const o = text.charCodeAt(k);
    if (o === 0x28 || o === 0xff08) {
      const g = pinyinGroupAt(text, k);
      return g !== undefined && g.end === i + 1 && hanBefore(text, k) !== '';
    }
  }
  return false;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiMark(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x3f || c === 0x21;
}

/** ASCII or full-width , ; : ? ! */
function isAnyMark(c: number): boolean {
  return isAsciiMark(c) || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff1f || c === 0xff01;
}

function isFiller(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 9 || isAsciiMark(c);
}

/**
 * The nearest character on each side of a half-width mark that is not a space or an ASCII
 * mark, on the same line (-1 when none). A cluster such as ",," or ": " is thus judged by
 * the characters around the whole cluster, so converting one mark never changes the verdict
 * on its neighbours. Asked for the marks in increasing order: a scan that reaches the previous
 * mark (itself a filler) takes that mark's answer, and a mark inside the span the previous
 * forward scan crossed shares its answer, so the work stays linear even in ",,,,,…".
 */
class Neighbours {
  private lastMark = -1;
  private lastPrev = -1;
  private scanEnd = -1;
  private scanNext = -1;

  constructor(private readonly text: string) {}

  prev(i: number): number {
    const text = this.text;
    let result = -1;
    for (let k = i - 1; k >= 0; k--) {
      if (k === this.lastMark) {
        result = this.lastPrev;
        break;
      }
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      if (!isFiller(c)) {
        result = k;
        break;
      }
    }
    this.lastMark = i;
    this.lastPrev = result;
    return result;
  }

  next(i: number): number {
    if (i < this.scanEnd) return this.scanNext;
    const text = this.text;
    const n = text.length;
    let k = i + 1;
    let result = -1;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      if (!isFiller(c)) {
        result = k;
        break;
      }
    }
    this.scanEnd = k;
    this.scanNext = result;
    return result;
  }
}

/** Whether the half-width sentence mark at i sits in Chinese text. */
function markInChinese(text: string, i: number, parens: readonly number[], sig: Neighbours): boolean {
  const c = text.charCodeAt(i);
  const p = i > 0 ? text.charCodeAt(i - 1) : 0;
  const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  // Both neighbours are asked for every mark, in order, to keep their scans linear.
  const pi = sig.prev(i);
  const ni = sig.next(i);
  if ((c === 0x3f || c === 0x21) && (isAnyMark(p) || isAnyMark(n))) return false;
  const pc = pi >= 0 ? text.charCodeAt(pi) : -1;
  const nc = ni >= 0 ? text.charCodeAt(ni) : -1;
  const chinese = (pi >= 0 && isChineseChar(text, pi, parens)) || (ni >= 0 && isChineseChar(text, ni, parens));
  if (!chinese) return false;
  // 1,000 / 21:19 / http:// — never between two ASCII letters or digits, nor before "//".
  if (pc >= 0 && nc >= 0 && isAsciiAlnum(pc) && isAsciiAlnum(nc)) return false;
  if (c === 0x3a && n === 0x2f) return false;
  return true;
}

interface Pair {
  open: number;
  close: number;
}

/** Marks and parentheses. */
const HALF_MARKS = ',;:?!';
const FULL_MARKS = '，；：？！';
const HALF_OPEN = 0x28;
const HALF_CLOSE = 0x29;
const FULL_OPEN = 0xff08;
const FULL_CLOSE = 0xff09;

/**
 * The parenthesis pairs of one width (same line, no nesting, at most 200 characters
 * inside) whose content holds Han, in the order of their closing parentheses.
 *
 * The pairs are those of one pass over the text that remembers the last opening parenthesis
 * of either width, forgets it at a newline or at a closing parenthesis of either width, and
 * pairs a closing one with it when both have the same width, at most 201 apart, with Han
 * between. Read backwards from a closing parenthesis `i`, that pass pairs it with `o` exactly
 * when the last parenthesis of this width before `i` is an opening one `o` (a closing one of
 * this width after `o` would have made it forget `o`), and no newline and no parenthesis of
 * the other width lies between them (either would have replaced or forgotten `o`); only
 * parentheses and newlines change what the pass remembers. So the parentheses of this width
 * are found with indexOf, and the at most 200 characters between a candidate pair are read
 * once for the other conditions.
 */
function pairsOf(text: string, open: number, close: number, otherOpen: number, otherClose: number, deadline: Deadline, limit = Infinity): Pair[] {
  const pairs: Pair[] = [];
  const closes = offsetsOf(text, String.fromCharCode(close), deadline);
  if (closes.length === 0) return pairs;
  const opens = offsetsOf(text, String.fromCharCode(open), deadline);
  let a = 0;
  let lastOpen = -1;
  let lastClose = -1;
  for (const i of closes) {
    deadline.check();
    while (a < opens.length && (opens[a] as number) < i) lastOpen = opens[a++] as number;
    if (lastOpen > lastClose && i - lastOpen <= 201 && cleanPair(text, lastOpen, i, otherOpen, otherClose)) {
      pairs.push({ open: lastOpen, close: i });
      if (pairs.length >= limit) break;
    }
    lastClose = i;
  }
  return pairs;
}

/**
 * The offsets of the full-width sentence marks, in order, when there are fewer than `limit`;
 * otherwise `limit` or more of them, in no particular order (only their number is used then).
 * Each mark is searched for on its own: all share the high byte FF that indexOf's memchr looks
 * for, so every full-width character is a stop of each search, and most documents have enough
 * commas (，) that the searches for the rarer marks are never needed.
 */
function fullMarks(text: string, limit: number, deadline: Deadline): number[] {
  const found: number[][] = [];
  let count = 0;
  for (const ch of FULL_MARKS) {
    const list: number[] = [];
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
      deadline.check();
      list.push(i);
      if (++count >= limit) return ([] as number[]).concat(...found, list);
    }
    found.push(list);
  }
  let out: number[] = [];
  for (const list of found) out = mergeOffsets(out, list);
  return out;
}

/** Whether (o, i) holds Han, and no newline nor parenthesis of the other width. */
function cleanPair(text: string, o: number, i: number, otherOpen: number, otherClose: number): boolean {
  let han = false;
  for (let k = o + 1; k < i; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === otherOpen || c === otherClose) return false;
    if (!han && isHanAt(text, k)) han = true;
  }
  return han;
}

function finding(start: number, end: number, message: string, title: string, edits: TextEdit[], safe: boolean): Finding {
  return {
    code: 'punctuation-width',
    severity: 'warning',
    start,
    end,
    message,
    related: [],
    fixes: [{ title, edits, safe }],
  };
}

/** The offsets of the parentheses of the pairs, in order. */
function positions(pairs: Pair[]): number[] {
  const out: number[] = [];
  for (const p of pairs) out.push(p.open, p.close);
  return out;
}

const messages = {
  half: compileMessage(MESSAGE.half),
  full: compileMessage(MESSAGE.full),
  doc: compileMessage(MESSAGE.doc),
  fix: compileMessage(FIX.one),
  fixDoc: compileMessage(FIX.doc),
};

export function checkPunctuationWidth(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];

  // The half-width marks and parenthesis pairs; the full-width ones only for a class that has
  // half-width ones in Chinese text (a class without them is passed over below).
  const asciiMarks = offsetsOfAny(text, HALF_MARKS, deadline);
  const halfParens = positions(pairsOf(text, HALF_OPEN, HALF_CLOSE, FULL_OPEN, FULL_CLOSE, deadline));
  // Sentence marks.
  const sig = new Neighbours(text);
  const halfMarks: number[] = [];
  for (const i of asciiMarks) {
    deadline.check();
    // Parentheses around Chinese content count as Chinese context for the marks next to them.
    if (markInChinese(text, i, halfParens, sig)) halfMarks.push(i);
  }

  // Marks of a class written only half-width, for the document-level fix (each list in order).
  const toConvert: number[][] = [];
  const classes: Array<{ half: number[]; full: (limit: number) => number[] }> = [
    { half: halfMarks, full: (limit: number) => fullMarks(text, limit, deadline) },
    { half: halfParens, full: (limit: number) => positions(pairsOf(text, FULL_OPEN, FULL_CLOSE, HALF_OPEN, HALF_CLOSE, deadline, limit / 2)) },
  ];
  for (const { half, full: fullOf } of classes) {
    if (half.length === 0) continue;
    // The full-width ones are read in full only when fewer than the half-width ones: otherwise
    // only their number (at least as many) matters below.
    const cls = { half, full: fullOf(half.length) };
    if (cls.full.length === 0) {
      toConvert.push(cls.half);
      continue;
    }
    if (cls.half.length <= cls.full.length) {
      for (const i of cls.half) {
        const ch = text[i] as string;
        const to = TO_FULL[ch] as string;
        out.push(finding(i, i + 1, messages.half(locale, ch, to), messages.fix(locale, ch, to), [{ start: i, end: i + 1, newText: to }], true));
      }
    } else {
      for (const i of cls.full) {
        const ch = text[i] as string;
        const to = TO_HALF[ch] as string;
        out.push(finding(i, i + 1, messages.full(locale, ch, to), messages.fix(locale, ch, to), [{ start: i, end: i + 1, newText: to }], false));
      }
    }
  }
  if (toConvert.length > 0) {
    // The two ordered lists merged: the edits in text order.
    const a = toConvert[0] as number[];
    const b = toConvert[1] ?? [];
    const docEdits: TextEdit[] = [];
    let x = 0;
    let y = 0;
    while (x < a.length || y < b.length) {
      const i = y >= b.length || (x < a.length && (a[x] as number) < (b[y] as number)) ? (a[x++] as number) : (b[y++] as number);
      docEdits.push({ start: i, end: i + 1, newText: FULL_OF[text.charCodeAt(i)] as string });
    }
    const first = docEdits[0] as TextEdit;
    const doc = finding(
      first.start,
      first.end,
      messages.doc(locale, docEdits.length),
      messages.fixDoc(locale, docEdits.length),
      docEdits,
      // A deliberate convention of a corpus is not damage: converted when asked, not by fix-all.
      false,
    );
    // A convention of the whole document, not damage at one place: information, fixed for the whole document.
    doc.severity = 'information';
    (doc.fixes[0] as { scope?: 'document' }).scope = 'document';
    out.push(
      doc,
    );
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}
