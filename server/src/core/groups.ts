/**
 * Finds totals and their parts.
 *
 * A total (the owner) is followed by a cue and a list of labelled figures:
 *   新增的9例确诊病例中,按区域分布在平城区3例、云冈区6例;发现方式分别为…   (…中)
 *   在院隔离治疗401例,其中,平城区220例、…                                (其中)
 *   密接人员118人,现已集中隔离46人、居家隔离50人、转属地管控22人          (现已)
 *   本土病例2086例(吉林1730例,其中长春市1544例、…;上海260例,…)          (a parenthesis)
 *   101宗境外輸入病例分別為廣東的44宗、上海24宗…                          (分别为)
 * The list is parsed as a tree: an item followed by 其中/分别为 opens a sublist of its
 * own, closed by ';' when the next item is the item's sibling (same dimension and,
 * for places, the same level). Items inside a deeper parenthesis belong to that
 * parenthesis's owner. 含… clauses are subsets of the item before them, not siblings.
 * Enumerations with 各/均为 (法国、意大利、荷兰各1例) count once per name.
 * Each owner's list splits into one group per dimension (by district, by route …).
 * Lists of two or more parts are partitions that must sum; a single part is a subset.
 */
import { firstAtOrAfter } from './sortedSearch';
import { CATEGORY_TERMS, DIMENSION_TERMS, PLACE_SUFFIXES, QUALIFIER_TERMS } from './lexicon';
import { lookupPlace } from './gazetteer';
import { isHan, toSimplified } from './text/normalize';
import { NO_DEADLINE, type Deadline } from './deadline';
import { IdMarks } from './checks/idMarks';
import { ById, ByLabel, DepthTable, FLAT, RunsSeen, SentenceDepths } from './grouping/byId';
import { Brackets, positionsOf } from './grouping/brackets';
import { codeAt, isJsSpace, skipSpaces, sliceEndsWith, trimSpacesEnd } from './grouping/chars';
import type { Dimension, Figure, Group, Span } from './types';

const PERSON_UNITS = new Set(['例', '人', '名', '位', '宗']);

function unitsCompatible(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || (PERSON_UNITS.has(a) && PERSON_UNITS.has(b));
}

/**
 * Whether a count of category `part` may be a part of a total of category `total`: the same
 * category, either unnamed, or a kind of it (positive cases are confirmed plus asymptomatic:
 * 6 312宗陽性個案(1 402宗確診、1 210宗無症狀感染及3 700宗狀況待定個案)).
 */
function categoryFits(part: Figure['category'], total: Figure['category']): boolean {
  if (part === 'none' || total === 'none' || part === total) return true;
  return total === 'positive' && (part === 'confirmed' || part === 'asymptomatic');
}

const SEMICOLON_CODE = 59;
const COMMA_CODE = 44;
const COLON_CODE = 58;
const OPEN_CODE = 40;
const DANG = '当'.charCodeAt(0);
/** The first characters of the cues 现已, 已分别, 分别为/是/来自, 均已, 为 after a total's clause. */
const CUE_FIRST = new Set([...'现已分均为'].map((c) => c.charCodeAt(0)));
/** 分别为/分别是/则为 in a total's own clause (101宗境外輸入病例分別為…). */
const OWN_CLAUSE_CUE = /(分别为|分别是|则为)/;
const QI = '其'.charCodeAt(0);
const ZHONG = '中'.charCodeAt(0);

/**
 * The first two characters of norm.slice(start, start + 6).trimStart() (the lead of a
 * sentence), as one number: the first's code × 0x10000 + the second's, with 0xFFFF for a
 * character that is not there. Only compared with LEAD_QIZHONG, LEAD_QITA and LEAD_QIYU,
 * whose characters are all there.
 */
function leadOf(norm: string, start: number): number {
  let lead: string;
  let p = 0;
  let end = 0;
  if (start >>> 0 === start && start <= norm.length) {
    lead = norm;
    end = Math.min(start + 6, norm.length);
    p = skipSpaces(norm, start, end);
  } else {
    // (a start no sentence split makes: read as the slice reads it)
    lead = norm.slice(start, start + 6).trimStart();
    end = lead.length;
  }
  const c0 = p < end ? lead.charCodeAt(p) : 0xffff;
  const c1 = p + 1 < end ? lead.charCodeAt(p + 1) : 0xffff;
  return c0 * 0x10000 + c1;
}
const LEAD_QIZHONG = QI * 0x10000 + ZHONG;
const NO_LEAD = -1;
const LEAD_QITA = QI * 0x10000 + '他'.charCodeAt(0);
const LEAD_QIYU = QI * 0x10000 + '余'.charCodeAt(0);

/**
 * HEADED_LEAD of norm.slice(start, start + 24).trimStart(). The pattern needs a 中 followed
 * by , or :, so the 24 characters are tried only when they hold one.
 */
function headedAt(norm: string, start: number): boolean {
  if (start >>> 0 === start) {
    // (the window read in place: cut out only when it holds 中, or 中:)
    const end = Math.min(start + 24, norm.length);
    let found = false;
    for (let i = start; i + 1 < end && !found; i++) {
      if (norm.charCodeAt(i) !== ZHONG) continue;
      const c = norm.charCodeAt(i + 1);
      found = c === COMMA_CODE || c === COLON_CODE;
    }
    if (!found) return false;
  }
  return HEADED_LEAD.test(norm.slice(start, start + 24).trimStart());
}
/**
 * Whether a phrase ending in 中 means "among" (新增的9例确诊病例中, → its parts follow), not a
 * state (18例調查中, → under investigation; 集中 → concentrated).
 */
const NOT_AMONG = /(?:集|调查|治疗|核实|救治|流调|处置|观察)中$/;
function amongHead(s: string): boolean {
  return s.endsWith('中') && !NOT_AMONG.test(s);
}

/** The category a heading right after 其中 names (其中确诊病例中, → confirmed); undefined when none. */
const QIZHONG_HEADING = /^(?:其中|当中)[,:]?([^,:;。()0-9]{1,12})中[,:]?/;
function headingCategory(after: string): Figure['category'] | undefined {
  const m = QIZHONG_HEADING.exec(after);
  if (!m || !amongHead((m[1] as string) + '中')) return undefined;
  for (const [term, category] of CATEGORY_TERMS) if ((m[1] as string).includes(term)) return category;
  return undefined;
}

/**
 * Whether 等 follows a list's last part at `end`, after its closing brackets (分别来自印度(4宗)、
 * 菲律宾(3宗)等国家, 北京1例等): the list names some parts only.
 */
function endsInEtc(norm: string, end: number): boolean {
  let k = end;
  while (k < norm.length && (norm.charCodeAt(k) === 41 || norm.charCodeAt(k) === 32)) k++;
  return norm.charCodeAt(k) === 0x7b49; // 等
}

/** 其中:确诊病例中, or 新增确诊病例中, at a sentence's start: lists with headings of their own (one per ;). */
const HEADED_LEAD = /^(?:其中[:,]?)?\s*(?!其中)[^,:;。\s][^,:;。]{0,11}中[,:]/;
/** 其他地市新增确诊病例中, / 其他2个地市新增确诊病例中: — a heading that continues a list in a new sentence. */
const OTHERS_HEADING = /^\s*其[他余][^,:;。]{0,24}?中[,:]/;

/**
 * Classes of the characters that start or end some words the stage looks for, as bit flags
 * (one read per character): a string without such a character holds no such word.
 */
const WORD_CHARS = new Uint8Array(0x10000);
const VACCINATION_FIRST = 1; // 覆 全 加 首: the first characters of the VACCINATION_STAGE words
const ENUM_TAIL_END = 2; // the last characters of the ENUM_TAIL words
for (const c of '覆全加首') WORD_CHARS[c.charCodeAt(0)] |= VACCINATION_FIRST;
const CLAUSE_STOP_CHAR = 4; // the characters of CLAUSE_STOP: , 、 ; : 。 ( ) ! ? and a line break
const AROUND_STOP_CHAR = 8; // the characters that end clauseAround: , ; 。 : ! ? and a line break
for (const c of ',、;:。()!?\n') WORD_CHARS[c.charCodeAt(0)] |= CLAUSE_STOP_CHAR;
for (const c of ',;。:!?\n') WORD_CHARS[c.charCodeAt(0)] |= AROUND_STOP_CHAR;

/** Whether s[i] is a character of the class `flag` of WORD_CHARS (false where s[i] is undefined). */
function isClass(s: string, i: number, flag: number): boolean {
  return ((WORD_CHARS[codeAt(s, i)] as number | undefined ?? 0) & flag) !== 0;
}

/** Whether a character of s is of the class `flag` of WORD_CHARS. */
function hasClass(s: string, flag: number): boolean {
  for (let i = 0; i < s.length; i++) if (((WORD_CHARS[s.charCodeAt(i)] as number) & flag) !== 0) return true;
  return false;
}

/** The stages of vaccination counted in people: nested, never a partition. */
const VACCINATION_STAGE = /(覆[盖蓋]|全程|加[强強]|首[针針剂劑])/;

/** Whether two or more items of a run count people at a stage of vaccination (not doses). */
function vaccinationStages(run: readonly Item[]): boolean {
  let n = 0;
  for (const p of run) {
    const label = p.fig.label ?? '';
    if (p.fig.unit !== '剂次' && hasClass(label, VACCINATION_FIRST) && VACCINATION_STAGE.test(label) && ++n >= 2) return true;
  }
  return false;
}

/** Words that make a list of outcomes, or of severities, exhaustive (现有…, 普通型…). */
const EXHAUSTIVE_OUTCOMES = /(现有|现无|在院|尚在|排除|转确诊)/;
const EXHAUSTIVE_SEVERITIES = /(普通|轻)/;

/** Whether the label of an item of the run, in simplified characters, holds a word of `words`. */
function someSimplifiedLabel(run: readonly Item[], words: RegExp): boolean {
  for (const p of run) if (words.test(toSimplified(p.fig.label ?? ''))) return true;
  return false;
}

/** After a ';' between two items, the words that start a split of the total again (…;发现方式分别为…). */
const NEW_SEGMENT_CUE = /(分别|按|方式)/;

/** Whether s.slice(from, to) holds the code unit `code` (read in place for whole positions inside s). */
function sliceHas(s: string, from: number, to: number, code: number): boolean {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= s.length)) return s.slice(from, to).includes(String.fromCharCode(code));
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}

/** Measure words that say nothing of what is counted: the noun after them does. */
const GENERIC_UNITS = new Set(['个', '家', '所', '处', '座', '栋', '幢', '间']);

/**
 * Whether two figures with a generic measure word count the same thing: 两个阶段 and 四个街道
 * do not (分为两个阶段。其中,第一阶段完成主城区四个街道…); 10个市 and 3个市 do.
 */
function sameCountedNoun(norm: string, a: Figure, b: Figure): boolean {
  if (!GENERIC_UNITS.has(a.unit) || !GENERIC_UNITS.has(b.unit)) return true;
  const x = norm.charCodeAt(a.end);
  const y = norm.charCodeAt(b.end);
  return x === y || !isHan(x) || !isHan(y);
}

const dimensionCache = new Map<string, Dimension>();

export function labelDimension(label: string | undefined): Dimension {
  if (!label) return 'other';
  const cached = dimensionCache.get(label);
  if (cached !== undefined) return cached;
  const s = toSimplified(label);
  let dim: Dimension = 'other';
  for (const [term, d] of DIMENSION_TERMS) {
    if (s.includes(term)) {
      dim = d;
      break;
    }
  }
  if (dim === 'other' && isPlaceName(s)) dim = 'region';
  if (dimensionCache.size > 50000) dimensionCache.clear();
  dimensionCache.set(label, dim);
  return dim;
}

export function isPlaceName(s: string): boolean {
  return placeLevel(s) !== undefined;
}

/** placeLevel by label, with 0 for no level (so that one get answers). */
const levelCache = new Map<string, number>();

/** 1 province, 2 city, 3 county/district, 4 street/town, 5 community/village. */
export function placeLevel(label: string): number | undefined {
  const known = levelCache.get(label);
  if (known !== undefined) return known === 0 ? undefined : known;
  const level = computePlaceLevel(label);
  if (levelCache.size > 50000) levelCache.clear();
  levelCache.set(label, level ?? 0);
  return level;
}

function computePlaceLevel(label: string): number | undefined {
  const s = toSimplified(label);
  if (s.length < 2 || s.length > 14) return undefined;
  const places = lookupPlace(s);
  if (places.length > 0) {
    const p = places[0];
    return p?.level === 'province' || p?.level === 'special' ? 1 : p?.level === 'city' ? 2 : 3;
  }
  for (const suf of PLACE_SUFFIXES) {
    if (s.endsWith(suf) && s.length > suf.length) {
      if (suf === '省' || suf === '自治区' || suf === '特别行政区') return 1;
      if (suf === '市' || suf === '州' || suf === '盟') return 2;
      if (suf === '区' || suf === '县' || suf === '旗') return 3;
      if (suf === '街道' || suf === '镇' || suf === '乡') return 4;
      return 5;
    }
  }
  return undefined;
}

function sameKind(dims: ByLabel<Dimension>, a: Figure, b: Figure): boolean {
  const da = dims.of(a);
  const db = dims.of(b);
  if (da === 'other' || da !== db) return false;
  if (da !== 'region') return true;
  return placeLevel(a.label as string) === placeLevel(b.label as string);
}

/** The children of an item with none: one array, never added to (addChild gives an item a list of its own). */
const NO_CHILDREN: Item[] = [];

function addChild(parent: Item, child: Item): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

interface Item {
  fig: Figure;
  mult: number;
  children: Item[];
  childCue: string;
  /** Where the item's head may start (the end of the item before): for reading 黄石市、宜昌市5例 when needed. */
  floor: number;
}

interface Ctx {
  norm: string;
  figures: Figure[]; // count figures of the sentence, in order
  /** The bracket depth of each figure of the sentence (0 for any other figure). */
  depth: SentenceDepths;
  /** labelDimension of a figure's label. */
  dims: ByLabel<Dimension>;
  /** Whether `figures` are in order of their start (so the first at or after a position can be searched for). */
  sorted: boolean;
}

function depths(norm: string, sentence: Span, figs: Figure[]): Map<number, number> {
  const out = new Map<number, number>();
  let d = 0;
  let k = 0;
  for (let i = sentence.start; i < sentence.end && k < figs.length; i++) {
    while (k < figs.length && (figs[k] as Figure).start === i) {
      out.set((figs[k] as Figure).id, d);
      k++;
    }
    const ch = norm.charCodeAt(i);
    if (ch === 40 /* ( */) d++;
    else if (ch === 41 /* ) */ && d > 0) d--;
  }
  for (; k < figs.length; k++) out.set((figs[k] as Figure).id, d);
  return out;
}

/** Separator classes as bit flags, one read per character. */
const SEPARATORS = new Uint8Array(0x10000);
const OWNER_CLAUSE_END = 1; // , ; : 、 ( 。 ) end the clause of a total
const PAREN_SCAN_END = 2; // , ; 、 ( 。 ) end the words between a total and its bracket
const SUBSET_CLAUSE_END = 4; // , ; 、 。 end a 含… clause
for (const c of ',;:、(。)') SEPARATORS[c.charCodeAt(0)] |= OWNER_CLAUSE_END;
for (const c of ',;、(。)') SEPARATORS[c.charCodeAt(0)] |= PAREN_SCAN_END;
for (const c of ',;、。') SEPARATORS[c.charCodeAt(0)] |= SUBSET_CLAUSE_END;
const HEAD_STOP = 8; // , ; : ( ) 。 end the head of an item (itemHead)
for (const c of ',;:()。') SEPARATORS[c.charCodeAt(0)] |= HEAD_STOP;
// What parseList asks of the words between two items, read in one pass (charMask): a string
// without a pattern's character holds none of its words, and is not searched for them.
const HAS_SEMICOLON = 16; // ;
const HAS_LING = 32; // 另 (另有)
const HAS_SUBLIST_FIRST = 64; // the first characters of the SUBLIST_CUE words
const HAS_CORRECTION_FIRST = 128; // the first characters of the CORRECTION_HEAD words
SEPARATORS[SEMICOLON_CODE] |= HAS_SEMICOLON;
SEPARATORS['另'.charCodeAt(0)] |= HAS_LING;
for (const c of '其当分则') SEPARATORS[c.charCodeAt(0)] |= HAS_SUBLIST_FIRST;
for (const c of '订核重') SEPARATORS[c.charCodeAt(0)] |= HAS_CORRECTION_FIRST;

/** The flags of SEPARATORS of all the characters of s, together. */
function charMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) mask |= SEPARATORS[s.charCodeAt(i)] as number;
  return mask;
}
function separates(norm: string, i: number, flag: number): boolean {
  return ((SEPARATORS[norm.charCodeAt(i)] as number) & flag) !== 0;
}

const SUBLIST_CUE = /(其中|当中|分别为|分别是|分别有|则为|分布为|分布在|分布于)/;
const SUBSET_HEAD = /^(含|包含|包括)/;
const CORRECTION_HEAD = /(订正|核减|核增|重复报告)/;
const ENUM_TAIL = /(各|各报告|各有|各新增|各发现|均报告|均有|均为|均系|均|分别为|分别是|分别录得|分别|也分别录得|都)$/;
/** The last characters of the ENUM_TAIL words. */
const ENUM_TAIL_LAST = new Set([...'各为系均是得别都告有增现'].map((c) => c.charCodeAt(0)));
for (const c of ENUM_TAIL_LAST) WORD_CHARS[c] |= ENUM_TAIL_END;

/**
 * The names of an enumeration before 各/均: split at 、 and at 和/及/与 between names of two
 * characters or more (东莞和江门各1例; 和平区和河西区 splits at its second 和 only).
 */
function enumeratedNames(head: string): string[] {
  const names: string[] = [];
  for (const part of head.split('、')) {
    let from = 0;
    for (let k = 2; k <= part.length - 3; k++) {
      const c = part[k];
      if ((c === '和' || c === '及' || c === '与') && k - from >= 2) {
        names.push(part.slice(from, k));
        from = k + 1;
      }
    }
    names.push(part.slice(from));
  }
  return names;
}
const OTHERS_N = /其他([0-9]+)个/;

/** The clause head before a figure: text back to the previous figure or a , ; : ( separator. */
function itemHead(norm: string, fig: Figure, floor: number): string {
  return norm.slice(itemHeadStart(norm, fig, floor), fig.start);
}

/** Where itemHead starts. */
function itemHeadStart(norm: string, fig: Figure, floor: number): number {
  let s = fig.start;
  while (s > floor && s > fig.start - 60 && !separates(norm, s - 1, HEAD_STOP)) s--;
  return s;
}

/** /^(含|包含|包括)/ of the text s[from, to) with its leading blanks trimmed (SUBSET_HEAD of a head). */
function startsWithSubsetWord(s: string, from: number, to: number): boolean {
  const i = skipSpaces(s, from, to);
  if (i >= to) return false;
  const c = s.charCodeAt(i);
  return c === HAN_CONTAIN || (c === HAN_BAO && i + 1 < to && (s.charCodeAt(i + 1) === HAN_CONTAIN || s.charCodeAt(i + 1) === HAN_KUO));
}
const HAN_CONTAIN = '含'.charCodeAt(0);
const HAN_BAO = '包'.charCodeAt(0);
const HAN_KUO = '括'.charCodeAt(0);

/** /的\s*$/ of s[from, to): its last character but blanks is 的. */
function endsWithDe(s: string, from: number, to: number): boolean {
  const e = trimSpacesEnd(s, from, to);
  return e > from && s.charCodeAt(e - 1) === HAN_DE;
}
const HAN_DE = '的'.charCodeAt(0);

/** 法国、意大利、荷兰各1例 → 3; 其他14个市州均为0例 → 14. Relabels the figure with the names. */
function multiplicity(norm: string, text: string, fig: Figure, floor: number): number {
  // most heads end in no 各/均/分别…: look at their last character first
  let e = fig.start;
  while (e > floor && e > fig.start - 60 && isJsSpace(norm.charCodeAt(e - 1))) e--;
  if (e <= floor || e <= fig.start - 60 || ((WORD_CHARS[norm.charCodeAt(e - 1)] as number) & ENUM_TAIL_END) === 0) return 1;
  // (辽宁9例、江苏、云南、青海各1例: the head starts after the 、 that ends the item before)
  const head = itemHead(norm, fig, floor).trim().replace(/^[、和及与]/, '');
  if (!ENUM_TAIL.test(head)) return 1;
  const others = OTHERS_N.exec(head);
  if (others) return Number(others[1]);
  // (分别 pairs names with values one by one unless only one value follows: A及B分别为3例及2例)
  const bare = head.replace(ENUM_TAIL, '').replace(/^(其中|也)/, '');
  const names = (ENUM_TAIL.exec(head)?.[1] ?? '').includes('分别') ? bare.split('、') : enumeratedNames(bare);
  if (names.length < 2 || names.some((n) => n.length === 0 || n.length > 14)) return 1;
  const labelStart = fig.start - head.length;
  const label = text.slice(labelStart, labelStart + head.replace(ENUM_TAIL, '').length).replace(/^(其中|也)/, '');
  fig.label = label;
  fig.labelStart = labelStart;
  return names.length;
}

/**
 * 黄石市、宜昌市5例: place names enumerated before a count with no 各/均/分别. Whether the
 * count is each name's or theirs together is not written; returns how many names (≥ 2)
 * when every one is a place, else 0. The list's sum decides (see resolveBare).
 */
function bareEnumeration(norm: string, fig: Figure, floor: number): number {
  const raw = itemHead(norm, fig, floor);
  if (!raw.includes('、')) return 0;
  const head = raw.trim().replace(/^、/, '').replace(/^(其中|另有|以及|和|及)/, '');
  if (ENUM_TAIL.test(head)) return 0;
  const names = head.split('、');
  if (names.length < 2 || names.some((n) => n.length < 2 || !isPlaceName(n))) return 0;
  return names.length;
}

/**
 * Parses the list of parts of `owner` in [from, to) at bracket depth `depth`.
 */
function parseList(ctx: Ctx, text: string, owner: Figure, from: number, to: number, depth: number, bracketed = false): Item[] {
  const { norm } = ctx;
  const items: Item[] = [];
  let current: Item | undefined; // the open sublist owner
  let prevEnd = from;
  let skipUntil = -1;
  const figures = ctx.figures;
  // (the figures before `from` are skipped: in order, they are found at once)
  for (let n = ctx.sorted ? firstAtOrAfter(figures, startOf, from) : 0; n < figures.length; n++) {
    const f = figures[n] as Figure;
    if (f.start < from || f.id === owner.id) continue;
    if (f.start >= to) break;
    const fd = ctx.depth.get(f.id);
    // 新北市(27,230例): a part alone in its own bracket counts at the list's depth.
    const singleton = fd === depth + 1 && norm[f.start - 1] === '(' && norm[f.end] === ')';
    if (fd !== depth && !singleton) continue;
    if (f.start < skipUntil) continue;
    if (!unitsCompatible(f.unit, owner.unit) || !sameCountedNoun(norm, f, owner)) continue;
    // The words between the item before and the figure (cut out only when a test needs them),
    // the mask of their characters, and where the figure's head starts (the head is the end of
    // the words between: what they lack, it lacks).
    let between: string | undefined;
    let mask: number;
    let headStart: number;
    if (prevEnd >>> 0 === prevEnd && f.start >>> 0 === f.start && prevEnd <= f.start && f.start <= norm.length) {
      // one pass back from the figure: itemHeadStart stops at the first HEAD_STOP within 60
      // characters (at `limit` when there is none)
      const limit = Math.max(prevEnd, f.start - 60);
      mask = 0;
      headStart = -1;
      for (let i = f.start - 1; i >= prevEnd; i--) {
        const flags = SEPARATORS[norm.charCodeAt(i)] as number;
        mask |= flags;
        if (headStart < 0 && (flags & HEAD_STOP) !== 0 && i >= limit) headStart = i + 1;
      }
      if (headStart < 0) headStart = limit;
    } else {
      between = norm.slice(prevEnd, f.start);
      mask = charMask(between);
      headStart = itemHeadStart(norm, f, prevEnd);
    }
    const semicolon = (mask & HAS_SEMICOLON) !== 0; // between.includes(';')
    // 订正重复报告病例195例, 核减2例: a correction beside the parts, not one of them.
    if ((mask & HAS_CORRECTION_FIRST) !== 0 && CORRECTION_HEAD.test(norm.slice(headStart, f.start))) {
      prevEnd = f.end;
      continue;
    }
    if (startsWithSubsetWord(norm, headStart, f.start)) {
      // 含5例由无症状感染者转为确诊病例(…): a subset of the item before; skip its clause.
      let e = f.end;
      while (e < to && !separates(norm, e, SUBSET_CLAUSE_END)) e++;
      skipUntil = e;
      prevEnd = e;
      continue;
    }
    // A figure of another category ends the list (…336例,其中…,解除医学观察的密切接触者32566人).
    if (!categoryFits(f.category, owner.category)) {
      const dim = ctx.dims.of(f);
      if (dim === 'other' || dim === 'category') break;
    }
    // So does a running total after a new or current one (新增348宗…,當中97宗…,累計逾120.8萬宗確診).
    if (f.qualifier === 'cumulative' && (owner.qualifier === 'new' || owner.qualifier === 'current')) break;
    // 另有 may add what the total leaves out (348宗核酸陽性個案,當中97宗…,另有404宗快測呈報個案):
    // it is read as a part only when it fits.
    if ((mask & HAS_LING) !== 0 && (between ??= norm.slice(prevEnd, f.start)).includes('另有') && lowSum(items) + f.low > owner.high) break;
    // 新增4例,其中一名…、一例…、另二例…,高屏的3名個案活動地具有交集: a count after 的 speaks of
    // cases already listed; once the list closes its total, it is no part.
    if (items.length >= 2 && endsWithDe(norm, headStart, f.start) && itemsClose(owner, items)) break;
    if (semicolon) {
      // After ';' the list goes on only with a sibling of its first item, or a new dimension cue:
      //   吉林1730例,其中长春市…;上海260例   (closes 吉林's sublist, 上海 is 吉林's sibling)
      //   其中境外输入病例43例(…);本土病例2086例  (本土 is 境外输入's sibling)
      //   按区域分布在平城区3例、云冈区6例;发现方式分别为…  (a new dimension)
      //   …32例,其中境外输入28例,本土4例(…);当日转为确诊病例4例  (not a sibling: the list ends)
      // (…其中839例本土,居住縣市分布為新北市837例、宜蘭縣2例;另14例為境外移入: 另 closes it too)
      if (current && (sameKind(ctx.dims, f, current.fig) || (mask & HAS_LING) !== 0)) current = undefined;
      if (!current && !bracketed) {
        const first = items[0];
        const cueAhead = NEW_SEGMENT_CUE.test((between ??= norm.slice(prevEnd, f.start)));
        if (!cueAhead && !(first && (sameKind(ctx.dims, f, first.fig) || subcategories(owner, first.fig, f)))) break;
      }
    }
    // 分布为 splits the one item before it (其中839例本土,个案分布为…); after several items it
    // splits the total again (為41,073例男性、44,211例女性、26例調查中,個案分布為…).
    const cueWord = (mask & HAS_SUBLIST_FIRST) !== 0 ? SUBLIST_CUE.exec((between ??= norm.slice(prevEnd, f.start)))?.[1] : undefined;
    const opensSublist =
      items.length > 0 && !current && !semicolon && cueWord !== undefined && !SUBSET_HEAD.test((between ??= norm.slice(prevEnd, f.start)).trim()) && (!cueWord.startsWith('分布') || items.length === 1);
    if (opensSublist) current = items[items.length - 1];
    const item: Item = { fig: f, mult: multiplicity(norm, text, f, prevEnd), children: NO_CHILDREN, childCue: '', floor: prevEnd };
    // 累计报告阳性感染者8206例。其中确诊病例4059例(…),尚在院治疗263例;无症状感染者4147例…: a
    // current count right after a subcategory's running total is that subcategory's subset.
    const last = items[items.length - 1];
    if (
      !current &&
      last &&
      f.qualifier === 'current' &&
      owner.qualifier === 'cumulative' &&
      last.fig.category !== owner.category &&
      categoryFits(last.fig.category, owner.category) &&
      last.children.length === 0 &&
      !semicolon &&
      f.low <= last.fig.high
    ) {
      addChild(last, item);
      last.childCue = '其中';
      prevEnd = f.end;
      continue;
    }
    if (current) {
      addChild(current, item);
      if (!current.childCue) current.childCue = (cueWord ?? '其中').replace('当中', '其中');
    } else items.push(item);
    prevEnd = f.end;
  }
  return nestUnderPlaces(norm, ctx.dims, owner, items);
}

/**
 * 其中,渝北区3例,1例在隔离管控人员中发现、2例由无症状感染者转为确诊病例;沙坪坝区2例,…: the
 * counts of no place that follow a place's count after a comma split that place's count, not
 * the total. They are read as its sublist only when they add up to it exactly and the places
 * then add up to the total; otherwise the list stays as it was read.
 */
function nestUnderPlaces(norm: string, dims: ByLabel<Dimension>, owner: Figure, items: Item[]): Item[] {
  if (items.length < 3 || itemsClose(owner, items)) return items;
  const isPlace = (it: Item): boolean => dims.of(it.fig) === 'region';
  const exact = (it: Item): boolean => it.fig.low === it.fig.high;
  const top: Item[] = [];
  const sublists = new Map<Item, Item[]>();
  let i = 0;
  while (i < items.length) {
    const it = items[i] as Item;
    top.push(it);
    i++;
    const next = items[i];
    if (!next || !isPlace(it) || it.mult !== 1 || it.children.length > 0 || !exact(it)) continue;
    if (!/^\s*,\s*$/.test(norm.slice(it.fig.end, next.fig.start))) continue;
    let j = i;
    while (j < items.length) {
      const c = items[j] as Item;
      if (isPlace(c) || c.children.length > 0 || !exact(c)) break;
      if (j > i && norm.slice((items[j - 1] as Item).fig.end, c.fig.start).includes(';')) break;
      j++;
    }
    const run = items.slice(i, j);
    if (run.length === 0 || lowSum(run) !== it.fig.value) continue; // exact figures: low is the value
    sublists.set(it, run);
    i = j;
  }
  if (sublists.size === 0 || !itemsClose(owner, top)) return items;
  for (const [it, run] of sublists) it.children = run;
  return top;
}

/** The earlier figure a figureless intro (新增确诊病例中, 确诊病例中) refers to. */
function earlierTotal(head: string, recentCounts: () => Figure[]): Figure | undefined {
  const term = CATEGORY_TERMS.find(([t]) => head.includes(t));
  if (!term) return undefined;
  const recent = recentCounts(); // (made only for a heading that names a category)
  const category = term[1];
  const qualifier = QUALIFIER_TERMS.find(([t]) => head.includes(t))?.[1];
  // 新增病例中 after both confirmed and asymptomatic counts may speak of them together.
  if (term[0] === '病例' && recent.some((f) => f.category === 'asymptomatic' && (!qualifier || f.qualifier === qualifier))) return undefined;
  const all = recent.filter((f) => f.category === category);
  // 重症病例中 after 重症病例12例,危重病例3例 (both severe): the one whose label the heading repeats
  const key = head.replace(/中$/, '').replace(/^(其中|新增的?|累计的?)/, '');
  const named = key.length >= 2 ? all.filter((f) => f.label !== undefined && toSimplified(f.label).includes(key)) : [];
  const same = named.length > 0 ? named : all;
  if (qualifier) return [...same].reverse().find((f) => f.qualifier === qualifier);
  // No qualifier: 确诊病例中 speaks of the running total (累计), else of the latest one.
  return [...same].reverse().find((f) => f.qualifier === 'cumulative') ?? same[same.length - 1];
}

/** 确诊病例4059例…;无症状感染者4147例 of 阳性感染者8206例: two different subcategories of the total. */
function subcategories(owner: Figure, a: Figure, b: Figure): boolean {
  if (owner.category === 'none' || a.category === 'none' || b.category === 'none') return false;
  return a.category !== b.category && a.category !== owner.category && b.category !== owner.category && categoryFits(a.category, owner.category) && categoryFits(b.category, owner.category);
}

/** Does the sum of the parts (with these multipliers) fit the total, within their intervals? */
function closes(total: Figure, parts: readonly Figure[], mults: readonly number[]): boolean {
  let low = 0;
  let high = 0;
  parts.forEach((p, i) => {
    low += p.low * (mults[i] ?? 1);
    high += p.high * (mults[i] ?? 1);
  });
  return !(total.high < low || total.low > high);
}

/** `closes` for items of a list, each with its multiplier. */
function itemsClose(total: Figure, items: readonly Item[]): boolean {
  // (closes, summed in the same order, without making the two arrays)
  let low = 0;
  let high = 0;
  for (const it of items) {
    low += it.fig.low * (it.mult ?? 1);
    high += it.fig.high * (it.mult ?? 1);
  }
  return !(total.high < low || total.low > high);
}

/** The least the items of a list add up to. */
function lowSum(items: readonly Item[]): number {
  return items.reduce((a, it) => a + it.fig.low * it.mult, 0);
}

/**
 * 黄石市、宜昌市5例 in a list: read as 5 each (multiplier 2) only when the list closes that
 * way and not with the names counted together; with several such items, only when exactly
 * one choice closes. Otherwise they count together (核酸检测应检尽检、愿检尽检17012人次).
 */
function resolveBare(text: string, norm: string, owner: Figure, run: Item[]): void {
  let low = 0;
  let high = 0;
  for (const it of run) {
    low += it.fig.low * it.mult;
    high += it.fig.high * it.mult;
  }
  if (!(owner.high < low || owner.low > high)) return; // it closes as read
  const figs = run.map((it) => it.fig);
  const names = new Map<Item, number>();
  for (const it of run) {
    const n = it.mult === 1 ? bareEnumeration(norm, it.fig, it.floor) : 0;
    if (n > 1) names.set(it, n);
  }
  const bare = [...names.keys()];
  if (bare.length === 0 || bare.length > 4) return;
  let found = -1;
  for (let mask = 1; mask < 1 << bare.length; mask++) {
    const m = run.map((it) => {
      const b = bare.indexOf(it);
      return b >= 0 && (mask & (1 << b)) !== 0 ? (names.get(it) as number) : it.mult;
    });
    if (!closes(owner, figs, m)) continue;
    if (found >= 0) return; // two readings close: say nothing
    found = mask;
  }
  if (found < 0) return;
  bare.forEach((it, b) => {
    if ((found & (1 << b)) === 0) return;
    it.mult = names.get(it) as number;
    // the label becomes the names (黄石市、宜昌市), as for 各/均为
    const head = itemHead(norm, it.fig, it.floor).trim();
    const named = head.replace(/^、/, '').replace(/^(其中|另有|以及|和|及)/, '');
    const labelStart = it.fig.start - named.length;
    it.fig.label = text.slice(labelStart, it.fig.start);
    it.fig.labelStart = labelStart;
  });
}

/** A figure and the clause it is read from (back to the separator before it, on to the one after). */
interface Clause {
  fig: Figure;
  text: string;
}

// (CLAUSE_STOP, /[,、;:。()!?\n]/: the class CLAUSE_STOP_CHAR of WORD_CHARS)
const GAP = /^[,、;]?[^,、;:。()!?\n]*$/;

/**
 * The count figures at `depth` from `from` that each fill one clause, clause after clause
 * (separated by one , 、 or ;, nothing else between): 男性542例,女性553例,… Stops at the
 * first figure that does not.
 */
function adjacentClauses(ctx: Ctx, from: number, to: number, depth: number): Clause[] {
  const { norm } = ctx;
  const out: Clause[] = [];
  let pos = from;
  const figures = ctx.figures;
  for (let n = ctx.sorted ? firstAtOrAfter(figures, startOf, from) : 0; n < figures.length; n++) {
    const f = figures[n] as Figure;
    if (f.start < from) continue;
    if (f.start >= to) break;
    if (ctx.depth.get(f.id) !== depth) continue;
    const gap = norm.slice(pos, f.start);
    if (!GAP.test(gap)) break;
    let e = f.end;
    while (e < to && !isClass(norm, e, CLAUSE_STOP_CHAR)) e++; // (CLAUSE_STOP.test(norm[e]))
    const begin = pos + (/^[,、;]/.test(gap) ? 1 : 0);
    out.push({ fig: f, text: norm.slice(begin, e) });
    pos = e;
  }
  // a second figure inside a clause is not a clause of its own
  return out.filter((c, i) => i === 0 || (out[i - 1] as Clause).fig.end <= c.fig.start);
}

/** What a sex split can split: people with (or suspected of) the disease. */
const CASE_CATEGORIES = new Set<Figure['category']>(['confirmed', 'asymptomatic', 'positive', 'suspected', 'death', 'cured', 'severe', 'none']);

const MAN = '男'.charCodeAt(0);
const WOMAN = '女'.charCodeAt(0);

/** Does a label start with 男 or 女 (the same characters in both scripts)? */
function startsWithSex(label: string | undefined): boolean {
  const c = label === undefined ? 0 : label.charCodeAt(0);
  return c === MAN || c === WOMAN;
}

const SEX_LABEL = /^(男|女)性?(患者|病例|感染者)?$/;
const UNKNOWN_SEX = /(性别不详|性别未知|性别待查|不详|未知|调查中|待查|待定|不明)/;

/**
 * A sex split: 男性542例,女性553例 (or 41,073例男性、44,211例女性), one man's and one woman's
 * figure in adjacent clauses, optionally followed by one of unknown sex. Undefined when a
 * further count follows directly (the split may have more parts than we can read).
 */
function sexSplit(ctx: Ctx, from: number, to: number, depth: number): Item[] | undefined {
  // cheap test first: the first figure from `from` carries a man's or a woman's label
  let first: Figure | undefined;
  const figures = ctx.figures;
  for (let n = ctx.sorted ? firstAtOrAfter(figures, startOf, from) : 0; n < figures.length && !first; n++) {
    const f = figures[n] as Figure;
    if (f.start >= from && ctx.depth.get(f.id) === depth) first = f;
  }
  if (!first || !startsWithSex(first.label)) return undefined;
  const clauses = adjacentClauses(ctx, from, to, depth);
  const parts: Figure[] = [];
  const sexes = new Set<string>();
  let i = 0;
  for (; i < clauses.length; i++) {
    const c = clauses[i] as Clause;
    const label = toSimplified(c.fig.label ?? '');
    const m = SEX_LABEL.exec(label);
    if (!m) break;
    // the clause holds the label and the figure only
    if (c.text.replace(c.fig.literal, '').replace(/\s/g, '') !== label) return undefined;
    if (sexes.has(m[1] as string)) return undefined;
    sexes.add(m[1] as string);
    parts.push(c.fig);
  }
  if (sexes.size !== 2) return undefined;
  const more = clauses[i];
  if (more) {
    if (!UNKNOWN_SEX.test(more.text)) return undefined;
    parts.push(more.fig);
  }
  if (parts.some((p) => !PERSON_UNITS.has(p.unit) && p.unit !== '')) return undefined;
  return parts.map((fig) => ({ fig, mult: 1, children: NO_CHILDREN, childCue: '', floor: 0 }));
}

const OUTCOME_WORD = /(治愈|出院|死亡|病亡|现有|现存|在院|尚在)/;
const CURRENT_WORD = /(现有|现存|在院|尚在)/;
const CURED_WORD = /(治愈|出院)/;
const ORIGIN_WORD = /(境外输入|输入|本土|本地)/;

/**
 * 累计报告境外输入确诊病例99例,治愈出院93例,现有境外输入确诊病例6例: a running total
 * followed, with no cue word, by what became of it, in adjacent clauses. Read only when
 * both the cured and the current figure are there (the split is then complete but for
 * deaths, which must be in it or stated nowhere near: see the caller).
 */
function outcomeSplit(ctx: Ctx, owner: Figure, from: number, to: number, depth: number): Item[] | undefined {
  if (owner.qualifier !== 'cumulative') return undefined;
  if (!['confirmed', 'asymptomatic', 'positive', 'suspected'].includes(owner.category)) return undefined;
  const parts: Clause[] = [];
  for (const c of adjacentClauses(ctx, from, to, depth)) {
    const t = c.text.replace(c.fig.literal, '');
    if (!OUTCOME_WORD.test(t)) break;
    if (!unitsCompatible(c.fig.unit, owner.unit)) return undefined;
    // the same population: no other origin, no other category (but the outcome's own)
    const origin = ORIGIN_WORD.exec(t)?.[1];
    if (origin && owner.origin && (origin === '本土' || origin === '本地' ? 'local' : 'imported') !== owner.origin) return undefined;
    if (c.fig.category !== 'none' && c.fig.category !== owner.category && c.fig.category !== 'cured' && c.fig.category !== 'death') return undefined;
    parts.push(c);
  }
  if (parts.length < 2) return undefined;
  if (!parts.some((c) => CURRENT_WORD.test(c.text)) || !parts.some((c) => CURED_WORD.test(c.text))) return undefined;
  return parts.map((c) => ({ fig: c.fig, mult: 1, children: NO_CHILDREN, childCue: '', floor: 0 }));
}

const BLANK = /[ \t\r\n\u3000]/;

const TIME_END = new Set([...'时日点'].map((c) => c.charCodeAt(0)));
/** The digits before 时/日/点 in a time or a day (…24时, …二十日). */
const TIME_DIGIT = new Set([...'0123456789一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/** Is one of the sorted positions in [from, to)? */
function anyWithin(sorted: readonly number[], from: number, to: number): boolean {
  const lo = firstAtOrAfter(sorted, (x) => x, from);
  return lo < sorted.length && (sorted[lo] as number) < to;
}

/** Where `needle` starts in norm[from, to), or -1; reads no further than `to`. */
function findWithin(norm: string, needle: string, from: number, to: number): number {
  const c = needle.charCodeAt(0);
  const last = Math.min(to, norm.length) - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) if (norm.charCodeAt(i) === c && (needle.length === 1 || norm.startsWith(needle, i))) return i;
  return -1;
}

/** The marker of item k (k. / k、 / k) / (k)) at `at`, after blanks: the position after it, or -1. */
function numberMarker(norm: string, at: number, k: number): number {
  let i = at;
  while (i < norm.length && BLANK.test(norm[i] as string)) i++;
  const n = String(k);
  if (norm.startsWith('(' + n + ')', i)) return i + n.length + 2;
  if (!norm.startsWith(n, i) || /[0-9]/.test(norm[i - 1] ?? '')) return -1;
  const after = norm[i + n.length];
  if ((after === '.' || after === '、' || after === ')') && !/[0-9]/.test(norm[i + n.length + 1] ?? '')) return i + n.length + 1;
  return -1;
}

/**
 * The numbered items after a colon: "…20例:\n1.集中隔离点发现11例;\n2.社区筛查发现9例。", or
 * on one line. An item runs to the next number (after ; 。 or a blank) or to the end of
 * its line; the list ends at a line that does not start with the next number.
 * Undefined when there are fewer than two items.
 */
function numberedItems(norm: string, from: number): Span[] | undefined {
  const items: Span[] = [];
  let pos = from;
  for (let k = 1; k < 100; k++) {
    const start = numberMarker(norm, pos, k);
    if (start < 0) break;
    const nl = norm.indexOf('\n', start);
    const lineEnd = nl < 0 ? norm.length : nl;
    let stop = lineEnd;
    for (let i = start; i < lineEnd; i++) {
      const c = norm[i] as string;
      if ((c === ';' || c === '。' || BLANK.test(c)) && numberMarker(norm, i + 1, k + 1) >= 0) {
        stop = i + 1;
        break;
      }
    }
    items.push({ start, end: stop });
    pos = stop;
  }
  return items.length >= 2 ? items : undefined;
}

/** Whether a code unit is a Han character, as commonPhrase reads it (the basic block only). */
function phraseHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** The length of the longest run of Han characters (phraseHan) in s: the most commonPhrase can give. */
function longestHanRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = phraseHan(s.charCodeAt(i)) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** The two rows of commonPhrase's table, kept between calls (grown when a string is longer). */
let phraseRows: [Uint16Array, Uint16Array] = [new Uint16Array(64), new Uint16Array(64)];

/** The longest run of Han characters both strings contain (the first found of that length). */
function commonPhrase(a: string, b: string): string {
  // (the longest common run ending at a[i − 1] and b[j − 1], row by row; the best is cut out
  // of `a` once, at the end, where the last longer run was found)
  if (phraseRows[0].length < b.length + 1) phraseRows = [new Uint16Array(b.length + 1), new Uint16Array(b.length + 1)];
  let [prev, cur] = phraseRows;
  prev.fill(0, 0, b.length + 1);
  cur[0] = 0;
  let bestLength = 0;
  let bestEnd = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const han = phraseHan(ca);
    for (let j = 1; j <= b.length; j++) {
      const n = han && ca === b.charCodeAt(j - 1) ? (prev[j - 1] as number) + 1 : 0;
      cur[j] = n;
      if (n > bestLength) {
        bestLength = n;
        bestEnd = i;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return a.slice(bestEnd - bestLength, bestEnd);
}

/** Words any two bulletin sentences share; a phrase made of them names no particular population. */
const COMMON_WORDS = [...CATEGORY_TERMS.map(([t]) => t), ...QUALIFIER_TERMS.map(([t]) => t), '境外输入', '输入', '本土', '本地', '报告', '内地', '全省', '全市', '全国', '我市', '我省', '新冠肺炎', '新冠', '昨日', '今日', '病例', '个案'];

function distinctive(phrase: string): number {
  let s = phrase;
  for (const w of COMMON_WORDS) if (s.includes(w)) s = s.split(w).join('');
  return s.length;
}

/** The text of a figure's clause around it, not reaching into the figures before and after. */
function clauseAround(norm: string, f: Figure, floor: number, ceiling: number): string {
  let a = f.start;
  while (a > floor && f.start - a < 30 && !isClass(norm, a - 1, AROUND_STOP_CHAR)) a--;
  let b = f.end;
  while (b < ceiling && b - f.end < 30 && !isClass(norm, b, AROUND_STOP_CHAR)) b++;
  return norm.slice(a, f.start) + '|' + norm.slice(f.end, b);
}

const startOf = (f: Figure): number => f.start;

/** The counts of a sentence without any (shared: never added to). */
const NO_COUNTS: Figure[] = [];

/** The totals and their parts, sentence by sentence; `deadline` is checked per sentence and per candidate total. */
export function findGroups(
  text: string,
  norm: string,
  sentences: Span[],
  allFigures: Figure[],
  statementOf: (f: Figure) => number,
  deadline: Deadline = NO_DEADLINE,
): Group[] {
  const groups: Group[] = [];
  const counts: Figure[] = [];
  let countsInOrder = true; // (by start: then each sentence's counts are a run of them)
  let figuresInOrder = true; // (likewise all figures, for hasOtherNumber)
  let lastStart = -Infinity;
  let lastCountStart = -Infinity;
  for (const f of allFigures) {
    const start = f.start;
    if (!(lastStart <= start)) figuresInOrder = false;
    lastStart = start;
    if (f.kind !== 'count' || f.zero) continue;
    if (start < lastCountStart) countsInOrder = false;
    lastCountStart = start;
    counts.push(f);
  }
  // (tables by figure id: see grouping/byId.ts)
  const size = allFigures.length;
  const seen = new RunsSeen(size); // the runs of parts recorded for each total
  const ctxHandled = new IdMarks(size);
  const consumed = new IdMarks(size); // figures already read as parts of a list
  const partOf = new ById<Figure>(size); // part → its total
  const dims = new ByLabel<Dimension>(size, labelDimension);
  // one depth table for all sentences, when each count has an id of its own (always, in analyze);
  // made at the first sentence with brackets (null: the ids do not fit it)
  let depthTable: DepthTable | null | undefined;

  /** Records one group and lets the parts take the total's category, qualifier and origin. */
  const pushGroup = (owner: Figure, r: Item[], cue: string, dimension: Dimension, kind: Group['kind'], ids?: number[]): void => {
    groups.push({
      id: groups.length,
      total: owner.id,
      parts: ids ?? r.map((p) => p.fig.id), // (the ids of r, when the caller has them)
      multipliers: r.map((p) => p.mult),
      dimension,
      kind,
      cue,
      statement: statementOf(owner),
    });
    for (const p of r) {
      consumed.add(p.fig.id);
      partOf.set(p.fig.id, owner);
      if (p.fig.category === 'none' && owner.category !== 'none') p.fig.category = owner.category;
      if (!p.fig.qualifier && owner.qualifier) p.fig.qualifier = owner.qualifier;
      if (!p.fig.origin && owner.origin && dims.of(p.fig) !== 'origin') p.fig.origin = owner.origin;
    }
  };

  /**
   * 新增本土确诊病例3例、本土无症状感染者12例,其中隔离管控中发现11例,社会面筛查发现4例: a
   * 其中 after two counts joined by 、/和/及 may split them together (11 + 4 = 3 + 12). When the
   * parts come closer to the two together than to the last alone, the list is not read as
   * the last one's (no group, so no false sum).
   */
  const ofJoinedTotals = (prev: Figure | undefined, owner: Figure, items: Item[], depth: SentenceDepths): boolean => {
    if (!prev || consumed.has(prev.id) || prev.kind !== 'count' || !unitsCompatible(prev.unit, owner.unit)) return false;
    if (depth.get(prev.id) !== depth.get(owner.id)) return false;
    const between = norm.slice(prev.end, owner.start);
    const sum = items.reduce((a, it) => a + it.fig.value * it.mult, 0);
    // 3例、12例 / 确诊病例3例和无症状感染者12例 / 3例确诊病例和3例无症状感染者: one clause, a joiner
    if (/[、和及与]/.test(between) && !/[,;:。()]/.test(between)) return Math.abs(sum - (prev.value + owner.value)) < Math.abs(sum - owner.value);
    // 新增本土确诊病例2例,无症状感染者15例,…。其中,城区2例、开发区5例、高新区10例: counts of two
    // case categories side by side, when the parts add up to both exactly and not to the last
    return (
      /^,[^,;:。()]{0,12}$/.test(between) &&
      prev.category !== owner.category &&
      CASE_CATEGORIES.has(prev.category) &&
      CASE_CATEGORIES.has(owner.category) &&
      sum === prev.value + owner.value &&
      sum !== owner.value
    );
  };

  /** A reading of its own (a sex or outcome split, a numbered list): one group, all its parts. */
  const pushWhole = (owner: Figure, r: Item[], cue: string, dimension?: Dimension): void => {
    const ids = r.map((p) => p.fig.id);
    if (!seen.add(owner.id, ids)) return;
    ctxHandled.add(owner.id);
    const dim = dimension ?? r.map((p) => dims.of(p.fig)).find((d) => d !== 'other') ?? 'other';
    pushGroup(owner, r, cue, dim, 'partition', ids);
  };

  const emitRuns = (owner: Figure, items: Item[], cue: string): void => {
    // one group per dimension run
    const runs: Item[][] = [];
    let run: Item[] = [];
    let runDim: Dimension = 'other';
    let prev: Item | undefined;
    for (const it of items) {
      const dim = dims.of(it.fig);
      // (the words between are cut out only when they hold a ;)
      const newSegment = prev !== undefined && sliceHas(norm, prev.fig.end, it.fig.start, SEMICOLON_CODE) && NEW_SEGMENT_CUE.test(norm.slice(prev.fig.end, it.fig.start));
      // 為128例男性、114例女性,分別自越南(26例)…: a sex split that already closes the total
      // ends there, and what follows splits the total again (or is no split: 皆屬重度感染、27例具慢性病史).
      // Likewise any split that closes its total before an item of another dimension: 161例。其中:
      // 确诊31例,无症状130例,已出院82例 is 31 + 130, and 82 of them discharged.
      const closed =
        run.length >= 2 &&
        dim !== runDim &&
        (runDim === 'gender' || dim !== 'other') &&
        itemsClose(owner, run);
      if (run.length > 0 && (newSegment || closed || (dim !== 'other' && runDim !== 'other' && dim !== runDim))) {
        runs.push(run);
        run = [];
        runDim = 'other';
      }
      run.push(it);
      if (runDim === 'other') runDim = dim;
      prev = it;
    }
    if (run.length > 0) runs.push(run);
    let previousDim: Dimension | undefined;
    for (const r of runs) {
      const ids = r.map((p) => p.fig.id);
      if (!seen.add(owner.id, ids)) continue;
      const named: Dimension[] = []; // the dimensions of the run's labels that name one
      for (const p of r) {
        const d = dims.of(p.fig);
        if (d !== 'other') named.push(d);
      }
      // 覆盖人数为2773万人,完成全程接种2375.7万人,完成加强免疫1515.3万人: stages of one
      // population, each within the one before, not parts of anything.
      if (vaccinationStages(r)) continue;
      const afterSexes = previousDim === 'gender';
      previousDim = named[0] ?? 'other';
      // After a sex split, counts of no named dimension are a second split only when they close.
      if (afterSexes && named.length === 0 && !itemsClose(owner, r)) continue;
      // 12809例(出院12304例,死亡213例) and 其中:重症1809例、危重症465例 name some outcomes
      // or severities only: subsets. With 现有/现无/在院 or 普通型/轻型 the list is exhaustive.
      // (the words, with no |, are found in labels|…|text exactly when in the text or in a label)
      const partialOutcome =
        named[0] === 'outcome' &&
        !EXHAUSTIVE_OUTCOMES.test(norm.slice(owner.end, Math.min(norm.length, (r[r.length - 1] as Item).fig.end + 16))) &&
        !someSimplifiedLabel(r, EXHAUSTIVE_OUTCOMES);
      const partialSeverity = named[0] === 'severity' && !someSimplifiedLabel(r, EXHAUSTIVE_SEVERITIES);
      // 其中2例为无症状感染者转为确诊病例,津南区13例,西青区1例: a converted count cuts across a split
      // by place; it is left out when the places close the total without it, and only then.
      let parts = r;
      if (named.includes('region') && !itemsClose(owner, r)) {
        const rest = r.filter((p) => p.fig.qualifier !== 'converted');
        if (rest.length === r.length - 1 && rest.length >= 2 && itemsClose(owner, rest)) parts = rest;
      }
      const subset =
        (parts.length === 1 && (parts[0] as Item).mult === 1) || SUBSET_HEAD.test(cue) || partialOutcome || partialSeverity || endsInEtc(norm, (parts[parts.length - 1] as Item).fig.end);
      if (!subset) resolveBare(text, norm, owner, parts);
      pushGroup(owner, parts, cue, named[0] ?? 'other', subset ? 'subset' : 'partition', parts === r ? ids : undefined);
    }
    // sublists of items
    for (const it of items) {
      if (it.children.length > 0) {
        ctxHandled.add(it.fig.id);
        emitRuns(it.fig, it.children, it.childCue);
      }
    }
  };

  /**
   * The one total a sentence states: its only figure that is not a part, or, when all
   * its figures are parts of one total (a list), that total. Undefined when it has more.
   */
  const sentenceTotal = (figs: readonly Figure[]): Figure | undefined => {
    const free = figs.filter((f) => !consumed.has(f.id));
    if (free.length === 1) return free[0];
    if (free.length > 0 || figs.length === 0) return undefined;
    const owners = new Set(figs.map((f) => partOf.get(f.id)));
    return owners.size === 1 ? [...owners][0] : undefined;
  };
  /** Count figures of a span of text (not zeros). */
  const countsIn = (from: number, to: number): Figure[] => {
    const out: Figure[] = [];
    for (let i = firstCountAt(from); i < counts.length && (counts[i] as Figure).start < to; i++) out.push(counts[i] as Figure);
    return out;
  };
  /** The index of the first count figure starting at or after `pos` (binary search: counts are in text order). */
  const firstCountAt = (pos: number): number => firstAtOrAfter(counts, (f) => f.start, pos);

  // where the brackets, the colons and the 其中 are (most sentences have none): found by indexOf
  const brackets = new Brackets(norm);
  const colons = positionsOf(norm, ':');
  const qizhong = positionsOf(norm, '其中');
  let k = 0;
  let previousLast: Figure | undefined;
  let previousFigs: Figure[] = [];
  let pendingOwner: { owner: Figure; items: Item[] } | undefined;
  let recentEnd = 0; // counts[0, recentEnd) have been read: the last 40 of them are the recent ones
  /** A death count in the owner's sentence or the next that the outcome split leaves out. */
  const deathsNear = (owner: Figure, parts: Item[], si: number): boolean => {
    const end = (sentences[si + 1] ?? sentences[si] as Span).end;
    return countsIn((sentences[si] as Span).start, end).some((f) => f !== owner && f.category === 'death' && !parts.some((p) => p.fig === f));
  };

  /** Whether a sentence holds a number that is no count, date or time (a range of case numbers). */
  // (asked sentence after sentence: where the figures of the sentence start is found by walking
  // on from the last answer, over figures in text order; by binary search otherwise)
  let otherFrom = 0; // the first figure at or after otherStart
  let otherStart = -Infinity;
  const hasOtherNumber = (sentence: Span): boolean => {
    let first: number;
    if (figuresInOrder && sentence.start >= otherStart) {
      first = otherFrom;
      while (first < allFigures.length && (allFigures[first] as Figure).start < sentence.start) first++;
      otherFrom = first;
      otherStart = sentence.start;
    } else first = firstAtOrAfter(allFigures, (f) => f.start, sentence.start);
    for (let i = first; i < allFigures.length; i++) {
      const f = allFigures[i] as Figure;
      if (f.start >= sentence.end) return false;
      if (f.kind === 'other') return true;
    }
    return false;
  };

  const contexts: Array<Ctx | undefined> = []; // per sentence, for the readings after the lists
  /** The context of every sentence without counts (one, never changed: nothing reads a figure of it). */
  const noCounts: Ctx = { norm, figures: NO_COUNTS, depth: FLAT, dims, sorted: true };
  let sentenceIndex = -1;
  for (const sentence of sentences) {
    sentenceIndex++;
    deadline.check();
    // the counts that start before the sentence's end, but for those before its start (in text
    // order: the sentence's counts are the last of them, cut out at once; most sentences have none)
    let figs = NO_COUNTS;
    if (countsInOrder) {
      const from = k;
      while (k < counts.length && (counts[k] as Figure).start < sentence.end) k++;
      let first = from;
      while (first < k && (counts[first] as Figure).start < sentence.start) first++;
      if (first < k) figs = counts.slice(first, k);
    } else {
      figs = [];
      while (k < counts.length && (counts[k] as Figure).start < sentence.end) {
        const f = counts[k] as Figure;
        if (f.start >= sentence.start) figs.push(f);
        k++;
      }
    }
    // every figure is at depth 0 in a sentence with no bracket (most): nothing to record
    let depth = FLAT;
    if (figs.length > 0 && brackets.openWithin(sentence.start, sentence.end)) {
      if (depthTable === undefined) depthTable = DepthTable.fits(counts, size) ? new DepthTable(size) : null;
      if (depthTable) {
        const table = depthTable;
        const si = sentenceIndex;
        brackets.depths(sentence.start, sentence.end, figs, (i, d) => table.set(si, (figs[i] as Figure).id, d));
        depth = new SentenceDepths(depthTable, sentenceIndex, undefined);
      } else depth = new SentenceDepths(undefined, sentenceIndex, depths(norm, sentence, figs));
    }
    const ctx: Ctx = figs.length > 0 ? { norm, figures: figs, depth, dims, sorted: countsInOrder } : noCounts;
    contexts[sentenceIndex] = ctx;
    // "…2129例。其中境外输入病例43例(…);本土病例2086例(…)": 其中 opens the sentence.
    // (what is asked of the lead, its first six characters after blanks: its first two)
    // (read only where asked below: with counts, or with a list open from the sentence before)
    const lead = figs.length > 0 || pendingOwner ? leadOf(norm, sentence.start) : NO_LEAD;
    const leadQizhong = lead === LEAD_QIZHONG;
    const leadOthers = lead === LEAD_QITA || lead === LEAD_QIYU;
    // 其中:确诊病例中,杭州市51例…;重症病例中,杭州市14例…: headed lists, each of the total its
    // heading names (read below), not all of the figure before 其中. (Asked only with counts.)
    const headedLead = figs.length > 0 && headedAt(norm, sentence.start);
    // When the previous sentence ended on a part of a list, 其中 speaks of the list's total.
    // (Asked only when it is asked for below.)
    const leadOwner =
      leadQizhong && !headedLead && figs.length > 0
        ? previousLast && consumed.has(previousLast.id)
          ? sentenceTotal(previousFigs)
          : previousLast
        : undefined;
    if (leadOwner && leadQizhong && !headedLead && figs.length > 0 && !ctxHandled.has(leadOwner.id)) {
      const items = parseList(ctx, text, leadOwner, sentence.start, sentence.end, 0);
      // 深圳新增3例确诊病例和3例无症状感染者。其中,…发现4例,…2例: the two counts together, as in
      // one sentence; and a 其中 sentence's own count (其中外省输入及关联病例共计32例。其中,…) is a
      // subset, whose next 其中 may speak of the whole: a list that does not fit it is not its.
      const before = contexts[sentenceIndex - 1];
      const ofSubset =
        leadOwner === previousLast &&
        before !== undefined &&
        /^\s*其中/.test(norm.slice((sentences[sentenceIndex - 1] as Span).start, (sentences[sentenceIndex - 1] as Span).start + 8)) &&
        !itemsClose(leadOwner, items);
      const joined = leadOwner === previousLast && before !== undefined && ofJoinedTotals(previousFigs[previousFigs.length - 2], leadOwner, items, before.depth);
      if (items.length > 0 && !ofSubset && !joined) {
        pendingOwner = { owner: leadOwner, items };
        ctxHandled.add(leadOwner.id);
      } else if (items.length > 0) ctxHandled.add(leadOwner.id);
    } else if (pendingOwner && leadOthers && figs.length > 0) {
      // 其中:安阳市3例、漯河市3例。其他地市新增确诊病例中,郑州市12例、…: one list in two sentences
      // (其他2个地市新增确诊病例中: the heading may hold a count of its own).
      const lead0 = norm.slice(sentence.start, Math.min(sentence.end, sentence.start + 40));
      const heading = OTHERS_HEADING.exec(lead0);
      if (heading) {
        const more = parseList(ctx, text, pendingOwner.owner, sentence.start + heading.index + heading[0].length, sentence.end, 0);
        pendingOwner.items.push(...more);
        for (const f of more) ctxHandled.add(f.fig.id);
      }
    }
    if (pendingOwner && !leadOthers && !leadQizhong) {
      emitRuns(pendingOwner.owner, pendingOwner.items, '其中');
      pendingOwner = undefined;
    }
    // 新增确诊病例中,惠州市6例、…: the total was stated in an earlier sentence. After 其中:, each
    // segment between semicolons may have a heading of its own (确诊病例中,…;重症病例中,…).
    for (let segStart = sentence.start; figs.length > 0 && segStart < sentence.end; ) {
      // (one segment, the whole sentence, unless its lists have headings)
      let segEnd = segStart;
      if (headedLead) while (segEnd < sentence.end && norm.charCodeAt(segEnd) !== SEMICOLON_CODE) segEnd++;
      else segEnd = sentence.end;
      // (without headings the segment is the sentence, whose first count is figs[0])
      const first = headedLead ? figs.find((f) => f.start >= segStart && f.start < segEnd) : figs[0];
      if (first) {
        // the intro, segStart to the first count, after blanks and a 其中 (其中:, 其中,): its
        // head is its words before the first , or : (at least one word), trimmed
        let p = skipSpaces(norm, segStart, first.start);
        if (p + 2 <= first.start && norm.charCodeAt(p) === QI && norm.charCodeAt(p + 1) === ZHONG) {
          p += 2;
          if (p < first.start && (norm.charCodeAt(p) === COLON_CODE || norm.charCodeAt(p) === COMMA_CODE)) p++;
        }
        const skip = p - segStart;
        // (a head of more than 20 characters is no heading: a word past the 20th ends the search)
        let q = p;
        let long = false;
        for (; q < first.start; q++) {
          const c = norm.charCodeAt(q);
          if (c === COMMA_CODE || c === COLON_CODE) break;
          if (q - p >= 20 && !isJsSpace(c)) {
            long = true;
            break;
          }
        }
        const comma = !long && q < first.start ? q - p : -1;
        // (the head is cut out only when it ends in 中)
        const headEnd = comma > 0 ? trimSpacesEnd(norm, p, q) : p;
        const head = headEnd > p && norm.charCodeAt(headEnd - 1) === ZHONG ? norm.slice(p, q).trim() : '';
        if (amongHead(head) && head.length <= 20) {
          // (a part of an earlier list is no total: 其中A市15例、C市8例。新增…中)
          const owner = earlierTotal(head, () => counts.slice(Math.max(0, recentEnd - 40), recentEnd).filter((f) => !consumed.has(f.id)));
          if (owner && !ctxHandled.has(owner.id)) {
            const items = parseList(ctx, text, owner, segStart + skip + comma + 1, segEnd, 0);
            if (items.length > 1 || (headedLead && items.length > 0)) {
              ctxHandled.add(owner.id);
              emitRuns(owner, items, '中');
            }
          }
        }
      }
      segStart = segEnd + 1;
    }
    // 累计…1095例。(…)男性542例,女性553例: a sentence that opens with a sex split splits the
    // one total of the sentence before.
    if (figs.length >= 2 && !consumed.has((figs[0] as Figure).id)) {
      const split = sexSplit(ctx, sentence.start, sentence.end, 0);
      const owner = split ? sentenceTotal(previousFigs) : undefined;
      // Across sentences the link is looser: the total must count cases, and no part may be
      // larger than it (…累计确诊1095例。新增确诊20例。男性542例… is not a split of 20).
      if (
        split &&
        owner &&
        CASE_CATEGORIES.has(owner.category) &&
        split.every((p) => unitsCompatible(p.fig.unit, owner.unit) && p.fig.low <= owner.high)
      ) {
        pushWhole(owner, split, '男/女', 'gender');
      }
    }
    recentEnd = k; // the counts of the sentences read so far (figs are the last of them)
    // A sentence with numbers but no count in between (感染者15至371:现住朝阳区。其中…) starts
    // another item: its 其中 does not speak of a figure two sentences back. A sentence with no
    // number keeps the link (…51例。安阳市、漯河市为报告首例确诊病例。其中:安阳市3例、…).
    if (figs.length > 0) previousLast = figs[figs.length - 1];
    else if (hasOtherNumber(sentence)) previousLast = undefined;
    previousFigs = figs;
    if (figs.length < 2) continue;

    for (let idx = 0; idx < figs.length; idx++) {
      deadline.check();
      const owner = figs[idx] as Figure;
      if (ctxHandled.has(owner.id)) continue;
      const d = ctx.depth.get(owner.id);
      const nextFigure = idx + 1 < figs.length ? (figs[idx + 1] as Figure).start : sentence.end;
      let j = owner.end;
      while (j < nextFigure && !separates(norm, j, OWNER_CLAUSE_END) && j - owner.end < 30) j++;
      if (j >= nextFigure) {
        // 101宗境外輸入病例分別為廣東的44宗…: the cue sits in the owner's own clause.
        if (consumed.has(owner.id)) continue;
        const own = norm.slice(owner.end, nextFigure);
        const m = OWN_CLAUSE_CUE.exec(own);
        if (m && own.length - m.index - m[0].length <= 8 && !/[,;:、()]/.test(own.slice(0, m.index))) {
          const items = parseList(ctx, text, owner, owner.end + m.index, sentence.end, d);
          if (items.length > 0) {
            ctxHandled.add(owner.id);
            emitRuns(owner, items, m[1] as string);
          }
        }
        continue;
      }
      const next = codeAt(norm, j); // (norm[j], as a code)
      // (1) A parenthesis right after the total (possibly after 均为…病例): parts inside it.
      let open = -1;
      if (next === OPEN_CODE) open = j;
      else if (next === COMMA_CODE || next === COLON_CODE) {
        let q = j + 1;
        while (q < nextFigure && q - j <= 14 && !separates(norm, q, PAREN_SCAN_END)) q++;
        if (codeAt(norm, q) === OPEN_CODE && /^(均为|均系|全部为|都是)/.test(norm.slice(j + 1, q))) open = q;
      }
      if (open >= 0) {
        const close = brackets.enclosingClose(open + 1, sentence.end); // (the ) matching the ( at open)
        const inner = norm.slice(open + 1, Math.min(open + 6, close)).trimStart();
        const subset = SUBSET_HEAD.exec(inner);
        const items = parseList(ctx, text, owner, open + 1, close, d + 1, true);
        if (items.length > 0) {
          ctxHandled.add(owner.id);
          emitRuns(owner, items, subset ? (subset[1] as string) : '()');
        }
        // 感染者962例(确诊病例515例、无症状感染者447例),其中朝阳区317例、…: 其中 after the
        // bracket splits the same total again, by another dimension.
        const end = d > 0 ? brackets.enclosingClose(owner.end, sentence.end) : sentence.end;
        if (close < end && norm.charCodeAt(close + 1) === COMMA_CODE && /^(其中|当中)(?!重症|危重|重型)/.test(norm.slice(close + 2, close + 6))) {
          const again = parseList(ctx, text, owner, close + 2, end, d);
          if (again.length > 1) {
            ctxHandled.add(owner.id);
            emitRuns(owner, again, '其中');
          }
        }
        continue;
      }
      if (consumed.has(owner.id)) continue;
      const limit = d > 0 ? brackets.enclosingClose(owner.end, sentence.end) : sentence.end;
      // (2) 新增的9例确诊病例中, …
      // (the words between the total and j, read in place)
      if (sliceEndsWith(norm, owner.end, j, '中') && amongHead(norm.slice(owner.end, j)) && (next === COMMA_CODE || next === COLON_CODE)) {
        const items = parseList(ctx, text, owner, j + 1, limit, d);
        if (items.length > 0) {
          ctxHandled.add(owner.id);
          emitRuns(owner, items, '中');
        }
        continue;
      }
      if (next !== COMMA_CODE && next !== COLON_CODE && next !== SEMICOLON_CODE) continue;
      // (3) …401例,其中,平城区220例、…   (4) …118人,现已集中隔离46人、…   (5) …22例,分别是上海的11例、…
      // (each cue starts with one of a few characters: the words after are cut out only then)
      const c1 = Number.isInteger(j) ? norm.charCodeAt(j + 1) : norm.slice(j + 1, j + 6).charCodeAt(0); // (the first of them)
      let cue: string | undefined;
      if (c1 === QI || c1 === DANG) {
        // 當中 (Hong Kong) is read as 其中.
        const after = norm.slice(j + 1, j + 6);
        if (/^(其中|当中)/.test(after) && !/^(其中|当中)(重症|危重|重型)/.test(after)) cue = '其中';
      } else if (CUE_FIRST.has(c1)) {
        const m = /^(现已|已分别|分别为|分别是|分别来自|均已|为(?=[0-9]))/.exec(norm.slice(j + 1, j + 6));
        if (m) cue = m[1];
      }
      if (!cue) {
        if (next !== COMMA_CODE && next !== SEMICOLON_CODE) continue;
        // (6) 累计确诊1095例,男性542例,女性553例: a sex split of the sentence's one total so far.
        const following = figs[idx + 1];
        if (!following) continue;
        if (startsWithSex(following.label)) {
          let alone = true;
          for (let b = 0; b < idx && alone; b++) {
            const f = figs[b] as Figure;
            alone = consumed.has(f.id) || ctx.depth.get(f.id) !== d;
          }
          const sexes = alone ? sexSplit(ctx, j + 1, limit, d) : undefined;
          if (sexes && sexes.every((p) => unitsCompatible(p.fig.unit, owner.unit))) {
            pushWhole(owner, sexes, '男/女', 'gender');
            continue;
          }
        }
        // (7) 累计报告境外输入确诊病例99例,治愈出院93例,现有…6例: what became of a running total.
        if (owner.qualifier !== 'cumulative') continue;
        const outcomes = outcomeSplit(ctx, owner, j + 1, limit, d);
        if (outcomes && (outcomes.some((p) => p.fig.category === 'death') || !deathsNear(owner, outcomes, sentenceIndex))) {
          pushWhole(owner, outcomes, '累计', 'outcome');
        }
        continue;
      }
      // 确诊病例57例,无症状感染者71例,其中确诊病例中男性28例、…: a heading after 其中 that names
      // another category than this count's speaks of the earlier count of that category.
      let listOwner = owner;
      const named = cue === '其中' ? headingCategory(norm.slice(j + 1, Math.min(limit, j + 24))) : undefined;
      if (named !== undefined && named !== owner.category) {
        let other: Figure | undefined;
        for (let b = idx - 1; b >= 0 && !other; b--) {
          const f = figs[b] as Figure;
          if (f.category === named && !consumed.has(f.id) && !ctxHandled.has(f.id) && (ctx.depth.get(f.id) ?? 0) === d) other = f;
        }
        if (!other) continue;
        listOwner = other;
      }
      const items = parseList(ctx, text, listOwner, j + 1, limit, d);
      if (items.length > 0) {
        ctxHandled.add(listOwner.id);
        if (listOwner === owner && cue === '其中' && ofJoinedTotals(figs[idx - 1], owner, items, ctx.depth)) continue;
        emitRuns(listOwner, items, cue);
      }
    }
  }
  if (pendingOwner) emitRuns(pendingOwner.owner, pendingOwner.items, '其中');

  // Readings that look at other sentences once every list is known.
  type Frame = { lead: string; origin: Figure['origin'] };
  const frames: Array<Frame | null | undefined> = []; // by sentence index (null: read, no frame)
  sentences.forEach((sentence, si) => {
    deadline.check();
    const ctx = contexts[si];
    if (!ctx || ctx.figures.length === 0) return;
    const figs = ctx.figures;
    numberedList(sentence, ctx);
    describedTotal(sentence, ctx);
    originParagraphs(si, figs);
  });
  return groups;

  /**
   * (8) A total whose sentence ends in a colon, and numbered items after it, each with one
   * count: "本轮疫情累计报告确诊病例20例,具体如下:\n1.集中隔离点发现11例;\n2.社区筛查发现9例。"
   */
  function numberedList(sentence: Span, ctx: Ctx): void {
    if (!anyWithin(colons, (ctx.figures[0] as Figure).end, sentence.end)) return;
    // the total: followed by a colon, with only words between (…20例,具体如下: / …20例:)
    let owner: Figure | undefined;
    let items: Span[] | undefined;
    for (const f of ctx.figures) {
      if (ctx.depth.get(f.id) !== 0 || consumed.has(f.id) || ctxHandled.has(f.id)) continue;
      const rest = norm.slice(f.end, Math.min(sentence.end, f.end + 14));
      const colon = rest.indexOf(':');
      if (colon < 0 || /[0-9;。()]/.test(rest.slice(0, colon)) || rest.slice(1, colon).includes(',')) continue;
      items = numberedItems(norm, f.end + colon + 1);
      if (items) {
        owner = f;
        break;
      }
    }
    if (!owner || !items) return;
    // one item per case ("新增确诊病例2例:1.张某,…"): a list of cases, not a breakdown
    if (items.length === owner.value) return;
    const parts: Item[] = [];
    for (const span of items) {
      const inItem = countsIn(span.start, span.end);
      const d = depths(norm, span, inItem);
      const level = inItem.filter((f) => d.get(f.id) === 0);
      const first = level[0];
      if (!first || consumed.has(first.id) || !unitsCompatible(first.unit, owner.unit)) return;
      // the item's count is in its first clause (1.集中隔离点发现11例;), not deep in a description
      if (/[,;。]/.test(norm.slice(span.start, first.start))) return;
      if (!categoryFits(first.category, owner.category)) return;
      // more counts in the item only as its own breakdown (其中, 含, 分别 …)
      const more = level[1];
      if (more && !/(其中|含|包括|分别|均)/.test(norm.slice(first.end, more.start))) return;
      parts.push({ fig: first, mult: 1, children: NO_CHILDREN, childCue: '', floor: 0 });
    }
    pushWhole(owner, parts, ':');
  }

  /**
   * (9) A 其中 list whose sentence states no total ("此外,内地多地录得由香港输入的个案,…,其中
   * 广东有73宗,北京有14宗…"): the total is the one earlier figure whose clause shares a
   * distinctive phrase with the list's introduction ("逾130阳性个案由香港输入").
   */
  function describedTotal(sentence: Span, ctx: Ctx): void {
    if (!anyWithin(qizhong, sentence.start, (ctx.figures[0] as Figure).start)) return;
    const top = ctx.figures.filter((f) => ctx.depth.get(f.id) === 0);
    const first = top[0];
    if (!first || top.some((f) => consumed.has(f.id) || ctxHandled.has(f.id))) return;
    const head = norm.slice(sentence.start, first.start);
    const q = head.lastIndexOf('其中');
    if (q < 0 || head.trimStart().startsWith('其中') || /[0-9]/.test(head.slice(q))) return;
    const intro = head.slice(0, q).replace(/\([^()]*\)/g, '');
    // (no phrase of 4 can be shared without 4 Han characters in a row in the introduction)
    if (longestHanRun(intro) < 4) return;
    let best: Figure | undefined;
    let bestLength = 0;
    let tie = false;
    // the nearest 200 figures before the sentence (the headline of a news report is near)
    const last = firstCountAt(sentence.start);
    for (let c = last - 1; c >= 0 && c >= last - 200; c--) {
      const f = counts[c] as Figure;
      if (consumed.has(f.id) || ctxHandled.has(f.id) || !unitsCompatible(f.unit, first.unit)) continue;
      const floor = c > 0 ? (counts[c - 1] as Figure).end : 0;
      const ceiling = (counts[c + 1] as Figure | undefined)?.start ?? norm.length;
      const phrase = commonPhrase(intro, clauseAround(norm, f, floor, ceiling));
      if (phrase.length < 4 || distinctive(phrase) < 2) continue;
      if (phrase.length > bestLength) {
        best = f;
        bestLength = phrase.length;
        tie = false;
      } else if (phrase.length === bestLength) tie = true;
    }
    if (!best || tie) return;
    const items = parseList(ctx, text, best, sentence.start + q, sentence.end, 0);
    if (items.length < 2) return;
    ctxHandled.add(best.id);
    emitRuns(best, items, '其中');
  }

  /**
   * (10) Three paragraphs for one time, for the imported cases, the local ones and all
   * ("截至3月20日24时,累计报告境外输入确诊病例84例,治愈出院病例7例。…截至3月20日24时,累计
   * 报告本地确诊病例415例,治愈出院病例385例…截至3月20日24时,累计报告确诊病例499例,治愈
   * 出院病例392例"): each figure of the last is the sum of its counterparts in the other two.
   * Confirmed cases themselves are the identity check's (本土 + 境外输入 = 总数).
   */
  function originParagraphs(si: number, figs: Figure[]): void {
    if (figs.some((f) => f.origin !== undefined)) return; // the paragraph for all has no origin
    const frame = frameOf(si);
    if (!frame || frame.origin !== undefined) return;
    const imported: number[] = [];
    const local: number[] = [];
    for (let o = si - 1; o >= 0 && o >= si - 12; o--) {
      const f = frameOf(o);
      if (!f || f.lead !== frame.lead) continue;
      if (f.origin === 'imported') imported.push(o);
      else if (f.origin === 'local') local.push(o);
      else return; // the same time stated again for all: not three paragraphs
    }
    if (imported.length !== 1 || local.length !== 1) return;
    const free = (f: Figure) => !consumed.has(f.id) && !ctxHandled.has(f.id);
    const counterpart = (o: number, total: Figure): Figure | undefined => {
      const s = sentences[o] as Span;
      const same = countsIn(s.start, s.end).filter((f) => f.category === total.category && f.qualifier === total.qualifier && free(f));
      const only = same.length === 1 ? same[0] : undefined;
      return only && unitsCompatible(only.unit, total.unit) && only.region?.name === total.region?.name ? only : undefined;
    };
    for (const total of figs) {
      if (!free(total) || total.category === 'none') continue;
      if (total.category === 'confirmed' && (total.qualifier === 'cumulative' || total.qualifier === 'new')) continue;
      const a = counterpart(imported[0] as number, total);
      const b = counterpart(local[0] as number, total);
      if (!a || !b) continue;
      const parts = [a, b].sort((x, y) => x.start - y.start);
      pushWhole(total, parts.map((fig) => ({ fig, mult: 1, children: NO_CHILDREN, childCue: '', floor: 0 })), '本土/境外输入', 'origin');
      a.origin ??= 'imported';
      b.origin ??= 'local';
    }
  }

  /**
   * A sentence that opens with a time ("截至3月20日24时,") and speaks of one origin: the
   * time as written, and the origin of its first count (every other count has none or
   * the same). Undefined for other sentences.
   */
  function frameOf(si: number): Frame | undefined {
    const known = si >>> 0 === si ? frames[si] : undefined;
    if (known !== undefined) return known ?? undefined;
    const frame = readFrame(si);
    if (si >>> 0 === si) frames[si] = frame ?? null;
    return frame;
  }

  function readFrame(si: number): Frame | undefined {
    const s = sentences[si] as Span;
    const figs = contexts[si]?.figures ?? [];
    const first = figs[0];
    if (!first) return undefined;
    const comma = findWithin(norm, ',', s.start, first.start);
    if (comma < 0 || comma > first.start) return undefined;
    let e = comma;
    while (e > s.start && isJsSpace(codeAt(norm, e - 1))) e--;
    if (!TIME_END.has(norm.charCodeAt(e - 1))) return undefined;
    const lead = norm.slice(s.start, comma).trim();
    // it ends in a time or a day: …24时, …20日 (its last character, and the one before, read as codes)
    if (lead.length > 24 || !TIME_END.has(lead.charCodeAt(lead.length - 1)) || lead.length < 2 || !TIME_DIGIT.has(lead.charCodeAt(lead.length - 2))) return undefined;
    const origin = first.origin;
    if (figs.some((f) => f.origin !== undefined && f.origin !== origin)) return undefined;
    return { lead, origin };
  }
}
