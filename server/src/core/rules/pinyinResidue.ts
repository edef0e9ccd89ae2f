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
import { localized, type Locale } from '../messages';
import { isHan, toSimplified } from '../text/normalize';
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

function isToned(c: string): boolean {
  return TONED.includes(c);
}

function isPinyinLetter(c: string): boolean {
  return isToned(c) || PLAIN.includes(c);
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
 * The parenthesised toned syllable starting at `i` ("(dāng)"), or undefined. Does not
 * look at what precedes it. Bounded: reads at most MAX_SYLLABLE + 2 characters.
 */
export function pinyinGroupAt(text: string, i: number): PinyinGroup | undefined {
  const open = text[i];
  if (open !== '(' && open !== '（') return undefined;
  let j = i + 1;
  let toned = false;
  while (j < text.length && j - i - 1 <= MAX_SYLLABLE) {
    const c = text[j] as string;
    if (!isPinyinLetter(c)) break;
    if (isToned(c)) toned = true;
    j++;
  }
  const len = j - i - 1;
  if (len < 1 || len > MAX_SYLLABLE || !toned) return undefined;
  const close = text[j];
  if (close !== ')' && close !== '）') return undefined;
  return { start: i, end: j + 1, syllable: text.slice(i + 1, j) };
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

const cache = new Map<string, string[]>();

/** Whether `syllable` (toned) is a reading of the Han character `han`. */
export function isReadingOf(han: string, syllable: string): boolean {
  let r = cache.get(han);
  if (!r) {
    r = readings(han);
    if (cache.size > 5000) cache.clear();
    cache.set(han, r);
  }
  return r.includes(syllable.normalize('NFC'));
}

export function checkPinyinResidue(text: string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    const han = hanBefore(text, i);
    if (!han) continue;
    const g = pinyinGroupAt(text, i);
    if (!g) continue;
    const confirmed = isReadingOf(han, g.syllable);
    const literal = text.slice(g.start, g.end);
    out.push({
      code: 'pinyin-residue',
      severity: 'warning',
      start: g.start,
      end: g.end,
      message: localized(locale, confirmed ? MESSAGE : MESSAGE_UNCONFIRMED, literal, han),
      related: [],
      fixes: [
        {
          title: localized(locale, FIX, literal),
          edits: [{ start: g.start, end: g.end, newText: '' }],
          safe: confirmed,
        },
      ],
    });
    i = g.end - 1;
  }
  return out;
}
