/**
 * Counts stated in words. Zero assertions: "无新增确诊病例", "无死亡病例", "现无本地疑似病例"
 * state a count of 0; they become figures with value 0 (literal: the phrase), so repeats
 * and identities can use them. A first case in a list of places ("…、B市1例、C市报告首例
 * 确诊病例") is a count of 1 for that place.
 */
import { CATEGORY_TERMS, QUALIFIER_TERMS, ORIGIN_TERMS } from './lexicon';
import { isPlaceName } from './groups';
import { NO_DEADLINE, type Deadline } from './deadline';
import { newFigure } from './newFigure';
import { addCode, codeBits, hasCode } from './text/codeBits';
import type { Figure } from './types';

const QUALIFIERS = ['新增', '现有', '累计', '当日'];
const ORIGINS = ['本土', '本地', '境外输入'];
const FILLERS = ['新冠肺炎', '新型冠状病毒肺炎', '新冠'];
/** Categories a bulletin says "无" of. 无症状感染者 itself starts with 无: only after 无 + qualifier. */
const ZERO_CATEGORIES = CATEGORY_TERMS.filter(([term]) => term.length >= 2 && !term.startsWith('无') && !['核酸', '检测', '接种', '疫苗', '阳性', '感染者'].includes(term));

/**
 * Items grouped by the first code unit of their word, each group in the list's order. A word
 * can start at i only if its first unit is the unit at i (none of these words is empty), so
 * trying the words of that unit's group in order finds the same first match as trying all the
 * words of the list in order, with one lookup instead of a startsWith per word.
 */
function byFirstUnit<T>(items: readonly T[], word: (t: T) => string): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const t of items) {
    const c = word(t).charCodeAt(0);
    const group = out.get(c);
    if (group) group.push(t);
    else out.set(c, [t]);
  }
  return out;
}

const QUALIFIERS_AT = byFirstUnit(QUALIFIERS, (w) => w);
const ORIGINS_AT = byFirstUnit(ORIGINS, (w) => w);
const FILLERS_AT = byFirstUnit(FILLERS, (w) => w);
const ZERO_CATEGORIES_AT = byFirstUnit(ZERO_CATEGORIES, ([term]) => term);
const ASYMPTOMATIC = '无症状感染者';
/**
 * The units a zero assertion can go on with after its 无: the first units of the qualifiers,
 * origins, fillers, 无症状感染者 and the categories. After a 无 followed by any other unit none
 * of the words below is taken, so no category follows and the 无 is passed over: most 无 in a
 * bulletin are those of 无症状 (无症状感染者), whose 症 is none of these.
 */
const AFTER_NONE = codeBits();
for (const words of [QUALIFIERS_AT, ORIGINS_AT, FILLERS_AT, ZERO_CATEGORIES_AT]) for (const c of words.keys()) addCode(AFTER_NONE, c);
addCode(AFTER_NONE, ASYMPTOMATIC.charCodeAt(0));

/**
 * items.find(([term]) => s.includes(term)) for a fixed list: the first item, in the list's
 * order, whose term occurs in s. Here s is a short phrase: each of its units is looked up in
 * the terms grouped by first unit, and the lowest list index among the terms starting there
 * wins, which is the item find() would return (a term occurs in s exactly when it starts at
 * some position of s). An empty term would occur in any s: the first such is the fallback.
 */
class FirstContained<T extends readonly [string, unknown]> {
  private readonly at = new Map<number, Array<{ index: number; item: T }>>();
  private readonly emptyIndex: number;

  constructor(private readonly items: readonly T[]) {
    let empty = -1;
    items.forEach((item, index) => {
      if (item[0] === '') {
        if (empty < 0) empty = index;
        return;
      }
      const c = item[0].charCodeAt(0);
      const group = this.at.get(c);
      if (group) group.push({ index, item });
      else this.at.set(c, [{ index, item }]); // each group in ascending index
    });
    this.emptyIndex = empty < 0 ? items.length : empty;
  }

  find(s: string): T | undefined {
    let best = this.emptyIndex;
    for (let p = 0; p < s.length; p++) {
      const group = this.at.get(s.charCodeAt(p));
      if (group === undefined) continue;
      for (const { index, item } of group) {
        if (index >= best) break; // the group ascends: nothing later in it can win
        if (s.startsWith(item[0], p)) {
          best = index;
          break;
        }
      }
    }
    return this.items[best];
  }
}

const CATEGORY_IN = new FirstContained(CATEGORY_TERMS);
const QUALIFIER_IN = new FirstContained(QUALIFIER_TERMS);

/** The end of the first of `words` (grouped by byFirstUnit) that starts at i of s, or i when none does. */
function take(s: string, i: number, words: Map<number, string[]>): number {
  // charCodeAt past the end is NaN, under which no group is filed
  const group = words.get(s.charCodeAt(i));
  if (group !== undefined) for (const w of group) if (s.startsWith(w, i)) return i + w.length;
  return i;
}

/** The first of ZERO_CATEGORIES (in their order) whose term starts at i of s. */
function zeroCategoryAt(s: string, i: number): (typeof ZERO_CATEGORIES)[number] | undefined {
  const group = ZERO_CATEGORIES_AT.get(s.charCodeAt(i));
  if (group !== undefined) for (const entry of group) if (s.startsWith(entry[0], i)) return entry;
  return undefined;
}

/** The zero assertions of the text; `deadline` is checked once per 无. */
export function scanZeros(text: string, norm: string, deadline: Deadline = NO_DEADLINE): Figure[] {
  const zeros = scanNone(text, norm, deadline);
  const firsts = scanFirsts(text, norm, deadline);
  if (firsts.length === 0) return zeros;
  return [...zeros, ...firsts].sort((a, b) => a.start - b.start);
}

const FIRST_VERBS = ['为报告', '报告', '出现', '发现', '为'];
const FIRST_NOUNS = ['本土确诊病例', '确诊病例', '本土病例', '病例', '确诊'];
/** A count in the list before the place: …B市1例、 */
const COUNT_BEFORE = /[0-9](例|人|名)$/;

/**
 * 首例 as 1: a place's first case, named as an item of a list of places with counts
 * ("新增确诊病例6例,其中A市3例、B市2例、C市报告首例确诊病例"). Read only there: a city
 * that "reports its first cases" elsewhere (安阳市、漯河市为报告首例确诊病例。其中:安阳市3例…)
 * may have more than one.
 */
function scanFirsts(text: string, norm: string, deadline: Deadline): Figure[] {
  const out: Figure[] = [];
  for (let at = norm.indexOf('首例'); at >= 0; at = norm.indexOf('首例', at + 2)) {
    deadline.check();
    const verb = FIRST_VERBS.find((v) => norm.startsWith(v, at - v.length)) ?? '';
    const nameEnd = at - verb.length;
    let nameStart = nameEnd;
    while (nameStart > 0 && nameEnd - nameStart < 12 && isHanCode(norm.charCodeAt(nameStart - 1))) nameStart--;
    const sep = norm[nameStart - 1];
    if (sep !== '、' && sep !== ',' && sep !== ';') continue;
    const name = norm.slice(nameStart, nameEnd);
    if (name.length < 2 || !isPlaceName(name)) continue;
    if (!COUNT_BEFORE.test(norm.slice(Math.max(0, nameStart - 4), nameStart - 1))) continue;
    let end = at + 2;
    const noun = FIRST_NOUNS.find((w) => norm.startsWith(w, end));
    if (noun) end += noun.length;
    // 首例确诊病例7例 would be odd: a number after the phrase counts instead.
    if (/[0-9]/.test(norm[end] ?? '')) continue;
    const phrase = norm.slice(at, end);
    const origin = ORIGIN_TERMS.find(([term]) => phrase.includes(term))?.[1];
    const fig = newFigure({
      start: at,
      end,
      literal: text.slice(at, end),
      valueStart: at,
      valueEnd: at + 1,
      value: 1,
      low: 1,
      high: 1,
      approximate: false,
      unit: '例',
      kind: 'count',
      category: CATEGORY_TERMS.find(([term]) => phrase.includes(term))?.[1] ?? 'none',
      numeral: 'chinese',
      grouped: false,
      origin,
      label: text.slice(nameStart, nameEnd),
      labelStart: nameStart,
    });
    out.push(fig);
  }
  return out;
}

function isHanCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

function scanNone(text: string, norm: string, deadline: Deadline): Figure[] {
  const out: Figure[] = [];
  let from = 0;
  for (;;) {
    const at = norm.indexOf('无', from);
    if (at < 0) break;
    deadline.check();
    from = at + 1;
    // nothing a zero assertion goes on with (see AFTER_NONE): the steps below would take nothing
    // and find no category (past the end, charCodeAt is NaN, read as unit 0, which is not in the set)
    if (!hasCode(AFTER_NONE, norm.charCodeAt(at + 1))) continue;
    // 现无 / 无 ; skip 无症状 unless qualified (无新增无症状感染者 is handled at the second 无)
    let i = at + 1;
    const q = take(norm, i, QUALIFIERS_AT);
    const qualified = q !== i;
    i = q;
    const o = take(norm, i, ORIGINS_AT);
    i = take(norm, o, FILLERS_AT);
    if (norm.startsWith(ASYMPTOMATIC, i)) {
      i += ASYMPTOMATIC.length;
      if (!qualified) continue; // "无症状感染者56例" is a category, not a zero
    } else {
      const cat = zeroCategoryAt(norm, i);
      if (!cat) continue;
      i += cat[0].length;
      if (norm.startsWith('病例', i)) i += 2;
    }
    // "无新增确诊病例3例" would be odd; a number right after means it is not a zero assertion.
    // (The unit at i an ASCII digit, as /[0-9]/.test(norm[i] ?? '') asked; NaN past the end is none.)
    const next = norm.charCodeAt(i);
    if (next >= 0x30 && next <= 0x39) continue;
    const phrase = norm.slice(at, i);
    const start = norm[at - 1] === '现' ? at - 1 : at;
    const category = CATEGORY_IN.find(phrase)?.[1] ?? 'none';
    const qualifier = (norm[at - 1] === '现' ? 'current' : QUALIFIER_IN.find(phrase)?.[1]) ?? undefined;
    const before = norm.slice(Math.max(0, start - 4), start);
    const origin = ORIGIN_TERMS.find(([term]) => phrase.includes(term) || before.endsWith(term))?.[1];
    const fig = newFigure({
      start,
      end: i,
      literal: text.slice(start, i),
      valueStart: start,
      valueEnd: at + 1,
      value: 0,
      low: 0,
      high: 0,
      approximate: false,
      unit: '例',
      kind: 'count',
      category,
      numeral: 'chinese',
      grouped: false,
      zero: true,
      qualifier,
      origin,
    });
    out.push(fig);
    from = i;
  }
  return out;
}

/** Merges two position-sorted figure lists and renumbers ids to array positions. */
export function mergeFigures(a: Figure[], b: Figure[]): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as Figure);
      i++;
    } else {
      // drop a zero phrase overlapping a figure
      const last = out[out.length - 1];
      if (!(last && last.end > y.start) && !(x && x.start < y.end)) out.push(y);
      j++;
    }
  }
  out.forEach((f, k) => (f.id = k));
  return out;
}
