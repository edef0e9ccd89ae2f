/**
 * inconsistent-name: one place written two ways in an article (龙保社区 ×3, 龙堡社区 ×1):
 * names with the same place suffix and length that differ in one character of the
 * same sound. The minority form is flagged, with a fix to the majority form (not
 * safe: the majority is usually, not always, right).
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { lookupPlace } from '../gazetteer';
import { isHan, toSimplified } from '../text/normalize';
import { readings, sameSoundCode } from '../text/homophone';
import type { Finding } from '../types';
import { compileMessage } from './pinyinResidue';

const MESSAGE = { en: '“{0}” is written “{1}” {2} times elsewhere in this article', zh: '“{0}”在本文其他地方写作“{1}”({2} 次)' };
const FIX = { en: 'Write “{0}” as elsewhere', zh: '统一写作“{0}”' };
const OTHER = { en: 'written “{0}” here', zh: '此处写作“{0}”' };
const MESSAGE_OF = compileMessage(MESSAGE);
const FIX_OF = compileMessage(FIX);
const OTHER_OF = compileMessage(OTHER);
/** Place suffixes; a name's shape is its length and the first of these it ends with. */
const SUFFIXES = ['社区', '街道', '小区', '村', '镇', '乡', '县', '区', '市'];

const code = (s: string): number => s.charCodeAt(0);
/** The last characters of the suffixes, with the suffix each ends (区 and 道: see `scan`). */
const FINALS: ReadonlyArray<readonly [string, number]> = [
  ['区', SUFFIXES.indexOf('区')],
  ['道', SUFFIXES.indexOf('街道')],
  ...SUFFIXES.filter((s) => s.length === 1 && s !== '区').map((s) => [s, SUFFIXES.indexOf(s)] as const),
];
const JIE = code('街');
const QU_INDEX = SUFFIXES.indexOf('区');
const SHE = code('社');
const XIAO = code('小');
const SHEQU = SUFFIXES.indexOf('社区');
const XIAOQU = SUFFIXES.indexOf('小区');
const JIEDAO = SUFFIXES.indexOf('街道');

/** Fields of a name in Names.ent. */
const START = 0; // of the first occurrence
const LENGTH = 1;
const SHAPE = 2;
const COUNT = 3; // occurrences
const HASH = 4;
const HEAD = 5; // first occurrence, in Names.occ
const TAIL = 6; // last occurrence
/** Its first three characters: names of one shape differ in no other (the rest is their suffix). */
const C0 = 7;
const FIELDS = 10;

/**
 * The names of a text and where each occurs, without making strings: a name is known by
 * its first occurrence (start and length in the text), and found again by an
 * open-addressing table hashed on its characters. Names are numbered in the order they
 * are first met; occurrences are pairs (start, next occurrence of the name or -1). One
 * instance serves every call (see `reset`), so that a check allocates no buffers.
 */
class Names {
  size = 0;
  ent: Int32Array = new Int32Array(64 * FIELDS);
  occ: Int32Array = new Int32Array(128 * 2);
  private occs = 0;
  private table: Int32Array = new Int32Array(256);
  private text = '';

  /** Empties the names for a new text. */
  reset(text: string): this {
    this.text = text;
    this.size = 0;
    this.occs = 0;
    this.table.fill(0);
    return this;
  }

  /** Forgets the text (the instance outlives the call), and gives back buffers grown for a long one. */
  release(): void {
    this.text = '';
    if (this.table.length > 4096 || this.occ.length > 8192) {
      this.table = new Int32Array(256);
      this.ent = new Int32Array(64 * FIELDS);
      this.occ = new Int32Array(128 * 2);
    }
  }

  field(id: number, f: number): number {
    return this.ent[id * FIELDS + f] as number;
  }

  /** Records an occurrence of the name text[s, e) of the given shape. */
  add(s: number, e: number, shape: number): void {
    const text = this.text;
    let h = e - s;
    for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x9e3779b1);
    h ^= h >>> 15;
    if (this.occs * 2 === this.occ.length) this.occ = grow(this.occ);
    const o = this.occs++;
    this.occ[o * 2] = s;
    this.occ[o * 2 + 1] = -1;
    const ent = this.ent;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = (this.table[slot] as number) - 1;
      if (id < 0) break;
      const at = id * FIELDS;
      if (ent[at + HASH] === h && ent[at + LENGTH] === e - s && this.same(ent[at + START] as number, s, e - s)) {
        this.occ[(ent[at + TAIL] as number) * 2 + 1] = o;
        ent[at + TAIL] = o;
        ent[at + COUNT] = (ent[at + COUNT] as number) + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (this.size * FIELDS > this.ent.length) this.ent = grow(this.ent);
    const at = id * FIELDS;
    this.ent[at + START] = s;
    this.ent[at + LENGTH] = e - s;
    this.ent[at + SHAPE] = shape;
    this.ent[at + COUNT] = 1;
    this.ent[at + HASH] = h;
    this.ent[at + HEAD] = o;
    this.ent[at + TAIL] = o;
    for (let k = 0; k < 3; k++) this.ent[at + C0 + k] = text.charCodeAt(s + k);
    this.table[slot] = id + 1;
    if (this.size * 2 > this.table.length) this.rehash();
  }

  private same(a: number, b: number, n: number): boolean {
    const text = this.text;
    for (let k = 0; k < n; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.ent[id * FIELDS + HASH] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Names: 2–3 Han characters before a suffix, found by the last character of the suffix
 * (indexOf, one character at a time). A span is one name only: XX社区 is the 2-character
 * name before 社区, and also, as X社区, the 2-character name before 区 (its 3-character
 * reading before 区 is the same span). Names of one shape all end in the same character,
 * so they are met in the order of their occurrences.
 */
const shared = new Names();

function scan(text: string, deadline: Deadline): Names {
  const names = shared.reset(text);
  for (const [final, index] of FINALS) {
    for (let i = text.indexOf(final); i >= 0; i = text.indexOf(final, i + 1)) {
      deadline.check();
      let suffix = index;
      let at = i; // where the suffix starts
      if (suffix === JIEDAO) {
        if (i < 1 || text.charCodeAt(i - 1) !== JIE) continue;
        at = i - 1;
      } else if (suffix === QU_INDEX && i >= 1) {
        const before = text.charCodeAt(i - 1);
        if (before === SHE || before === XIAO) {
          // X社区/X小区 is read as a 社区/小区 name (not one of 区); one character before the
          // suffix is no name (皇城社区 and 锦程社区 are two communities, not 城社区 written 程社区).
          suffix = before === SHE ? SHEQU : XIAOQU;
          at = i - 1;
        }
      }
      // 2 and 3 Han characters before the suffix
      if (at < 2 || !isHan(text.charCodeAt(at - 1)) || !isHan(text.charCodeAt(at - 2))) continue;
      const len = i + 1 - at;
      names.add(at - 2, i + 1, shapeOf(suffix, len + 2));
      if (at >= 3 && isHan(text.charCodeAt(at - 3))) names.add(at - 3, i + 1, shapeOf(suffix, len + 3));
    }
  }
  return names;
}

function bothRealPlaces(a: string, b: string): boolean {
  for (let k = 0; k + 2 <= a.length - 1; k++) {
    if (lookupPlace(toSimplified(a.slice(k))).length > 0 && lookupPlace(toSimplified(b.slice(k))).length > 0) return true;
  }
  return false;
}

function shapeOf(suffix: number, length: number): number {
  return suffix * 8 + length;
}

export function checkInconsistentName(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  try {
    return inconsistentNames(text, locale, deadline);
  } finally {
    shared.release();
  }
}

/** Above this many names written twice in a shape, the shape is compared through an index (see `alike`). */
const MANY = 128;

/**
 * A key for a name's shape, its first three characters but character `j`, and a reading of
 * character `j`: names of one shape with the same key differ at most in character `j`, and
 * there by a character of the same sound.
 */
function soundKey(names: Names, id: number, j: number, reading: string): string {
  const x = names.field(id, C0 + (j === 0 ? 1 : 0));
  const y = names.field(id, C0 + (j === 2 ? 1 : 2));
  return `${names.field(id, SHAPE)}|${j}|${x}|${y}|${reading}`;
}

/**
 * The indexed names that could be `id` with one of its first three characters replaced by one
 * of the same sound (sameSound), in the order of first occurrence; `id` itself among them.
 */
function alike(index: Map<string, number[]>, names: Names, id: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < 3; j++) {
    for (const reading of readings(names.field(id, C0 + j))) {
      const ids = index.get(soundKey(names, id, j, reading));
      if (ids) for (const x of ids) out.push(x);
    }
  }
  // a name sharing two readings with `id` is listed twice
  out.sort((a, b) => a - b);
  return out.filter((x, k) => k === 0 || x !== out[k - 1]);
}

function inconsistentNames(text: string, locale: Locale, deadline: Deadline): Finding[] {
  const names = scan(text, deadline);
  const n = names.size;
  // Only a name written at least twice can be the majority form: per shape, those names in
  // the order of first occurrence; each name is compared with those of its shape.
  const majors: Array<number[] | undefined> = [];
  for (let id = 0; id < n; id++) {
    if (names.field(id, COUNT) < 2) continue;
    const shape = names.field(id, SHAPE);
    (majors[shape] ??= []).push(id);
  }
  if (majors.length === 0) return [];
  // Shapes with many such names (long lists of communities) are compared through an index,
  // so that the work does not grow with the square of the names.
  let index: Map<string, number[]> | undefined;
  for (const list of majors) {
    if (!list || list.length <= MANY) continue;
    index ??= new Map();
    for (const id of list) {
      deadline.check();
      for (let j = 0; j < 3; j++) {
        for (const reading of readings(names.field(id, C0 + j))) {
          const key = soundKey(names, id, j, reading);
          const ids = index.get(key);
          if (ids) ids.push(id);
          else index.set(key, [id]);
        }
      }
    }
  }
  const out: Finding[] = [];
  for (let minor = 0; minor < n; minor++) {
    const all = majors[names.field(minor, SHAPE)];
    if (!all) continue;
    deadline.check();
    const candidates = all.length > MANY ? alike(index as Map<string, number[]>, names, minor) : all;
    const minorCount = names.field(minor, COUNT);
    const minorStart = names.field(minor, START);
    const length = names.field(minor, LENGTH);
    const a0 = names.field(minor, C0);
    const a1 = names.field(minor, C0 + 1);
    const a2 = names.field(minor, C0 + 2);
    for (const major of candidates) {
      const majorCount = names.field(major, COUNT);
      if (majorCount <= minorCount) continue; // also the minor itself
      // exactly one character apart
      const d0 = a0 !== names.field(major, C0);
      const d1 = a1 !== names.field(major, C0 + 1);
      const d2 = a2 !== names.field(major, C0 + 2);
      if ((d0 ? 1 : 0) + (d1 ? 1 : 0) + (d2 ? 1 : 0) !== 1) continue;
      const diff = d0 ? 0 : d1 ? 1 : 2;
      const majorStart = names.field(major, START);
      if (!sameSoundCode(names.field(minor, C0 + diff), names.field(major, C0 + diff))) continue;
      const minorName = text.slice(minorStart, minorStart + length);
      const majorName = text.slice(majorStart, majorStart + length);
      // Two real divisions (信阳市 and 沈阳市, 台州市 and 泰州市, 黄埔区 and 黄浦区), also after a
      // word glued before them (在信阳市): different places, not one written two ways.
      if (bothRealPlaces(minorName, majorName)) continue;
      // The messages are the same for every occurrence: made once.
      const other = OTHER_OF(locale, majorName);
      const message = MESSAGE_OF(locale, minorName, majorName, majorCount);
      const title = FIX_OF(locale, majorName);
      const related: Finding['related'] = [];
      for (let o = names.field(major, HEAD); o >= 0 && related.length < 5; o = names.occ[o * 2 + 1] as number) {
        const start = names.occ[o * 2] as number;
        related.push({ start, end: start + length, message: other });
      }
      for (let o = names.field(minor, HEAD); o >= 0; o = names.occ[o * 2 + 1] as number) {
        const start = names.occ[o * 2] as number;
        out.push({
          code: 'inconsistent-name',
          severity: 'warning',
          start,
          end: start + length,
          message,
          related: related.map((r) => ({ ...r })),
          fixes: [{ title, edits: [{ start: start + diff, end: start + diff + 1, newText: majorName[diff] as string }], safe: false }],
        });
      }
      // A finding for another majority form would have the same span, and the filter below
      // keeps only the first of the same span: the first majority form is the only one needed.
      break;
    }
  }
  // one finding per place: a 3-character and a 2-character reading of the same span may both match
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((f, k) => k === 0 || !(f.start < (out[k - 1] as Finding).end && f.end > (out[k - 1] as Finding).start));
}
