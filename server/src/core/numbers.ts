/**
 * Number reading and writing: Arabic (with thousands separators, decimals and
 * 万/亿 multipliers) and Chinese numerals (九, 十一, 一百零八, 两千, 三亿五千万).
 * Values are computed from digit strings, never by floating-point multiplication,
 * so 13.3万 is exactly 133000.
 */

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億';

/** Parses a Chinese numeral. Returns undefined for malformed input. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let hasUnit = false;
  for (const ch of s) {
    if (CN_SMALL[ch] !== undefined || CN_BIG[ch] !== undefined) hasUnit = true;
    else if (CN_DIGIT[ch] === undefined) return undefined;
  }
  if (!hasUnit) {
    // Digit-by-digit reading (二〇二二); a single digit is its value. Two bare digits
    // (五六, 两三) mean "five or six", not 56.
    if (s.length === 2) return undefined;
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGIT[ch] as number);
    return v;
  }
  let acc = 0; // completed 亿 groups and 万 groups
  let section = 0; // below 万
  let digit = -1; // pending digit, -1 = none
  let lastSmall = 1e9; // units must descend within a section
  let lastBig = 1e17;
  let prevZero = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      if (digit > 0) return undefined; // two digits in a row (五六)
      if (d === 0) {
        if (prevZero) return undefined;
        prevZero = true;
        digit = -1;
        continue;
      }
      digit = d;
      prevZero = false;
      continue;
    }
    const small = CN_SMALL[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined;
      if (digit < 0 && !(small === 10 && section === 0 && acc === 0 && !prevZero) && !(small === 10 && prevZero)) {
        return undefined; // 百 without a digit (except leading 十 = 10, and 零十)
      }
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      lastSmall = small;
      prevZero = false;
      continue;
    }
    const big = CN_BIG[ch] as number;
    if (big >= lastBig && !(big === 1e8 && lastBig === 1e4)) return undefined;
    const groupValue = section + (digit < 0 ? 0 : digit);
    if (big === 1e8) {
      if (groupValue === 0 && acc === 0) return undefined;
      acc = (acc + groupValue) * 1e8;
    } else {
      if (groupValue === 0) return undefined;
      acc += groupValue * 1e4;
    }
    section = 0;
    digit = -1;
    lastSmall = 1e9;
    lastBig = big;
    prevZero = false;
  }
  return acc + section + (digit < 0 ? 0 : digit);
}

const DIGITS_CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function sectionToChinese(n: number, leadingAllowed: boolean): string {
  // n in [0, 9999]
  const units = ['千', '百', '十', ''];
  const ds = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  let started = leadingAllowed;
  for (let i = 0; i < 4; i++) {
    const d = ds[i] as number;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    started = true;
    out += (DIGITS_CN[d] as string) + (units[i] as string);
  }
  return out;
}

/** Writes a non-negative integer below 10^16 as a canonical Chinese numeral (一百零八, 十一, 三亿五千万). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e16) throw new RangeError(`unsupported: ${n}`);
  if (n === 0) return '零';
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  // groups[0] = units, [1] = 万, [2] = 亿, [3] = 万亿
  const bigUnits = ['', '万', '亿', '万亿'];
  let out = '';
  let needZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) {
      if (out !== '') needZero = true;
      // keep 亿 marker when a 万亿 group exists but the 亿 group is empty? canonical: 一万亿零五 → handled by zero
      continue;
    }
    if (out !== '' && (needZero || g < 1000)) out += '零';
    needZero = false;
    let s = sectionToChinese(g, false);
    if (out === '' && s.startsWith('一十')) s = s.slice(1); // 十一, not 一十一
    out += s + (bigUnits[i] as string);
  }
  // 一万亿 is written with the 万亿 unit above; collapse 万亿 when a 亿 group follows is not needed: i=3 covers it.
  return out;
}

/**
 * Parses an Arabic number literal with an optional multiplier:
 * "2,193,207", "13.3" + 万, "9" + 萬 + "7527", "1095". Returns the exact value
 * and the rounding interval implied by the written precision.
 */
export function parseArabicValue(
  digits: string,
  multiplier: number,
  tail?: string,
): { value: number; low: number; high: number } | undefined {
  const clean = digits.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!m) return undefined;
  const intPart = m[1] as string;
  const frac = m[2] ?? '';
  if (tail !== undefined && tail !== '') {
    // 9萬7527: the tail fills the lower places of the multiplier.
    if (frac !== '') return undefined;
    const places = Math.round(Math.log10(multiplier));
    if (tail.length > places) return undefined;
    const v = Number(intPart + tail.padStart(places, '0'));
    return { value: v, low: v, high: v };
  }
  const places = Math.round(Math.log10(multiplier));
  let value: number;
  if (frac.length <= places) {
    value = Number(intPart + frac.padEnd(places, '0'));
  } else {
    value = Number(intPart + frac.slice(0, places) + '.' + frac.slice(places));
  }
  if (!Number.isFinite(value)) return undefined;
  if (multiplier === 1 || frac.length >= places) return { value, low: value, high: value };
  // 13.3万: written to 0.1万 = 1000, so the true value is within ±500.
  const step = Number('1' + '0'.repeat(places - frac.length));
  return { value, low: value - step / 2, high: value + step / 2 };
}

const FULLWIDTH_ZERO = 0xff10;

function groupThousands(s: string, separator: string): string {
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += separator;
    out += int[i];
  }
  return out + (dot < 0 ? '' : s.slice(dot));
}

/** The thousands separator a grouped literal uses (1,234 / 1，234 / 7 528): its first character that is no digit. */
function separatorOf(literal: string | undefined): string {
  if (literal === undefined) return ',';
  for (const ch of literal) if (!/[0-9\uff10-\uff19]/.test(ch)) return ch;
  return ',';
}

/**
 * Writes `value` in the style of `like` (full-width digits, thousands separators, Chinese
 * numerals); a grouped figure's own separator is kept (a comma, a full-width comma, a space).
 */
export function formatLike(value: number, style: { numeral: 'arabic' | 'fullwidth' | 'chinese'; grouped: boolean; literal?: string }): string {
  if (style.numeral === 'chinese' && Number.isInteger(value) && value >= 0 && value < 1e16) {
    return toChineseNumeral(value);
  }
  let s = String(value);
  if (style.grouped) s = groupThousands(s, separatorOf(style.literal));
  if (style.numeral === 'fullwidth') {
    s = s.replace(/[0-9]/g, (d) => String.fromCharCode(FULLWIDTH_ZERO + d.charCodeAt(0) - 48));
  }
  return s;
}
