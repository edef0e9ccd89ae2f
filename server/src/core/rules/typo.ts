/**
 * typo: misspellings from a curated dictionary (data/typos.json), matched
 * literally (no word segmentation). An entry may require context (`before`/`after`)
 * where the wrong form could be a real word elsewhere.
 */
import dictionary from '../data/typos.json';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { t, type Locale } from '../messages';
import type { Finding } from '../types';
import { addCode, codeBits, hasCode, type CodeBits } from '../text/codeBits';
import { compileMessage } from './pinyinResidue';

export interface TypoEntry {
  wrong: string;
  right: string;
  reason?: string;
  /** The match counts only if one of these strings precedes it. */
  before?: string[];
  /** …or follows it. */
  after?: string[];
  /** The match does not count when one of these follows it (核算检测 before 成本: 核算 is a word). */
  notAfter?: string[];
}

export const BUILTIN_TYPOS: readonly TypoEntry[] = (dictionary as { entries: TypoEntry[] }).entries;

interface Matcher {
  entries: readonly TypoEntry[];
  byFirst: Map<number, TypoEntry[]>;
  /**
   * The codes of the first characters of the entries, and of the one-character entries
   * (bit sets of 8 KB each rather than a 64 KB byte table, which has left the processor's
   * cache by the time the rule runs).
   */
  first: CodeBits;
  single: CodeBits;
  /** Hashed (first, second) character pairs of the entries: a clear bit means no entry starts with that pair. */
  pairs: CodeBits;
  /** The length of the shortest entry (at least 1; at most MAX_WINDOW), the window of `shift`. */
  window: number;
  /**
   * Horspool's shift by the code of the last character of a window of `window` characters
   * starting at i: no entry starts at i, …, i + shift - 1 (see checkTypos). 0: one may start at i.
   * Indexed by the code's low bits (SHIFT_MASK), holding the least shift of the codes that
   * share them: a smaller shift is still a safe one, and 4 KB stay in the processor's cache
   * while the other stages run, where a byte per code would not.
   */
  shift: Uint8Array;
}

/** The longest window of the shift table (its shifts fit in a byte; entries are a few characters). */
const MAX_WINDOW = 16;
const SHIFT_MASK = 0xfff;

const PAIR_BITS = 16;

function pairHash(c0: number, c1: number): number {
  return ((Math.imul(c0, 0x9e3779b1) >>> (32 - PAIR_BITS)) ^ c1) & ((1 << PAIR_BITS) - 1);
}

const cache = new WeakMap<readonly TypoEntry[], Matcher>();
/**
 * The last matcher built, for a list with the same entries in a new array: `analyze`
 * concatenates the built-in and the user's entries for every document.
 */
let last: Matcher | undefined;

function sameEntries(a: readonly TypoEntry[], b: readonly TypoEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function matcherFor(entries: readonly TypoEntry[]): Matcher {
  let m = cache.get(entries);
  if (!m && last && sameEntries(last.entries, entries)) m = last;
  if (!m) {
    const byFirst = new Map<number, TypoEntry[]>();
    for (const e of entries) {
      if (!e.wrong || e.wrong === e.right) continue;
      const k = e.wrong.charCodeAt(0);
      const list = byFirst.get(k) ?? [];
      list.push(e);
      list.sort((a, b) => b.wrong.length - a.wrong.length);
      byFirst.set(k, list);
    }
    const first = codeBits();
    const single = codeBits();
    const pairs = codeBits(); // (PAIR_BITS is 16: one bit per hash)
    for (const [k, list] of byFirst) {
      addCode(first, k);
      for (const e of list) {
        if (e.wrong.length === 1) addCode(single, k);
        else addCode(pairs, pairHash(k, e.wrong.charCodeAt(1)));
      }
    }
    // The window is the shortest entry: every entry covers it, so a character at offset
    // `window - 1` of a window that occurs at offset j (j < window) of no entry's start rules
    // out the windows starting up to `window - 1 - j` characters later. shift[c] is the
    // least such distance over the entries (window when c occurs in none).
    let window = MAX_WINDOW;
    for (const list of byFirst.values()) for (const e of list) window = Math.min(window, e.wrong.length);
    const shift = new Uint8Array(SHIFT_MASK + 1).fill(window);
    for (const list of byFirst.values()) {
      for (const e of list) {
        for (let j = 0; j < window; j++) {
          const c = e.wrong.charCodeAt(j) & SHIFT_MASK;
          shift[c] = Math.min(shift[c] as number, window - 1 - j);
        }
      }
    }
    m = { entries, byFirst, first, single, pairs, window, shift };
    cache.set(entries, m);
  }
  last = m;
  return m;
}

function contextOk(text: string, start: number, end: number, e: TypoEntry): boolean {
  if (e.notAfter?.some((a) => text.startsWith(a, end))) return false;
  if (!e.before && !e.after) return true;
  // (startsWith at a negative position would look at position 0: the text must be long enough.)
  if (e.before?.some((b) => start >= b.length && text.startsWith(b, start - b.length))) return true;
  if (e.after?.some((a) => text.startsWith(a, end))) return true;
  return false;
}

/** Characters scanned between two deadline checks. */
const BLOCK = 1024;

const SLOTS = ['{0}', '{1}', '{2}', '{3}', '{4}', '{5}', '{6}', '{7}', '{8}', '{9}'];
const MESSAGE = compileMessage({ en: t('en', 'typo', ...SLOTS), zh: t('zh-cn', 'typo', ...SLOTS) });
const FIX = compileMessage({ en: t('en', 'fix.typo', ...SLOTS), zh: t('zh-cn', 'fix.typo', ...SLOTS) });

export function checkTypos(text: string, entries: readonly TypoEntry[], locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const { byFirst, first, single, pairs, window, shift } = matcherFor(entries);
  const out: Finding[] = [];
  const n = text.length;
  // No entry is shorter than the window: none starts after n - window.
  const last = n - window;
  let i = 0;
  while (i <= last) {
    deadline.check();
    for (const stop = Math.min(last + 1, i + BLOCK); i < stop; i++) {
      // Horspool: the last character of the window starting at i rules out the starts
      // i … i + s - 1 when it stands at no entry's offsets there (see matcherFor).
      const s = shift[text.charCodeAt(i + window - 1) & SHIFT_MASK] as number;
      if (s !== 0) {
        i += s - 1;
        continue;
      }
      const code = text.charCodeAt(i);
      if (!hasCode(first, code)) continue;
      // Most first characters (疫, 新, 核 …) start ordinary words: the pair of the first two settles it.
      if (!hasCode(single, code) && (i + 1 >= n || !hasCode(pairs, pairHash(code, text.charCodeAt(i + 1))))) continue;
      const candidates = byFirst.get(code);
      if (!candidates) continue;
      for (const e of candidates) {
        if (!text.startsWith(e.wrong, i)) continue;
        const end = i + e.wrong.length;
        // The right form may contain the wrong one (奥密克戎 ⊃ none here, but user entries may).
        if (e.right.includes(e.wrong)) {
          const at = e.right.indexOf(e.wrong);
          if (text.startsWith(e.right, i - at)) continue;
        }
        if (!contextOk(text, i, end, e)) continue;
        out.push({
          code: 'typo',
          severity: 'warning',
          start: i,
          end,
          message: MESSAGE(locale, e.wrong, e.right),
          related: [],
          fixes: [{ title: FIX(locale, e.wrong, e.right), edits: [{ start: i, end, newText: e.right }], safe: true }],
        });
        i = end - 1;
        break;
      }
    }
  }
  return out;
}
