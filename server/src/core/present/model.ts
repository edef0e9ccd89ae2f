/**
 * Derived views of an Analysis shared by every presentation (hover, outline,
 * inlay hints, code lens, semantic tokens, the summary view): the verdict of each
 * group, which figures fail a check, the counts of the status line, the headline
 * and the main figures. Pure functions of the Analysis (and, for the headline,
 * the text the analysis was made from); nothing here parses numbers again.
 */
import { sumLine, term } from '../checks/breakdownSum';
import type { Region } from '../regions';
import type { Analysis, Category, Figure, Group, Qualifier, RuleCode, Span } from '../types';

export interface GroupVerdict {
  group: Group;
  total: Figure;
  parts: Figure[];
  ok: boolean;
  /** Σ of the parts (value × multiplier). */
  sum: number;
  /** The arithmetic: "3 + 6 = 9", "4 + 6 = 10 ≠ 9", "133000 ≤ 220000". */
  line: string;
  /** The arithmetic with labels: "平城区 3 + 云冈区 6". */
  terms: string;
}

/** Numbers as the checks print them: integers plain, decimals to 4 places. */
export function plain(v: number): string {
  if (!Number.isFinite(v)) return '∞';
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

/** Numbers for reading: 133,000. */
export function grouped(v: number): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : '∞';
}

export function verdictOf(a: Analysis, g: Group): GroupVerdict {
  const total = a.figures[g.total] as Figure;
  const parts = g.parts.map((id) => a.figures[id] as Figure);
  const terms = parts.map((x, i) => `${x.label ?? ''} ${term(x, g.multipliers[i] ?? 1)}`.trim()).join(' + ');
  if (g.kind === 'subset') {
    const sum = parts.reduce((s, x, i) => s + x.value * (g.multipliers[i] ?? 1), 0);
    const low = parts.reduce((s, x, i) => s + x.low * (g.multipliers[i] ?? 1), 0);
    const ok = low <= total.high;
    const lhs = parts.map((x, i) => term(x, g.multipliers[i] ?? 1)).join(' + ');
    const line = `${parts.length > 1 ? `${lhs} = ${plain(sum)}` : lhs} ${ok ? '≤' : '>'} ${plain(total.value)}`;
    return { group: g, total, parts, ok, sum, line, terms };
  }
  const s = sumLine(total, parts, g.multipliers);
  return { group: g, total, parts, ok: s.ok, sum: s.sum, line: s.text, terms };
}

export function verdicts(a: Analysis): GroupVerdict[] {
  return a.groups.map((g) => verdictOf(a, g));
}

/** The consistency checks: their findings sit on figures. */
export const CONSISTENCY_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['breakdown-sum', 'part-exceeds-total', 'identity', 'conflicting-repeat', 'percent']);

function figureIdsAt(a: Analysis, spans: readonly Span[]): number[] {
  const out: number[] = [];
  for (const s of spans) {
    for (const f of a.figures) {
      if (f.start >= s.end) break;
      if (f.end > s.start && f.start < s.end) out.push(f.id);
    }
  }
  return out;
}

/** Figures a consistency finding sits on or points at (its total and its parts). */
export function failingFigures(a: Analysis): Set<number> {
  const ids = new Set<number>();
  for (const f of a.findings) {
    if (!CONSISTENCY_CODES.has(f.code)) continue;
    for (const id of figureIdsAt(a, [f, ...f.related])) ids.add(id);
  }
  return ids;
}

/** Figures that take part in a group (as total or part). */
export function checkedFigures(a: Analysis): Set<number> {
  const ids = new Set<number>();
  for (const g of a.groups) {
    ids.add(g.total);
    for (const id of g.parts) ids.add(id);
  }
  return ids;
}

export interface CheckCounts {
  /** Count figures (the numbers that can take part in sums). */
  figures: number;
  /** Distinct totals that have a breakdown (partition or subset). */
  totals: number;
  /** Distinct totals with a breakdown-sum or part-exceeds-total finding. */
  inconsistent: number;
  /** Every finding, of any rule. */
  findings: number;
}

export function checkCounts(a: Analysis): CheckCounts {
  const totals = new Set(a.groups.map((g) => g.total));
  const bad = new Set<number>();
  for (const f of a.findings) {
    if (f.code !== 'breakdown-sum' && f.code !== 'part-exceeds-total') continue;
    for (const id of figureIdsAt(a, [f])) if (totals.has(id)) bad.add(id);
  }
  return { figures: a.figures.filter((f) => f.kind === 'count').length, totals: totals.size, inconsistent: bad.size, findings: a.findings.length };
}

/** [start, end) without the white space at either edge. */
export function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

/** The first non-empty line, trimmed: the headline. */
export function headlineSpan(text: string): Span | undefined {
  let i = 0;
  while (i < text.length) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const t = trimmedSpan(text, i, end);
    if (t.end > t.start) return t;
    i = end + 1;
  }
  return undefined;
}

export interface MainFigures {
  /** Qualifier columns in use, in a fixed order ('' = none). */
  qualifiers: Array<Qualifier | ''>;
  rows: Array<{ category: Category; cells: Partial<Record<Qualifier | '', Figure>> }>;
}

const QUALIFIER_ORDER: Array<Qualifier | ''> = ['new', 'cumulative', 'current', 'round', 'converted', ''];

/**
 * The article's main figures, category × qualifier: for each pair the first count
 * that is not a part of a breakdown and does not belong to a place below the
 * article's own (a district's figure is not the article's).
 */
export function mainFigures(a: Analysis): MainFigures {
  const parts = new Set<number>();
  for (const g of a.groups) for (const id of g.parts) parts.add(id);
  const home = [a.home.city?.name, a.home.province?.name].filter(Boolean);
  const rows = new Map<Category, Partial<Record<Qualifier | '', Figure>>>();
  const used = new Set<Qualifier | ''>();
  for (const f of a.figures) {
    if (f.kind !== 'count' || f.category === 'none' || parts.has(f.id)) continue;
    if (f.region && home.length > 0 && !home.includes(f.region.name)) continue;
    const q: Qualifier | '' = f.qualifier ?? '';
    const row = rows.get(f.category) ?? {};
    if (row[q]) continue;
    row[q] = f;
    rows.set(f.category, row);
    used.add(q);
  }
  return {
    qualifiers: QUALIFIER_ORDER.filter((q) => used.has(q)),
    rows: [...rows.entries()].map(([category, cells]) => ({ category, cells })),
  };
}

/** The period the article reports on: its first period, else the publication date, else its first date. */
export function articlePeriod(a: Analysis): import('../dates').DateExpr | undefined {
  const ds = a.dates.dates.filter((d) => d.valid);
  return ds.find((d) => d.kind === 'period') ?? a.dates.publication ?? ds[0];
}

export function articleRegion(a: Analysis): Region | undefined {
  return a.home.city ?? a.home.province;
}

/** The date's ISO form: "2022-10-30T00:00 → 2022-10-31T00:00" for periods. */
export function isoOf(d: import('../dates').DateExpr): string | undefined {
  if (d.iso) return d.iso;
  if (d.startIso && d.endIso) return `${d.startIso} → ${d.endIso}`;
  return d.startIso;
}
