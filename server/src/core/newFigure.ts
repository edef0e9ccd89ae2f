/**
 * Every Figure is made here, with all its fields in one fixed order, the optional ones
 * set to undefined when absent. Objects built field by field in varying orders get
 * different hidden classes in V8 (36 of them were seen over the fixtures), and every
 * loop over figures then runs through megamorphic property lookups, several times
 * slower. Keep one shape: set optional fields to undefined rather than deleting them.
 */
import type { Figure } from './types';

type Required = Pick<Figure, 'start' | 'end' | 'literal' | 'valueStart' | 'valueEnd' | 'value' | 'low' | 'high' | 'approximate' | 'unit' | 'kind' | 'category' | 'numeral' | 'grouped'>;
export type FigureInit = Required & Partial<Pick<Figure, 'id' | 'footnote' | 'qualifier' | 'origin' | 'label' | 'labelStart' | 'zero'>>;

export function newFigure(f: FigureInit): Figure {
  return {
    id: f.id ?? -1,
    start: f.start,
    end: f.end,
    literal: f.literal,
    valueStart: f.valueStart,
    valueEnd: f.valueEnd,
    value: f.value,
    low: f.low,
    high: f.high,
    approximate: f.approximate,
    unit: f.unit,
    footnote: f.footnote,
    kind: f.kind,
    category: f.category,
    qualifier: f.qualifier,
    origin: f.origin,
    period: undefined,
    region: undefined,
    label: f.label,
    labelStart: f.labelStart,
    numeral: f.numeral,
    grouped: f.grouped,
    zero: f.zero,
  };
}
