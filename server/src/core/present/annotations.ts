/**
 * Inline annotations: the Σ after each breakdown (inlay hints), the code-lens
 * line of the headline, and the state of each figure for semantic highlighting.
 */
import type { Locale } from '../messages';
import { termName } from '../messages';
import type { Analysis, Span } from '../types';
import { checkCounts, checkedFigures, failingFigures, headlineSpan, plain, verdicts } from './model';
import { p } from './strings';

export interface InlayNote {
  /** Where the hint goes: right after the last part of the breakdown. */
  offset: number;
  label: string;
  ok: boolean;
  tooltip: string;
  group: number;
}

/** One hint per breakdown: "Σ 9 ✓", "Σ 10 ≠ 9"; subsets "Σ 133000 ≤ 220000 ✓", "Σ 1330000 > 220000". */
export function inlayNotes(a: Analysis, locale: Locale): InlayNote[] {
  const out: InlayNote[] = [];
  for (const v of verdicts(a)) {
    if (v.parts.length === 0) continue;
    const offset = Math.max(...v.parts.map((x) => x.end));
    const total = plain(v.total.value);
    const label =
      v.group.kind === 'subset'
        ? v.ok
          ? `Σ ${plain(v.sum)} ≤ ${total} ✓`
          : `Σ ${plain(v.sum)} > ${total}`
        : v.ok
          ? `Σ ${plain(v.sum)} ✓`
          : `Σ ${plain(v.sum)} ≠ ${total}`;
    out.push({ offset, label, ok: v.ok, tooltip: p(locale, 'inlay.tooltip', termName(locale, v.group.dimension), v.line), group: v.group.id });
  }
  return out.sort((x, y) => x.offset - y.offset);
}

export interface LensNote extends Span {
  title: string;
}

/** The code lens of the headline: "23 figures · 8 totals checked · 1 inconsistent". */
export function headlineLens(a: Analysis, text: string, locale: Locale): LensNote | undefined {
  if (!a.isBulletin) return undefined;
  const head = headlineSpan(text) ?? { start: 0, end: 0 };
  const c = checkCounts(a);
  return { start: head.start, end: head.end, title: p(locale, 'summary.checkLine', c.figures, c.totals, c.inconsistent) };
}

export type FigureState = 'checked' | 'inconsistent';

export interface FigureToken extends Span {
  state: FigureState;
}

/**
 * Semantic highlighting: every count that takes part in a check, marked
 * `inconsistent` when a consistency finding sits on it or points at it, else
 * `checked`. Figures outside any check are left to the grammar.
 */
export function figureTokens(a: Analysis): FigureToken[] {
  const bad = failingFigures(a);
  const checked = checkedFigures(a);
  const out: FigureToken[] = [];
  for (const f of a.figures) {
    if (f.kind !== 'count' && !bad.has(f.id)) continue;
    if (bad.has(f.id)) out.push({ start: f.start, end: f.end, state: 'inconsistent' });
    else if (checked.has(f.id)) out.push({ start: f.start, end: f.end, state: 'checked' });
  }
  return out;
}
