/**
 * Date and time expressions of a bulletin, read as whole expressions rather than
 * token by token: instants (2022年11月27日17时18分, 2020/12/20 09:55, 昨日(27日)),
 * periods (10月30日0时至24时, 1月25日0-24时, 3月26日21时至27日6时, 8日当天0-12时)
 * and as-of times (截至10月31日23时30分). Each expression keeps its parts as
 * written, is resolved against an inferred year and the publication date, and is
 * marked invalid when it names an impossible date or time.
 *
 * Works on the same-length normalised copy (full-width digits and colons are
 * ASCII there, 時/點/號 are 时/点/号), so every offset is exact in the original.
 * A hand-written scanner, no regular expressions: linear in the text length.
 *
 * Choices:
 * - Year inference: the publication date's year; else the first year written in
 *   any date expression; else undefined (no ISO strings then). With a publication
 *   date, a date without a year that would fall more than 62 days after it is put
 *   in the year before (a January bulletin quoting 12月31日).
 * - A day written without a month (25日18时, 截至19日) takes the month of the
 *   previous dated expression, else of the publication date.
 * - 今日/今天/本日 are the publication day, 昨日/昨天/前一日 the day before; 当日/当天
 *   are the day of the previous dated expression (10月12日0—24时 … 当日新增), else the
 *   publication day; 次日 is the day after the previous expression (or, ending a
 *   period, after its start). A day written with them (昨日(27日), 今(12)日, 8日当天)
 *   wins.
 * - Periods: `endIso` is the exclusive end, so 24时 and a day written without an
 *   hour end at 00:00 of the next day. A period ending in January–February that
 *   starts in November–December without a written end year ends in the next year.
 * - Validity is checked on the parts written in the expression (a period's end
 *   day is checked against the start's month). A bare day is only read as a date
 *   when it is 1–31 and does not look like a duration (14日内, 近14日); its
 *   borrowed month is not used to reject it. 2月29日 is rejected only when the
 *   year (written or inferred) is known and is not a leap year.
 * - Not read: a year alone (2015年至2018年, 今(2022)年), a month alone without a year
 *   or 份 (6月龄), a bare Chinese-numeral day (一日一督导, 近三日), a time without a
 *   date (晚8时) unless it ends a period, 截至目前.
 */
import { NO_DEADLINE, StageStopped, type Deadline } from './deadline';
import { parseChineseNumeral } from './numbers';
import { SmallCodes, smallCodesOf } from './smallCodes';
import type { Problem, Span } from './types';

export type DateKind = 'instant' | 'period' | 'asof';

/** Relative day words, simplified (昨天 and 昨天 in traditional text are both 昨天). */
export type RelativeWord = '昨日' | '昨天' | '今日' | '今天' | '本日' | '当日' | '当天' | '前一日' | '次日';

/** The hour words that mark the boundaries of a day. */
export type HourWord = '0时' | '零时' | '24时';

/** One point of an expression, as written. */
/** The calendar and clock fields a point may have. */
export interface CalendarFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
}

export interface DateParts extends Span, CalendarFields {
  /** The point as written (original text). */
  text: string;
  relative?: RelativeWord;
  /** 上午, 下午, 晚, 凌晨 … (下午/晚… move 1–11时 to 13–23时). */
  dayPart?: string;
  hourWord?: HourWord;
  /** How the numbers were written. */
  numeral: 'arabic' | 'chinese';
}

/** A point resolved against the inferred year and context. Hour 24 is rolled over to 0 of the next day. */
export interface ResolvedPoint extends CalendarFields {
  /** The year was not written in the expression. */
  yearInferred: boolean;
  /** The finest part known. */
  precision: 'month' | 'day' | 'minute';
}

export type InvalidPart = 'month' | 'day' | 'hour' | 'minute' | 'second';

/** Why an expression is impossible. */
export interface DateReason {
  part: InvalidPart;
  /** The impossible value. */
  value: number;
  /** The largest allowed value (0 for minutes after 24时). */
  max: number;
  /** For days: the month whose length was exceeded. */
  month?: number;
  /** For 2月29日: the common year it was checked against. */
  year?: number;
  /** Minutes or seconds after 24时. */
  after24?: boolean;
  /** Which point of a period (always 'start' for instants). */
  which: 'start' | 'end';
}

export interface DateExpr extends Span {
  kind: DateKind;
  /** The whole expression as written, including 截至 for as-of times. */
  text: string;
  /** 截至 or 截止 (simplified) for as-of times. */
  cue?: string;
  /** The (start) point as written. */
  parts: DateParts;
  /** The end point of a period as written. */
  endParts?: DateParts;
  /** The year used for the (start) point: written or inferred. */
  year?: number;
  from: ResolvedPoint;
  /**
   * Periods: the end point resolved (24时 rolled over to 0时 of the next day; an end
   * without an hour keeps day precision and includes that day, see `endMinutesOf`).
   */
  to?: ResolvedPoint;
  /** Instants and as-of times: 2022-11-27T17:18, 2022-10-30 (day precision), 2022-10 (month). */
  iso?: string;
  /** Periods: start and exclusive end, to the minute. */
  startIso?: string;
  endIso?: string;
  valid: boolean;
  reason?: DateReason;
}

export interface DateInfo {
  dates: DateExpr[];
  /** The publication date (also in `dates`), when the text carries one at the top or after a label. */
  publication?: DateExpr;
  /** The inferred year of the text. */
  year?: number;
  problems: Problem[];
}

// ---------------------------------------------------------------------------
// Scanner
//
// The scanner compares UTF-16 code units (charCodeAt) rather than one-character
// strings (norm[i]): V8 allocates a fresh string for every norm[i] outside Latin-1,
// and nearly every character of a bulletin is Han. Each code-unit test below reads
// exactly as the string test it replaces (an index out of range gives NaN, which
// equals no code, as undefined equals no character).

/** The code unit of a one-unit string. */
function code(ch: string): number {
  return ch.charCodeAt(0);
}

const CN_DATE_DIGITS = '零一二两三四五六七八九十';
/**
 * The sets of code units below are SmallCodes (a few cache lines each), not 64K-entry
 * tables: the scan reads them at Han characters all over the text, and in a full analysis
 * a 64 KB table has left the processor's cache by the time this stage runs.
 */
const CN_CODE = smallCodesOf(CN_DATE_DIGITS);
/** The value of each of CN_DATE_DIGITS written alone, as parseChineseNumeral reads it (a unit test checks). */
const CN_ONE_VALUES = [0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** The value of one of CN_DATE_DIGITS alone (undefined for any other unit). */
export function chineseDateDigit(c: number): number | undefined {
  for (let k = 0; k < CN_ONE_VALUES.length; k++) if (CN_DATE_DIGITS.charCodeAt(k) === c) return CN_ONE_VALUES[k];
  return undefined;
}

const RELATIVE_WORDS: readonly RelativeWord[] = ['前一日', '昨日', '昨天', '今日', '今天', '本日', '当日', '当天', '次日'];
const DAY_PARTS = ['凌晨', '早上', '早晨', '上午', '中午', '下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '晚', '早'];
const PM_PARTS = new Set(['下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '晚']);
const SEPARATORS = ['至', '到', '-', '—', '–', '~', '〜', '―'];
/** Relative words that count from the publication day. */
const PUBLICATION_RELATIVE = new Set<RelativeWord>(['今日', '今天', '本日', '昨日', '昨天', '前一日']);
const AS_OF_CUES = ['截至', '截止'];
/** Before a bare day: it is a duration or a count, not a date. */
const BARE_DAY_BEFORE = ['近', '连续', '满', '第', '每', '共', '隔离', '观察', '超过', '逾', '达', '约', '前', '后', '余', '最', '持续', '为期', '未满', '不足', '至少', '已'];
/** After a bare day. */
const BARE_DAY_AFTER = ['内', '以内', '之内', '左右', '龄', '后', '以后', '之后', '以上', '次', '天'];
/** How many lines at the top may hold an unlabelled publication date. */
const TOP_LINES = 10;
const PUBLICATION_LABELS = ['发布日期', '发布时间', '发布于', '发布', '发表于', '发表时间', '日期', '时间', '更新时间', '更新于', '更新', '出版'];
const SAME_DAY_WORDS: readonly RelativeWord[] = ['当天', '当日'];

/** The set of the first code units of `words`: a word list can only match where its set has the unit. */
function firstCodes(words: readonly string[]): SmallCodes {
  return smallCodesOf(words);
}
const SEPARATOR_CODE = smallCodesOf(SEPARATORS);
const RELATIVE_FIRST = firstCodes(RELATIVE_WORDS);
const DAY_PART_FIRST = firstCodes(DAY_PARTS);
const SAME_DAY_FIRST = firstCodes(SAME_DAY_WORDS);
const BARE_DAY_AFTER_FIRST = firstCodes(BARE_DAY_AFTER);
/** Last code units of the words before a bare day (endsWithAny can only match after one). */
const BARE_DAY_BEFORE_LAST = smallCodesOf(BARE_DAY_BEFORE.map((w) => w[w.length - 1] as string));

const C_NIAN = code('年');
const C_YUE = code('月');
const C_RI = code('日');
const C_HAO = code('号');
const C_SHI = code('时');
const C_DIAN = code('点');
const C_FEN = code('分');
const C_MIAO = code('秒');
const C_BAN = code('半');
const C_FEN_PORTION = code('份');
const C_LING_AGE = code('龄');
const C_LING = code('零');
const C_DI = code('第');
const C_JIN = code('今');
const C_ZUO = code('昨');
const C_BEN = code('本');
const C_DANG = code('当');
const C_QIAN = code('前');
const C_CI = code('次');
const C_JIAO = code('较');
const C_BI = code('比');
const C_DAO = code('到');
const C_COLON = 58;
const C_OPEN = 40; // (
const C_CLOSE = 41; // )
const C_DOT = 46;
const C_SLASH = 47;
const C_HYPHEN = 45;
const C_T = 84;
const C_SPACE = 32;
const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isIsoSeparator(c: number): boolean {
  return c === C_HYPHEN || c === C_SLASH || c === C_DOT;
}
/** 年, 月 or 日. */
function isYearMonthDay(c: number): boolean {
  return c === C_NIAN || c === C_YUE || c === C_RI;
}

interface Num {
  value: number;
  end: number;
  digits: number;
  chinese: boolean;
}

/** Arabic digits at i (at most `max` of them, and not followed by another digit). */
function readArabic(norm: string, i: number, max: number): Num | undefined {
  let j = i;
  // the value as Number() reads the digits: at most max + 1 ≤ 5 of them, exact
  let value = 0;
  for (let c = norm.charCodeAt(j); isDigit(c) && j - i <= max; c = norm.charCodeAt(++j)) value = value * 10 + (c - 48);
  const digits = j - i;
  if (digits === 0 || digits > max) return undefined;
  return { value, end: j, digits, chinese: false };
}

/** A Chinese numeral made of 零一二…十 (dates need nothing bigger). */
function readChinese(norm: string, i: number): Num | undefined {
  let j = i;
  while (j < norm.length && CN_CODE.has(norm.charCodeAt(j)) && j - i < 5) j++;
  if (j === i) return undefined;
  // one character (一, 十 …): its value, as parseChineseNumeral gives it, without a string
  const v = j === i + 1 ? chineseDateDigit(norm.charCodeAt(i)) : parseChineseNumeral(norm.slice(i, j));
  if (v === undefined) return undefined;
  return { value: v, end: j, digits: j - i, chinese: true };
}

function readNum(norm: string, i: number, max: number): Num | undefined {
  return isDigit(norm.charCodeAt(i)) ? readArabic(norm, i, max) : readChinese(norm, i);
}

function skipSpaces(norm: string, i: number, max: number): number {
  let j = i;
  while (j < norm.length && j - i < max) {
    const c = norm.charCodeAt(j);
    if (c !== C_SPACE && c !== C_TAB) break;
    j++;
  }
  return j;
}

/** A point while it is being read: the parts of DateParts, before its text and numeral are known. */
type RawPoint = Omit<DateParts, 'text' | 'numeral'> & { chinese: boolean };

/**
 * A new point with every field present (undefined until read): points, times and raw
 * expressions stay internal and are only read field by field, so giving them one shape
 * keeps the property reads of the resolution below monomorphic.
 */
function newPoint(start: number, end: number): RawPoint {
  return {
    start,
    end,
    chinese: false,
    year: undefined,
    month: undefined,
    day: undefined,
    hour: undefined,
    minute: undefined,
    second: undefined,
    relative: undefined,
    dayPart: undefined,
    hourWord: undefined,
  };
}

interface RawTime {
  end: number;
  /** Written as H:MM. */
  colon: boolean;
  hour: number;
  minute?: number;
  second?: number;
  dayPart?: string;
  hourWord?: HourWord;
  chinese: boolean;
}

/** A time at i: [dayPart] H时|点 [M分 [S秒] | 半], or H:MM[:SS]. */
function readTime(norm: string, i: number, allowChinese: boolean, allowSpace: boolean): RawTime | undefined {
  let p = i;
  let dayPart: string | undefined;
  if (DAY_PART_FIRST.has(norm.charCodeAt(p))) {
    for (const w of DAY_PARTS) {
      if (norm.startsWith(w, p)) {
        dayPart = w;
        p += w.length;
        break;
      }
    }
  }
  // H:MM[:SS]
  const q = allowSpace && dayPart === undefined ? skipSpaces(norm, p, 3) : p;
  if (isDigit(norm.charCodeAt(q))) {
    const h = readArabic(norm, q, 2);
    if (h && norm.charCodeAt(h.end) === C_COLON) {
      const m = readArabic(norm, h.end + 1, 2);
      if (m && m.digits === 2) {
        let end = m.end;
        let second: number | undefined;
        if (norm.charCodeAt(end) === C_COLON) {
          const s = readArabic(norm, end + 1, 2);
          if (s && s.digits === 2) {
            second = s.value;
            end = s.end;
          }
        }
        if (!isDigit(norm.charCodeAt(end))) {
          return { end, colon: true, hour: h.value, minute: m.value, second, dayPart, hourWord: undefined, chinese: false };
        }
      }
    }
  }
  const c = norm.charCodeAt(p);
  if (!isDigit(c) && !(allowChinese && CN_CODE.has(c))) return undefined;
  const h = readNum(norm, p, 2);
  if (!h) return undefined;
  const unit = norm.charCodeAt(h.end);
  if (unit !== C_SHI && unit !== C_DIAN) return undefined;
  const t: RawTime = { end: h.end + 1, colon: false, hour: h.value, minute: undefined, second: undefined, dayPart, hourWord: undefined, chinese: h.chinese };
  if (unit === C_SHI && (h.value === 0 || h.value === 24)) {
    t.hourWord = h.value === 24 ? '24时' : norm.charCodeAt(p) === C_LING ? '零时' : '0时';
  }
  let e = t.end;
  if (norm.charCodeAt(e) === C_BAN) {
    t.minute = 30;
    t.end = e + 1;
    return t;
  }
  const mc = norm.charCodeAt(e);
  if (isDigit(mc) || (h.chinese && CN_CODE.has(mc))) {
    const m = readNum(norm, e, 2);
    if (m && norm.charCodeAt(m.end) === C_FEN) {
      t.minute = m.value;
      e = m.end + 1;
      t.end = e;
      const sc = norm.charCodeAt(e);
      if (isDigit(sc) || (h.chinese && CN_CODE.has(sc))) {
        const s = readNum(norm, e, 2);
        if (s && norm.charCodeAt(s.end) === C_MIAO) {
          t.second = s.value;
          t.end = s.end + 1;
        }
      }
    }
  }
  return t;
}

function applyTime(p: RawPoint, t: RawTime): void {
  p.hour = t.hour;
  if (t.minute !== undefined) p.minute = t.minute;
  if (t.second !== undefined) p.second = t.second;
  if (t.dayPart !== undefined) p.dayPart = t.dayPart;
  if (t.hourWord !== undefined) p.hourWord = t.hourWord;
  if (t.chinese) p.chinese = true;
  p.end = t.end;
}

function startsWithAny(norm: string, i: number, words: readonly string[]): string | undefined {
  for (const w of words) if (norm.startsWith(w, i)) return w;
  return undefined;
}
function endsWithAny(norm: string, i: number, words: readonly string[]): boolean {
  for (const w of words) if (i >= w.length && norm.startsWith(w, i - w.length)) return true;
  return false;
}

/** 2021-05-12, 2020/12/20 09:55, 2022.11.27 */
function readIsoLike(norm: string, i: number): RawPoint | undefined {
  const y = readArabic(norm, i, 4);
  if (!y || y.digits !== 4) return undefined;
  const sep = norm.charCodeAt(y.end);
  if (!isIsoSeparator(sep)) return undefined;
  const m = readArabic(norm, y.end + 1, 2);
  if (!m || norm.charCodeAt(m.end) !== sep) return undefined;
  const d = readArabic(norm, m.end + 1, 2);
  if (!d) return undefined;
  const after = norm.charCodeAt(d.end);
  if (isDigit(after) || (sep === C_DOT && after === C_DOT && isDigit(norm.charCodeAt(d.end + 1)))) return undefined;
  const p = newPoint(i, d.end);
  p.year = y.value;
  p.month = m.value;
  p.day = d.value;
  let q = d.end;
  if (after === C_T) q++;
  const t = readTime(norm, q, false, true);
  if (t && t.colon) applyTime(p, t);
  return p;
}

/** A relative day word at i, with an optional day in brackets: 昨日(27日), 今(12)日. */
function readRelative(norm: string, i: number, p: RawPoint): boolean {
  // 今(12)日, 昨(27)日
  const ch = norm.charCodeAt(i);
  if ((ch === C_JIN || ch === C_ZUO || ch === C_BEN) && norm.charCodeAt(i + 1) === C_OPEN) {
    const d = readArabic(norm, i + 2, 2);
    if (d && norm.charCodeAt(d.end) === C_CLOSE && norm.charCodeAt(d.end + 1) === C_RI) {
      p.relative = ch === C_JIN ? '今日' : ch === C_ZUO ? '昨日' : '本日';
      p.day = d.value;
      p.end = d.end + 2;
      return true;
    }
    return false;
  }
  // every relative word starts with one of 前昨今本当次
  if (!RELATIVE_FIRST.has(ch)) return false;
  const w = startsWithAny(norm, i, RELATIVE_WORDS) as RelativeWord | undefined;
  if (w === undefined) return false;
  if (w === '前一日' && i >= 1 && (norm.charCodeAt(i - 1) === C_JIAO || norm.charCodeAt(i - 1) === C_BI)) return false;
  p.relative = w;
  p.end = i + w.length;
  // 昨日(27日)
  if (norm.charCodeAt(p.end) === C_OPEN) {
    const d = readArabic(norm, p.end + 1, 2);
    if (d && norm.charCodeAt(d.end) === C_RI && norm.charCodeAt(d.end + 1) === C_CLOSE) {
      p.day = d.value;
      p.end = d.end + 2;
    }
  }
  return true;
}

/**
 * A date point at i. `mode` 'start' reads a standalone expression; 'end' reads
 * the end of a period, which may be a bare day or a time alone.
 */
function readPoint(norm: string, i: number, mode: 'start' | 'end'): RawPoint | undefined {
  const c = norm.charCodeAt(i);
  const p = newPoint(i, i);
  if (isDigit(c)) {
    const iso = readIsoLike(norm, i);
    if (iso) return iso;
  }
  if (readRelative(norm, i, p)) {
    const t = readTime(norm, p.end, true, false);
    if (t) applyTime(p, t);
    return p;
  }
  const chineseStart = !isDigit(c);
  if (chineseStart && !CN_CODE.has(c)) return undefined;
  let pos = i;
  let n = readNum(norm, pos, 4);
  if (!n) return undefined;
  let unit = norm.charCodeAt(n.end);
  // year
  if (unit === C_NIAN) {
    if (n.digits !== 4) return undefined;
    p.year = n.value;
    pos = n.end + 1;
    n = readNum(norm, pos, 2);
    if (!n || norm.charCodeAt(n.end) !== C_YUE) return undefined;
    unit = C_YUE;
  }
  // month
  if (unit === C_YUE) {
    if (n.digits > 2 && !n.chinese) return undefined;
    if (norm.charCodeAt(n.end + 1) === C_LING_AGE) return undefined;
    p.month = n.value;
    if (n.chinese) p.chinese = true;
    pos = n.end + 1;
    p.end = pos;
    const dc = norm.charCodeAt(pos);
    const d = isDigit(dc) || CN_CODE.has(dc) ? readNum(norm, pos, 2) : undefined;
    const du = d ? norm.charCodeAt(d.end) : NaN;
    if (d && (du === C_RI || du === C_HAO)) {
      p.day = d.value;
      if (d.chinese) p.chinese = true;
      p.end = d.end + 1;
    } else {
      // a month alone: only with a year or 份
      if (dc === C_FEN_PORTION) p.end = pos + 1;
      else if (p.year === undefined) return undefined;
      if (p.chinese && p.year === undefined) return undefined;
      return p;
    }
  } else if (unit === C_RI) {
    // a bare day
    if (n.digits > 2) return undefined;
    if (mode === 'start') {
      if (n.chinese || n.value < 1 || n.value > 31) return undefined;
      if (BARE_DAY_BEFORE_LAST.has(norm.charCodeAt(i - 1)) && endsWithAny(norm, i, BARE_DAY_BEFORE)) return undefined;
      if (BARE_DAY_AFTER_FIRST.has(norm.charCodeAt(n.end + 1)) && startsWithAny(norm, n.end + 1, BARE_DAY_AFTER) !== undefined) return undefined;
    }
    p.day = n.value;
    if (n.chinese) p.chinese = true;
    p.end = n.end + 1;
  } else if (mode === 'end' && (unit === C_SHI || unit === C_DIAN || unit === C_COLON)) {
    const t = readTime(norm, i, true, false);
    if (!t) return undefined;
    applyTime(p, t);
    return p;
  } else if (mode === 'end' && chineseStart) {
    const t = readTime(norm, i, true, false);
    if (!t) return undefined;
    applyTime(p, t);
    return p;
  } else return undefined;
  // 8日当天
  if (SAME_DAY_FIRST.has(norm.charCodeAt(p.end))) {
    const rel = startsWithAny(norm, p.end, SAME_DAY_WORDS) as RelativeWord | undefined;
    if (rel !== undefined) {
      p.relative = rel;
      p.end += rel.length;
    }
  }
  const t = readTime(norm, p.end, true, !p.chinese);
  if (t) applyTime(p, t);
  return p;
}

/** 0 in "1月25日0-24时": an hour written without 时 before a separator. */
function readBareStartHour(norm: string, i: number): { hour: number; end: number } | undefined {
  const n = readNum(norm, i, 2);
  if (!n) return undefined;
  const s = skipSpaces(norm, n.end, 1);
  if (!SEPARATOR_CODE.has(norm.charCodeAt(s))) return undefined;
  const t = readTime(norm, skipSpaces(norm, s + 1, 1), true, false);
  if (!t || t.colon) return undefined;
  return { hour: n.value, end: n.end };
}

/** Where a period's separator is after `i` (with at most one space either side), or -1. */
function separatorAt(norm: string, i: number): number {
  const s = skipSpaces(norm, i, 1);
  if (!SEPARATOR_CODE.has(norm.charCodeAt(s))) return -1;
  // 至今, 到达 …: the end must be read by the caller
  return s;
}

function canStart(norm: string, i: number): boolean {
  const c = norm.charCodeAt(i);
  const prev = i > 0 ? norm.charCodeAt(i - 1) : 0;
  if (isDigit(c)) {
    return !isDigit(prev) && !isAsciiLetter(prev) && prev !== C_DOT && prev !== C_SLASH && prev !== C_HYPHEN;
  }
  if (CN_CODE.has(c)) return !CN_CODE.has(prev) && prev !== C_DI;
  return c === C_ZUO || c === C_JIN || c === C_BEN || c === C_DANG || c === C_QIAN || c === C_CI;
}

/**
 * Whether a number at i (no cue before it) can start a date: what readPoint reads in
 * 'start' mode from a digit or a Chinese digit is a run of them followed by 年, 月 or 日,
 * or four digits and an ISO separator (2021-05-12). Most numbers are counts; this
 * answers for them without building a point.
 */
function mayBeDate(norm: string, i: number): boolean {
  const c = norm.charCodeAt(i);
  let j = i;
  if (isDigit(c)) {
    while (j < norm.length && isDigit(norm.charCodeAt(j)) && j - i <= 4) j++;
    if (j - i > 4) return false;
    const next = norm.charCodeAt(j);
    return isYearMonthDay(next) || (j - i === 4 && isIsoSeparator(next));
  }
  if (!CN_CODE.has(c)) return true; // 昨日, 本月, 当天 …: relative words
  while (j < norm.length && CN_CODE.has(norm.charCodeAt(j)) && j - i < 5) j++;
  return isYearMonthDay(norm.charCodeAt(j));
}

interface RawExpr {
  start: number;
  end: number;
  kind: DateKind;
  cue?: string;
  from: RawPoint;
  to?: RawPoint;
}

/** Characters a date expression can start with (a digit, a Chinese digit, 昨今本当前次, 截): the scan skips the rest. */
const START = smallCodesOf(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...CN_DATE_DIGITS, '昨', '今', '本', '当', '前', '次', ...AS_OF_CUES.map((w) => w[0] as string)]);
/** START's table and hash as constants, for the scan's loop over the characters before an anchor (see SmallCodes). */
const START_SLOTS = START.slots;
const START_SHIFT = START.shift;
const START_MASK = START.mask;

/** First characters of the as-of cues (截至 …). */
const CUE_FIRST = firstCodes(AS_OF_CUES);

/**
 * Characters one of which every expression has soon after where the scan starts it:
 * the scan at a start character i reads nothing (and moves on to the next start
 * character) unless one of these is at i+1 … i+ANCHOR_REACH. The cases, as read by
 * mayBeDate, readRelative and readPoint in 'start' mode:
 * - a number (no cue): at most 4 digits or 5 Chinese digits, then 年, 月 or 日, or 4
 *   digits and - / . (mayBeDate): within i+5;
 * - a relative word: 昨日 … 次日, 昨天/今天/当天, 前一日, 今(12)日 (日 or 天 within i+5);
 *   any other 昨今本当前次 reads nothing;
 * - a cue, 截至|截止 [到] [two spaces]: the point starts by i+5 and is one of the above
 *   (its anchor within 5 more), else nothing is read and the scan resumes at that point,
 *   as it would from i+1 (截 is a start character; 至止到 and spaces are not);
 * So the scan may jump over every start character with no anchor in reach, and the
 * expressions found are the same.
 */
const ANCHORS = ['年', '月', '日', '天', '-', '/', '.'];
const ANCHOR_REACH = 10;

function scan(norm: string, deadline: Deadline): RawExpr[] {
  const out: RawExpr[] = [];
  const n = norm.length;
  /** Per anchor, its next position after the scan (n: no more); -1 until searched. */
  const nextAnchor = ANCHORS.map(() => -1);
  /** The nearest of them after i. */
  let anchor = -1;
  let i = 0;
  while (i < n) {
    if (anchor <= i) {
      deadline.check();
      anchor = n;
      for (let k = 0; k < ANCHORS.length; k++) {
        let a = nextAnchor[k] as number;
        if (a <= i) {
          a = norm.indexOf(ANCHORS[k] as string, i + 1);
          if (a < 0) a = n;
          nextAnchor[k] = a;
        }
        if (a < anchor) anchor = a;
      }
      if (anchor >= n) break; // no anchor after i: nothing more to read
    }
    // only the start characters within reach of the anchor can start an expression
    if (anchor - i > ANCHOR_REACH) i = anchor - ANCHOR_REACH;
    // to the first start character before the anchor (START.has, inline)
    while (i < anchor) {
      const c = norm.charCodeAt(i);
      if (START_SLOTS[(c ^ (c >>> START_SHIFT)) & START_MASK] === c) break;
      i++;
    }
    if (i >= anchor) continue; // (an anchor is not a start character)
    deadline.check();
    let cue: string | undefined;
    let at = i;
    const cueWord = CUE_FIRST.has(norm.charCodeAt(i)) ? startsWithAny(norm, i, AS_OF_CUES) : undefined;
    if (cueWord !== undefined) {
      cue = cueWord;
      at = i + cueWord.length;
      if (norm.charCodeAt(at) === C_DAO) at++;
      at = skipSpaces(norm, at, 2);
    } else if (!canStart(norm, i) || !mayBeDate(norm, i)) {
      i++;
      continue;
    }
    const from = readPoint(norm, at, 'start');
    if (!from || (from.month === undefined && from.day === undefined && from.relative === undefined && from.hour === undefined)) {
      i = cue !== undefined ? at : i + 1;
      continue;
    }
    let end = from.end;
    let to: RawPoint | undefined;
    if (cue === undefined) {
      // 1月25日0-24时
      if (from.hour === undefined && (from.day !== undefined || from.relative !== undefined)) {
        const bare = readBareStartHour(norm, from.end);
        if (bare) {
          from.hour = bare.hour;
          from.end = bare.end;
          end = bare.end;
        }
      }
      const s = separatorAt(norm, end);
      if (s >= 0) {
        const q = skipSpaces(norm, s + 1, 1);
        const e = readPoint(norm, q, 'end');
        if (e && !(e.hour === undefined && e.day === undefined && e.month === undefined && e.relative === undefined)) {
          to = e;
          end = e.end;
        }
      }
    }
    const start = cue !== undefined ? i : from.start;
    out.push({ start, end, kind: to ? 'period' : cue !== undefined ? 'asof' : 'instant', cue, from, to });
    i = Math.max(end, i + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Calendar

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The year used for comparisons when none is known (a leap year). */
const PLACEHOLDER_YEAR = 2000;

/**
 * Math.floor(Date.UTC(y, m - 1, d) / 86400000), by arithmetic (H. Hinnant's
 * days_from_civil) rather than the Date built-in, with Date.UTC's rules for integers: a
 * year 0 to 99 is 1900 + year, months beyond 1 to 12 carry into the year, days beyond the
 * month carry into the next months. Anything else (not integers, far out of range) still
 * goes through Date.UTC. A unit test compares the two.
 */
function dayNumber(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || Math.abs(y) > 200000 || Math.abs(m) > 1200 || Math.abs(d) > 1e6) {
    // (within these bounds the day is within Date's ±10⁸ days: Date.UTC gives no NaN)
    return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
  }
  const m0 = m - 1;
  const carry = Math.floor(m0 / 12);
  let year = (y >= 0 && y <= 99 ? 1900 + y : y) + carry;
  const month = m0 - carry * 12 + 1; // 1 to 12
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400; // [0, 399]
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5); // the 1st of the month, from March 1st
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + d - 1;
}

/** dayNumber, exported for its unit test. */
export const dayNumberOf = dayNumber;

/**
 * The date of a day number (days since 1970-01-01, proleptic Gregorian, as Date counts
 * them), by arithmetic (H. Hinnant's civil_from_days) rather than a Date object: exact for
 * every integer day; a unit test compares it with Date over years 100 to 10000. Anything
 * else (not an integer, beyond ±10⁸ days) still goes through Date.
 */
function fromDayNumber(n: number): { year: number; month: number; day: number } {
  if (!Number.isInteger(n) || n < -1e8 || n > 1e8) {
    const dt = new Date(n * 86400000);
    return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], from March
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** fromDayNumber, exported for its unit test. */
export const dateOfDayNumber = fromDayNumber;

/** Minutes since 1970 of a resolved point (placeholder year 2000 when unknown); undefined without a month and day. */
export function minutesOf(p: ResolvedPoint): number | undefined {
  if (p.month === undefined || p.day === undefined) return undefined;
  const y = p.year ?? PLACEHOLDER_YEAR;
  return dayNumber(y, p.month, p.day) * 1440 + (p.hour ?? 0) * 60 + (p.minute ?? 0);
}

/** The first minute after a point: the next day for a day, the next minute otherwise. */
export function endMinutesOf(p: ResolvedPoint): number | undefined {
  const m = minutesOf(p);
  if (m === undefined) return undefined;
  return p.precision === 'minute' ? m : m + 1440;
}

function pad(n: number, w = 2): string {
  // (the common case without padStart: one digit, two wanted)
  if (w === 2 && n >= 0 && n < 10 && Number.isInteger(n)) return '0' + n;
  return String(n).padStart(w, '0');
}

function isoOf(p: ResolvedPoint, withSeconds: boolean): string | undefined {
  if (p.year === undefined || p.month === undefined) return undefined;
  if (p.precision === 'month' || p.day === undefined) return `${pad(p.year, 4)}-${pad(p.month)}`;
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.precision === 'day') return date;
  const time = `${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}`;
  return withSeconds ? `${date}T${time}:${pad(p.second ?? 0)}` : `${date}T${time}`;
}

function periodIso(p: ResolvedPoint, end: boolean): string | undefined {
  if (p.year === undefined || p.month === undefined || p.day === undefined) return undefined;
  let { year, month, day } = p;
  if (p.precision !== 'minute' && end) ({ year, month, day } = fromDayNumber(dayNumber(year, month, day) + 1));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(p.precision === 'minute' ? p.hour ?? 0 : 0)}:${pad(p.precision === 'minute' ? p.minute ?? 0 : 0)}`;
}

// ---------------------------------------------------------------------------
// Resolution

/** A day as far as known; always built with all three fields, in this order (one shape). */
interface DayContext {
  year: number | undefined;
  month: number | undefined;
  day: number | undefined;
}

/** No day (shiftDay of a context without month or day); never changed. */
const NO_DAY: DayContext = Object.freeze({ year: undefined, month: undefined, day: undefined });

/**
 * A DateReason with every field in one order, absent ones undefined (see newDateExpr): the
 * order keeps the present fields in the order they were once added in (month before
 * which, year after it), so even the JSON of a reason is unchanged.
 */
function newReason(part: InvalidPart, value: number, max: number, which: 'start' | 'end', month?: number, after24?: boolean, year?: number): DateReason {
  return { part, value, max, month, after24, which, year };
}

function validate(p: RawPoint, month: number | undefined, monthInExpr: boolean, year: number | undefined, which: 'start' | 'end'): DateReason | undefined {
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return newReason('month', p.month, 12, which);
  if (p.day !== undefined) {
    if (p.day < 1) return newReason('day', p.day, 31, which);
    if (month !== undefined && monthInExpr && month >= 1 && month <= 12) {
      const max = daysInMonth(month, year);
      if (p.day > max) return newReason('day', p.day, max, which, month, undefined, month === 2 && p.day === 29 && year !== undefined ? year : undefined);
    } else if (p.day > 31) return newReason('day', p.day, 31, which);
  }
  if (p.hour !== undefined && p.hour > 24) return newReason('hour', p.hour, 24, which);
  if (p.minute !== undefined) {
    if (p.hour === 24 && p.minute > 0) return newReason('minute', p.minute, 0, which, undefined, true);
    if (p.minute > 59) return newReason('minute', p.minute, 59, which);
  }
  if (p.second !== undefined) {
    if (p.hour === 24 && p.second > 0) return newReason('second', p.second, 0, which, undefined, true);
    if (p.second > 59) return newReason('second', p.second, 59, which);
  }
  return undefined;
}

function hour24(p: RawPoint): number | undefined {
  if (p.hour === undefined) return undefined;
  if (p.dayPart !== undefined && p.hour >= 1 && p.hour <= 11 && (PM_PARTS.has(p.dayPart) || (p.dayPart === '中午' && p.hour <= 3))) return p.hour + 12;
  return p.hour;
}

/** Resolves a point to year/month/day/hour/minute, rolling 24时 over. Assumes it is valid. */
/**
 * A ResolvedPoint with every field in one order, absent ones undefined (see newDateExpr),
 * in the order they were once added in.
 */
function newResolved(yearInferred: boolean, precision: ResolvedPoint['precision'], year: number | undefined, month: number | undefined, day: number | undefined): ResolvedPoint {
  return { yearInferred, precision, year, month, day, hour: undefined, minute: undefined, second: undefined };
}

function resolvePoint(y: number | undefined, m: number | undefined, d: number | undefined, p: RawPoint, yearInferred: boolean): ResolvedPoint {
  // (year, month and day undefined when not known, as they were once left out)
  const r = newResolved(yearInferred, d !== undefined ? 'day' : 'month', y, m, d);
  const h = hour24(p);
  if (h !== undefined && d !== undefined && m !== undefined) {
    r.precision = 'minute';
    let hh = h;
    let yy = y;
    let mm = m;
    let dd = d;
    if (hh === 24) {
      const next = fromDayNumber(dayNumber(y ?? PLACEHOLDER_YEAR, m, d) + 1);
      hh = 0;
      mm = next.month;
      dd = next.day;
      yy = y === undefined ? undefined : next.year;
    }
    r.year = yy; // (undefined: no year, as y was)
    r.month = mm;
    r.day = dd;
    r.hour = hh;
    r.minute = p.minute ?? 0;
    r.second = p.second;
  }
  return r;
}

function shiftDay(ctx: DayContext, delta: number): DayContext {
  if (ctx.month === undefined || ctx.day === undefined) return NO_DAY;
  const next = fromDayNumber(dayNumber(ctx.year ?? PLACEHOLDER_YEAR, ctx.month, ctx.day) + delta);
  return { year: ctx.year !== undefined ? next.year : undefined, month: next.month, day: next.day };
}

function relativeDay(w: RelativeWord, pub: DayContext | undefined, prev: DayContext | undefined): DayContext | undefined {
  switch (w) {
    case '今日':
    case '今天':
    case '本日':
      return pub;
    case '昨日':
    case '昨天':
    case '前一日':
      return pub ? shiftDay(pub, -1) : undefined;
    case '当日':
    case '当天':
      return prev ?? pub;
    case '次日':
      return prev ? shiftDay(prev, 1) : undefined;
  }
}

/** The parts of a point as written: every field in one order, absent ones undefined (see newDateExpr). */
function partsOf(text: string, p: RawPoint): DateParts {
  return {
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    numeral: p.chinese ? 'chinese' : 'arabic',
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    relative: p.relative,
    dayPart: p.dayPart,
    hourWord: p.hourWord,
  };
}

/** A labelled date (发布日期:…) anywhere, else a full date that ends its line within the first lines. */
function findPublication(norm: string, raws: RawExpr[]): RawExpr | undefined {
  const candidates = raws.filter(
    (r) => r.kind === 'instant' && r.from.year !== undefined && r.from.month !== undefined && r.from.day !== undefined && r.from.relative === undefined,
  );
  for (const r of candidates) {
    let k = r.start;
    while (k > 0 && r.start - k < 4) {
      const c = norm.charCodeAt(k - 1);
      if (c !== C_SPACE && c !== C_COLON && c !== C_TAB) break;
      k--;
    }
    if (endsWithAny(norm, k, PUBLICATION_LABELS)) return r;
  }
  // the end of the first TOP_LINES lines
  // (just after the TOP_LINES-th line break, or the end of the text)
  let top = 0;
  for (let lines = 0; lines < TOP_LINES; lines++) {
    const lf = norm.indexOf('\n', top);
    if (lf < 0) {
      top = norm.length;
      break;
    }
    top = lf + 1;
  }
  for (const r of candidates) {
    if (r.start >= top) break;
    let lineEnd = r.end;
    while (lineEnd < norm.length && lineEnd - r.end <= 40) {
      const c = norm.charCodeAt(lineEnd);
      if (c === C_LF || c === C_CR) break;
      lineEnd++;
    }
    const rest = norm.slice(r.end, lineEnd).trim();
    if (rest.length === 0) return r;
    if (rest.length <= 30 && !/[,。;!?]/.test(rest)) return r;
  }
  return undefined;
}

export function findDates(text: string, norm: string, deadline: Deadline = NO_DEADLINE): DateInfo {
  const problems: Problem[] = [];
  const dates: DateExpr[] = [];
  // (all fields from the start, in the order they were once added in: one shape)
  const info: DateInfo = { dates, problems, year: undefined, publication: undefined };
  try {
    if (norm.length !== text.length) {
      problems.push({ start: 0, end: 0, message: 'date scan: the normalised text differs in length; dates skipped' });
      return info;
    }
    const raws = scan(norm, deadline);
    const pubRaw = findPublication(norm, raws);
    let year: number | undefined = pubRaw?.from.year;
    if (year === undefined) {
      for (const r of raws) {
        const y = r.from.year ?? r.to?.year;
        if (y !== undefined) {
          year = y;
          break;
        }
      }
    }
    if (year !== undefined) info.year = year;
    let pubDay: DayContext | undefined;
    let pubDayNumber: number | undefined;
    if (pubRaw && pubRaw.from.year !== undefined && pubRaw.from.month !== undefined && pubRaw.from.day !== undefined) {
      const f = pubRaw.from;
      if (validate(f, f.month, true, f.year, 'start') === undefined) {
        pubDay = { year: f.year, month: f.month, day: f.day };
        pubDayNumber = dayNumber(f.year as number, f.month as number, f.day as number);
      }
    }
    let prev: DayContext | undefined;
    for (const r of raws) {
      const expr = resolveExpr(text, r, year, pubDay, pubDayNumber, prev);
      dates.push(expr);
      if (r === pubRaw && expr.valid) info.publication = expr;
      if (expr.valid) {
        const last = expr.from;
        if (last.month !== undefined && last.day !== undefined) {
          prev = { year: last.year, month: last.month, day: last.day };
          // the start of a 24时 instant is the day it names, not the rolled-over one
          if (r.from.hour === 24 && r.from.day !== undefined) prev = shiftDay(prev, -1);
        }
      }
    }
  } catch (e) {
    if (e instanceof StageStopped) throw e;
    problems.push({ start: 0, end: 0, message: `date scan failed: ${e instanceof Error ? e.message : String(e)}` });
  }
  return info;
}

function resolveExpr(
  text: string,
  r: RawExpr,
  year: number | undefined,
  pub: DayContext | undefined,
  pubDayNumber: number | undefined,
  prev: DayContext | undefined,
): DateExpr {
  const f = r.from;
  // day and month of the start point
  let month = f.month;
  let day = f.day;
  let ctxYear: number | undefined;
  const monthInExpr = f.month !== undefined;
  if (f.relative !== undefined && day === undefined) {
    const rd = relativeDay(f.relative, pub, prev);
    if (rd) {
      month = rd.month;
      day = rd.day;
      ctxYear = rd.year;
    }
  } else if (month === undefined && day !== undefined) {
    const ctx = f.relative !== undefined && PUBLICATION_RELATIVE.has(f.relative) ? pub ?? prev : prev ?? pub;
    month = ctx?.month;
    ctxYear = ctx?.year;
  }
  let y = f.year ?? ctxYear ?? year;
  const yearInferred = f.year === undefined;
  if (f.year === undefined && ctxYear === undefined && y !== undefined && pubDayNumber !== undefined && month !== undefined && month >= 1 && month <= 12) {
    const d = Math.min(day ?? 1, daysInMonth(month, y));
    if (dayNumber(y, month, d) > pubDayNumber + 62) y = y - 1;
  }
  const parts = partsOf(text, f);
  let reason = validate(f, month, monthInExpr, y, 'start');
  let endParts: DateParts | undefined;
  let endY: number | undefined;
  let endMonth: number | undefined;
  let endDay: number | undefined;
  const e = r.to;
  if (e) {
    endParts = partsOf(text, e);
    endY = e.year ?? y;
    endMonth = e.month ?? month;
    endDay = e.day;
    if (e.relative === '次日' && endDay === undefined && month !== undefined && day !== undefined) {
      const nd = shiftDay({ year: y, month, day }, 1);
      endMonth = nd.month;
      endDay = nd.day;
      if (e.year === undefined && nd.year !== undefined) endY = nd.year;
    } else if (endDay === undefined && e.month === undefined) endDay = day;
    if (e.year === undefined && e.month !== undefined && month !== undefined && month >= 11 && e.month <= 2 && endY !== undefined) endY += 1;
    reason ??= validate(e, endMonth, e.month !== undefined || monthInExpr, endY, 'end');
  }
  if (reason) return newDateExpr(text, r, parts, y, endParts, false, reason, newResolved(yearInferred, 'month', y, undefined, undefined), undefined, undefined, undefined, undefined);
  const from = resolvePoint(y, month, day, f, yearInferred);
  if (e) {
    const to = resolvePoint(endY, endMonth, endDay, e, e.year === undefined);
    return newDateExpr(text, r, parts, y, endParts, true, undefined, from, to, periodIso(from, false), periodIso(to, true), undefined);
  }
  return newDateExpr(text, r, parts, y, undefined, true, undefined, from, undefined, undefined, undefined, isoOf(from, f.second !== undefined));
}

/**
 * Every DateExpr is made here, with all its fields in one fixed order, the optional ones
 * undefined when absent (as newFigure does for figures): objects built field by field in
 * varying orders get different hidden classes in V8, and every reader of dates then runs
 * through megamorphic property lookups. The order is the order in which the fields were
 * once added one by one (start … from, then cue, year, endParts, reason or to, startIso,
 * endIso or iso), so the fields present keep their order, and JSON.stringify, which drops
 * undefined fields, gives the same text.
 */
function newDateExpr(
  text: string,
  r: RawExpr,
  parts: DateParts,
  year: number | undefined,
  endParts: DateParts | undefined,
  valid: boolean,
  reason: DateReason | undefined,
  from: ResolvedPoint,
  to: ResolvedPoint | undefined,
  startIso: string | undefined,
  endIso: string | undefined,
  iso: string | undefined,
): DateExpr {
  return {
    start: r.start,
    end: r.end,
    kind: r.kind,
    text: text.slice(r.start, r.end),
    parts,
    valid,
    from,
    cue: r.cue,
    year,
    endParts,
    reason,
    to,
    startIso,
    endIso,
    iso,
  };
}
