/**
 * What the checker understood about the figure at an offset, as Markdown. Built
 * from the analysis only (no second parser), so the hover always matches the model.
 */
import { sumLine, term } from './checks/breakdownSum';
import { t, termName, type Locale } from './messages';
import type { Analysis, Figure, Group } from './types';

export interface HoverResult {
  start: number;
  end: number;
  markdown: string;
}

function figureAt(analysis: Analysis, offset: number): Figure | undefined {
  for (const f of analysis.figures) {
    if (f.start <= offset && offset < f.end) return f;
    if (f.start > offset) break;
  }
  return undefined;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 4 }) : '∞';
}

function groupLine(analysis: Analysis, g: Group, locale: Locale): string {
  const total = analysis.figures[g.total] as Figure;
  const parts = g.parts.map((id) => analysis.figures[id] as Figure);
  const dim = termName(locale, g.dimension);
  const terms = parts.map((p, i) => `${p.label ?? ''} ${term(p, g.multipliers[i] ?? 1)}`.trim()).join(' + ');
  if (g.kind === 'subset') {
    const sum = parts.reduce((a, p, i) => a + p.value * (g.multipliers[i] ?? 1), 0);
    const ok = sum <= total.high;
    return `${t(locale, 'hover.subset')}: ${terms} ${ok ? '≤' : '>'} ${fmt(total.value)} ${ok ? '✓' : '✗'}`;
  }
  const line = sumLine(total, parts, g.multipliers);
  const verdict = line.ok ? `= ${fmt(line.sum)} ✓` : `= ${fmt(line.sum)} ≠ ${fmt(total.value)} ✗`;
  return `${t(locale, 'hover.group', dim)}: ${terms} ${verdict}  \n\`${line.text}\``;
}

export function hoverAt(analysis: Analysis, offset: number, locale: Locale): HoverResult | undefined {
  const f = figureAt(analysis, offset);
  if (!f) return undefined;
  const lines: string[] = [];
  if (f.kind !== 'count') {
    lines.push(`**${f.literal}**: ${t(locale, 'hover.notCount', f.kind)}`);
    return { start: f.start, end: f.end, markdown: lines.join('\n\n') };
  }
  const what = [f.qualifier, f.origin].filter(Boolean).map((x) => termName(locale, x as string));
  what.push(termName(locale, f.category));
  lines.push(`**${f.literal}**: ${what.join(' · ')}`);
  lines.push(`${t(locale, 'hover.value')}: ${f.literal} = ${fmt(f.value)} ${f.unit}`.trim());
  if (f.region) lines.push(`${t(locale, 'hover.where')}: ${f.region.chain.join(' → ')}${f.region.code ? ` (${f.region.code})` : ''}`);
  if (f.approximate || f.low !== f.high) lines.push(t(locale, 'hover.approx', fmt(f.low), fmt(f.high)));
  for (const g of analysis.groups) {
    if (g.total === f.id || g.parts.includes(f.id)) {
      const role = g.total === f.id ? t(locale, 'hover.total') : t(locale, 'hover.part');
      lines.push(`${role} — ${groupLine(analysis, g, locale)}`);
    }
  }
  return { start: f.start, end: f.end, markdown: lines.join('\n\n') };
}
