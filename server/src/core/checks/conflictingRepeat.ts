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
 * What the text says the figure is, without places and filler words: 新增确诊病例 for
 * "大同市新增新冠肺炎确诊病例9例", "新增的9例确诊病例" and "无新增确诊病例". Two figures are
 * repeats only when this matches, so different populations described in different
 * words (累计确诊 of imported cases, 累计报告确诊 nationally) are never compared.
 */
function descriptor(f: Figure, norm: string): string {
  let base = f.zero ? toSimplified(f.literal).replace(/^现?无/, '') : toSimplified(f.label ?? '');
  if (!f.zero) {
    const after = norm.slice(f.end, f.end + 10).replace(/^(的)?(新冠肺炎|新型冠状病毒肺炎|新冠)?/, '');
    const term = CATEGORY_TERMS.find(([t]) => after.startsWith(t));
    if (term) base += term[0];
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
  // The period in the key is a small number standing for its periodKey: the same number for
  // the same periodKey (截至3月20日24时 written twice), so keys match exactly when they did with
  // the periodKey itself, but are shorter to hash. Computed once per date expression.
  const periodIds = new Map<string, number>();
  const periodIdOf: number[] = [];
  const periodId = (period: number | undefined): number => {
    if (period !== undefined) {
      const known = periodIdOf[period];
      if (known !== undefined) return known;
    }
    const pk = periodKey(period !== undefined ? dates[period] : undefined);
    let id = periodIds.get(pk);
    if (id === undefined) periodIds.set(pk, (id = periodIds.size));
    if (period !== undefined) periodIdOf[period] = id;
    return id;
  };
  // Two passes: the cheap part of the key first; the descriptor (the costly part) only for
  // figures that share the cheap part with another, since a figure alone repeats nothing.
  const candidates: Figure[] = [];
  const cheapKeys: string[] = [];
  const cheapCount = new Map<string, number>();
  for (const f of figures) {
    if (f.kind !== 'count' || f.category === 'none' || !f.qualifier || f.qualifier === 'round' || f.qualifier === 'converted') continue;
    if (partOfBreakdown.has(f.id)) continue;
    const place = !f.region || (home && f.region.name === home.name) ? '~' : f.region.name;
    const unit = PERSON_UNITS.has(f.unit) ? 'person' : f.unit;
    // The fields are strings (origin aside, which may be missing): + joins them as join('|') did.
    // None but the last can hold a '|' (enums, place names, units), so no two keys run together.
    const key = f.category + '|' + f.qualifier + '|' + (f.origin ?? '') + '|' + place + '|' + unit + '|' + periodId(f.period);
    candidates.push(f);
    cheapKeys.push(key);
    cheapCount.set(key, (cheapCount.get(key) ?? 0) + 1);
  }
  // 湖北以外省份… figures are not compared. They are dropped after counting rather than before,
  // so that only figures sharing their cheap key pay for the look back; a dropped figure is taken
  // off its key's count, so the counts end as if it had never been counted. (A key whose count
  // is below 2 is skipped unlooked: counts only go down, so none of its figures is compared.)
  const dropped: boolean[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const cheap = cheapKeys[i] as string;
    if ((cheapCount.get(cheap) ?? 0) < 2 || !ofPlacesExcept(norm, candidates[i] as Figure)) continue;
    dropped[i] = true;
    cheapCount.set(cheap, (cheapCount.get(cheap) as number) - 1);
  }
  const periodText = new Map<number, string>();
  const byKey = new Map<string, Figure[]>();
  for (let i = 0; i < candidates.length; i++) {
    const cheap = cheapKeys[i] as string;
    if (dropped[i] || (cheapCount.get(cheap) ?? 0) < 2) continue;
    const f = candidates[i] as Figure;
    const what = descriptor(f, norm);
    if (what.length < 2) continue;
    const key = `${cheap}|${what}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
    const current = f.period !== undefined ? dates[f.period] : undefined;
    periodText.set(f.id, current?.text ?? '—');
  }
  for (const list of byKey.values()) {
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
