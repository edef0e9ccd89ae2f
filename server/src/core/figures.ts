/**
 * Finds every numeric token in a text and says what it is: a count with its
 * measure word, a date or time part, a year, an ordinal, a phone number … and,
 * for counts, what they count (category, qualifier, origin) and the item label
 * before them. Works on the same-length normalised copy, so offsets are exact.
 */
import { CHINESE_NUMERAL_CHARS, parseArabicValue, parseChineseNumeral } from './numbers';
import { CATEGORY_TERMS, COUNT_UNITS, DURATION_UNITS, ORIGIN_TERMS, QUALIFIER_TERMS, UNITS, LIST_CUES } from './lexicon';
import { NO_DEADLINE, type Deadline } from './deadline';
import { addCode, codeBits, hasCode } from './text/codeBits';
import type { Category, Figure, Origin, Qualifier, TokenKind } from './types';

/**
 * Character classes as bit flags in one table indexed by UTF-16 code unit, so that
 * every test of a character is one array read.
 */
const CHAR_CLASS = new Uint16Array(0x10000);
/**
 * Bit sets of code units (one bit each: 8 KB, the CJK block 2.6 KB of it), read before a
 * 64K-entry table, which is then read only for the few characters in the set. A text
 * touches a few cache lines of a bit set where it touched one line of each table per
 * distinct character; in the full analysis the other stages evict the tables between
 * documents, and those reads missed the cache for most characters.
 */
/** The units with any flag in CHAR_CLASS (all others have none). */
const ANY_CLASS = codeBits();
/** The units with NUMBER_START. */
const NUMBER_BITS = codeBits();
/** The units with CLAUSE_STOP or that start a clause term (CLAUSE_TERM_SLOT nonzero). */
const STOP_OR_TERM = codeBits();
const NUMBER_START = 1; // a digit or a Chinese numeral character (after normalisation)
const CN_NUMERAL = 2;
const CLAUSE_STOP = 4; // ends the clause a figure belongs to
const DATE_SUFFIX = 8;
const APPROX_LAST = 16; // last character of an APPROX_BEFORE word
const LABEL_TAIL = 32; // trimmed from the end of an item label
const LABEL_LEAD = 64; // stripped from the front of a label before anything else
const LABEL_FILLER = 128; // a one-character filler dropped from the front of a label longer than two
const CUE_FIRST = 256; // first character of a list cue
// 512, 1024, 2048, 4096: first characters of the filler words before a category (FILLER_FIRST)
function mark(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    CHAR_CLASS[c] |= flag;
    addCode(ANY_CLASS, c);
    if ((flag & NUMBER_START) !== 0) addCode(NUMBER_BITS, c);
    if ((flag & CLAUSE_STOP) !== 0) addCode(STOP_OR_TERM, c);
  }
}
function is(c: number, flag: number): boolean {
  return hasCode(ANY_CLASS, c) && ((CHAR_CLASS[c] as number) & flag) !== 0;
}
const APPROX_BEFORE = ['超过', '不到', '不足', '约', '近', '逾', '超'];
mark('0123456789', NUMBER_START);
mark(CHINESE_NUMERAL_CHARS, NUMBER_START | CN_NUMERAL);
mark(',;。!?:、()\n\r“”"《》【】', CLAUSE_STOP);
mark('年月日号时点分秒', DATE_SUFFIX);
mark(APPROX_BEFORE.map((a) => a.charAt(a.length - 1)), APPROX_LAST);
mark(' \t\n\r\u3000的有为', LABEL_TAIL);
mark(' 的\t\u3000', LABEL_LEAD);
mark('已现在共为有和及与', LABEL_FILLER);
mark(LIST_CUES.map((c) => c.charAt(0)), CUE_FIRST);
/** The value of a one-character Chinese numeral (九, 十, 两), -1 when it is none alone (百, 万). */
const CN_SINGLE_VALUE = new Map<number, number>();
for (const ch of CHINESE_NUMERAL_CHARS) CN_SINGLE_VALUE.set(ch.charCodeAt(0), parseChineseNumeral(ch) ?? -1);
const ENUM_COMMA = '、'.charCodeAt(0);
const MAX_CONTEXT = 48;
const C = (ch: string): number => ch.charCodeAt(0);
const YU = C('余');
const DUO = C('多');
const DI = C('第');
const NIAN = C('年');
const SHI = C('时');
const DIAN = C('点');
const FEN = C('分');
const MIAO = C('秒');
const WAN = C('万');
const YI = C('亿');
const PAREN_OPEN = 40;
const PAREN_CLOSE = 41;
const COLON = 58;
const HYPHEN = 45;
const DOT = 46;
const SLASH = 47;
const COMMA = 44;
const SEMICOLON = 59;
const STAR = 42;

/** The code unit at i, or 0 (in no table, no digit) outside the string: never reads out of bounds. */
function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function clauseStart(norm: string, pos: number): number {
  const limit = Math.max(0, pos - MAX_CONTEXT);
  for (let i = pos - 1; i >= limit; i--) if (is(norm.charCodeAt(i), CLAUSE_STOP)) return i + 1;
  return limit;
}

/**
 * Like clauseStart, but an enumeration comma (、) does not end the phrase. The scan starts
 * at `from` (pos − 1 unless the caller knows that no unit in [from + 1, pos) ends a phrase).
 */
function phraseStart(norm: string, pos: number, from = pos - 1): number {
  const limit = Math.max(0, pos - MAX_CONTEXT);
  for (let i = from; i >= limit; i--) {
    const c = norm.charCodeAt(i);
    if (c !== ENUM_COMMA && is(c, CLAUSE_STOP)) return i + 1;
  }
  return limit;
}

export function clauseEnd(norm: string, pos: number): number {
  const limit = Math.min(norm.length, pos + MAX_CONTEXT);
  for (let i = pos; i < limit; i++) if (is(norm.charCodeAt(i), CLAUSE_STOP)) return i;
  return limit;
}

/**
 * Category, qualifier and origin terms, found in one pass over a clause: for each list,
 * the term of the best rank (the earliest listed) that starts at a visited position and
 * ends by the bound (what one TermMatcher per list would answer). Terms are indexed by
 * their first character (CLAUSE_TERM_SLOT: 1 + index into CLAUSE_TERM_ENTRIES, 0 for
 * none; read only for units in STOP_OR_TERM).
 */
interface ClauseTerm {
  list: number;
  rank: number;
  term: string;
  /** The term's second code unit, -1 for a one-unit term: compared before startsWith. */
  second: number;
}
const CATEGORY = 0;
const QUALIFIER = 1;
const ORIGIN = 2;
const CLAUSE_TERM_SLOT = new Uint8Array(0x10000);
const CLAUSE_TERM_ENTRIES: ClauseTerm[][] = [];
[CATEGORY_TERMS, QUALIFIER_TERMS, ORIGIN_TERMS].forEach((terms, list) =>
  terms.forEach(([term], rank) => {
    if (term.length === 0) return;
    const k = term.charCodeAt(0);
    if (CLAUSE_TERM_SLOT[k] === 0) {
      CLAUSE_TERM_ENTRIES.push([]);
      if (CLAUSE_TERM_ENTRIES.length > 255) throw new Error('figures: more first characters of clause terms than a slot holds');
      CLAUSE_TERM_SLOT[k] = CLAUSE_TERM_ENTRIES.length;
      addCode(STOP_OR_TERM, k);
    }
    (CLAUSE_TERM_ENTRIES[(CLAUSE_TERM_SLOT[k] as number) - 1] as ClauseTerm[]).push({ list, rank, term, second: term.length > 1 ? term.charCodeAt(1) : -1 });
  }),
);
const NO_RANK = 0x7fffffff;
/** The best rank found per list since resetTerms (scratch of one search at a time). */
let bestCategory = NO_RANK;
let bestQualifier = NO_RANK;
let bestOrigin = NO_RANK;
function resetTerms(): void {
  bestCategory = NO_RANK;
  bestQualifier = NO_RANK;
  bestOrigin = NO_RANK;
}

/** Whether `term` (second unit `second`) starts at i of s and ends by `to`; its first unit is known to match. */
function termAt(s: string, i: number, to: number, term: string, second: number): boolean {
  if (i + term.length > to) return false;
  if (second >= 0 && s.charCodeAt(i + 1) !== second) return false;
  return term.length <= 2 || s.startsWith(term, i);
}

/** Takes in the clause terms that start at i (whose unit has CLAUSE_TERM_SLOT `slot`, nonzero) and end by `to`. */
function visitTerms(s: string, i: number, to: number, slot: number): void {
  for (const e of CLAUSE_TERM_ENTRIES[slot - 1] as ClauseTerm[]) {
    const rank = e.rank;
    if (e.list === CATEGORY) {
      if (rank < bestCategory && termAt(s, i, to, e.term, e.second)) bestCategory = rank;
    } else if (e.list === QUALIFIER) {
      if (rank < bestQualifier && termAt(s, i, to, e.term, e.second)) bestQualifier = rank;
    } else if (e.list === ORIGIN) {
      if (rank < bestOrigin && termAt(s, i, to, e.term, e.second)) bestOrigin = rank;
    }
  }
}

/** Resets, then takes in the clause terms of s[from, to). */
function findTerms(s: string, from: number, to: number): void {
  resetTerms();
  const end = Math.min(to, s.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const c = s.charCodeAt(i);
    if (hasCode(STOP_OR_TERM, c) && CLAUSE_TERM_SLOT[c] !== 0) visitTerms(s, i, end, CLAUSE_TERM_SLOT[c] as number);
  }
}

function categoryOf(rank: number): Category | undefined {
  return rank === NO_RANK ? undefined : (CATEGORY_TERMS[rank] as readonly [string, Category])[1];
}
function qualifierOf(rank: number): Qualifier | undefined {
  return rank === NO_RANK ? undefined : (QUALIFIER_TERMS[rank] as readonly [string, Qualifier])[1];
}
function originOf(rank: number): Origin | undefined {
  return rank === NO_RANK ? undefined : (ORIGIN_TERMS[rank] as readonly [string, Origin])[1];
}

/** The category of the best-ranked category term starting exactly at `at` and ending by `to`. */
function categoryAt(s: string, at: number, to: number): Category | undefined {
  if (at >= to) return undefined;
  const c = s.charCodeAt(at);
  if (!hasCode(STOP_OR_TERM, c) || CLAUSE_TERM_SLOT[c] === 0) return undefined;
  let best = NO_RANK;
  for (const e of CLAUSE_TERM_ENTRIES[(CLAUSE_TERM_SLOT[c] as number) - 1] as ClauseTerm[]) {
    if (e.list === CATEGORY && e.rank < best && termAt(s, at, to, e.term, e.second)) best = e.rank;
  }
  return categoryOf(best);
}

/** A category named right after the measure word: 9例确诊病例, 13例新冠肺炎确诊病例. */
const SUFFIX_FILLERS = [
  ['的'],
  ['新增'],
  // 2019冠狀病毒病 is the name Hong Kong releases use (2 491宗新增2019冠狀病毒病確診個案).
  ['新冠肺炎', '新型冠状病毒肺炎', '新型冠状病毒', '新冠病毒', '新冠', '2019冠状病毒病', 'COVID-19'],
  ['本土', '境外输入', '境外移入', '本地', '输入'],
];
/** Per filler group, the CHAR_CLASS flag marking the first characters of its words. */
const FILLER_FIRST = [512, 1024, 2048, 4096];
SUFFIX_FILLERS.forEach((group, g) => mark(group.map((w) => w.charAt(0)), FILLER_FIRST[g] as number));

/** The category named at the start of norm[from, to), after optional fillers. */
function suffixCategory(norm: string, from: number, to: number): Category | undefined {
  let i = from;
  // Each group's filler at most once, in any order (18例本土新冠肺炎确诊病例, 9例新冠肺炎本土确诊病例).
  let used = 0;
  for (let g = 0; g < SUFFIX_FILLERS.length; g++) {
    // Most figures are followed by none of the fillers: one table read rules a group out.
    if (i >= to || (used & (1 << g)) !== 0 || !is(norm.charCodeAt(i), FILLER_FIRST[g] as number)) continue;
    // A term that starts with a filler names the category itself (64例本土個案, 3例输入病例).
    const named = categoryAt(norm, i, to);
    if (named !== undefined) return named;
    for (const w of SUFFIX_FILLERS[g] as string[]) {
      if (i + w.length <= to && norm.startsWith(w, i)) {
        i += w.length;
        used |= 1 << g;
        g = -1; // look for the other groups again after it
        break;
      }
    }
  }
  return categoryAt(norm, i, to);
}

/** Measure words by first character, in UNITS order (the first that matches wins). */
const UNIT_INDEX = new Uint8Array(0x10000);
const UNIT_LISTS: string[][] = [];
/** What each measure word of UNIT_LISTS is, so that no Set is asked once per number. */
const COUNT_UNIT = 1; // in COUNT_UNITS
const DURATION_UNIT = 2; // in DURATION_UNITS
const UNIT_FLAGS: number[][] = [];
for (const u of UNITS) {
  const k = u.charCodeAt(0);
  if (UNIT_INDEX[k] === 0) {
    UNIT_LISTS.push([]);
    UNIT_FLAGS.push([]);
    UNIT_INDEX[k] = UNIT_LISTS.length;
  }
  (UNIT_LISTS[(UNIT_INDEX[k] as number) - 1] as string[]).push(u);
  (UNIT_FLAGS[(UNIT_INDEX[k] as number) - 1] as number[]).push((COUNT_UNITS.has(u) ? COUNT_UNIT : 0) | (DURATION_UNITS.has(u) ? DURATION_UNIT : 0));
}

/** The COUNT_UNIT/DURATION_UNIT flags of the measure word matchUnit returned last (0 for none). */
let matchedUnitFlags = 0;

function matchUnit(norm: string, pos: number): string {
  matchedUnitFlags = 0;
  if (pos >= norm.length) return '';
  const slot = UNIT_INDEX[norm.charCodeAt(pos)] as number;
  if (slot === 0) return '';
  const list = UNIT_LISTS[slot - 1] as string[];
  for (let k = 0; k < list.length; k++) {
    const u = list[k] as string;
    if (u.length === 1 || norm.startsWith(u, pos)) {
      matchedUnitFlags = (UNIT_FLAGS[slot - 1] as number[])[k] as number;
      return u;
    }
  }
  return '';
}

interface RawNumber {
  start: number;
  valueEnd: number;
  numeral: Figure['numeral'];
  grouped: boolean;
  value: number;
  low: number;
  high: number;
  decimal: boolean;
  digits: number;
}

/**
 * The number read last. The scan holds one number at a time (read, classified, dropped),
 * so readArabic and readChinese fill this one object instead of allocating one per number.
 */
const RAW: RawNumber = { start: 0, valueEnd: 0, numeral: 'arabic', grouped: false, value: 0, low: 0, high: 0, decimal: false, digits: 0 };

function setRaw(start: number, valueEnd: number, numeral: Figure['numeral'], grouped: boolean, value: number, low: number, high: number, decimal: boolean, digits: number): RawNumber {
  RAW.start = start;
  RAW.valueEnd = valueEnd;
  RAW.numeral = numeral;
  RAW.grouped = grouped;
  RAW.value = value;
  RAW.low = low;
  RAW.high = high;
  RAW.decimal = decimal;
  RAW.digits = digits;
  return RAW;
}

/** Reads an Arabic number at `i` (digits, thousands separators, decimals, 万/亿 multiplier, 9万7527 tails). */
function readArabic(text: string, norm: string, i: number): RawNumber | undefined {
  const start = i;
  const n = norm.length;
  // The value of a plain integer is accumulated while reading (exact below 10^15).
  let plain = 0;
  for (; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (c < 48 || c > 57) break;
    plain = plain * 10 + (c - 48);
  }
  const intEnd = i;
  let grouped = false;
  // Thousands separators: ,ddd groups, only when the leading group has 1–3 digits. Hong Kong
  // government releases group with spaces (7 528宗, 2 189 862宗): a space group is taken only
  // when a measure word of a count follows, so that 2125 2373 or 3 月 stay apart.
  const sep = codeAt(norm, i);
  if (i - start <= 3 && (sep === COMMA || isGroupSpace(text, i))) {
    let j = i;
    while (codeAt(norm, j) === sep && (sep === COMMA || isGroupSpace(text, j)) && threeDigitsAfter(norm, j)) {
      j += 4;
      grouped = true;
    }
    if (grouped && sep !== COMMA && !countUnitAt(norm, j)) grouped = false;
    else i = j;
  }
  let decimal = false;
  if (codeAt(norm, i) === DOT && isDigit(codeAt(norm, i + 1)) && !grouped) {
    decimal = true;
    i++;
    while (i < n && isDigit(norm.charCodeAt(i))) i++;
  }
  const m = codeAt(norm, i);
  const fw = text.charCodeAt(start) >= 0xff10 && text.charCodeAt(start) <= 0xff19;
  if (!grouped && !decimal && m !== WAN && m !== YI && intEnd - start <= 15) {
    return setRaw(start, i, fw ? 'fullwidth' : 'arabic', grouped, plain, plain, plain, decimal, intEnd - start);
  }
  const digitsText = grouped ? withoutSeparators(norm, start, i) : norm.slice(start, i);
  let multiplier = 1;
  let end = i;
  let tail: string | undefined;
  if (m === WAN || m === YI) {
    multiplier = m === WAN ? 1e4 : 1e8;
    end = i + 1;
    const myriads = m === YI && !decimal ? readMyriads(norm, end) : undefined;
    if (myriads) {
      // 33亿5857.6万剂次, 1亿2000万: the 亿 part plus a 万 part (whose precision is the figure's)
      const high = parseArabicValue(digitsText, 1e8);
      if (!high) return undefined;
      return setRaw(
        start,
        myriads.end,
        fw ? 'fullwidth' : 'arabic',
        grouped,
        high.value + myriads.value.value,
        high.value + myriads.value.low,
        high.value + myriads.value.high,
        myriads.decimal,
        intEnd - start,
      );
    }
    // 9万7527, 1萬2,345
    let k = end;
    let tailDigits = 0;
    while (k < n && tailDigits <= 8) {
      const c = norm.charCodeAt(k);
      if (isDigit(c)) tailDigits++;
      else if (!(c === COMMA && tailDigits > 0 && threeDigitsAfter(norm, k))) break;
      k++;
    }
    if (k > end && !decimal && tailDigits <= Math.log10(multiplier) && !isDigit(codeAt(norm, k))) {
      tail = withoutSeparators(norm, end, k);
      end = k;
    }
  }
  const parsed = parseArabicValue(digitsText, multiplier, tail);
  if (!parsed) return undefined;
  let digits = 0;
  for (let k = start; k < i; k++) if (isDigit(norm.charCodeAt(k))) digits++;
  return setRaw(start, end, fw ? 'fullwidth' : 'arabic', grouped, parsed.value, parsed.low, parsed.high, decimal, digits);
}

/** Whether exactly three digits follow the separator at j (a thousands group: ,528 / 528). */
function threeDigitsAfter(norm: string, j: number): boolean {
  return isDigit(codeAt(norm, j + 1)) && isDigit(codeAt(norm, j + 2)) && isDigit(codeAt(norm, j + 3)) && !isDigit(codeAt(norm, j + 4));
}

/**
 * A space that groups digits at i of the original text: a space, a no-break space or a thin
 * space (not U+3000, which normalisation also turns into a space but is not a separator).
 */
function isGroupSpace(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** Whether a count's measure word starts at p, after an optional 余/多 (7 528宗, 1 000余人). */
function countUnitAt(norm: string, p: number): boolean {
  const q = codeAt(norm, p);
  matchUnit(norm, q === YU || q === DUO ? p + 1 : p);
  return (matchedUnitFlags & COUNT_UNIT) !== 0;
}

/** The 万 part after 亿 at i (2000万, 5857.6万): its value and end; undefined when there is none. */
function readMyriads(norm: string, i: number): { value: { value: number; low: number; high: number }; end: number; decimal: boolean } | undefined {
  let k = i;
  while (k < norm.length && k - i < 5 && isDigit(norm.charCodeAt(k))) k++;
  if (k === i || k - i > 4) return undefined;
  let q = k;
  if (codeAt(norm, q) === DOT && isDigit(codeAt(norm, q + 1))) {
    q++;
    while (q < norm.length && isDigit(norm.charCodeAt(q))) q++;
  }
  if (codeAt(norm, q) !== WAN) return undefined;
  const value = parseArabicValue(norm.slice(i, q), 1e4);
  return value ? { value, end: q + 1, decimal: q > k } : undefined;
}

/** The digits and decimal point of norm[from, to), without the thousands separators. */
function withoutSeparators(norm: string, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const c = norm.charCodeAt(k);
    if (isDigit(c) || c === DOT) s += norm[k];
  }
  return s;
}

function readChinese(norm: string, i: number): RawNumber | undefined {
  const start = i;
  while (i < norm.length && is(norm.charCodeAt(i), CN_NUMERAL)) i++;
  let v: number | undefined;
  if (i - start === 1) {
    const single = CN_SINGLE_VALUE.get(norm.charCodeAt(start)) ?? -1;
    v = single < 0 ? undefined : single;
  } else v = parseChineseNumeral(norm.slice(start, i));
  if (v === undefined) return undefined;
  return setRaw(start, i, 'chinese', false, v, v, v, false, String(v).length);
}

export interface FigureScan {
  figures: Figure[];
}

/** A list cue is dropped when it starts within this many characters of the label's front. */
const CUE_REACH = 8;

/**
 * Where the list cue (of LIST_CUES, the first listed that occurs) ends, when it starts
 * within CUE_REACH characters of `from` inside [from, to); -1 when none does.
 */
function cueEnd(s: string, from: number, to: number): number {
  let rank = LIST_CUES.length;
  let end = -1;
  const last = Math.min(from + CUE_REACH, to - 1);
  for (let p = from; p <= last; p++) {
    if (!is(s.charCodeAt(p), CUE_FIRST)) continue;
    for (let r = 0; r < rank; r++) {
      const cue = LIST_CUES[r] as string;
      if (p + cue.length <= to && s.startsWith(cue, p)) {
        rank = r;
        end = p + cue.length;
        break;
      }
    }
  }
  return end;
}

/** The end of the label cleanLabelRange found last (its start is what it returns). */
let cleanedEnd = 0;

/**
 * Strips list cues and filler from the front of the label in s[from, to) and trailing
 * filler from its end: returns the label's start, and leaves its end in cleanedEnd.
 */
function cleanLabelRange(s: string, from: number, to: number): number {
  let a = from;
  let changed = true;
  while (changed) {
    changed = false;
    let lead = a;
    while (lead < to && is(s.charCodeAt(lead), LABEL_LEAD)) lead++;
    if (lead > a) {
      a = lead;
      changed = true;
    }
    const cue = cueEnd(s, a, to);
    if (cue >= 0) {
      a = cue;
      changed = true;
    }
    if (a < to && is(s.charCodeAt(a), LABEL_FILLER) && to - a > 2) {
      a++;
      changed = true;
    }
  }
  let end = to;
  while (end > a && is(s.charCodeAt(end - 1), LABEL_TAIL)) end--;
  cleanedEnd = end;
  return a;
}

/** Strips list cues and filler from the front of an item label. */
export function cleanLabel(label: string): { text: string; offset: number } {
  const start = cleanLabelRange(label, 0, label.length);
  return { text: label.slice(start, cleanedEnd), offset: start };
}

/** Every numeric token of the text; `deadline` is checked once per number read. */
export function scanFigures(text: string, norm: string, deadline: Deadline = NO_DEADLINE): Figure[] {
  const figures: Figure[] = [];
  const n = norm.length;
  let i = 0;
  let floor = 0; // the end of the last figure
  while (i < n) {
    // jump to the next digit or Chinese numeral
    while (i < n && !hasCode(NUMBER_BITS, norm.charCodeAt(i))) i++;
    if (i >= n) break;
    deadline.check();
    const c = norm.charCodeAt(i);
    let raw: RawNumber | undefined;
    if (isDigit(c)) {
      raw = readArabic(text, norm, i);
      if (!raw) {
        while (i < n && isDigit(norm.charCodeAt(i))) i++;
        continue;
      }
    } else {
      raw = readChinese(norm, i);
      if (!raw) {
        while (i < n && is(norm.charCodeAt(i), CN_NUMERAL)) i++;
        continue;
      }
    }
    const fig = classify(text, norm, raw, figures.length, floor);
    i = Math.max(raw.valueEnd, i + 1);
    if (fig) {
      figures.push(fig);
      // (read from a number, not from the figure: figures come in many shapes)
      floor = classifiedEnd;
      i = Math.max(i, classifiedEnd);
    }
  }
  return figures;
}

/** The end of the figure classify returned last. */
let classifiedEnd = 0;

function classify(text: string, norm: string, raw: RawNumber, id: number, floor: number): Figure | undefined {
  const start = raw.start;
  let valueEnd = raw.valueEnd;
  let p = valueEnd;
  let approximate = false;
  let low = raw.low;
  let high = raw.high;
  // 6000余人, 100多例
  const q = codeAt(norm, p);
  if (q === YU || q === DUO) {
    approximate = true;
    const step = raw.decimal ? 1 : 10 ** Math.max(0, trailingZeros(raw.value) || 1);
    low = raw.value;
    high = raw.value + step;
    p++;
    // 10余万人次, 十余万人, 300多万剂次: a 万 or 亿 after 余/多 multiplies the number and its
    // bound, and belongs to it (as the 万 of 13.3万 does). Not after one that has its own
    // (1万余人 is already 10,000 and more).
    const m = codeAt(norm, p);
    const own = codeAt(norm, valueEnd - 1);
    if ((m === WAN || m === YI) && own !== WAN && own !== YI) {
      const multiplier = m === WAN ? 1e4 : 1e8;
      raw.value *= multiplier;
      low *= multiplier;
      high *= multiplier;
      p++;
      valueEnd = p;
    }
  }
  let footnote: string | undefined;
  if (codeAt(norm, p) === STAR) {
    footnote = '*';
    p++;
  }
  let unit = matchUnit(norm, p);
  let unitFlags = matchedUnitFlags;
  // 福建4 例: a space that a line wrap or a typesetter left before the measure word.
  if (unit === '' && isGroupSpace(text, p) && !isDigit(codeAt(norm, p + 1))) {
    const spaced = matchUnit(norm, p + 1);
    if ((matchedUnitFlags & COUNT_UNIT) !== 0) {
      p++;
      unit = spaced;
      unitFlags = matchedUnitFlags;
    }
  }
  // Character codes around the number; 0 (in no table) past either end of the text.
  const after = p < norm.length ? norm.charCodeAt(p) : 0;
  const before = start > 0 ? norm.charCodeAt(start - 1) : 0;
  const chinese = raw.numeral === 'chinese';

  const kind = tokenKind(norm, raw, p, unit, unitFlags, after, before);

  // Chinese numerals are read only as counts with a measure word, dates or ordinals.
  if (chinese && kind !== 'count' && kind !== 'date' && kind !== 'ordinal' && kind !== 'duration') return undefined;
  if (chinese && raw.value === 0) return undefined;

  // A prefix like 约/近/超过 makes it a bound.
  if (kind === 'count' && is(before, APPROX_LAST)) {
    for (const a of APPROX_BEFORE) {
      if (start >= a.length && norm.startsWith(a, start - a.length)) {
        approximate = true;
        if (a === '超过' || a === '逾' || a === '超') {
          low = raw.value;
          high = Number.POSITIVE_INFINITY;
        } else if (a === '不到' || a === '不足') {
          low = 0;
          high = raw.value;
        } else {
          const spread = Math.max(1, raw.value * 0.1);
          low = raw.value - spread;
          high = raw.value + spread;
        }
        break;
      }
    }
  }

  const end = p + unit.length;
  const context = kind === 'count' ? readCountContext(text, norm, start, end, before, floor) : NO_CONTEXT;
  const { category, qualifier, origin, label, labelStart } = context;
  classifiedEnd = end;
  const hasLabel = label !== undefined && labelStart !== undefined;
  // The fields in newFigure's order (one hidden class for every figure), built here in
  // one literal rather than through newFigure's argument object: this runs once per number.
  return {
    id,
    start,
    end,
    literal: text.slice(start, end),
    valueStart: start,
    valueEnd,
    value: raw.value,
    low,
    high,
    approximate,
    unit,
    footnote,
    kind,
    category,
    qualifier,
    origin,
    period: undefined,
    region: undefined,
    label: hasLabel ? label : undefined,
    labelStart: hasLabel ? labelStart : undefined,
    numeral: raw.numeral,
    grouped: raw.grouped,
    zero: undefined,
  };
}

/** What a number is, from its measure word and the characters around it. */
function tokenKind(norm: string, raw: RawNumber, p: number, unit: string, unitFlags: number, after: number, before: number): TokenKind {
  const start = raw.start;
  const chinese = raw.numeral === 'chinese';
  if (before === DI) return 'ordinal';
  if (unit === '%' || unit === '个百分点') return 'percent';
  if (unit === '' && is(after, DATE_SUFFIX)) {
    return after === NIAN ? (raw.digits === 4 ? 'year' : 'duration') : after === SHI || after === DIAN || after === FEN || after === MIAO ? 'time' : 'date';
  }
  if (!chinese && (after === COLON || before === COLON) && isDigit(codeAt(norm, after === COLON ? p + 1 : start - 2))) return 'time';
  if (!chinese && (after === HYPHEN || before === HYPHEN)) return 'phone';
  if (!chinese && (isAsciiLetter(before) || isAsciiLetter(after) || before === DOT || before === SLASH || (after === DOT && isDigit(codeAt(norm, p + 1))))) return 'identifier';
  if (!chinese && unit === '' && raw.digits >= 6 && !raw.grouped) return 'code';
  if ((unitFlags & COUNT_UNIT) !== 0) return 'count';
  if (unit === '' && !chinese && !raw.decimal && (after === ENUM_COMMA || after === COMMA || after === SEMICOLON) && barePartLabelBefore(norm, start)) {
    return 'count'; // 佛山市64、 上海260; — a part whose measure word was dropped
  }
  if ((unitFlags & DURATION_UNIT) !== 0) return 'duration';
  if (unit === '' && !chinese && !raw.decimal && namesCases(norm, p)) return 'count'; // 逾130阳性个案 — cases without a measure word
  return 'other';
}

const PLACE_END = new Set(['省', '市', '区', '县', '州'].map(C));

/**
 * A place label right before a number (佛山市64): a place suffix (省市区县州) at start − 1
 * after a CJK character (U+4E00..U+9FFF) at start − 2. This is what the regex
 * /[\u4e00-\u9fff]{1,10}[省市区县州]$/ answers on the 12 characters before `start`: the
 * suffix must end them, and a run of one to ten CJK characters before it exists exactly
 * when there is one right before it (inside the window when start ≥ 2).
 */
function barePartLabelBefore(norm: string, start: number): boolean {
  if (start < 2 || !PLACE_END.has(norm.charCodeAt(start - 1))) return false;
  const c = norm.charCodeAt(start - 2);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Nouns for cases that can follow a number directly, with no measure word (逾130阳性个案). */
const CASE_NOUNS = ['阳性', '确诊', '病例', '感染者', '无症状', '疑似'];

function namesCases(norm: string, p: number): boolean {
  for (const w of CASE_NOUNS) if (norm.startsWith(w, p)) return true;
  return false;
}

interface CountContext {
  category: Category;
  qualifier: Qualifier | undefined;
  origin: Origin | undefined;
  label: string | undefined;
  labelStart: number | undefined;
}

const NO_CONTEXT: CountContext = { category: 'none', qualifier: undefined, origin: undefined, label: undefined, labelStart: undefined };
/** What readCountContext read last: filled in place (classify reads it at once), not allocated per count. */
const CONTEXT: CountContext = { category: 'none', qualifier: undefined, origin: undefined, label: undefined, labelStart: undefined };

/**
 * What a count counts (category, qualifier, origin) and the item label it belongs to,
 * read from its clause: norm[cs, start) before it (back to a stop character, at most
 * MAX_CONTEXT, not into the previous figure) and norm[end, ce) after it. Each side is
 * read once, finding its terms on the way: no term contains a stop character, so a
 * term that starts inside the clause ends inside it.
 */
function readCountContext(text: string, norm: string, start: number, end: number, before: number, floor: number): CountContext {
  const lowest = Math.max(0, start - MAX_CONTEXT, floor);
  let cs = lowest;
  // Only units in STOP_OR_TERM can end the clause or start a term: the others are passed
  // on one bit test.
  resetTerms();
  for (let i = start - 1; i >= lowest; i--) {
    const c = norm.charCodeAt(i);
    if (!hasCode(STOP_OR_TERM, c)) continue;
    if (((CHAR_CLASS[c] as number) & CLAUSE_STOP) !== 0) {
      cs = i + 1;
      break;
    }
    const slot = CLAUSE_TERM_SLOT[c] as number;
    if (slot !== 0) visitTerms(norm, i, start, slot);
  }
  const prefixCategory = bestCategory;
  const prefixQualifier = bestQualifier;
  const prefixOrigin = bestOrigin;
  const highest = Math.min(norm.length, end + MAX_CONTEXT);
  let ce = highest;
  resetTerms();
  for (let i = end; i < highest; i++) {
    const c = norm.charCodeAt(i);
    if (!hasCode(STOP_OR_TERM, c)) continue;
    if (((CHAR_CLASS[c] as number) & CLAUSE_STOP) !== 0) {
      ce = i;
      break;
    }
    const slot = CLAUSE_TERM_SLOT[c] as number;
    if (slot !== 0) visitTerms(norm, i, highest, slot);
  }
  const suffixQualifier = bestQualifier;
  const suffixOrigin = bestOrigin;
  // What is counted may be named before an enumeration: 核酸检测应检尽检、愿检尽检17012人次.
  // phraseStart from cs − 2: [cs, start) holds no stop character (the scan above passed it)
  // and cs − 1 is the 、, which does not end a phrase, so scanning them again finds nothing.
  const ws = codeAt(norm, cs - 1) === ENUM_COMMA ? Math.max(phraseStart(norm, start, cs - 2), floor) : cs;
  // The wider phrase is read only where the clause found nothing; no term spans the 、.
  if (ws !== cs) findTerms(norm, ws, cs);
  else resetTerms();
  const category = suffixCategory(norm, end, ce) ?? categoryOf(prefixCategory) ?? categoryOf(bestCategory) ?? 'none';
  const qualifier = qualifierOf(prefixQualifier) ?? qualifierOf(suffixQualifier) ?? qualifierOf(bestQualifier);
  const origin = originOf(prefixOrigin) ?? originOf(suffixOrigin) ?? originOf(bestOrigin);
  let label: string | undefined;
  let labelStart: number | undefined;
  let cleanedStart = cleanLabelRange(norm, cs, start);
  if (cleanedEnd === cleanedStart && before === PAREN_OPEN && codeAt(norm, end) === PAREN_CLOSE) {
    // 新北市(27,230例): the label stands before the bracket (not for 18例…病例(15例在津南区,…),
    // whose figure is the first of a list, labelled after it).
    const base = Math.max(clauseStart(norm, start - 1), floor);
    cleanedStart = cleanLabelRange(norm, base, start - 1);
  }
  if (cleanedEnd > cleanedStart) {
    labelStart = cleanedStart;
    label = text.slice(cleanedStart, cleanedEnd);
  } else if (ce - end > 2 && isLabelAfter(norm.charCodeAt(end))) {
    // 7人为集中隔离单采单检发现: the label follows the figure.
    labelStart = end + 1;
    label = text.slice(labelStart, ce);
  } else if (ce > end && ce - end <= 8 && !hasDigit(norm, end, ce)) {
    // 41,073例男性、44,211例女性
    labelStart = end;
    label = text.slice(end, ce);
  }
  CONTEXT.category = category;
  CONTEXT.qualifier = qualifier;
  CONTEXT.origin = origin;
  CONTEXT.label = label;
  CONTEXT.labelStart = labelStart;
  return CONTEXT;
}

const WEI = C('为');
const SHI4 = C('是');
const XI = C('系');

/** 为/是/系 right after a figure: the label follows it (7人为集中隔离…发现). */
function isLabelAfter(c: number): boolean {
  return c === WEI || c === SHI4 || c === XI;
}

function hasDigit(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

function trailingZeros(v: number): number {
  let z = 0;
  let x = v;
  while (x >= 10 && x % 10 === 0) {
    z++;
    x /= 10;
  }
  return z;
}
