/**
 * Plain data produced by the core. Offsets are UTF-16 code-unit offsets into the
 * analysed string (what JavaScript strings index), half-open [start, end).
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const RULE_CODES = [
  // consistency checks
  'breakdown-sum',
  'part-exceeds-total',
  'conflicting-repeat',
  'identity',
  'invalid-date',
  'percent',
  // text damage
  'typo',
  'place-name',
  'inconsistent-name',
  'duplicate-item',
  'punctuation-width',
  'doubled-punctuation',
  'pinyin-residue',
  'mojibake',
  'broken-line',
  'spaced-word',
  'web-residue',
  // the document was too large, or the analysis ran out of time
  'not-analysed',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (fix-all, CLI --fix). */
  safe: boolean;
  /** Where the fix is offered: the finding's range, or another span (e.g. a part of a sum). */
  appliesTo?: Span;
  /**
   * 'document': a fix-all for a document-level finding (every half-width mark); its edits
   * may lie anywhere, each changing only the characters of one occurrence.
   */
  scope?: 'document';
}

export interface RelatedSpan extends Span {
  message: string;
}

export interface Finding extends Span {
  code: RuleCode;
  /** An editor action the finding asks for beyond text edits: reopening the file in its real encoding. */
  action?: 'reopen-with-encoding';
  severity: Severity;
  message: string;
  related: RelatedSpan[];
  fixes: Fix[];
}

/** What a figure counts. */
export type Category =
  | 'confirmed'
  | 'asymptomatic'
  | 'suspected'
  | 'positive'
  | 'close-contact'
  | 'secondary-contact'
  | 'cured'
  | 'death'
  | 'severe'
  | 'observation'
  | 'risk-area'
  | 'test'
  | 'vaccine'
  | 'isolation-room'
  | 'bed'
  | 'none';

export type Qualifier = 'new' | 'cumulative' | 'current' | 'round' | 'converted';
export type Origin = 'local' | 'imported';

/** The role a numeric token plays in the text. Only 'count' tokens take part in sums. */
export type TokenKind =
  | 'count'
  | 'percent'
  | 'date'
  | 'time'
  | 'year'
  | 'duration'
  | 'ordinal'
  | 'phone'
  | 'code'
  | 'identifier'
  | 'other';

export interface Figure extends Span {
  id: number;
  /** The literal as written, including unit and markers. */
  literal: string;
  /** Range of the number itself (what a fix rewrites). */
  valueStart: number;
  valueEnd: number;
  value: number;
  /** Closed interval the true value lies in (rounding, 余/多/约). Equal to [value, value] when exact. */
  low: number;
  high: number;
  approximate: boolean;
  /** Normalised (simplified) measure word, '' when none. */
  unit: string;
  footnote?: string;
  kind: TokenKind;
  category: Category;
  qualifier?: Qualifier;
  origin?: Origin;
  /** The date expression that governs the figure (index into Analysis.dates.dates): the last one before it. */
  period?: number;
  /** Where the figure applies, when the text says (see regions.ts). */
  region?: import('./regions').Region;
  /** The item label the figure belongs to (e.g. 平城区, 集中隔离管控发现), as written. */
  label?: string;
  labelStart?: number;
  /** How the number was written, so fixes keep the style. */
  numeral: 'arabic' | 'fullwidth' | 'chinese';
  grouped: boolean;
  /** A zero stated in words: 无新增确诊病例, 现无疑似病例. */
  zero?: boolean;
}

export type Dimension =
  | 'region'
  | 'route'
  | 'disposition'
  | 'outcome'
  | 'origin'
  | 'severity'
  | 'nationality'
  | 'gender'
  | 'test-type'
  | 'category'
  | 'other';

export interface Group {
  id: number;
  total: number; // figure id
  parts: number[]; // figure ids
  /** How many items each part stands for (法国、意大利、荷兰各1例 → 3), aligned with parts. */
  multipliers: number[];
  dimension: Dimension;
  kind: 'partition' | 'subset';
  /** The cue that introduced the parts (其中, 中, 分别为, parenthesis …). */
  cue: string;
  statement: number; // statement id
}

export interface Statement extends Span {
  id: number;
  figures: number[];
}

export interface Problem extends Span {
  message: string;
}

export interface Analysis {
  isBulletin: boolean;
  /** Places the article names. */
  places: import('./regions').PlaceMention[];
  /** The article's own city and province (what 我市/全省 mean). */
  home: { city?: import('./regions').Region; province?: import('./regions').Region };
  /** Date and time expressions, the publication date and the inferred year. */
  dates: import('./dates').DateInfo;
  figures: Figure[];
  groups: Group[];
  /** Counts of places (10市（县）报告…) with the places a breakdown names: groups whose parts count places. */
  placeCounts: import('./placeCounts').PlaceCount[];
  statements: Statement[];
  findings: Finding[];
  /** Things the parser could not read; never thrown. */
  problems: Problem[];
  /** Set when the caller cancelled the analysis (`isCancelled`): the result is empty and stale. */
  cancelled?: boolean;
}
