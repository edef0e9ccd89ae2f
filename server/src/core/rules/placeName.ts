/**
 * place-name: a division name that does not exist but is one character away from a
 * real division of the article's province, with that character of the same sound
 * (云岗区 → 云冈区). Real places, unnamed communities and names too far from any
 * division are never flagged.
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import { NameTrie, placesInProvince, reverseNames, simplifiedCode, type Place } from '../gazetteer';
import { localized, type Locale } from '../messages';
import type { Region } from '../regions';
import { addCode, codeBits, hasCode, type CodeBits } from '../text/codeBits';
import { isHan, normalizeForMatching } from '../text/normalize';
import { sameSoundCode } from '../text/homophone';
import { smallCodesOf } from '../smallCodes';
import type { Finding } from '../types';

const MESSAGE = { en: '“{0}” is not a division of {1}. Did you mean {2}?', zh: '“{0}”不是{1}的行政区划。是否应为“{2}”?' };
const FIX = { en: 'Replace with {0}', zh: '改为“{0}”' };
const SUFFIXES = ['区', '县', '市'];

/** Common words that end like a division name (中心城区, 主城区, 老城区): not names. */
const GENERIC = ['城区', '市区', '辖区', '社区', '小区', '景区', '园区', '片区', '新区', '郊区', '老区', '山区', '灾区', '矿区', '城市', '县城', '全区', '全县', '全市', '本区', '本县', '本市', '我区', '我县', '我市', '该区', '该县', '该市', '城乡', '地市', '省市', '县市', '市县', '区县'];

/** The words of GENERIC as pairs of character codes (first × 65536 + second), and their first characters. */
const GENERIC_PAIRS = new Set(GENERIC.map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
/** (a SmallCodes of a few cache lines, where a 64 KB table read at Han characters is out of cache when the rule runs) */
const GENERIC_FIRST = smallCodesOf(GENERIC);

function generic(first: number, second: number): boolean {
  return GENERIC_FIRST.has(first) && GENERIC_PAIRS.has(first * 0x10000 + second);
}

const [QU, XIAN, SHI] = SUFFIXES.map((s) => s.charCodeAt(0)) as [number, number, number];

/**
 * The raw units whose simplified form is a suffix (区 區 县 縣 市), as a tiny open table:
 * unit c is one of them exactly when `slots[c & mask] === c + 1`. The scan reads it for
 * every character of the text instead of simplifying every character (the per-character
 * cost of the rule on clean text).
 */
interface SuffixTable {
  slots: Int32Array;
  mask: number;
}

let suffixTable: SuffixTable | undefined;

/**
 * Built once from normalizeForMatching over all 65536 units in one string: it maps each
 * unit on its own (same-length, one unit to one), so unit c of the result is what
 * `simplifiedCode(c)` gives. The preimage of the suffixes is then exact (a unit test
 * compares it with simplifiedCode unit by unit). The table is the smallest power of two
 * in which the preimage's units fall in distinct slots.
 */
function suffixUnits(): SuffixTable {
  if (suffixTable) return suffixTable;
  let all = '';
  const chunk: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    chunk.push(c);
    if (chunk.length === 4096) {
      all += String.fromCharCode.apply(null, chunk);
      chunk.length = 0;
    }
  }
  const norm = normalizeForMatching(all);
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const m = norm.charCodeAt(c);
    if (m === QU || m === XIAN || m === SHI) units.push(c);
  }
  let size = 8;
  for (;;) {
    const seen = new Set(units.map((u) => u & (size - 1)));
    if (seen.size === units.length) break;
    size *= 2;
  }
  const slots = new Int32Array(size);
  for (const u of units) slots[u & (size - 1)] = u + 1;
  suffixTable = { slots, mask: size - 1 };
  return suffixTable;
}

/** The units whose simplified form is 区, 县 or 市 (for the unit test). */
export function placeSuffixUnits(): number[] {
  const { slots } = suffixUnits();
  return Array.from(slots)
    .filter((v) => v !== 0)
    .map((v) => v - 1)
    .sort((a, b) => a - b);
}

/**
 * The divisions of a province by their names with one character left out: the key of a
 * name of length 3 or 4 without its character `j` (never the suffix) holds the divisions
 * that could differ from it there only. See `maskedKey`.
 */
interface ProvinceIndex {
  keys: Map<number, Place[]>;
  /**
   * One bit per key of `keys`, hashed (keyBit; 8 KB, false positives only): a candidate
   * none of whose keys has its bit set has no slip, which is what most candidates are
   * (words and real names of other provinces), and is dropped before the trie and the map.
   */
  bits: CodeBits;
}

const byProvince = new Map<string, ProvinceIndex>();

/**
 * A number for the characters of a name of 3 or 4 characters (simplified codes in `codes`)
 * without character `j`: the 2 or 3 other codes, 16 bits each, and which of the 5 (length, j)
 * combinations it is; at most 51 bits, exact in a double.
 */
function maskedKey(codes: readonly number[], length: number, j: number): number {
  let key = length === 3 ? j : 2 + j;
  for (let k = 0; k < length; k++) if (k !== j) key = key * 0x10000 + (codes[k] as number);
  return key;
}

/** The bit of maskedKey(codes, length, j) in ProvinceIndex.bits: a hash of the same parts, in 16 bits. */
function keyBit(codes: readonly number[], length: number, j: number): number {
  let h = length === 3 ? j : 2 + j;
  for (let k = 0; k < length; k++) if (k !== j) h = Math.imul(h ^ (codes[k] as number), 0x9e3779b1);
  return (h ^ (h >>> 15)) & 0xffff;
}

/** Whether slipOf(index, codes, length) may find a division: some key it looks up has its bit set. */
function maySlip(bits: CodeBits, codes: readonly number[], length: number): boolean {
  for (let j = 0; j < length - 1; j++) if (hasCode(bits, keyBit(codes, length, j))) return true;
  return false;
}

function indexFor(code: string): ProvinceIndex {
  let index = byProvince.get(code);
  if (!index) {
    const keys = new Map<number, Place[]>();
    const bits = codeBits();
    for (const p of placesInProvince(code)) {
      const n = p.name.length;
      if (n !== 3 && n !== 4) continue; // candidates are 2 or 3 characters and the suffix
      const codes = Array.from({ length: n }, (_, k) => p.name.charCodeAt(k));
      for (let j = 0; j < n - 1; j++) {
        const key = maskedKey(codes, n, j);
        const list = keys.get(key);
        if (list) list.push(p);
        else keys.set(key, [p]);
        addCode(bits, keyBit(codes, n, j));
      }
    }
    index = { keys, bits };
    byProvince.set(code, index);
  }
  return index;
}

/**
 * The one division of the province a name (simplified codes) is a homophone slip of: it
 * differs in exactly one character before the suffix, of the same sound. Undefined when
 * there is none or more than one.
 */
function slipOf(index: ProvinceIndex, codes: readonly number[], length: number): Place | undefined {
  let found: Place | undefined;
  let count = 0;
  for (let j = 0; j < length - 1; j++) {
    const list = index.keys.get(maskedKey(codes, length, j));
    if (!list) continue;
    const written = codes[j] as number;
    for (const p of list) {
      const right = p.name.charCodeAt(j);
      if (right === written || !sameSoundCode(written, right)) continue;
      found = p;
      count++;
    }
  }
  return count === 1 ? found : undefined;
}

export function checkPlaceName(text: string, province: Region | undefined, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  if (!province?.code) return [];
  const index = indexFor(province.code);
  const trie = reverseNames();
  const out: Finding[] = [];
  // simplified codes of the name being tried, in text order (3 or 4)
  const codes = [0, 0, 0, 0];
  const codes4 = [0, 0, 0, 0];
  const { slots, mask } = suffixUnits();
  const n = text.length;
  for (let i = 2; i < n; i++) {
    const raw = text.charCodeAt(i);
    // (exactly the units whose simplified form is QU, XIAN or SHI: see suffixUnits)
    if (slots[raw & mask] !== raw + 1) continue;
    const c0 = simplifiedCode(raw);
    deadline.check();
    // 2-character names (云冈区); a preceding Han character is part of another word only
    // when it is a division prefix we cannot judge, so 2 and 3 are tried, longest real first.
    if (!isHan(text.charCodeAt(i - 1)) || !isHan(text.charCodeAt(i - 2))) continue;
    const c1 = simplifiedCode(text.charCodeAt(i - 1));
    const c2 = simplifiedCode(text.charCodeAt(i - 2));
    const genericEnd = generic(c1, c0);
    let s = i - 2;
    // 中心城区: the tail of a longer word, not a name.
    if (genericEnd && s > 0 && isHan(text.charCodeAt(s - 1))) continue;
    if (generic(c2, c1)) continue;
    codes[0] = c2;
    codes[1] = c1;
    codes[2] = c0;
    // Nothing below reports unless slipOf finds a division, for 3 characters or for 4 (the
    // trie only rules out more): when no key of either has its bit, this candidate is done.
    if (!maySlip(index.bits, codes, 3)) {
      const s3 = i - 3;
      if (s3 < 0 || !isHan(text.charCodeAt(s3)) || genericEnd) continue;
      codes4[0] = simplifiedCode(text.charCodeAt(s3));
      codes4[1] = c2;
      codes4[2] = c1;
      codes4[3] = c0;
      if (!maySlip(index.bits, codes4, 4)) continue;
    }
    // the names of 2 and 3 characters before the suffix, read backwards through the trie
    const node2 = trie.step(trie.step(trie.step(NameTrie.ROOT, c0), c1), c2);
    const real2 = trie.isName(node2);
    if (real2) continue; // a real place (at this or a shorter length)
    let right = slipOf(index, codes, 3);
    if (!right) {
      s = i - 3;
      if (s < 0 || !isHan(text.charCodeAt(s))) continue;
      if (genericEnd && s > 0 && isHan(text.charCodeAt(s - 1))) continue;
      const c3 = simplifiedCode(text.charCodeAt(s));
      if (generic(c3, c2) || genericEnd) continue;
      if (trie.isName(trie.step(node2, c3))) continue;
      codes[0] = c3;
      codes[1] = c2;
      codes[2] = c1;
      codes[3] = c0;
      right = slipOf(index, codes, 4);
      if (!right) continue;
    }
    const written = text.slice(s, i + 1);
    out.push({
      code: 'place-name',
      severity: 'warning',
      start: s,
      end: i + 1,
      message: localized(locale, MESSAGE, written, province.name, right.name),
      related: [],
      fixes: [{ title: localized(locale, FIX, right.name), edits: [{ start: s, end: i + 1, newText: right.name }], safe: false }],
    });
  }
  return out;
}
