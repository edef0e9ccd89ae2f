/**
 * Finds every numeric token in a text and says what it is: a count with its
 * measure word, a date or time part, a year, an ordinal, a phone number … and,
 * for counts, what they count (category, qualifier, origin) and the item label
 * before them. Works on the same-length normalised copy, so offsets are exact.
 */
import { CHINESE_NUMERAL_CHARS, parseArabicValue, parseChineseNumeral } from './numbers';
import { CATEGORY_TERMS, COUNT_UNITS, DURATION_UNITS, ORIGIN_TERMS, QUALIFIER_TERMS, UNITS, LIST_CUES } from './lexicon';
import { TermMatcher } from './text/termMatcher';
import type { Category, Figure, Origin, Qualifier, TokenKind } from './types';

const CN_NUMERAL_CODE = new Uint8Array(0x10000);
for (const ch of CHINESE_NUMERAL_CHARS) CN_NUMERAL_CODE[ch.charCodeAt(0)] = 1;
const APPROX_BEFORE = ['超过', '不到', '不足', '约', '近', '逾', '超'];
const DATE_SUFFIX = new Set(['年', '月', '日', '号', '时', '点', '分', '秒']);
/** Characters that end the clause a figure belongs to. */
const CLAUSE_STOP_CHARS = [',', ';', '。', '!', '?', ':', '、', '(', ')', '\n', '\r', '“', '”', '"', '《', '》', '【', '】'];
const CLAUSE_STOP_CODE = new Uint8Array(0x10000);
for (const ch of CLAUSE_STOP_CHARS) CLAUSE_STOP_CODE[ch.charCodeAt(0)] = 1;
const ENUM_COMMA = '、'.charCodeAt(0);
const MAX_CONTEXT = 48;
/** A place label right before a number: 佛山市64 */
const BARE_PART_LABEL = /[\u4e00-\u9fff]{1,10}[省市区县州]$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function clauseStart(norm: string, pos: number): number {
  const limit = Math.max(0, pos - MAX_CONTEXT);
  for (let i = pos - 1; i >= limit; i--) if (CLAUSE_STOP_CODE[norm.charCodeAt(i)] === 1) return i + 1;
  return limit;
}

/** Like clauseStart, but an enumeration comma (、) does not end the phrase. */
function phraseStart(norm: string, pos: number): number {
  const limit = Math.max(0, pos - MAX_CONTEXT);
  for (let i = pos - 1; i >= limit; i--) {
    const c = norm.charCodeAt(i);
    if (c !== ENUM_COMMA && CLAUSE_STOP_CODE[c] === 1) return i + 1;
  }
  return limit;
}

export function clauseEnd(norm: string, pos: number): number {
  const limit = Math.min(norm.length, pos + MAX_CONTEXT);
  for (let i = pos; i < limit; i++) if (CLAUSE_STOP_CODE[norm.charCodeAt(i)] === 1) return i;
  return limit;
}

const matchers = new Map<ReadonlyArray<readonly [string, unknown]>, TermMatcher<unknown>>();

function findTerm<T>(s: string, terms: ReadonlyArray<readonly [string, T]>): T | undefined {
  let m = matchers.get(terms) as TermMatcher<T> | undefined;
  if (!m) {
    m = new TermMatcher(terms);
    matchers.set(terms, m as TermMatcher<unknown>);
  }
  return m.find(s);
}

/** A category named right after the measure word: 9例确诊病例, 13例新冠肺炎确诊病例. */
const SUFFIX_FILLERS = [['的'], ['新冠肺炎', '新型冠状病毒肺炎', '新冠病毒', '新冠'], ['本土', '境外输入', '本地', '输入']];
let categoryMatcher: TermMatcher<Category> | undefined;

function suffixCategory(suffix: string): Category | undefined {
  let i = 0;
  for (const group of SUFFIX_FILLERS) {
    const w = group.find((x) => suffix.startsWith(x, i));
    if (w) i += w.length;
  }
  categoryMatcher ??= new TermMatcher(CATEGORY_TERMS);
  return categoryMatcher.at(suffix, i)?.value;
}

function matchUnit(norm: string, pos: number): string {
  for (const u of UNITS) if (norm.startsWith(u, pos)) return u;
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

/** Reads an Arabic number at `i` (digits, thousands separators, decimals, 万/亿 multiplier, 9万7527 tails). */
function readArabic(text: string, norm: string, i: number): RawNumber | undefined {
  const start = i;
  const n = norm.length;
  while (i < n && isDigit(norm.charCodeAt(i))) i++;
  let grouped = false;
  // thousands separators: ,ddd groups, only when the leading group has 1–3 digits
  if (i - start <= 3) {
    let j = i;
    while (
      norm[j] === ',' &&
      isDigit(norm.charCodeAt(j + 1)) &&
      isDigit(norm.charCodeAt(j + 2)) &&
      isDigit(norm.charCodeAt(j + 3)) &&
      !isDigit(norm.charCodeAt(j + 4))
    ) {
      j += 4;
      grouped = true;
    }
    i = j;
  }
  let decimal = false;
  if (norm[i] === '.' && isDigit(norm.charCodeAt(i + 1)) && !grouped) {
    decimal = true;
    i++;
    while (i < n && isDigit(norm.charCodeAt(i))) i++;
  }
  const digitsText = norm.slice(start, i);
  let multiplier = 1;
  let end = i;
  let tail: string | undefined;
  const m = norm[i];
  if (m === '万' || m === '亿') {
    multiplier = m === '万' ? 1e4 : 1e8;
    end = i + 1;
    // 9万7527
    let k = end;
    while (k < n && k - end < 5 && isDigit(norm.charCodeAt(k))) k++;
    if (k > end && !decimal && k - end <= Math.log10(multiplier) && !isDigit(norm.charCodeAt(k))) {
      tail = norm.slice(end, k);
      end = k;
    }
  }
  const parsed = parseArabicValue(digitsText, multiplier, tail);
  if (!parsed) return undefined;
  const fw = text.charCodeAt(start) >= 0xff10 && text.charCodeAt(start) <= 0xff19;
  return {
    start,
    valueEnd: end,
    numeral: fw ? 'fullwidth' : 'arabic',
    grouped,
    value: parsed.value,
    low: parsed.low,
    high: parsed.high,
    decimal,
    digits: digitsText.replace(/[,.]/g, '').length,
  };
}

function readChinese(norm: string, i: number): RawNumber | undefined {
  const start = i;
  while (i < norm.length && CN_NUMERAL_CODE[norm.charCodeAt(i)] === 1) i++;
  const v = parseChineseNumeral(norm.slice(start, i));
  if (v === undefined) return undefined;
  return {
    start,
    valueEnd: i,
    numeral: 'chinese',
    grouped: false,
    value: v,
    low: v,
    high: v,
    decimal: false,
    digits: String(v).length,
  };
}

export interface FigureScan {
  figures: Figure[];
}

/** Strips list cues and filler from the front of an item label. */
const LABEL_TAIL = new Set([' ', '\t', '\n', '\r', '\u3000', '的', '有', '为']);

export function cleanLabel(label: string): { text: string; offset: number } {
  let offset = 0;
  let s = label;
  let changed = true;
  while (changed) {
    changed = false;
    let lead = 0;
    while (lead < s.length && (s[lead] === ' ' || s[lead] === '的' || s[lead] === '\t' || s[lead] === '\u3000')) lead++;
    if (lead > 0) {
      offset += lead;
      s = s.slice(lead);
      changed = true;
    }
    for (const cue of LIST_CUES) {
      const at = s.indexOf(cue);
      if (at >= 0 && at <= 8) {
        offset += at + cue.length;
        s = s.slice(at + cue.length);
        changed = true;
        break;
      }
    }
    for (const lead of ['已', '现', '在', '共', '为', '有', '和', '及', '与']) {
      if (s.startsWith(lead) && s.length > 2) {
        offset += 1;
        s = s.slice(1);
        changed = true;
        break;
      }
    }
  }
  let end = s.length;
  while (end > 0 && LABEL_TAIL.has(s[end - 1] as string)) end--;
  return { text: s.slice(0, end), offset };
}

/** Where a number can start: a digit or a Chinese numeral character (after normalisation). */
const NUMBER_START = new RegExp(`[0-9${CHINESE_NUMERAL_CHARS}]`);

export function scanFigures(text: string, norm: string): Figure[] {
  const figures: Figure[] = [];
  const n = norm.length;
  let i = 0;
  const next = new RegExp(NUMBER_START.source, 'g');
  while (i < n) {
    // jump to the next digit or Chinese numeral (the regex engine scans faster than a loop)
    next.lastIndex = i;
    const m = next.exec(norm);
    if (!m) break;
    i = m.index;
    const c = norm.charCodeAt(i);
    let raw: RawNumber | undefined;
    if (isDigit(c)) {
      raw = readArabic(text, norm, i);
      if (!raw) {
        while (i < n && isDigit(norm.charCodeAt(i))) i++;
        continue;
      }
    } else if (CN_NUMERAL_CODE[c] === 1) {
      raw = readChinese(norm, i);
      if (!raw) {
        while (i < n && CN_NUMERAL_CODE[norm.charCodeAt(i)] === 1) i++;
        continue;
      }
    } else {
      i++;
      continue;
    }
    const fig = classify(text, norm, raw, figures.length, figures.length > 0 ? (figures[figures.length - 1] as Figure).end : 0);
    i = Math.max(raw.valueEnd, i + 1);
    if (fig) {
      figures.push(fig);
      i = Math.max(i, fig.end);
    }
  }
  return figures;
}

function classify(text: string, norm: string, raw: RawNumber, id: number, floor: number): Figure | undefined {
  const { start, valueEnd } = raw;
  let p = valueEnd;
  let approximate = false;
  let low = raw.low;
  let high = raw.high;
  // 6000余人, 100多例
  if (norm[p] === '余' || norm[p] === '多') {
    approximate = true;
    const step = raw.decimal ? 1 : 10 ** Math.max(0, trailingZeros(raw.value) || 1);
    low = raw.value;
    high = raw.value + step;
    p++;
  }
  let footnote: string | undefined;
  if (norm[p] === '*') {
    footnote = '*';
    p++;
  }
  const unit = matchUnit(norm, p);
  const after = norm[p] ?? '';
  const before = norm[start - 1] ?? '';
  const chinese = raw.numeral === 'chinese';

  let kind: TokenKind;
  if (before === '第') kind = 'ordinal';
  else if (unit === '%' || unit === '个百分点') kind = 'percent';
  else if (unit === '' && DATE_SUFFIX.has(after)) {
    kind = after === '年' ? (raw.digits === 4 ? 'year' : 'duration') : after === '时' || after === '点' || after === '分' || after === '秒' ? 'time' : 'date';
  } else if (!chinese && (after === ':' || before === ':') && isDigit(norm.charCodeAt(after === ':' ? p + 1 : start - 2))) kind = 'time';
  else if (!chinese && (after === '-' || before === '-')) kind = 'phone';
  else if (!chinese && (isAsciiLetter(norm.charCodeAt(start - 1)) || isAsciiLetter(norm.charCodeAt(p)) || before === '.' || before === '/' || (after === '.' && isDigit(norm.charCodeAt(p + 1))))) kind = 'identifier';
  else if (!chinese && unit === '' && raw.digits >= 6 && !raw.grouped) kind = 'code';
  else if (unit !== '' && COUNT_UNITS.has(unit)) kind = 'count';
  else if (unit === '' && !chinese && !raw.decimal && (after === '、' || after === ',' || after === ';') && BARE_PART_LABEL.test(norm.slice(Math.max(0, start - 12), start))) {
    kind = 'count'; // 佛山市64、 上海260; — a part whose measure word was dropped
  }
  else if (unit !== '' && DURATION_UNITS.has(unit)) kind = 'duration';
  else kind = 'other';

  // Chinese numerals are read only as counts with a measure word, dates or ordinals.
  if (chinese && kind !== 'count' && kind !== 'date' && kind !== 'ordinal' && kind !== 'duration') return undefined;
  if (chinese && raw.value === 0) return undefined;

  // A prefix like 约/近/超过 makes it a bound.
  if (kind === 'count') {
    for (const a of APPROX_BEFORE) {
      if (norm.startsWith(a, start - a.length)) {
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
  let category: Category = 'none';
  let qualifier: Qualifier | undefined;
  let origin: Origin | undefined;
  let label: string | undefined;
  let labelStart: number | undefined;
  if (kind === 'count') {
    const cs = Math.max(clauseStart(norm, start), floor);
    const ce = clauseEnd(norm, end);
    const prefix = norm.slice(cs, start);
    const suffix = norm.slice(end, ce);
    // What is counted may be named before an enumeration: 核酸检测应检尽检、愿检尽检17012人次.
    const wide = norm[cs - 1] === '、' ? norm.slice(Math.max(phraseStart(norm, start), floor), start) : prefix;
    category = suffixCategory(suffix) ?? findTerm(prefix, CATEGORY_TERMS) ?? findTerm(wide, CATEGORY_TERMS) ?? 'none';
    qualifier = findTerm(prefix, QUALIFIER_TERMS) ?? findTerm(suffix, QUALIFIER_TERMS) ?? findTerm(wide, QUALIFIER_TERMS);
    origin = findTerm(prefix, ORIGIN_TERMS) ?? findTerm(suffix, ORIGIN_TERMS) ?? findTerm(wide, ORIGIN_TERMS);
    let cleaned = cleanLabel(prefix);
    let base = cs;
    if (cleaned.text.length === 0 && before === '(') {
      // 新北市(27,230例): the label stands before the bracket.
      base = Math.max(clauseStart(norm, start - 1), floor);
      cleaned = cleanLabel(norm.slice(base, start - 1));
    }
    if (cleaned.text.length > 0) {
      labelStart = base + cleaned.offset;
      label = text.slice(labelStart, labelStart + cleaned.text.length);
    } else if (/^[为是系]/.test(suffix) && suffix.length > 2) {
      // 7人为集中隔离单采单检发现: the label follows the figure.
      labelStart = end + 1;
      label = text.slice(labelStart, end + suffix.length);
    } else if (suffix.length > 0 && suffix.length <= 8 && !/[0-9]/.test(suffix)) {
      // 41,073例男性、44,211例女性
      labelStart = end;
      label = text.slice(end, end + suffix.length);
    }
  }
  const fig: Figure = {
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
    kind,
    category,
    numeral: raw.numeral,
    grouped: raw.grouped,
  };
  if (footnote) fig.footnote = footnote;
  if (qualifier) fig.qualifier = qualifier;
  if (origin) fig.origin = origin;
  if (label !== undefined && labelStart !== undefined) {
    fig.label = label;
    fig.labelStart = labelStart;
  }
  return fig;
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
