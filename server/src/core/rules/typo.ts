/**
 * typo: misspellings from a curated dictionary (data/typos.json), matched
 * literally (no word segmentation). An entry may require context (`before`/`after`)
 * where the wrong form could be a real word elsewhere.
 */
import dictionary from '../data/typos.json';
import { t, type Locale } from '../messages';
import type { Finding } from '../types';

export interface TypoEntry {
  wrong: string;
  right: string;
  reason?: string;
  /** The match counts only if one of these strings precedes it. */
  before?: string[];
  /** …or follows it. */
  after?: string[];
}

export const BUILTIN_TYPOS: readonly TypoEntry[] = (dictionary as { entries: TypoEntry[] }).entries;

interface Matcher {
  byFirst: Map<number, TypoEntry[]>;
  first: Uint8Array;
}

const cache = new WeakMap<readonly TypoEntry[], Matcher>();

function matcherFor(entries: readonly TypoEntry[]): Matcher {
  let m = cache.get(entries);
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
    const first = new Uint8Array(0x10000);
    for (const k of byFirst.keys()) first[k] = 1;
    m = { byFirst, first };
    cache.set(entries, m);
  }
  return m;
}

function contextOk(text: string, start: number, end: number, e: TypoEntry): boolean {
  if (!e.before && !e.after) return true;
  if (e.before?.some((b) => text.startsWith(b, start - b.length))) return true;
  if (e.after?.some((a) => text.startsWith(a, end))) return true;
  return false;
}

export function checkTypos(text: string, entries: readonly TypoEntry[], locale: Locale): Finding[] {
  const { byFirst, first } = matcherFor(entries);
  const out: Finding[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (first[code] !== 1) continue;
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
        message: t(locale, 'typo', e.wrong, e.right),
        related: [],
        fixes: [{ title: t(locale, 'fix.typo', e.wrong, e.right), edits: [{ start: i, end, newText: e.right }], safe: true }],
      });
      i = end - 1;
      break;
    }
  }
  return out;
}
