/**
 * The data of the summary view, beside the facts (core/facts.ts): the verdict of
 * every group, the article's period, region and counts. Offsets, not positions:
 * the LSP layer converts them.
 */
import { termName, type Locale } from '../messages';
import type { Region } from '../regions';
import type { Analysis, Span } from '../types';
import { articlePeriod, articleRegion, checkCounts, failingFigures, headlineSpan, isoOf, type CheckCounts } from './model';
import { verdicts } from './model';

export interface GroupView {
  id: number;
  dimension: string;
  /** The dimension in the reader's language. */
  dimensionName: string;
  kind: 'partition' | 'subset';
  ok: boolean;
  sum: number;
  total: number;
  /** "4 + 6 = 10 ≠ 9" */
  line: string;
  /** "平城区 4 + 云冈区 6" */
  terms: string;
  span: Span;
}

export interface SummaryView {
  headline?: string;
  period?: { text: string; iso?: string };
  region?: Region;
  counts: CheckCounts;
  groups: GroupView[];
  /** The reader's names of every category, qualifier, origin, dimension and figure kind in use. */
  names: Record<string, string>;
  /** Ids of the figures a consistency finding sits on or points at. */
  failing: number[];
}

export function summaryView(a: Analysis, text: string, locale: Locale): SummaryView {
  const head = headlineSpan(text);
  const period = articlePeriod(a);
  const region = articleRegion(a);
  const iso = period ? isoOf(period) : undefined;
  const names: Record<string, string> = {};
  const name = (x: string | undefined) => {
    if (x !== undefined && !(x in names)) names[x] = termName(locale, x);
  };
  for (const f of a.figures) {
    name(f.category);
    name(f.qualifier);
    name(f.origin);
  }
  for (const g of a.groups) name(g.dimension);
  return {
    names,
    failing: [...failingFigures(a)].sort((x, y) => x - y),
    ...(head ? { headline: text.slice(head.start, head.end) } : {}),
    ...(period ? { period: { text: period.text.trim(), ...(iso ? { iso } : {}) } } : {}),
    ...(region ? { region } : {}),
    counts: checkCounts(a),
    groups: verdicts(a).map((v) => ({
      id: v.group.id,
      dimension: v.group.dimension,
      dimensionName: termName(locale, v.group.dimension),
      kind: v.group.kind,
      ok: v.ok,
      sum: v.sum,
      total: v.total.value,
      line: v.line,
      terms: v.terms,
      span: { start: v.total.start, end: v.total.end },
    })),
  };
}
