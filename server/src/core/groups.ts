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
import { CATEGORY_TERMS, DIMENSION_TERMS, PLACE_SUFFIXES, QUALIFIER_TERMS } from './lexicon';
import { lookupPlace } from './gazetteer';
import { toSimplified } from './text/normalize';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Dimension, Figure, Group, Span } from './types';

const PERSON_UNITS = new Set(['例', '人', '名', '位', '宗']);

function unitsCompatible(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || (PERSON_UNITS.has(a) && PERSON_UNITS.has(b));
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

const levelCache = new Map<string, number | undefined>();

/** 1 province, 2 city, 3 county/district, 4 street/town, 5 community/village. */
export function placeLevel(label: string): number | undefined {
  if (levelCache.has(label)) return levelCache.get(label);
  const level = computePlaceLevel(label);
  if (levelCache.size > 50000) levelCache.clear();
  levelCache.set(label, level);
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

function sameKind(a: Figure, b: Figure): boolean {
  const da = labelDimension(a.label);
  const db = labelDimension(b.label);
  if (da === 'other' || da !== db) return false;
  if (da !== 'region') return true;
  return placeLevel(a.label as string) === placeLevel(b.label as string);
}

interface Item {
  fig: Figure;
  mult: number;
  children: Item[];
  childCue: string;
}

interface Ctx {
  norm: string;
  figures: Figure[]; // count figures of the sentence, in order
  depth: Map<number, number>;
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

/** The ')' matching the '(' at `open` (or `end`). */
function matchingClose(norm: string, open: number, end: number): number {
  return enclosingClose(norm, open + 1, end);
}

/** The ')' that closes the bracket enclosing `from` (or `end`). */
function enclosingClose(norm: string, from: number, end: number): number {
  let d = 0;
  for (let i = from; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 40) d++;
    else if (c === 41) {
      if (d === 0) return i;
      d--;
    }
  }
  return end;
}

const SUBLIST_CUE = /(其中|分别为|分别是|分别有|则为)/;
const SUBSET_HEAD = /^(含|包含|包括)/;
const ENUM_TAIL = /(各|均为|均系|均|分别为|分别是|分别录得|分别|也分别录得|都)$/;
const OTHERS_N = /其他([0-9]+)个/;

/** The clause head before a figure: text back to the previous figure or a , ; : ( separator. */
function itemHead(norm: string, fig: Figure, floor: number): string {
  let s = fig.start;
  while (s > floor && s > fig.start - 60) {
    const c = norm[s - 1] as string;
    if (c === ',' || c === ';' || c === ':' || c === '(' || c === ')' || c === '。') break;
    s--;
  }
  return norm.slice(s, fig.start);
}

/** 法国、意大利、荷兰各1例 → 3; 其他14个市州均为0例 → 14. Relabels the figure with the names. */
function multiplicity(norm: string, text: string, fig: Figure, floor: number): number {
  const head = itemHead(norm, fig, floor).trim();
  if (!ENUM_TAIL.test(head)) return 1;
  const others = OTHERS_N.exec(head);
  if (others) return Number(others[1]);
  if (!head.includes('、')) return 1;
  const names = head.replace(ENUM_TAIL, '').replace(/^(其中|也)/, '').split('、');
  if (names.some((n) => n.length === 0 || n.length > 14)) return 1;
  const labelStart = fig.start - head.length;
  const label = text.slice(labelStart, labelStart + head.replace(ENUM_TAIL, '').length).replace(/^(其中|也)/, '');
  fig.label = label;
  fig.labelStart = labelStart;
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
  for (const f of ctx.figures) {
    if (f.start < from || f.id === owner.id) continue;
    if (f.start >= to) break;
    const fd = ctx.depth.get(f.id) ?? 0;
    // 新北市(27,230例): a part alone in its own bracket counts at the list's depth.
    const singleton = fd === depth + 1 && norm[f.start - 1] === '(' && norm[f.end] === ')';
    if (fd !== depth && !singleton) continue;
    if (f.start < skipUntil) continue;
    if (!unitsCompatible(f.unit, owner.unit)) continue;
    const between = norm.slice(prevEnd, f.start);
    const head = itemHead(norm, f, prevEnd);
    if (SUBSET_HEAD.test(head.trim())) {
      // 含5例由无症状感染者转为确诊病例(…): a subset of the item before; skip its clause.
      let e = f.end;
      while (e < to && !',;、。'.includes(norm[e] as string)) e++;
      skipUntil = e;
      prevEnd = e;
      continue;
    }
    // A figure of another category ends the list (…336例,其中…,解除医学观察的密切接触者32566人).
    const dim = labelDimension(f.label);
    if (
      f.category !== 'none' &&
      owner.category !== 'none' &&
      f.category !== owner.category &&
      (dim === 'other' || dim === 'category')
    ) break;
    if (between.includes(';')) {
      // After ';' the list goes on only with a sibling of its first item, or a new dimension cue:
      //   吉林1730例,其中长春市…;上海260例   (closes 吉林's sublist, 上海 is 吉林's sibling)
      //   其中境外输入病例43例(…);本土病例2086例  (本土 is 境外输入's sibling)
      //   按区域分布在平城区3例、云冈区6例;发现方式分别为…  (a new dimension)
      //   …32例,其中境外输入28例,本土4例(…);当日转为确诊病例4例  (not a sibling: the list ends)
      if (current && sameKind(f, current.fig)) current = undefined;
      if (!current && !bracketed) {
        const first = items[0];
        const cueAhead = /(分别|按|方式)/.test(between);
        if (!cueAhead && !(first && sameKind(f, first.fig))) break;
      }
    }
    const opensSublist = items.length > 0 && !current && !between.includes(';') && SUBLIST_CUE.test(between) && !SUBSET_HEAD.test(between.trim());
    if (opensSublist) current = items[items.length - 1];
    const item: Item = { fig: f, mult: multiplicity(norm, text, f, prevEnd), children: [], childCue: '' };
    if (current) {
      current.children.push(item);
      if (!current.childCue) current.childCue = (SUBLIST_CUE.exec(between)?.[1] ?? '其中') as string;
    } else items.push(item);
    prevEnd = f.end;
  }
  return items;
}

/** The earlier figure a figureless intro (新增确诊病例中, 确诊病例中) refers to. */
function earlierTotal(head: string, recent: Figure[]): Figure | undefined {
  const category = CATEGORY_TERMS.find(([term]) => head.includes(term))?.[1];
  if (!category) return undefined;
  const qualifier = QUALIFIER_TERMS.find(([term]) => head.includes(term))?.[1];
  const same = recent.filter((f) => f.category === category);
  if (qualifier) return [...same].reverse().find((f) => f.qualifier === qualifier);
  // No qualifier: 确诊病例中 speaks of the running total (累计), else of the latest one.
  return [...same].reverse().find((f) => f.qualifier === 'cumulative') ?? same[same.length - 1];
}

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
  const counts = allFigures.filter((f) => f.kind === 'count' && !f.zero);
  const seen = new Set<string>();
  const ctxHandled = new Set<number>();
  const consumed = new Set<number>(); // figures already read as parts of a list

  const emitRuns = (owner: Figure, items: Item[], cue: string): void => {
    // one group per dimension run
    const runs: Item[][] = [];
    let run: Item[] = [];
    let runDim: Dimension = 'other';
    let prev: Item | undefined;
    for (const it of items) {
      const dim = labelDimension(it.fig.label);
      const between = prev ? norm.slice(prev.fig.end, it.fig.start) : '';
      const newSegment = between.includes(';') && /(分别|按|方式)/.test(between);
      if (run.length > 0 && (newSegment || (dim !== 'other' && runDim !== 'other' && dim !== runDim))) {
        runs.push(run);
        run = [];
        runDim = 'other';
      }
      run.push(it);
      if (runDim === 'other') runDim = dim;
      prev = it;
    }
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      const key = `${owner.id}:${r.map((p) => p.fig.id).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dims = r.map((p) => labelDimension(p.fig.label)).filter((d) => d !== 'other');
      const labels = r.map((p) => toSimplified(p.fig.label ?? '')).join('|');
      const last = r[r.length - 1] as Item;
      const listText = norm.slice(owner.end, Math.min(norm.length, last.fig.end + 16));
      // 12809例(出院12304例,死亡213例) and 其中:重症1809例、危重症465例 name some outcomes
      // or severities only: subsets. With 现有/现无/在院 or 普通型/轻型 the list is exhaustive.
      const partialOutcome = dims[0] === 'outcome' && !/(现有|现无|在院|尚在|排除|转确诊)/.test(labels + '|' + listText);
      const partialSeverity = dims[0] === 'severity' && !/(普通|轻)/.test(labels);
      const subset = (r.length === 1 && (r[0] as Item).mult === 1) || SUBSET_HEAD.test(cue) || partialOutcome || partialSeverity;
      groups.push({
        id: groups.length,
        total: owner.id,
        parts: r.map((p) => p.fig.id),
        multipliers: r.map((p) => p.mult),
        dimension: dims[0] ?? 'other',
        kind: subset ? 'subset' : 'partition',
        cue,
        statement: statementOf(owner),
      });
      for (const p of r) {
        consumed.add(p.fig.id);
        if (p.fig.category === 'none' && owner.category !== 'none') p.fig.category = owner.category;
        if (!p.fig.qualifier && owner.qualifier) p.fig.qualifier = owner.qualifier;
        if (!p.fig.origin && owner.origin && labelDimension(p.fig.label) !== 'origin') p.fig.origin = owner.origin;
      }
    }
    // sublists of items
    for (const it of items) {
      if (it.children.length > 0) {
        ctxHandled.add(it.fig.id);
        emitRuns(it.fig, it.children, it.childCue);
      }
    }
  };

  let k = 0;
  let previousLast: Figure | undefined;
  let pendingOwner: { owner: Figure; items: Item[] } | undefined;
  const recent: Figure[] = []; // count figures of the last sentences, for totals stated earlier
  for (const sentence of sentences) {
    deadline.check();
    const figs: Figure[] = [];
    while (k < counts.length && (counts[k] as Figure).start < sentence.end) {
      const f = counts[k] as Figure;
      if (f.start >= sentence.start) figs.push(f);
      k++;
    }
    const ctx: Ctx = { norm, figures: figs, depth: depths(norm, sentence, figs) };
    // "…2129例。其中境外输入病例43例(…);本土病例2086例(…)": 其中 opens the sentence.
    const lead = norm.slice(sentence.start, sentence.start + 6).trimStart();
    if (previousLast && lead.startsWith('其中') && figs.length > 0 && !ctxHandled.has(previousLast.id)) {
      const items = parseList(ctx, text, previousLast, sentence.start, sentence.end, 0);
      if (items.length > 0) {
        pendingOwner = { owner: previousLast, items };
        ctxHandled.add(previousLast.id);
      }
    } else if (pendingOwner && /^其[他余]/.test(lead) && figs.length > 0) {
      // 其中:安阳市3例、漯河市3例。其他地市新增确诊病例中,郑州市12例、…: one list in two sentences.
      const head = norm.slice(sentence.start, (figs[0] as Figure).start);
      const colon = Math.max(head.lastIndexOf(','), head.lastIndexOf(':'));
      if (colon > 0 && /中$/.test(head.slice(0, colon).trimEnd())) {
        const more = parseList(ctx, text, pendingOwner.owner, sentence.start + colon + 1, sentence.end, 0);
        pendingOwner.items.push(...more);
        for (const f of more) ctxHandled.add(f.fig.id);
      }
    }
    if (pendingOwner && !/^其[他余中]/.test(lead)) {
      emitRuns(pendingOwner.owner, pendingOwner.items, '其中');
      pendingOwner = undefined;
    }
    // 新增确诊病例中,惠州市6例、…: the total was stated in an earlier sentence.
    if (figs.length > 0) {
      const intro = norm.slice(sentence.start, (figs[0] as Figure).start);
      const comma = intro.search(/[,:]/);
      const head = comma > 0 ? intro.slice(0, comma).trim() : '';
      if (head.endsWith('中') && !head.endsWith('集中') && head.length <= 20) {
        const owner = earlierTotal(head, recent);
        if (owner && !ctxHandled.has(owner.id)) {
          const items = parseList(ctx, text, owner, sentence.start + comma + 1, sentence.end, 0);
          if (items.length > 1) {
            ctxHandled.add(owner.id);
            emitRuns(owner, items, '中');
          }
        }
      }
    }
    for (const f of figs) {
      recent.push(f);
      if (recent.length > 40) recent.shift();
    }
    if (figs.length > 0) previousLast = figs[figs.length - 1];
    if (figs.length < 2) continue;

    for (let idx = 0; idx < figs.length; idx++) {
      deadline.check();
      const owner = figs[idx] as Figure;
      if (ctxHandled.has(owner.id)) continue;
      const d = ctx.depth.get(owner.id) ?? 0;
      const nextFigure = idx + 1 < figs.length ? (figs[idx + 1] as Figure).start : sentence.end;
      let j = owner.end;
      while (j < nextFigure && !',;:、(。)'.includes(norm[j] as string) && j - owner.end < 30) j++;
      if (j >= nextFigure) {
        // 101宗境外輸入病例分別為廣東的44宗…: the cue sits in the owner's own clause.
        const own = norm.slice(owner.end, nextFigure);
        const m = /(分别为|分别是|则为)/.exec(own);
        if (m && !consumed.has(owner.id) && own.length - m.index - m[0].length <= 8 && !/[,;:、()]/.test(own.slice(0, m.index))) {
          const items = parseList(ctx, text, owner, owner.end + m.index, sentence.end, d);
          if (items.length > 0) {
            ctxHandled.add(owner.id);
            emitRuns(owner, items, m[1] as string);
          }
        }
        continue;
      }
      const tail = norm.slice(owner.end, j);
      const next = norm[j];
      // (1) A parenthesis right after the total (possibly after 均为…病例): parts inside it.
      let open = -1;
      if (next === '(') open = j;
      else if (next === ',' || next === ':') {
        let q = j + 1;
        while (q < nextFigure && q - j <= 14 && !',;、(。)'.includes(norm[q] as string)) q++;
        if (norm[q] === '(' && /^(均为|均系|全部为|都是)/.test(norm.slice(j + 1, q))) open = q;
      }
      if (open >= 0) {
        const close = matchingClose(norm, open, sentence.end);
        const inner = norm.slice(open + 1, Math.min(open + 6, close)).trimStart();
        const subset = SUBSET_HEAD.exec(inner);
        const items = parseList(ctx, text, owner, open + 1, close, d + 1, true);
        if (items.length > 0) {
          ctxHandled.add(owner.id);
          emitRuns(owner, items, subset ? (subset[1] as string) : '()');
        }
        continue;
      }
      if (consumed.has(owner.id)) continue;
      const limit = d > 0 ? enclosingClose(norm, owner.end, sentence.end) : sentence.end;
      // (2) 新增的9例确诊病例中, …
      if (tail.endsWith('中') && !tail.endsWith('集中') && (next === ',' || next === ':')) {
        const items = parseList(ctx, text, owner, j + 1, limit, d);
        if (items.length > 0) {
          ctxHandled.add(owner.id);
          emitRuns(owner, items, '中');
        }
        continue;
      }
      if (next !== ',' && next !== ':' && next !== ';') continue;
      // (3) …401例,其中,平城区220例、…   (4) …118人,现已集中隔离46人、…   (5) …22例,分别是上海的11例、…
      const after = norm.slice(j + 1, j + 6);
      let cue: string | undefined;
      if (after.startsWith('其中') && !/^其中(重症|危重|重型)/.test(after)) cue = '其中';
      else {
        const m = /^(现已|已分别|分别为|分别是|均已|为(?=[0-9]))/.exec(after);
        if (m) cue = m[1];
      }
      if (!cue) continue;
      const items = parseList(ctx, text, owner, j + 1, limit, d);
      if (items.length > 0) {
        ctxHandled.add(owner.id);
        emitRuns(owner, items, cue);
      }
    }
  }
  if (pendingOwner) emitRuns(pendingOwner.owner, pendingOwner.items, '其中');
  return groups;
}
