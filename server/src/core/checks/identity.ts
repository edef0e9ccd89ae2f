/**
 * identity: 现有确诊 = 累计确诊 − 累计治愈出院 − 累计死亡, for one population, when the
 * article states all four (the NHC and provincial reports do, in one sentence, or in
 * two for the imported population). Only 现有 (current) counts: 在院 (in hospital) is
 * not the same population, which is why Hubei's 在院 figure does not close the
 * identity and must not be flagged.
 */
import { formatLike } from '../numbers';
import { firstAtOrAfter } from '../sortedSearch';
import { localized, type Locale } from '../messages';
import type { Figure, Finding, Fix, Span, Statement } from '../types';

const MESSAGE = {
  en: 'Current cases do not match cumulative − cured − deaths: {0} − {1} − {2} = {3} ≠ {4}',
  zh: '现有病例与 累计 − 治愈 − 死亡 不符:{0} − {1} − {2} = {3} ≠ {4}',
};
const ROLE = {
  cumulative: { en: 'cumulative confirmed', zh: '累计确诊' },
  cured: { en: 'cumulative cured', zh: '累计治愈出院' },
  death: { en: 'cumulative deaths', zh: '累计死亡' },
};
const FIX_CURRENT = { en: 'Change the current figure to {0}', zh: '将现有数改为 {0}' };
const FIX_CUMULATIVE = { en: 'Change the cumulative figure to {0}', zh: '将累计数改为 {0}' };

function isCurrent(f: Figure, norm: string): boolean {
  if (f.category !== 'confirmed' || f.qualifier !== 'current') return false;
  const head = norm.slice(Math.max(0, f.start - 12), f.end + 4);
  return head.includes('现有') && !head.includes('在院');
}

export function checkIdentity(norm: string, statements: Statement[], sentences: Span[], figures: Figure[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  // One pass over the figures for the current counts, in text order (the qualifier is read
  // first: the rarest of the plain field tests isCurrent makes, which all have to hold).
  const currents: Figure[] = [];
  for (const f of figures) if (f.qualifier === 'current' && f.kind === 'count' && isCurrent(f, norm)) currents.push(f);
  if (currents.length === 0) return out;
  // The figures the window is read from: the counts, in text order. When the figures are sorted
  // by start (those of an analysis are), the counts from the first starting at or after a
  // position are the counts among the figures from the first figure starting there, so the
  // window is read from the figures themselves, passing over the others (non-counts), with no
  // array of counts made.
  let sorted = true;
  for (let k = 1; k < figures.length && sorted; k++) sorted = (figures[k] as Figure).start >= (figures[k - 1] as Figure).start;
  const pool = sorted ? figures : figures.filter((f) => f.kind === 'count');
  // Sentences and counts are in text order: binary searches keep this linear in the document.
  const sentenceOf = (f: Figure): number => {
    // the last sentence starting at or before the figure, if the figure is inside it
    const i = firstAtOrAfter(sentences, (s) => s.start, f.start + 1) - 1;
    const s = sentences[i];
    return s && f.start >= s.start && f.start < s.end ? i : -1;
  };
  void statements;
  for (const n of currents) {
    const si = sentenceOf(n);
    if (si < 0) continue;
    const here = sentences[si] as Span;
    const next = sentences[si + 1];
    const inWindow = (f: Figure) => (f.start >= here.start && f.start < here.end) || (!!next && n.origin !== undefined && f.start >= next.start && f.start < next.end);
    const sameOrigin = (f: Figure) => f.origin === n.origin || (f.origin === undefined && n.origin !== undefined && !!next && f.start >= next.start);
    // Only counts from the sentence's start to the end of the next one can be in the window.
    const from = firstAtOrAfter(pool, (f) => f.start, here.start);
    const until = Math.max(here.end, next ? next.end : 0);
    // The first count of the window (in text order) of each role: cumulative confirmed, cured,
    // deaths. One pass finds the three firsts that three passes, one per role, found.
    let c: Figure | undefined;
    let r: Figure | undefined;
    let d: Figure | undefined;
    for (let k = from; k < pool.length && (pool[k] as Figure).start < until && !(c && r && d); k++) {
      const f = pool[k] as Figure;
      if (!(f.kind === 'count' && f !== n && inWindow(f) && sameOrigin(f))) continue;
      if (!c && f.category === 'confirmed' && f.qualifier === 'cumulative') c = f;
      if (!r && f.category === 'cured' && (f.qualifier === 'cumulative' || (f.zero === true && f.qualifier === undefined))) r = f;
      if (!d && f.category === 'death' && (f.qualifier === 'cumulative' || (f.zero === true && f.qualifier === undefined))) d = f;
    }
    if (!c || !r || !d) continue;
    const expected = c.value - r.value - d.value;
    const low = c.low - r.high - d.high;
    const high = c.high - r.low - d.low;
    if (n.high >= low && n.low <= high) continue;
    const fixes: Fix[] = [];
    const exact = [n, c, r, d].every((f) => f.low === f.high && !f.approximate);
    if (exact && expected >= 0 && !n.zero) {
      const v = formatLike(expected, n);
      fixes.push({ title: localized(locale, FIX_CURRENT, v), edits: [{ start: n.valueStart, end: n.valueEnd, newText: v }], safe: false });
    }
    if (exact && !c.zero) {
      const v = formatLike(n.value + r.value + d.value, c);
      fixes.push({ title: localized(locale, FIX_CUMULATIVE, v), edits: [{ start: c.valueStart, end: c.valueEnd, newText: v }], safe: false, appliesTo: { start: c.start, end: c.end } });
    }
    out.push({
      code: 'identity',
      severity: 'warning',
      start: n.start,
      end: n.end,
      message: localized(locale, MESSAGE, c.value, r.value, d.value, expected, n.value),
      related: [
        { start: c.start, end: c.end, message: localized(locale, ROLE.cumulative) },
        { start: r.start, end: r.end, message: localized(locale, ROLE.cured) },
        { start: d.start, end: d.end, message: localized(locale, ROLE.death) },
      ],
      fixes,
    });
  }
  return out;
}

const ORIGIN_MESSAGE = {
  en: 'Local and imported do not add up to the total: {0} + {1} = {2} ≠ {3}',
  zh: '本土与境外输入之和与总数不符:{0} + {1} = {2} ≠ {3}',
};
const ORIGIN_ROLE = { local: { en: 'local', zh: '本土' }, imported: { en: 'imported', zh: '境外输入' } };

/**
 * 本土 + 境外输入 = 总数, when the article states all three for the same category,
 * qualifier, place and period as separate figures (北京: 累计报告境外输入确诊病例84例 …
 * 本地确诊病例415例 … 累计报告确诊病例499例). Lists (其中境外输入…,本土…) are partitions and
 * checked by breakdown-sum; their parts are not used here.
 */
export function checkOriginSum(figures: Figure[], inGroups: { has(id: number): boolean }, periodText: (f: Figure) => string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  // the same period written again (截至3月20日24时 in each paragraph) is the same period
  const key = (f: Figure) => [f.category, f.qualifier, f.region?.name ?? '~', periodText(f)].join('|');
  const slotOf = (f: Figure) => (f.origin === 'local' ? 'local' : f.origin === 'imported' ? 'imported' : 'total');
  // A key can close only if total, local and imported all occur under it, hence under its
  // qualifier and place alone: figures whose qualifier and place lack one of the three are
  // dropped before their period is asked for (periodText is the costly part of the key).
  // The rest are keyed in text order, as before, so the findings come out in the same order.
  // The slots seen under each qualifier (cumulative or new) and place: one map per qualifier,
  // keyed by the place, as the key qualifier|place named the same pairs. (The maps are made when
  // first needed: most documents have few such figures, many none.)
  const candidates: Figure[] = [];
  let slotsCumulative: Map<string, number> | undefined;
  let slotsNew: Map<string, number> | undefined;
  for (const f of figures) {
    // (plain field tests, all of which must hold: the most selective first)
    if (f.category !== 'confirmed' || f.kind !== 'count' || f.zero || (f.qualifier !== 'cumulative' && f.qualifier !== 'new')) continue;
    if (inGroups.has(f.id)) continue;
    const slot = slotOf(f);
    const bit = slot === 'local' ? 1 : slot === 'imported' ? 2 : 4;
    const slotsOf = f.qualifier === 'new' ? (slotsNew ??= new Map()) : (slotsCumulative ??= new Map());
    const place = f.region?.name ?? '~';
    slotsOf.set(place, (slotsOf.get(place) ?? 0) | bit);
    candidates.push(f);
  }
  if (candidates.length === 0) return out;
  let byKey: Map<string, { total?: Figure; local?: Figure; imported?: Figure; ambiguous: boolean }> | undefined;
  for (const f of candidates) {
    // (the map of the figure's qualifier was made when the figure was added)
    if ((f.qualifier === 'new' ? (slotsNew as Map<string, number>) : (slotsCumulative as Map<string, number>)).get(f.region?.name ?? '~') !== 7) continue;
    const k = key(f);
    byKey ??= new Map();
    const e = byKey.get(k) ?? { ambiguous: false };
    const slot = slotOf(f);
    if (e[slot] && e[slot]?.value !== f.value) e.ambiguous = true; // two different values for one slot: conflicting-repeat's business
    e[slot] ??= f;
    byKey.set(k, e);
  }
  if (byKey === undefined) return out;
  for (const e of byKey.values()) {
    const { total, local, imported } = e;
    if (!total || !local || !imported || e.ambiguous) continue;
    const low = local.low + imported.low;
    const high = local.high + imported.high;
    if (total.high >= low && total.low <= high) continue;
    const sum = local.value + imported.value;
    out.push({
      code: 'identity',
      severity: 'warning',
      start: total.start,
      end: total.end,
      message: localized(locale, ORIGIN_MESSAGE, local.value, imported.value, sum, total.value),
      related: [
        { start: local.start, end: local.end, message: localized(locale, ORIGIN_ROLE.local) },
        { start: imported.start, end: imported.end, message: localized(locale, ORIGIN_ROLE.imported) },
      ],
      fixes: [],
    });
  }
  return out;
}
