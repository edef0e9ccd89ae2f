/**
 * What `bulletin-check facts` prints for a document: the model as plain JSON, every
 * item with an LSP-style range (0-based line and UTF-16 character). A stable
 * interface, documented in the README.
 */
import type { Region } from './regions';
import { LineIndex, type LineCharacter } from './text/lineIndex';
import type { Analysis, Figure } from './types';

export interface Range {
  start: LineCharacter;
  end: LineCharacter;
}

export interface FigureFact {
  id: number;
  value: number;
  literal: string;
  unit: string;
  kind: Figure['kind'];
  category: Figure['category'];
  qualifier: Figure['qualifier'] | null;
  origin: Figure['origin'] | null;
  region: Region | null;
  /** Index into `dates` of the date expression that governs the figure. */
  period: number | null;
  label: string | null;
  approximate: boolean;
  low: number | null;
  high: number | null;
  range: Range;
}

export interface DocumentFacts {
  path: string;
  isBulletin: boolean;
  figures: FigureFact[];
  groups: Array<{
    id: number;
    total: { id: number; value: number; range: Range };
    /**
     * Parts are figures (id), or for a count of places (`counts: 'places'`, 10市（县）报告…) the
     * places one list names: id null, value the number of places, `places` their names.
     */
    parts: Array<{ id: number | null; value: number; multiplier: number; range: Range; places?: string[] }>;
    dimension: string;
    kind: 'partition' | 'subset';
    cue: string;
    counts?: 'places';
  }>;
  statements: Array<{ id: number; range: Range; figures: number[] }>;
  dates: unknown[];
  regions: Array<Region & { range: Range }>;
  problems: Array<{ message: string; range: Range }>;
}

export function toFacts(path: string, text: string, a: Analysis): DocumentFacts {
  const li = new LineIndex(text);
  const range = (s: number, e: number): Range => ({ start: li.positionAt(s), end: li.positionAt(e) });
  const fig = (id: number) => a.figures[id] as Figure;
  return {
    path,
    isBulletin: a.isBulletin,
    figures: a.figures.map((f) => ({
      id: f.id,
      value: f.value,
      literal: f.literal,
      unit: f.unit,
      kind: f.kind,
      category: f.category,
      qualifier: f.qualifier ?? null,
      origin: f.origin ?? null,
      region: f.region ?? null,
      period: f.period ?? null,
      label: f.label ?? null,
      approximate: f.approximate,
      low: Number.isFinite(f.low) ? f.low : null,
      high: Number.isFinite(f.high) ? f.high : null,
      range: range(f.start, f.end),
    })),
    groups: [
      ...a.groups.map((g) => ({
        id: g.id,
        total: { id: g.total, value: fig(g.total).value, range: range(fig(g.total).start, fig(g.total).end) },
        parts: g.parts.map((id, i) => ({ id, value: fig(id).value, multiplier: g.multipliers[i] ?? 1, range: range(fig(id).start, fig(id).end) })),
        dimension: g.dimension,
        kind: g.kind,
        cue: g.cue,
      })),
      ...a.placeCounts.map((c, i) => ({
        id: a.groups.length + i,
        total: { id: c.count, value: fig(c.count).value, range: range(fig(c.count).start, c.end) },
        parts: c.parts.map((r) => ({ id: null, value: r.value, multiplier: 1, range: range(r.start, r.end), places: r.places })),
        dimension: 'region',
        kind: 'partition' as const,
        cue: 'places',
        counts: 'places' as const,
      })),
    ],
    statements: a.statements.map((s) => ({ id: s.id, range: range(s.start, s.end), figures: s.figures })),
    dates: a.dates.dates.map((d) => ({
      text: d.text,
      kind: d.kind,
      ...(d.iso ? { iso: d.iso } : {}),
      ...(d.startIso ? { startIso: d.startIso, endIso: d.endIso } : {}),
      year: d.year ?? null,
      yearInferred: d.from.yearInferred,
      valid: d.valid,
      publication: d === a.dates.publication,
      range: range(d.start, d.end),
    })),
    regions: a.places.map((p) => ({ ...p.region, range: range(p.start, p.end) })),
    problems: a.problems.map((p) => ({ message: p.message, range: range(p.start, p.end) })),
  };
}

const CSV_COLUMNS = ['path', 'line', 'character', 'literal', 'value', 'unit', 'kind', 'category', 'qualifier', 'origin', 'region', 'label', 'total_of', 'part_of'] as const;

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

/** One row per figure. total_of / part_of list group ids. */
export function toCsvRows(facts: DocumentFacts): string[] {
  return facts.figures.map((f) => {
    const totalOf = facts.groups.filter((g) => g.total.id === f.id).map((g) => g.id).join(' ');
    const partOf = facts.groups.filter((g) => g.parts.some((p) => p.id === f.id)).map((g) => g.id).join(' ');
    return [facts.path, f.range.start.line, f.range.start.character, f.literal, f.value, f.unit, f.kind, f.category, f.qualifier, f.origin, f.region?.name, f.label, totalOf, partOf]
      .map(csvField)
      .join(',');
  });
}
