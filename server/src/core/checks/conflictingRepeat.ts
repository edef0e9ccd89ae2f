/**
 * conflicting-repeat: the same figure — same category, qualifier, origin, place and
 * period — stated twice with different values. The typical case is a headline
 * that says 15 while the body says 16; "无新增确诊病例" against "新增确诊病例3例" for the
 * same period counts too. The period of a figure is the date expression that
 * governs it: the last one before it in the text (10月30日0时至24时, 截至…24时).
 */
import type { DateExpr } from '../dates';
import { CATEGORY_TERMS } from '../lexicon';
import { findPlaces } from '../regions';
import { toSimplified } from '../text/normalize';
import { localized, type Locale } from '../messages';
import { formatLike } from '../numbers';
import type { Region } from '../regions';
import type { Figure, Finding, Group } from '../types';
import { IdMarks } from './idMarks';

const MESSAGE = {
  en: 'The same figure is stated differently: {0} here, {1} elsewhere ({2})',
  zh: '同一数字前后不一致:此处为 {0},别处为 {1}({2})',
};
const EARLIER = { en: 'stated as {0}', zh: '此处为 {0}' };
const FIX = { en: 'Change to {0} as stated elsewhere', zh: '改为别处的 {0}' };

const PERSON_UNITS = new Set(['例', '人', '名', '位', '宗', '']);

function periodKey(d: DateExpr | undefined): string {
  if (!d) return '-';
  const p = (x: DateExpr['from'] | undefined) => (x ? `${x.year ?? ''}-${x.month ?? ''}-${x.day ?? ''}T${x.hour ?? ''}:${x.minute ?? ''}` : '');
  return `${d.kind}:${p(d.from)}/${p(d.to)}`;
}

/**
 * CATEGORY_TERMS grouped by the first code unit of their term, each group in the list's order:
 * the first term that `after` starts with is the first of its first unit's group that it starts
 * with (a term can only start where its first unit is). An empty term would match any text: the
 * first such, if any, bounds the search (it wins over the terms listed after it).
 */
const TERMS_AT = new Map<number, Array<{ index: number; term: string }>>();
let EMPTY_TERM_INDEX = CATEGORY_TERMS.length;
CATEGORY_TERMS.forEach(([term], index) => {
  if (term === '') {
    if (EMPTY_TERM_INDEX === CATEGORY_TERMS.length) EMPTY_TERM_INDEX = index;
    return;
  }
  const c = term.charCodeAt(0);
  const group = TERMS_AT.get(c);
  if (group) group.push({ index, term });
  else TERMS_AT.set(c, [{ index, term }]);
});

/** CATEGORY_TERMS.find(([t]) => after.startsWith(t))?.[0]. */
function categoryTermAtStart(after: string): string | undefined {
  const group = TERMS_AT.get(after.charCodeAt(0));
  if (group !== undefined) {
    for (const { index, term } of group) {
      if (index > EMPTY_TERM_INDEX) break;
      if (after.startsWith(term)) return term;
    }
  }
  return CATEGORY_TERMS[EMPTY_TERM_INDEX]?.[0];
}

/**
 * What the text says the figure is, without places and filler words: 新增确诊病例 for
 * "大同市新增新冠肺炎确诊病例9例", "新增的9例确诊病例" and "无新增确诊病例". Two figures are
 * repeats only when this matches, so different populations described in different
 * words (累计确诊 of imported cases, 累计报告确诊 nationally) are never compared.
 */
function descriptor(f: Figure, norm: string): string {
  let base = f.zero ? toSimplified(f.literal).replace(/^现?无/, '') : toSimplified(f.label ?? '');
  if (!f.zero) {
    const after = norm.slice(f.end, f.end + 10).replace(/^(的)?(新冠肺炎|新型冠状病毒肺炎|新冠)?/, '');
    const term = categoryTermAtStart(after);
    if (term) base += term;
  }
  const places = findPlaces(base, base, 0, base.length);
  for (const p of [...places].reverse()) base = base.slice(0, p.start) + base.slice(p.end);
  return base.replace(/新冠肺炎|新型冠状病毒肺炎|新冠|我市|全市|本市|我省|全省|本地|本土|境外输入|的|共|有|[\s,、]/g, '');
}

/**
 * 湖北以外省份,无新增死亡病例: a figure of the places other than one, in a sentence that says
 * so before it. Its population is not that of the same words elsewhere: it is not compared.
 */
function ofPlacesExcept(norm: string, f: Figure): boolean {
  // back to the sentence's start, at most 80 characters (char codes: 。 \n 外 以 之)
  for (let i = f.start - 1; i > 0 && i >= f.start - 80; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x3002 || c === 0x0a) return false;
    if (c === 0x5916) {
      const b = norm.charCodeAt(i - 1);
      if (b === 0x4ee5 || b === 0x4e4b) return true;
    }
  }
  return false;
}

/** Small numbers for the distinct strings of one field, counted from 0 in the order met. */
class FieldIds {
  // made at the second distinct string: many fields have one string in a document
  private ids: Map<string, number> | undefined = undefined;
  // the string asked about last and its number: neighbouring figures often share a field
  // (null before the first: no string, nor a missing field read as undefined, equals it)
  private last: string | null = null;
  private lastId = -1;

  of(s: string): number {
    if (s === this.last) return this.lastId;
    let id: number | undefined;
    if (this.last === null) id = 0; // the first string
    else {
      if (this.ids === undefined) this.ids = new Map([[this.last, this.lastId]]);
      id = this.ids.get(s);
      if (id === undefined) this.ids.set(s, (id = this.ids.size));
    }
    this.last = s;
    this.lastId = id;
    return id;
  }
}

/**
 * The key of a figure's fields, from their numbers (each a whole number ≥ 0): one small integer
 * when each number fits its bits (5 + 4 + 3 + 4 + 8 + 6 = 30 bits, a V8 small integer), else a
 * string of the six numbers, two code units (16 bits) each. The numbers are below 2³² (they
 * count distinct strings and periods of one document: a few per figure, and figures are fewer
 * than the code units of a string, below 2²⁹). So the key is the same exactly when the six
 * numbers are: numbers within their bits pack uniquely, a string of fixed length splits back
 * into its numbers, a given six always get the same kind of key, and a number never equals a
 * string in a Map.
 */
function fieldsKey(category: number, qualifier: number, origin: number, unit: number, place: number, period: number): number | string {
  if (category < 32 && qualifier < 16 && origin < 8 && unit < 16 && place < 256 && period < 64) {
    return category | (qualifier << 5) | (origin << 9) | (unit << 12) | (place << 16) | (period << 24);
  }
  const u = (x: number): string => String.fromCharCode(x & 0xffff, x >>> 16);
  return u(category) + u(qualifier) + u(origin) + u(unit) + u(place) + u(period);
}

/** 1, 2, 3 for the three DateKinds, 0 for anything else. */
function kindCode(kind: string): number {
  return kind === 'instant' ? 1 : kind === 'period' ? 2 : kind === 'asof' ? 3 : 0;
}

/**
 * A string that is the same for two date expressions exactly when their periodKey is, cheaper
 * to make: the kind and the fields as code units, when the kind is one of the three DateKinds
 * and every field is missing or a whole number below 65534 — as dates.ts makes them — else 'S'
 * and the periodKey itself (the two never equal: the first starts with U+FFFF).
 *
 * Why the same: in a periodKey with such fields, each point is '' or five runs of digits
 * (or empty runs, for missing fields) between '-', '-', 'T', ':', the points are separated by
 * the only '/', and the kind (without ':') by the first ':'. So it reads back into the kind, which
 * points are present, and each field's digits, which are one number's (String(-0) is '0', as
 * for 0). A periodKey with another field has another character in that point (a '.', a letter
 * or a further '-') or a run of digits no such field has (a number ≥ 65534): it is not that of
 * any expression given the short form, so giving it the long one splits no class and joins none.
 */
function periodClass(d: DateExpr | undefined): string {
  const kind = d ? kindCode(d.kind) : 0;
  if (d && kind !== 0) {
    const f = d.from;
    const t = d.to;
    // the fields as code units (see fieldUnit: -1 when one has no short form); a missing point is six 0
    const fy = f ? fieldUnit(f.year) : 0;
    const fmo = f ? fieldUnit(f.month) : 0;
    const fd = f ? fieldUnit(f.day) : 0;
    const fh = f ? fieldUnit(f.hour) : 0;
    const fmi = f ? fieldUnit(f.minute) : 0;
    const ty = t ? fieldUnit(t.year) : 0;
    const tmo = t ? fieldUnit(t.month) : 0;
    const td = t ? fieldUnit(t.day) : 0;
    const th = t ? fieldUnit(t.hour) : 0;
    const tmi = t ? fieldUnit(t.minute) : 0;
    if ((fy | fmo | fd | fh | fmi | ty | tmo | td | th | tmi) >= 0) {
      return String.fromCharCode(0xffff, kind, f ? 1 : 0, fy, fmo, fd, fh, fmi, t ? 1 : 0, ty, tmo, td, th, tmi);
    }
  }
  return 'S' + periodKey(d);
}

/** 0 for a missing field (`${v ?? ''}` is ''), v + 1 for a whole number 0 … 65533, else -1. */
function fieldUnit(v: number | undefined | null): number {
  if (v === undefined || v === null) return 0;
  return v >>> 0 === v && v < 65534 ? v + 1 : -1;
}

export function checkConflictingRepeat(
  norm: string,
  figures: Figure[],
  groups: Group[],
  dates: DateExpr[],
  home: Region | undefined,
  locale: Locale,
): Finding[] {
  const out: Finding[] = [];
  // Parts of a breakdown are described by their item labels; the breakdown check covers them.
  const partOfBreakdown = new IdMarks(figures.length);
  for (const g of groups) for (const p of g.parts) partOfBreakdown.add(p);
  // The key of a figure is made of small numbers standing for its fields (see fieldsKey): the
  // same number for the same string, and for the period the same number for the same periodKey
  // (截至3月20日24时 written twice). Keys thus match exactly when the strings
  // category|qualifier|origin|place|unit|periodKey did (none of those fields holds a '|', so
  // those strings matched exactly when every field did), and are cheaper to hash. The period's
  // number is found once per date expression (and once for figures without one).
  const categories = new FieldIds();
  const qualifiers = new FieldIds();
  const origins = new FieldIds();
  const units = new FieldIds();
  const places = new FieldIds();
  const periodIds = new Map<string, number>();
  const periodIdOf: number[] = [];
  let noPeriodId = -1;
  const periodId = (period: number | undefined): number => {
    if (period !== undefined) {
      const known = periodIdOf[period];
      if (known !== undefined) return known;
    } else if (noPeriodId >= 0) return noPeriodId;
    const pk = periodClass(period !== undefined ? dates[period] : undefined);
    let id = periodIds.get(pk);
    if (id === undefined) periodIds.set(pk, (id = periodIds.size));
    if (period !== undefined) periodIdOf[period] = id;
    else noPeriodId = id;
    return id;
  };
  // Two passes: the cheap part of the key first; the descriptor (the costly part) only for
  // figures that share the cheap part with another, since a figure alone repeats nothing.
  // Each distinct cheap key is numbered (0, 1, … in the order met), so that the passes below
  // count and look up by that number in arrays, with one Map lookup per figure here.
  const candidates: Figure[] = [];
  const cheapKeys: number[] = []; // the number of each candidate's cheap key
  const cheapNumber = new Map<number | string, number>();
  const cheapCount: number[] = []; // by cheap key number
  let lastUnit: string | null = null; // (null: no figure yet, which no unit equals)
  let lastUnitId = -1;
  for (const f of figures) {
    // (plain field tests, any of which drops the figure: the qualifier first, which most figures
    // that are not counts lack)
    if (!f.qualifier || f.qualifier === 'round' || f.qualifier === 'converted' || f.kind !== 'count' || f.category === 'none') continue;
    if (partOfBreakdown.has(f.id)) continue;
    const place = !f.region || (home && f.region.name === home.name) ? '~' : f.region.name;
    // the unit's number: that of 'person' for the units of persons (asked again only for a unit
    // other than the last figure's)
    if (f.unit !== lastUnit) {
      lastUnit = f.unit;
      lastUnitId = units.of(PERSON_UNITS.has(f.unit) ? 'person' : f.unit);
    }
    const key = fieldsKey(categories.of(f.category), qualifiers.of(f.qualifier), origins.of(f.origin ?? ''), lastUnitId, places.of(place), periodId(f.period));
    let k = cheapNumber.get(key);
    if (k === undefined) {
      cheapNumber.set(key, (k = cheapCount.length));
      cheapCount.push(0);
    }
    candidates.push(f);
    cheapKeys.push(k);
    (cheapCount[k] as number)++;
  }
  // 湖北以外省份… figures are not compared. They are dropped after counting rather than before,
  // so that only figures sharing their cheap key pay for the look back; a dropped figure is taken
  // off its key's count, so the counts end as if it had never been counted. (A key whose count
  // is below 2 is skipped unlooked: counts only go down, so none of its figures is compared.)
  const dropped: boolean[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const cheap = cheapKeys[i] as number;
    if ((cheapCount[cheap] as number) < 2 || !ofPlacesExcept(norm, candidates[i] as Figure)) continue;
    dropped[i] = true;
    (cheapCount[cheap] as number)--;
  }
  // The figures of each full key (cheap key and descriptor), the keys in the order first met.
  const periodText = new Map<number, string>();
  const byCheap: Array<Map<string, Figure[]> | undefined> = []; // by cheap key number
  const lists: Figure[][] = [];
  for (let i = 0; i < candidates.length; i++) {
    const cheap = cheapKeys[i] as number;
    if (dropped[i] || (cheapCount[cheap] as number) < 2) continue;
    const f = candidates[i] as Figure;
    const what = descriptor(f, norm);
    if (what.length < 2) continue;
    let byWhat = byCheap[cheap];
    if (byWhat === undefined) byCheap[cheap] = byWhat = new Map();
    const list = byWhat.get(what);
    if (list) list.push(f);
    else {
      const started = [f];
      byWhat.set(what, started);
      lists.push(started);
    }
    const current = f.period !== undefined ? dates[f.period] : undefined;
    periodText.set(f.id, current?.text ?? '—');
  }
  for (const list of lists) {
    if (list.length < 2) continue;
    // The value stated most often is taken as meant (ties: the first stated); the others are flagged.
    const votes = new Map<number, Figure[]>();
    for (const f of list) votes.set(f.value, [...(votes.get(f.value) ?? []), f]);
    if (votes.size < 2) continue;
    const majority = [...votes.values()].sort((a, b) => b.length - a.length || (a[0] as Figure).start - (b[0] as Figure).start)[0] as Figure[];
    const first = majority[0] as Figure;
    for (const f of list) {
      if (!(f.high < first.low || f.low > first.high)) continue;
      const fixes =
        f.zero || first.zero || f.approximate || first.approximate
          ? []
          : [{ title: localized(locale, FIX, first.value), edits: [{ start: f.valueStart, end: f.valueEnd, newText: formatLike(first.value, f) }], safe: false }];
      out.push({
        code: 'conflicting-repeat',
        severity: 'warning',
        start: f.start,
        end: f.end,
        message: localized(locale, MESSAGE, f.literal, first.literal, periodText.get(f.id) ?? '—'),
        related: majority.map((m) => ({ start: m.start, end: m.end, message: localized(locale, EARLIER, m.literal) })),
        fixes,
      });
    }
  }
  return out;
}
