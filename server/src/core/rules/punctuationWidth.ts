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
import { localized, type Locale } from '../messages';
import { isHan } from '../text/normalize';
import type { Finding, TextEdit } from '../types';
import { hanBefore, pinyinGroupAt } from './pinyinResidue';

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

function isChineseChar(text: string, i: number, parens: ReadonlySet<number>): boolean {
  return isHanAt(text, i) || isCjkPunct(text.charCodeAt(i)) || parens.has(i) || endsPinyinGroup(text, i);
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
 * For every offset, the nearest character on each side that is not a space or an ASCII
 * mark, on the same line (-1 when none). A cluster such as ",," or ": " is thus judged by
 * the characters around the whole cluster, so converting one mark never changes the
 * verdict on its neighbours. Two linear passes.
 */
function significantNeighbours(text: string): { prev: Int32Array; next: Int32Array } {
  const n = text.length;
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    prev[i] = last;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) last = -1;
    else if (!isFiller(c)) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) last = -1;
    else if (!isFiller(c)) last = i;
  }
  return { prev, next };
}

/** Whether the half-width sentence mark at i sits in Chinese text. */
function markInChinese(
  text: string,
  i: number,
  parens: ReadonlySet<number>,
  sig: { prev: Int32Array; next: Int32Array },
): boolean {
  const c = text.charCodeAt(i);
  const p = i > 0 ? text.charCodeAt(i - 1) : 0;
  const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if ((c === 0x3f || c === 0x21) && (isAnyMark(p) || isAnyMark(n))) return false;
  const pi = sig.prev[i] as number;
  const ni = sig.next[i] as number;
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

/** Parenthesis pairs (half- or full-width, same line, no nesting) whose content holds Han. */
function chineseParens(text: string): { half: Pair[]; full: Pair[] } {
  const half: Pair[] = [];
  const full: Pair[] = [];
  const n = text.length;
  let open = -1;
  let openFull = false;
  let hasHan = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      open = -1;
      continue;
    }
    if (c === 0x28 || c === 0xff08) {
      open = i;
      openFull = c === 0xff08;
      hasHan = false;
      continue;
    }
    if (open < 0) continue;
    if (c === 0x29 || c === 0xff09) {
      if ((c === 0xff09) === openFull && hasHan) (openFull ? full : half).push({ open, close: i });
      open = -1;
      continue;
    }
    if (!hasHan && isHanAt(text, i)) hasHan = true;
    if (i - open > 200) open = -1;
  }
  return { half, full };
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

export function checkPunctuationWidth(text: string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const n = text.length;

  // Parentheses around Chinese content count as Chinese context for the marks next to them.
  const parens = chineseParens(text);
  const parenAt = new Set<number>(parens.half.flatMap((p) => [p.open, p.close]));
  // Sentence marks.
  const sig = significantNeighbours(text);
  const halfMarks: number[] = [];
  const fullMarks: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiMark(c)) {
      if (markInChinese(text, i, parenAt, sig)) halfMarks.push(i);
    } else if (c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff1f || c === 0xff01) fullMarks.push(i);
  }

  const docEdits: TextEdit[] = [];
  const classes: Array<{ half: number[]; full: number[] }> = [
    { half: halfMarks, full: fullMarks },
    {
      half: parens.half.flatMap((p) => [p.open, p.close]),
      full: parens.full.flatMap((p) => [p.open, p.close]),
    },
  ];
  for (const cls of classes) {
    if (cls.half.length === 0) continue;
    if (cls.full.length === 0) {
      for (const i of cls.half) docEdits.push({ start: i, end: i + 1, newText: TO_FULL[text[i] as string] as string });
      continue;
    }
    if (cls.half.length <= cls.full.length) {
      for (const i of cls.half) {
        const ch = text[i] as string;
        const to = TO_FULL[ch] as string;
        out.push(
          finding(i, i + 1, localized(locale, MESSAGE.half, ch, to), localized(locale, FIX.one, ch, to), [{ start: i, end: i + 1, newText: to }], true),
        );
      }
    } else {
      for (const i of cls.full) {
        const ch = text[i] as string;
        const to = TO_HALF[ch] as string;
        out.push(
          finding(i, i + 1, localized(locale, MESSAGE.full, ch, to), localized(locale, FIX.one, ch, to), [{ start: i, end: i + 1, newText: to }], false),
        );
      }
    }
  }
  if (docEdits.length > 0) {
    docEdits.sort((a, b) => a.start - b.start);
    const first = docEdits[0] as TextEdit;
    const doc = finding(
      first.start,
      first.end,
      localized(locale, MESSAGE.doc, docEdits.length),
      localized(locale, FIX.doc, docEdits.length),
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
  out.sort((a, b) => a.start - b.start);
  return out;
}
