/**
 * The outline of an article: its headline, its sections and, under them, the
 * statements that carry figures. Sections are found from the layout the
 * statements sit in, not by reading figures again:
 * - a place subhead: a short line that names a place (杏花岭区, "阳 曲 县" with
 *   spaces, 平城区迎宾街道) followed by a title line (严防加演练 守牢主阵地);
 * - a numbered part: a line starting with 一、 二、 … or 1. / 1、 (NHC reports).
 * A section runs to the next one. The folding ranges are the sections'.
 */
import { resolvePlace } from '../regions';
import type { Analysis, Span } from '../types';
import { headlineSpan, trimmedSpan } from './model';

export type OutlineKind = 'headline' | 'section' | 'statement';

export interface OutlineNode extends Span {
  kind: OutlineKind;
  name: string;
  detail?: string;
  /** The span to select (the heading line, the statement text). */
  selection: Span;
  children: OutlineNode[];
}

interface Line extends Span {
  /** Trimmed content. */
  text: string;
  trimStart: number;
  trimEnd: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i <= text.length) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const { start: s, end: e } = trimmedSpan(text, i, end);
    out.push({ start: i, end, text: text.slice(s, e), trimStart: s, trimEnd: e });
    if (end === text.length) break;
    i = end + 1;
  }
  return out;
}

const PUNCT = /[,。,.;;::!!??、()()“”"《》]/;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))]|\d{1,2}[.、.](?!\d))/;

function isTitle(s: string): boolean {
  return s.length > 0 && s.length <= 24 && !/[,。,;;]/.test(s);
}

/** The compact name of a place subhead ("阳 曲 县" → 阳曲县), when the line is one. */
function placeHeading(s: string): string | undefined {
  const compact = s.replace(/[\s\u3000]+/g, '');
  if (compact.length < 2 || compact.length > 12 || PUNCT.test(compact) || /\d/.test(compact)) return undefined;
  return resolvePlace(compact) ? compact : undefined;
}

export interface Section extends Span {
  name: string;
  /** The heading line (and title line, when there is one). */
  heading: Span;
}

export function findSections(text: string): Section[] {
  const ls = lines(text);
  const head = headlineSpan(text);
  const heads: Array<{ line: number; name: string; heading: Span }> = [];
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i] as Line;
    if (!l.text || (head && l.trimStart === head.start)) continue;
    let j = i + 1;
    while (j < ls.length && !(ls[j] as Line).text) j++;
    const next = ls[j];
    const place = placeHeading(l.text);
    if (place && next && isTitle(next.text) && !placeHeading(next.text)) {
      heads.push({ line: i, name: `${place} · ${next.text}`, heading: { start: l.trimStart, end: next.trimEnd } });
      i = j;
      continue;
    }
    if (NUMBERED.test(l.text) && l.text.length <= 40) {
      heads.push({ line: i, name: l.text, heading: { start: l.trimStart, end: l.trimEnd } });
    }
  }
  const out: Section[] = [];
  for (let k = 0; k < heads.length; k++) {
    const h = heads[k] as (typeof heads)[number];
    const stop = k + 1 < heads.length ? (heads[k + 1] as (typeof heads)[number]).line : ls.length;
    // the section ends at its last non-empty line
    let last = stop - 1;
    while (last > h.line && !(ls[last] as Line).text) last--;
    out.push({ name: h.name, heading: h.heading, start: h.heading.start, end: Math.max((ls[last] as Line).trimEnd, h.heading.end) });
  }
  return out;
}

function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = Math.min(s.end, text.length);
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  return { start: a, end: b };
}

function shorten(s: string, n = 32): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

/**
 * The outline. `figuresLabel(n)` names the statement detail ("3 figures"); the
 * headline is named by its own text.
 */
export function outline(a: Analysis, text: string, figuresLabel: (n: number) => string): OutlineNode[] {
  const head = headlineSpan(text);
  const sections = findSections(text);
  const statements: OutlineNode[] = a.statements.map((s) => {
    const span = trimSpan(text, s);
    return { kind: 'statement', name: shorten(text.slice(span.start, span.end)), detail: figuresLabel(s.figures.length), start: span.start, end: span.end, selection: span, children: [] };
  });
  const roots: OutlineNode[] = [];
  const firstSection = sections[0]?.start ?? text.length;
  if (head) {
    let end = head.end;
    for (const st of statements) if (st.start < firstSection && st.end > end) end = st.end;
    roots.push({ kind: 'headline', name: text.slice(head.start, head.end), start: head.start, end, selection: head, children: [] });
  }
  for (const s of sections) roots.push({ kind: 'section', name: s.name, start: s.start, end: s.end, selection: s.heading, children: [] });
  for (const st of statements) {
    const parent = roots.find((r) => r.start <= st.start && st.end <= r.end);
    if (parent) parent.children.push(st);
    else roots.push(st);
  }
  roots.sort((x, y) => x.start - y.start);
  return roots;
}

/** Folding: one range per section (its heading to its last line). */
export function foldingSpans(text: string): Span[] {
  return findSections(text).map((s) => ({ start: s.start, end: s.end }));
}
