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

const CN_DATE_DIGITS = '零一二两三四五六七八九十';
const CN_CODE = new Uint8Array(0x10000);
for (const ch of CN_DATE_DIGITS) CN_CODE[ch.charCodeAt(0)] = 1;

const RELATIVE_WORDS: readonly RelativeWord[] = ['前一日', '昨日', '昨天', '今日', '今天', '本日', '当日', '当天', '次日'];
const DAY_PARTS = ['凌晨', '早上', '早晨', '上午', '中午', '下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '晚', '早'];
const PM_PARTS = new Set(['下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '晚']);
const SEPARATORS = new Set(['至', '到', '-', '—', '–', '~', '〜', '―']);
/** Relative words that count from the publication day. */
const PUBLICATION_RELATIVE = new Set<RelativeWord>(['今日', '今天', '本日', '昨日', '昨天', '前一日']);
const ISO_SEPARATORS = new Set(['-', '/', '.']);
const AS_OF_CUES = ['截至', '截止'];
/** Before a bare day: it is a duration or a count, not a date. */
const BARE_DAY_BEFORE = ['近', '连续', '满', '第', '每', '共', '隔离', '观察', '超过', '逾', '达', '约', '前', '后', '余', '最', '持续', '为期', '未满', '不足', '至少', '已'];
/** After a bare day. */
const BARE_DAY_AFTER = ['内', '以内', '之内', '左右', '龄', '后', '以后', '之后', '以上', '次', '天'];
/** How many lines at the top may hold an unlabelled publication date. */
const TOP_LINES = 10;
const PUBLICATION_LABELS = ['发布日期', '发布时间', '发布于', '发布', '发表于', '发表时间', '日期', '时间', '更新时间', '更新于', '更新', '出版'];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
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
  while (j < norm.length && isDigit(norm.charCodeAt(j)) && j - i <= max) j++;
  const digits = j - i;
  if (digits === 0 || digits > max) return undefined;
  return { value: Number(norm.slice(i, j)), end: j, digits, chinese: false };
}

/** A Chinese numeral made of 零一二…十 (dates need nothing bigger). */
function readChinese(norm: string, i: number): Num | undefined {
  let j = i;
  while (j < norm.length && CN_CODE[norm.charCodeAt(j)] === 1 && j - i < 5) j++;
  if (j === i) return undefined;
  const s = norm.slice(i, j);
  const v = parseChineseNumeral(s);
  if (v === undefined) return undefined;
  return { value: v, end: j, digits: j - i, chinese: true };
}

function readNum(norm: string, i: number, max: number): Num | undefined {
  return isDigit(norm.charCodeAt(i)) ? readArabic(norm, i, max) : readChinese(norm, i);
}

function skipSpaces(norm: string, i: number, max: number): number {
  let j = i;
  while (j < norm.length && j - i < max && (norm[j] === ' ' || norm[j] === '\t')) j++;
  return j;
}

/** A point while it is being read: the parts of DateParts, before its text and numeral are known. */
type RawPoint = Omit<DateParts, 'text' | 'numeral'> & { chinese: boolean };

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
  for (const w of DAY_PARTS) {
    if (norm.startsWith(w, p)) {
      dayPart = w;
      p += w.length;
      break;
    }
  }
  // H:MM[:SS]
  const q = allowSpace && dayPart === undefined ? skipSpaces(norm, p, 3) : p;
  if (isDigit(norm.charCodeAt(q))) {
    const h = readArabic(norm, q, 2);
    if (h && norm[h.end] === ':') {
      const m = readArabic(norm, h.end + 1, 2);
      if (m && m.digits === 2) {
        let end = m.end;
        let second: number | undefined;
        if (norm[end] === ':') {
          const s = readArabic(norm, end + 1, 2);
          if (s && s.digits === 2) {
            second = s.value;
            end = s.end;
          }
        }
        if (!isDigit(norm.charCodeAt(end))) {
          const t: RawTime = { end, colon: true, hour: h.value, minute: m.value, chinese: false };
          if (second !== undefined) t.second = second;
          if (dayPart !== undefined) t.dayPart = dayPart;
          return t;
        }
      }
    }
  }
  const c = norm.charCodeAt(p);
  if (!isDigit(c) && !(allowChinese && CN_CODE[c] === 1)) return undefined;
  const h = readNum(norm, p, 2);
  if (!h || (norm[h.end] !== '时' && norm[h.end] !== '点')) return undefined;
  const t: RawTime = { end: h.end + 1, colon: false, hour: h.value, chinese: h.chinese };
  if (dayPart !== undefined) t.dayPart = dayPart;
  if (norm[h.end] === '时' && (h.value === 0 || h.value === 24)) {
    t.hourWord = h.value === 24 ? '24时' : norm[p] === '零' ? '零时' : '0时';
  }
  let e = t.end;
  if (norm[e] === '半') {
    t.minute = 30;
    t.end = e + 1;
    return t;
  }
  const mc = norm.charCodeAt(e);
  if (isDigit(mc) || (h.chinese && CN_CODE[mc] === 1)) {
    const m = readNum(norm, e, 2);
    if (m && norm[m.end] === '分') {
      t.minute = m.value;
      e = m.end + 1;
      t.end = e;
      const sc = norm.charCodeAt(e);
      if (isDigit(sc) || (h.chinese && CN_CODE[sc] === 1)) {
        const s = readNum(norm, e, 2);
        if (s && norm[s.end] === '秒') {
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
  const sep = norm[y.end] ?? '';
  if (!ISO_SEPARATORS.has(sep)) return undefined;
  const m = readArabic(norm, y.end + 1, 2);
  if (!m || norm[m.end] !== sep) return undefined;
  const d = readArabic(norm, m.end + 1, 2);
  if (!d) return undefined;
  const after = norm.charCodeAt(d.end);
  if (isDigit(after) || (sep === '.' && norm[d.end] === '.' && isDigit(norm.charCodeAt(d.end + 1)))) return undefined;
  const p: RawPoint = { start: i, end: d.end, year: y.value, month: m.value, day: d.value, chinese: false };
  let q = d.end;
  if (norm[q] === 'T') q++;
  const t = readTime(norm, q, false, true);
  if (t && t.colon) applyTime(p, t);
  return p;
}

/** A relative day word at i, with an optional day in brackets: 昨日(27日), 今(12)日. */
function readRelative(norm: string, i: number, p: RawPoint): boolean {
  // 今(12)日, 昨(27)日
  const ch = norm[i];
  if ((ch === '今' || ch === '昨' || ch === '本') && norm[i + 1] === '(') {
    const d = readArabic(norm, i + 2, 2);
    if (d && norm[d.end] === ')' && norm[d.end + 1] === '日') {
      p.relative = (ch + '日') as RelativeWord;
      p.day = d.value;
      p.end = d.end + 2;
      return true;
    }
    return false;
  }
  const w = startsWithAny(norm, i, RELATIVE_WORDS) as RelativeWord | undefined;
  if (w === undefined) return false;
  if (w === '前一日' && endsWithAny(norm, i, ['较', '比'])) return false;
  p.relative = w;
  p.end = i + w.length;
  // 昨日(27日)
  if (norm[p.end] === '(') {
    const d = readArabic(norm, p.end + 1, 2);
    if (d && norm[d.end] === '日' && norm[d.end + 1] === ')') {
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
  const p: RawPoint = { start: i, end: i, chinese: false };
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
  if (chineseStart && CN_CODE[c] !== 1) return undefined;
  let pos = i;
  let n = readNum(norm, pos, 4);
  if (!n) return undefined;
  // year
  if (norm[n.end] === '年') {
    if (n.digits !== 4) return undefined;
    p.year = n.value;
    pos = n.end + 1;
    n = readNum(norm, pos, 2);
    if (!n || norm[n.end] !== '月') return undefined;
  }
  // month
  if (norm[n.end] === '月') {
    if (n.digits > 2 && !n.chinese) return undefined;
    if (norm[n.end + 1] === '龄') return undefined;
    p.month = n.value;
    if (n.chinese) p.chinese = true;
    pos = n.end + 1;
    p.end = pos;
    const dc = norm.charCodeAt(pos);
    const d = isDigit(dc) || CN_CODE[dc] === 1 ? readNum(norm, pos, 2) : undefined;
    if (d && (norm[d.end] === '日' || norm[d.end] === '号')) {
      p.day = d.value;
      if (d.chinese) p.chinese = true;
      p.end = d.end + 1;
    } else {
      // a month alone: only with a year or 份
      if (norm[pos] === '份') p.end = pos + 1;
      else if (p.year === undefined) return undefined;
      if (p.chinese && p.year === undefined) return undefined;
      return p;
    }
  } else if (norm[n.end] === '日') {
    // a bare day
    if (n.digits > 2) return undefined;
    if (mode === 'start') {
      if (n.chinese || n.value < 1 || n.value > 31) return undefined;
      if (endsWithAny(norm, i, BARE_DAY_BEFORE)) return undefined;
      if (startsWithAny(norm, n.end + 1, BARE_DAY_AFTER) !== undefined) return undefined;
    }
    p.day = n.value;
    if (n.chinese) p.chinese = true;
    p.end = n.end + 1;
  } else if (mode === 'end' && (norm[n.end] === '时' || norm[n.end] === '点' || norm[n.end] === ':')) {
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
  const rel = startsWithAny(norm, p.end, ['当天', '当日']) as RelativeWord | undefined;
  if (rel !== undefined) {
    p.relative = rel;
    p.end += rel.length;
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
  const sep = norm[s] ?? '';
  if (!SEPARATORS.has(sep)) return undefined;
  const t = readTime(norm, skipSpaces(norm, s + 1, 1), true, false);
  if (!t || t.colon) return undefined;
  return { hour: n.value, end: n.end };
}

/** Where a period's separator is after `i` (with at most one space either side), or -1. */
function separatorAt(norm: string, i: number): number {
  const s = skipSpaces(norm, i, 1);
  const ch = norm[s] ?? '';
  if (!SEPARATORS.has(ch)) return -1;
  // 至今, 到达 …: the end must be read by the caller
  return s;
}

function canStart(norm: string, i: number): boolean {
  const c = norm.charCodeAt(i);
  const prev = i > 0 ? norm.charCodeAt(i - 1) : 0;
  if (isDigit(c)) {
    return !isDigit(prev) && !isAsciiLetter(prev) && prev !== 46 /* . */ && prev !== 47 /* / */ && prev !== 45 /* - */;
  }
  if (CN_CODE[c] === 1) return CN_CODE[prev] !== 1 && norm[i - 1] !== '第';
  const ch = norm[i];
  return ch === '昨' || ch === '今' || ch === '本' || ch === '当' || ch === '前' || ch === '次';
}

const YEAR_MONTH_DAY = new Set(['年', '月', '日']);

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
    const next = norm[j] ?? '';
    return YEAR_MONTH_DAY.has(next) || (j - i === 4 && ISO_SEPARATORS.has(next));
  }
  if (CN_CODE[c] !== 1) return true; // 昨日, 本月, 当天 …: relative words
  while (j < norm.length && CN_CODE[norm.charCodeAt(j)] === 1 && j - i < 5) j++;
  return YEAR_MONTH_DAY.has(norm[j] ?? '');
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
const START = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) START[c] = 1;
for (const ch of CN_DATE_DIGITS) START[ch.charCodeAt(0)] = 1;
for (const ch of ['昨', '今', '本', '当', '前', '次', ...AS_OF_CUES.map((w) => w[0] as string)]) START[ch.charCodeAt(0)] = 1;

/** First characters of the as-of cues (截至 …). */
const CUE_FIRST = new Uint8Array(0x10000);
for (const w of AS_OF_CUES) CUE_FIRST[w.charCodeAt(0)] = 1;

function scan(norm: string, deadline: Deadline): RawExpr[] {
  const out: RawExpr[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    while (i < n && START[norm.charCodeAt(i)] !== 1) i++;
    if (i >= n) break;
    deadline.check();
    let cue: string | undefined;
    let at = i;
    const cueWord = CUE_FIRST[norm.charCodeAt(i)] === 1 ? startsWithAny(norm, i, AS_OF_CUES) : undefined;
    if (cueWord !== undefined) {
      cue = cueWord;
      at = i + cueWord.length;
      if (norm[at] === '到') at++;
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
    const expr: RawExpr = { start, end, kind: to ? 'period' : cue !== undefined ? 'asof' : 'instant', from };
    if (cue !== undefined) expr.cue = cue;
    if (to) expr.to = to;
    out.push(expr);
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

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const dt = new Date(n * 86400000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

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

interface DayContext {
  year?: number;
  month?: number;
  day?: number;
}

function validate(p: RawPoint, month: number | undefined, monthInExpr: boolean, year: number | undefined, which: 'start' | 'end'): DateReason | undefined {
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return { part: 'month', value: p.month, max: 12, which };
  if (p.day !== undefined) {
    if (p.day < 1) return { part: 'day', value: p.day, max: 31, which };
    if (month !== undefined && monthInExpr && month >= 1 && month <= 12) {
      const max = daysInMonth(month, year);
      if (p.day > max) {
        const r: DateReason = { part: 'day', value: p.day, max, month, which };
        if (month === 2 && p.day === 29 && year !== undefined) r.year = year;
        return r;
      }
    } else if (p.day > 31) return { part: 'day', value: p.day, max: 31, which };
  }
  if (p.hour !== undefined && p.hour > 24) return { part: 'hour', value: p.hour, max: 24, which };
  if (p.minute !== undefined) {
    if (p.hour === 24 && p.minute > 0) return { part: 'minute', value: p.minute, max: 0, after24: true, which };
    if (p.minute > 59) return { part: 'minute', value: p.minute, max: 59, which };
  }
  if (p.second !== undefined) {
    if (p.hour === 24 && p.second > 0) return { part: 'second', value: p.second, max: 0, after24: true, which };
    if (p.second > 59) return { part: 'second', value: p.second, max: 59, which };
  }
  return undefined;
}

function hour24(p: RawPoint): number | undefined {
  if (p.hour === undefined) return undefined;
  if (p.dayPart !== undefined && p.hour >= 1 && p.hour <= 11 && (PM_PARTS.has(p.dayPart) || (p.dayPart === '中午' && p.hour <= 3))) return p.hour + 12;
  return p.hour;
}

/** Resolves a point to year/month/day/hour/minute, rolling 24时 over. Assumes it is valid. */
function resolvePoint(y: number | undefined, m: number | undefined, d: number | undefined, p: RawPoint, yearInferred: boolean): ResolvedPoint {
  const r: ResolvedPoint = { yearInferred, precision: d !== undefined ? 'day' : 'month' };
  if (y !== undefined) r.year = y;
  if (m !== undefined) r.month = m;
  if (d !== undefined) r.day = d;
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
    if (yy !== undefined) r.year = yy;
    else delete r.year;
    r.month = mm;
    r.day = dd;
    r.hour = hh;
    r.minute = p.minute ?? 0;
    if (p.second !== undefined) r.second = p.second;
  }
  return r;
}

function shiftDay(ctx: DayContext, delta: number): DayContext {
  if (ctx.month === undefined || ctx.day === undefined) return {};
  const next = fromDayNumber(dayNumber(ctx.year ?? PLACEHOLDER_YEAR, ctx.month, ctx.day) + delta);
  const out: DayContext = { month: next.month, day: next.day };
  if (ctx.year !== undefined) out.year = next.year;
  return out;
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

function partsOf(text: string, p: RawPoint): DateParts {
  const out: DateParts = { start: p.start, end: p.end, text: text.slice(p.start, p.end), numeral: p.chinese ? 'chinese' : 'arabic' };
  if (p.year !== undefined) out.year = p.year;
  if (p.month !== undefined) out.month = p.month;
  if (p.day !== undefined) out.day = p.day;
  if (p.hour !== undefined) out.hour = p.hour;
  if (p.minute !== undefined) out.minute = p.minute;
  if (p.second !== undefined) out.second = p.second;
  if (p.relative !== undefined) out.relative = p.relative;
  if (p.dayPart !== undefined) out.dayPart = p.dayPart;
  if (p.hourWord !== undefined) out.hourWord = p.hourWord;
  return out;
}

/** A labelled date (发布日期:…) anywhere, else a full date that ends its line within the first lines. */
function findPublication(norm: string, raws: RawExpr[]): RawExpr | undefined {
  const candidates = raws.filter(
    (r) => r.kind === 'instant' && r.from.year !== undefined && r.from.month !== undefined && r.from.day !== undefined && r.from.relative === undefined,
  );
  for (const r of candidates) {
    let k = r.start;
    while (k > 0 && r.start - k < 4 && (norm[k - 1] === ' ' || norm[k - 1] === ':' || norm[k - 1] === '\t')) k--;
    if (endsWithAny(norm, k, PUBLICATION_LABELS)) return r;
  }
  // the end of the first TOP_LINES lines
  let top = 0;
  for (let lines = 0; top < norm.length && lines < TOP_LINES; top++) if (norm[top] === '\n') lines++;
  for (const r of candidates) {
    if (r.start >= top) break;
    let lineEnd = r.end;
    while (lineEnd < norm.length && lineEnd - r.end <= 40 && norm[lineEnd] !== '\n' && norm[lineEnd] !== '\r') lineEnd++;
    const rest = norm.slice(r.end, lineEnd).trim();
    if (rest.length === 0) return r;
    if (rest.length <= 30 && !/[,。;!?]/.test(rest)) return r;
  }
  return undefined;
}

export function findDates(text: string, norm: string, deadline: Deadline = NO_DEADLINE): DateInfo {
  const problems: Problem[] = [];
  const dates: DateExpr[] = [];
  const info: DateInfo = { dates, problems };
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
        pubDay = { year: f.year, month: f.month, day: f.day } as DayContext;
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
          prev = { month: last.month, day: last.day };
          if (last.year !== undefined) prev.year = last.year;
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
  const expr: DateExpr = {
    start: r.start,
    end: r.end,
    kind: r.kind,
    text: text.slice(r.start, r.end),
    parts: partsOf(text, f),
    valid: true,
    from: { yearInferred, precision: 'month' },
  };
  if (r.cue !== undefined) expr.cue = r.cue;
  if (y !== undefined) expr.year = y;
  let reason = validate(f, month, monthInExpr, y, 'start');
  let endY: number | undefined;
  let endMonth: number | undefined;
  let endDay: number | undefined;
  const e = r.to;
  if (e) {
    expr.endParts = partsOf(text, e);
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
  if (reason) {
    expr.valid = false;
    expr.reason = reason;
    const from: ResolvedPoint = { yearInferred, precision: 'month' };
    if (y !== undefined) from.year = y;
    expr.from = from;
    return expr;
  }
  expr.from = resolvePoint(y, month, day, f, yearInferred);
  if (e) {
    expr.to = resolvePoint(endY, endMonth, endDay, e, e.year === undefined);
    const s = periodIso(expr.from, false);
    const en = periodIso(expr.to, true);
    if (s !== undefined) expr.startIso = s;
    if (en !== undefined) expr.endIso = en;
  } else {
    const iso = isoOf(expr.from, f.second !== undefined);
    if (iso !== undefined) expr.iso = iso;
  }
  return expr;
}
