/**
 * What the checker understood at an offset, as Markdown. Built from the analysis
 * only (no second parser), so the hover always matches the model. Five kinds:
 * - a date or time: its ISO form, its year (written or inferred) and the period
 *   it opens or closes;
 * - a figure: what it counts, its place with chain, its period, its normalised
 *   value and every breakdown it belongs to; on a total, a table of its parts;
 * - a place name: level, parent chain, GB/T 2260 code and the figures given for it;
 * - the headline (anywhere in the first non-empty line): a summary of the article.
 */
import { localized, termName, t, type Locale } from './messages';
import type { PlaceCount } from './placeCounts';
import type { DateExpr } from './dates';
import { articlePeriod, articleRegion, checkCounts, grouped, headlineSpan, isoOf, mainFigures, verdictOf, type GroupVerdict } from './present/model';
import { p } from './present/strings';
import type { Analysis, Figure, Span } from './types';
import type { PlaceMention, Region } from './regions';

export interface HoverResult {
  start: number;
  end: number;
  markdown: string;
}

export type HoverKind = 'figure' | 'total' | 'date' | 'place' | 'headline' | 'other';

export interface HoverContext {
  /** The analysed text: needed for the headline summary. */
  text?: string;
  /** A link target for a span (e.g. `file:///a.txt#L3,5`); without it, no links. */
  link?: (span: Span) => string;
}

function figureAt(analysis: Analysis, offset: number): Figure | undefined {
  for (const f of analysis.figures) {
    if (f.start <= offset && offset < f.end) return f;
    if (f.start > offset) break;
  }
  return undefined;
}

function dateAt(analysis: Analysis, offset: number): DateExpr | undefined {
  return analysis.dates.dates.find((d) => d.start <= offset && offset < d.end);
}

function placeAt(analysis: Analysis, offset: number): PlaceMention | undefined {
  return analysis.places.find((m) => m.start <= offset && offset < m.end);
}

/** Markdown-safe cell text. */
function esc(s: string): string {
  return s.replace(/[|\\[\]*_`<>]/g, (c) => `\\${c}`);
}

function linked(ctx: HoverContext, text: string, span: Span): string {
  return ctx.link ? `[${esc(text)}](${ctx.link(span)})` : esc(text);
}

function describeFigure(f: Figure, locale: Locale): string {
  const what = [f.qualifier, f.origin].filter(Boolean).map((x) => termName(locale, x as string));
  what.push(termName(locale, f.category));
  return what.join(' · ');
}

function chainOf(r: Region): string {
  return `${r.chain.join(' → ')}${r.code ? ` (${r.code})` : ''}`;
}

function periodText(d: DateExpr, locale: Locale): string {
  const iso = isoOf(d);
  return `${d.text.trim()} · ${iso ?? p(locale, 'figure.unknownYear')}`;
}

/** The sum line of a breakdown a figure is part of: "平城区 3 + 云冈区 6 = 9 ✓" and "`3 + 6 = 9`". */
function groupLine(v: GroupVerdict, locale: Locale): string {
  const dim = termName(locale, v.group.dimension);
  if (v.group.kind === 'subset') {
    return `${t(locale, 'hover.subset')}: ${v.terms} ${v.ok ? '≤' : '>'} ${grouped(v.total.value)} ${v.ok ? '✓' : '✗'}  \n\`${v.line}\``;
  }
  const verdict = v.ok ? `= ${grouped(v.sum)} ✓` : `= ${grouped(v.sum)} ≠ ${grouped(v.total.value)} ✗`;
  return `${t(locale, 'hover.group', dim)}: ${v.terms} ${verdict}  \n\`${v.line}\``;
}

/** On a total: its parts as a table (each a link), the sum and the verdict, for one dimension. */
function totalTable(v: GroupVerdict, locale: Locale, ctx: HoverContext): string {
  const dim = termName(locale, v.group.dimension);
  const heading = v.group.kind === 'subset' ? p(locale, 'total.subsetHeading', dim) : p(locale, 'total.heading', dim);
  const rows = [`| ${p(locale, 'total.part')} | ${p(locale, 'total.value')} |`, '| --- | ---: |'];
  v.parts.forEach((x, i) => {
    const mult = v.group.multipliers[i] ?? 1;
    const value = mult === 1 ? grouped(x.value) : `${mult} × ${grouped(x.value)}`;
    rows.push(`| ${linked(ctx, x.label ?? x.literal, x)} | ${esc(value)} |`);
  });
  rows.push(`| **${p(locale, 'total.sum')}** | **${grouped(v.sum)}** |`);
  rows.push(`| ${p(locale, 'total.total')} | ${grouped(v.total.value)} |`);
  const verdict = v.group.kind === 'subset' ? p(locale, v.ok ? 'total.subsetOk' : 'total.subsetBad') : p(locale, v.ok ? 'total.verdictOk' : 'total.verdictBad');
  return `**${t(locale, 'hover.total')} — ${heading}**\n\n${rows.join('\n')}\n\n\`${v.line}\` — ${verdict}`;
}

function figureHover(a: Analysis, f: Figure, locale: Locale, ctx: HoverContext): string {
  if (f.kind !== 'count') {
    const places = a.placeCounts.find((c) => c.count === f.id);
    return places ? placeCountHover(places, f, locale, ctx) : `**${f.literal}**: ${t(locale, 'hover.notCount', f.kind)}`;
  }
  const details: string[] = [];
  details.push(`${t(locale, 'hover.value')}: ${f.literal} = ${grouped(f.value)} ${f.unit}`.trim());
  if (f.region) details.push(`${t(locale, 'hover.where')}: ${chainOf(f.region)}`);
  const period = f.period !== undefined ? a.dates.dates[f.period] : undefined;
  if (period) details.push(`${p(locale, 'figure.period')}: ${periodText(period, locale)}`);
  if (f.approximate || f.low !== f.high) details.push(t(locale, 'hover.approx', grouped(f.low), grouped(f.high)));
  // On a total the breakdowns come first: they are what the hover is for.
  const tables = a.groups.filter((g) => g.total === f.id).map((g) => totalTable(verdictOf(a, g), locale, ctx));
  const partOf = a.groups.filter((g) => g.parts.includes(f.id)).map((g) => `${t(locale, 'hover.part')} — ${groupLine(verdictOf(a, g), locale)}`);
  return [`**${f.literal}**: ${describeFigure(f, locale)}`, ...tables, ...details, ...partOf].join('\n\n');
}

const PLACE_COUNT = {
  title: { en: 'a number of places ({0}): the places named with their figures', zh: '地区数({0}):列出数字的地区' },
  ok: { en: 'matches the places named', zh: '与列出的地区数相符' },
  bad: { en: 'does not match the places named', zh: '与列出的地区数不符' },
};

/** On the 10 of "10市（县）报告…": the places each list names, and whether they add up. */
function placeCountHover(c: PlaceCount, f: Figure, locale: Locale, ctx: HoverContext): string {
  const named = c.parts.reduce((n, r) => n + r.value, 0);
  const rows = c.parts.map((r) => `- ${linked(ctx, String(r.value), r)}: ${esc(r.places.join('、'))}`);
  const line = `${c.parts.map((r) => r.value).join(' + ')} = ${named}${named === f.value ? '' : ` ≠ ${f.value}`}`;
  const verdict = localized(locale, named === f.value ? PLACE_COUNT.ok : PLACE_COUNT.bad);
  return `**${esc(c.written)}**: ${localized(locale, PLACE_COUNT.title, c.unit)}\n\n${rows.join('\n')}\n\n\`${line}\` — ${verdict}`;
}

function dateHover(a: Analysis, d: DateExpr, locale: Locale): string {
  const lines: string[] = [];
  const kind = p(locale, d.kind === 'period' ? 'date.kind.period' : d.kind === 'asof' ? 'date.kind.asof' : 'date.kind.instant');
  const pub = d === a.dates.publication ? ` (${p(locale, 'date.publication')})` : '';
  lines.push(`**${d.text.trim()}**: ${kind}${pub}`);
  if (!d.valid) {
    lines.push(p(locale, 'date.invalid'));
    return lines.join('\n\n');
  }
  const iso = isoOf(d);
  if (iso) lines.push(`${p(locale, 'date.iso')}: \`${iso}\``);
  const year = d.year === undefined ? p(locale, 'date.noYear') : d.from.yearInferred ? p(locale, 'date.inferred', d.year) : p(locale, 'date.written', d.year);
  lines.push(`${p(locale, 'date.year')}: ${year}`);
  const unknown = p(locale, 'figure.unknownYear');
  if (d.kind === 'period') lines.push(p(locale, 'date.opens', d.startIso ?? d.parts.text.trim(), d.endIso ?? d.endParts?.text.trim() ?? unknown));
  else if (d.kind === 'asof') lines.push(p(locale, 'date.closes', d.iso ?? d.text.trim()));
  else lines.push(p(locale, 'date.instant', d.iso ?? d.text.trim()));
  const index = a.dates.dates.indexOf(d);
  const governed = a.figures.filter((f) => f.period === index);
  if (governed.length > 0) {
    const shown = governed.slice(0, 8).map((f) => f.literal);
    lines.push(p(locale, 'date.governs', governed.length, shown.join(', ') + (governed.length > shown.length ? ' …' : '')));
  }
  return lines.join('\n\n');
}

function placeHover(a: Analysis, m: PlaceMention, locale: Locale, ctx: HoverContext): string {
  const r = m.region;
  const lines: string[] = [];
  lines.push(`**${r.name}**: ${p(locale, `level.${r.level}`)}`);
  lines.push(`${p(locale, 'place.chain')}: ${r.chain.join(' → ')}`);
  if (r.code) lines.push(`${p(locale, 'place.code')}: \`${r.code}\``);
  const figures = a.figures.filter((f) => f.kind === 'count' && f.region && f.region.name === r.name && (f.region.code ?? '') === (r.code ?? ''));
  if (figures.length === 0) {
    lines.push(p(locale, 'place.noFigures', r.name));
    return lines.join('\n\n');
  }
  const items = figures.slice(0, 12).map((f) => {
    const period = f.period !== undefined ? a.dates.dates[f.period] : undefined;
    return `- ${linked(ctx, f.literal, f)} ${describeFigure(f, locale)}${period ? ` (${esc(period.text.trim())})` : ''}`;
  });
  if (figures.length > items.length) items.push(`- ${p(locale, 'place.more', figures.length - items.length)}`);
  lines.push(`**${p(locale, 'place.figures', r.name)}**\n\n${items.join('\n')}`);
  return lines.join('\n\n');
}

function headlineHover(a: Analysis, locale: Locale, ctx: HoverContext): string {
  const lines: string[] = [`**${p(locale, 'summary.title')}**`];
  const period = articlePeriod(a);
  lines.push(`${p(locale, 'summary.period')}: ${period ? periodText(period, locale) : p(locale, 'summary.unknown')}`);
  const region = articleRegion(a);
  lines.push(`${p(locale, 'summary.region')}: ${region ? chainOf(region) : p(locale, 'summary.unknown')}`);
  const main = mainFigures(a);
  if (main.rows.length > 0) {
    const cols = main.qualifiers.map((q) => (q === '' ? p(locale, 'summary.none') : termName(locale, q)));
    const rows = [`| ${p(locale, 'summary.category')} | ${cols.join(' | ')} |`, `| --- |${main.qualifiers.map(() => ' ---: |').join('')}`];
    for (const r of main.rows) {
      const cells = main.qualifiers.map((q) => {
        const f = r.cells[q];
        return f ? linked(ctx, f.literal, f) : '';
      });
      rows.push(`| ${termName(locale, r.category)} | ${cells.join(' | ')} |`);
    }
    lines.push(`**${p(locale, 'summary.figures')}**\n\n${rows.join('\n')}`);
  }
  const c = checkCounts(a);
  lines.push(`**${p(locale, 'summary.checks')}**: ${p(locale, 'summary.checkLine', c.figures, c.totals, c.inconsistent)}`);
  return lines.join('\n\n');
}

/** The kind of hover at an offset (for tests and the summary view). */
export function hoverKindAt(analysis: Analysis, offset: number, text?: string): HoverKind | undefined {
  if (!analysis.isBulletin) return undefined;
  if (dateAt(analysis, offset)) return 'date';
  const f = figureAt(analysis, offset);
  if (f) return f.kind !== 'count' ? 'other' : analysis.groups.some((g) => g.total === f.id) ? 'total' : 'figure';
  if (placeAt(analysis, offset)) return 'place';
  if (text !== undefined) {
    const head = headlineSpan(text);
    if (head && onLineOf(text, head, offset)) return 'headline';
  }
  return undefined;
}

function onLineOf(text: string, head: Span, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', head.start - 1) + 1;
  let lineEnd = text.indexOf('\n', head.end);
  if (lineEnd < 0) lineEnd = text.length;
  return offset >= lineStart && offset <= lineEnd;
}

export function hoverAt(analysis: Analysis, offset: number, locale: Locale, ctx: HoverContext = {}): HoverResult | undefined {
  const kind = hoverKindAt(analysis, offset, ctx.text);
  switch (kind) {
    case 'date': {
      const d = dateAt(analysis, offset) as DateExpr;
      return { start: d.start, end: d.end, markdown: dateHover(analysis, d, locale) };
    }
    case 'figure':
    case 'total':
    case 'other': {
      const f = figureAt(analysis, offset) as Figure;
      return { start: f.start, end: f.end, markdown: figureHover(analysis, f, locale, ctx) };
    }
    case 'place': {
      const m = placeAt(analysis, offset) as PlaceMention;
      return { start: m.start, end: m.end, markdown: placeHover(analysis, m, locale, ctx) };
    }
    case 'headline': {
      const head = headlineSpan(ctx.text as string) as Span;
      return { start: head.start, end: head.end, markdown: headlineHover(analysis, locale, ctx) };
    }
    default:
      return undefined;
  }
}
