/**
 * Finds totals and their parts. Within a sentence, a total is followed by a cue
 * (…中, 其中, 现已, a parenthesis) and then by a list of labelled figures at the
 * same bracket depth. The list splits into one group per dimension (by district,
 * by discovery route …). Lists of two or more parts are partitions that must
 * sum; a single part is a subset (part ≤ total).
 */
import { DIMENSION_TERMS, PLACE_SUFFIXES, SUBSET_CUES } from './lexicon';
import { lookupPlace } from './gazetteer';
import { toSimplified } from './text/normalize';
import type { Dimension, Figure, Group, Span } from './types';

const PERSON_UNITS = new Set(['例', '人', '名', '位', '宗']);

function unitsCompatible(a: string, b: string): boolean {
  return a === b || (PERSON_UNITS.has(a) && PERSON_UNITS.has(b));
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
  if (s.length < 2 || s.length > 14) return false;
  if (lookupPlace(s).length > 0) return true;
  for (const suf of PLACE_SUFFIXES) if (s.endsWith(suf) && s.length > suf.length) return true;
  // 新北市(…) style labels, or "吉林" with trailing words stripped
  return false;
}

interface Ctx {
  norm: string;
  figures: Figure[]; // count figures of the sentence, in order
  depth: Map<number, number>; // figure id → bracket depth
  sentence: Span;
}

/** Bracket depth at each figure; brackets are ASCII after normalisation. */
function depths(norm: string, sentence: Span, figs: Figure[]): Map<number, number> {
  const out = new Map<number, number>();
  let d = 0;
  let k = 0;
  for (let i = sentence.start; i < sentence.end && k < figs.length; i++) {
    while (k < figs.length && (figs[k] as Figure).start === i) {
      out.set((figs[k] as Figure).id, d);
      k++;
    }
    const ch = norm[i];
    if (ch === '(') d++;
    else if (ch === ')' && d > 0) d--;
  }
  for (; k < figs.length; k++) out.set((figs[k] as Figure).id, d);
  return out;
}

function matchingClose(norm: string, open: number, end: number): number {
  let d = 0;
  for (let i = open; i < end; i++) {
    if (norm[i] === '(') d++;
    else if (norm[i] === ')') {
      d--;
      if (d === 0) return i;
    }
  }
  return end;
}

function startsWithSubsetCue(norm: string, figure: Figure): boolean {
  const from = figure.labelStart ?? figure.start;
  // look back to the item boundary for 含/包含/其中重症
  let s = from;
  while (s > 0 && s > from - 8 && !',;、(。'.includes(norm[s - 1] as string)) s--;
  const head = norm.slice(s, figure.start);
  return SUBSET_CUES.some((c) => head.startsWith(c));
}

/** Collects the parts at `depth` in [from, to), split into runs by dimension. */
function collectParts(ctx: Ctx, total: Figure, from: number, to: number, depth: number): Figure[][] {
  const runs: Figure[][] = [];
  let run: Figure[] = [];
  let runDim: Dimension = 'other';
  let skipUntil = -1;
  for (const f of ctx.figures) {
    if (f.start < from || f.start >= to || f.id === total.id) continue;
    if ((ctx.depth.get(f.id) ?? 0) !== depth) continue;
    if (f.start < skipUntil) continue;
    if (!unitsCompatible(f.unit, total.unit)) break;
    if (startsWithSubsetCue(ctx.norm, f)) {
      // 含5例…: a subset of the previous part, not a sibling. Skip its clause.
      let e = f.end;
      while (e < to && !',;、。'.includes(ctx.norm[e] as string)) e++;
      skipUntil = e;
      continue;
    }
    const dim = labelDimension(f.label);
    // A ';' followed by a new cue, or a change of dimension, starts a new run.
    const between = run.length > 0 ? ctx.norm.slice((run[run.length - 1] as Figure).end, f.start) : '';
    const newSegment = between.includes(';') && /分别|按|方式|其中/.test(between);
    if (run.length > 0 && (newSegment || (dim !== 'other' && runDim !== 'other' && dim !== runDim))) {
      runs.push(run);
      run = [];
      runDim = 'other';
    }
    run.push(f);
    if (runDim === 'other') runDim = dim;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function findGroups(norm: string, sentences: Span[], allFigures: Figure[], statementOf: (f: Figure) => number): Group[] {
  const groups: Group[] = [];
  const counts = allFigures.filter((f) => f.kind === 'count');
  let k = 0;
  const seen = new Set<string>();
  const emit = (total: Figure, runs: Figure[][], cue: string): void => {
    for (const parts of runs) {
      const key = `${total.id}:${parts.map((p) => p.id).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dims = parts.map((p) => labelDimension(p.label)).filter((d) => d !== 'other');
      const dimension: Dimension = dims[0] ?? 'other';
      const subset = parts.length === 1 || /^(含|包含|其中重症|其中危重)/.test(cue);
      groups.push({
        id: groups.length,
        total: total.id,
        parts: parts.map((p) => p.id),
        dimension,
        kind: subset ? 'subset' : 'partition',
        cue,
        statement: statementOf(total),
      });
      for (const p of parts) if (p.category === 'none' && total.category !== 'none') p.category = total.category;
    }
  };

  for (const sentence of sentences) {
    const figs: Figure[] = [];
    while (k < counts.length && (counts[k] as Figure).start < sentence.end) {
      const f = counts[k] as Figure;
      if (f.start >= sentence.start) figs.push(f);
      k++;
    }
    if (figs.length < 2) continue;
    const ctx: Ctx = { norm, figures: figs, depth: depths(norm, sentence, figs), sentence };

    for (let idx = 0; idx < figs.length; idx++) {
      const total = figs[idx] as Figure;
      const d = ctx.depth.get(total.id) ?? 0;
      // Where does the total's own clause end, and what cue follows?
      const nextFigure = idx + 1 < figs.length ? (figs[idx + 1] as Figure).start : sentence.end;
      let j = total.end;
      while (j < nextFigure && !',;:、(。)'.includes(norm[j] as string) && j - total.end < 16) j++;
      if (j >= nextFigure) continue; // another figure follows in the same clause: not a total
      const tail = norm.slice(total.end, j);
      const next = norm[j];
      // (1) A parenthesis right after the total (possibly after 均为…病例): parts inside it.
      let open = -1;
      if (next === '(') open = j;
      else if (next === ',' || next === ':') {
        let q = j + 1;
        while (q < sentence.end && q - j <= 14 && !',;、(。)'.includes(norm[q] as string) && !/[0-9]/.test(norm[q] as string)) q++;
        if (norm[q] === '(' && /^(均为|均系|全部为|都是)/.test(norm.slice(j + 1, q))) open = q;
      }
      if (open >= 0) {
        const close = matchingClose(norm, open, sentence.end);
        const inner = norm.slice(open + 1, Math.min(open + 6, close));
        const subset = /^(含|包含|其中重症|其中危重)/.test(inner);
        const runs = collectParts(ctx, total, open + 1, close, d + 1);
        if (runs.length > 0) emit(total, subset ? runs.map((r) => r) : runs, subset ? inner.slice(0, 2) : '()');
        if (subset) for (const g of groups) if (g.total === total.id && g.cue === inner.slice(0, 2)) g.kind = 'subset';
        continue;
      }
      // (2) 新增的9例确诊病例中, …
      if (tail.endsWith('中') && !tail.endsWith('集中') && (next === ',' || next === ':')) {
        emit(total, collectParts(ctx, total, j + 1, sentence.end, d), '中');
        continue;
      }
      if (next !== ',' && next !== ':' && next !== ';') continue;
      // (3) …401例,其中,平城区220例、…   (4) …118人,现已集中隔离46人、…
      const after = norm.slice(j + 1, j + 6);
      let cue: string | undefined;
      if (after.startsWith('其中') && !/^其中(重症|危重)/.test(after)) cue = '其中';
      else if (/^(现已|已分别|分别为|分别是|均已)/.test(after)) cue = after.slice(0, 2);
      if (!cue) continue;
      // the parts end where the next 其中-list starts for another total
      const runs = collectParts(ctx, total, j + 1, sentence.end, d);
      emit(total, runs.filter((r) => r.length > 0), cue);
    }
  }
  return groups;
}
