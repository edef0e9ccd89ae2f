/**
 * pinyin-residue: "當(dāng)前", "網(wǎng)" — a web scraper copied the ruby annotation of a
 * character as "(pinyin)" right after it. A match needs a Han character, then "(" or "（",
 * then Latin letters with at least one tone-marked vowel, then ")" / "）".
 *
 * pinyin-pro confirms that the syllable is a reading of the character before it
 * (traditional characters are read directly, or through their simplified form). A
 * confirmed match gets a safe fix (delete the parenthesis); an unconfirmed one (the
 * character is unknown to pinyin-pro, or none of its readings matches) keeps the fix
 * but marks it unsafe. Ordinary parentheses ((记者 高燕), (COVID-19), (案1216)) never
 * match: they hold Han characters, digits or letters without tone marks.
 */
import { pinyin } from 'pinyin-pro';
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { isHan, normalizeForMatching, toSimplified } from '../text/normalize';
import type { Finding } from '../types';

const MESSAGE = {
  en: 'Pinyin “{0}” left after “{1}” by a web scraper',
  zh: '“{1}”后残留的拼音“{0}”(网页抓取遗留)',
};
const MESSAGE_UNCONFIRMED = {
  en: 'Pinyin “{0}” after “{1}” looks like scraper residue (not a known reading of “{1}”)',
  zh: '“{1}”后的拼音“{0}”疑为网页抓取遗留(不是“{1}”的已知读音)',
};
const FIX = { en: 'Remove “{0}”', zh: '删除“{0}”' };

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PLAIN = 'abcdefghijklmnopqrstuvwxyzüê';
/** Longest pinyin syllable: zhuang (6) — allow a little slack for ê/ü spellings. */
const MAX_SYLLABLE = 7;

/** By UTF-16 code: 2 a toned vowel, 1 another pinyin letter, 0 anything else (all letters are below U+0200). */
const LETTER = new Uint8Array(0x200);
for (const c of PLAIN) LETTER[c.charCodeAt(0)] = 1;
for (const c of TONED) LETTER[c.charCodeAt(0)] = 2;

function letterKind(c: number): number {
  return c < 0x200 ? (LETTER[c] as number) : 0;
}

/**
 * A message template split once at its {0}, {1} … slots, so that filling it is plain
 * concatenation: the same text `localized` makes with its regex, at a fraction of the cost
 * (this rule reports hundreds of groups in a scraped page).
 */
export function compileMessage(texts: { en: string; zh: string }): (locale: Locale, ...args: Array<string | number>) => string {
  // The texts between the slots, and the number of each slot (read once, not per message).
  const split = (template: string): { texts: string[]; slots: number[] } => {
    const parts = template.split(/\{(\d)\}/);
    const texts: string[] = [];
    const slots: number[] = [];
    for (let k = 0; k < parts.length; k++) {
      if (k % 2 === 0) texts.push(parts[k] as string);
      else slots.push(Number(parts[k]));
    }
    return { texts, slots };
  };
  const en = split(texts.en);
  const zh = split(texts.zh);
  return (locale, ...args) => {
    const { texts, slots } = locale === 'zh-cn' ? zh : en;
    let s = texts[0] as string;
    for (let k = 0; k < slots.length; k++) s += String(args[slots[k] as number] ?? '') + (texts[k + 1] as string);
    return s;
  };
}

let normCodes: Uint16Array | undefined;

/**
 * What `normalizeForMatching` makes of one UTF-16 code (it maps every unit on its own),
 * remembered per code: for rules that need the normalised form of a few characters rather
 * than of the whole document.
 */
export function normalizedCode(c: number): number {
  const table = (normCodes ??= new Uint16Array(0x10000));
  let m = table[c] as number;
  if (m === 0) {
    m = normalizeForMatching(String.fromCharCode(c)).charCodeAt(0);
    table[c] = m;
  }
  return m;
}

/** The Han character (one or two UTF-16 units) that ends at `end`, or ''. */
export function hanBefore(text: string, end: number): string {
  if (end <= 0) return '';
  const c = text.charCodeAt(end - 1);
  if (isHan(c)) return text[end - 1] as string;
  if (c >= 0xdc00 && c <= 0xdfff && end >= 2) {
    const cp = text.codePointAt(end - 2) ?? 0;
    if (cp >= 0x20000 && cp <= 0x3ffff) return text.slice(end - 2, end);
  }
  return '';
}

export interface PinyinGroup {
  /** Offset of the opening parenthesis. */
  start: number;
  /** Offset after the closing parenthesis. */
  end: number;
  syllable: string;
}

/**
 * The offset after the parenthesised toned syllable starting at `i` ("(dāng)"), or -1: where
 * pinyinGroupAt's group ends, without building it. Does not look at what precedes it.
 * Bounded: reads at most MAX_SYLLABLE + 2 characters.
 */
export function pinyinGroupEnd(text: string, i: number): number {
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return -1;
  let j = i + 1;
  let toned = false;
  while (j < text.length && j - i - 1 <= MAX_SYLLABLE) {
    const k = letterKind(text.charCodeAt(j));
    if (k === 0) break;
    if (k === 2) toned = true;
    j++;
  }
  const len = j - i - 1;
  if (len < 1 || len > MAX_SYLLABLE || !toned) return -1;
  const close = text.charCodeAt(j);
  if (close !== 0x29 && close !== 0xff09) return -1;
  return j + 1;
}

/**
 * The parenthesised toned syllable starting at `i` ("(dāng)"), or undefined. Does not
 * look at what precedes it. Bounded: reads at most MAX_SYLLABLE + 2 characters.
 */
export function pinyinGroupAt(text: string, i: number): PinyinGroup | undefined {
  const end = pinyinGroupEnd(text, i);
  return end < 0 ? undefined : { start: i, end, syllable: text.slice(i + 1, end - 1) };
}

function readings(han: string): string[] {
  try {
    const out = new Set<string>();
    for (const ch of new Set([han, toSimplified(han)])) {
      const r = pinyin(ch, { multiple: true, type: 'array' });
      for (const s of r) if (s && s !== ch) out.add(s.normalize('NFC'));
    }
    return [...out];
  } catch {
    return [];
  }
}

/** Readings by character: keyed by the UTF-16 code of a one-unit character (no string hashing). */
const cache = new Map<number | string, string[]>();

/** Text below U+0300 (all pinyin letters) is already in NFC: only anything else is normalised. */
function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}

/** The readings of a Han character by its cache key (its UTF-16 code when one unit, else the character). */
function readingsOfKey(key: number | string): string[] {
  let r = cache.get(key);
  if (!r) {
    r = readings(typeof key === 'number' ? String.fromCharCode(key) : key);
    if (cache.size > 5000) cache.clear();
    cache.set(key, r);
  }
  return r;
}

/** Whether `syllable` (toned) is a reading of the Han character `han`. */
export function isReadingOf(han: string, syllable: string): boolean {
  return readingsOfKey(han.length === 1 ? han.charCodeAt(0) : han).includes(nfc(syllable));
}

/**
 * The cache key of the Han character that ends at `end` (see readingsOfKey), or -1 when
 * hanBefore finds none: what isReadingAt needs, without making a string for a one-unit one.
 */
export function hanKeyBefore(text: string, end: number): number | string {
  if (end <= 0) return -1;
  const c = text.charCodeAt(end - 1);
  if (isHan(c)) return c;
  const han = hanBefore(text, end);
  return han === '' ? -1 : han;
}

/**
 * Whether text[s, e), a syllable of a pinyin group (pinyinGroupEnd), is a reading of the Han
 * character with this key: isReadingOf(han, text.slice(s, e)) compared in place. The letters
 * of a group are all below U+0200, so the syllable is its own NFC form.
 */
export function isReadingAt(key: number | string, text: string, s: number, e: number): boolean {
  const n = e - s;
  for (const r of readingsOfKey(key)) {
    if (r.length !== n) continue;
    let k = 0;
    while (k < n && r.charCodeAt(k) === text.charCodeAt(s + k)) k++;
    if (k === n) return true;
  }
  return false;
}

const messages = { confirmed: compileMessage(MESSAGE), unconfirmed: compileMessage(MESSAGE_UNCONFIRMED), fix: compileMessage(FIX) };

export function checkPinyinResidue(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  // Only the parentheses matter: jump from one to the next ("(" and "（" are searched apart).
  let half = text.indexOf('(', 1);
  let full = text.indexOf('（', 1);
  while (half >= 0 || full >= 0) {
    deadline.check();
    const i = full < 0 || (half >= 0 && half < full) ? half : full;
    let next = i + 1;
    const key = hanKeyBefore(text, i);
    const end = key !== -1 ? pinyinGroupEnd(text, i) : -1;
    if (end >= 0) {
      const han = typeof key === 'number' ? String.fromCharCode(key) : key;
      const confirmed = isReadingAt(key, text, i + 1, end - 1);
      const literal = text.slice(i, end);
      const g = { start: i, end };
      out.push({
        code: 'pinyin-residue',
        severity: 'warning',
        start: g.start,
        end: g.end,
        message: (confirmed ? messages.confirmed : messages.unconfirmed)(locale, literal, han),
        related: [],
        fixes: [
          {
            title: messages.fix(locale, literal),
            edits: [{ start: g.start, end: g.end, newText: '' }],
            safe: confirmed,
          },
        ],
      });
      next = g.end;
    }
    if (half >= 0 && half < next) half = text.indexOf('(', next);
    if (full >= 0 && full < next) full = text.indexOf('（', next);
  }
  return out;
}
