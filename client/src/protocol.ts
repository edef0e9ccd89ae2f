/**
 * The client's view of the server's custom messages. The server owns their shape
 * (server/src/lsp/handlers/facts.ts, diagnostics.ts); the client only reads them.
 */
export const FACTS_REQUEST = 'bulletinCheck/facts';
export const STATUS_NOTIFICATION = 'bulletinCheck/status';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface FigureFact {
  id: number;
  value: number;
  literal: string;
  unit: string;
  kind: string;
  category: string;
  qualifier: string | null;
  origin: string | null;
  region: { name: string; level: string; code?: string; chain: string[] } | null;
  period: number | null;
  label: string | null;
  approximate: boolean;
  range: Range;
}

export interface DocumentFacts {
  path: string;
  isBulletin: boolean;
  figures: FigureFact[];
  groups: unknown[];
  statements: unknown[];
  dates: Array<{ text: string; kind: string; iso?: string; startIso?: string; endIso?: string }>;
  regions: unknown[];
  problems: unknown[];
}

export interface GroupView {
  id: number;
  dimension: string;
  dimensionName: string;
  kind: 'partition' | 'subset';
  ok: boolean;
  sum: number;
  total: number;
  line: string;
  terms: string;
  range: Range;
}

export interface FactsResult {
  uri: string;
  version: number;
  facts: DocumentFacts;
  summary: {
    headline?: string;
    period?: { text: string; iso?: string };
    region?: { name: string; chain: string[]; code?: string };
    counts: { figures: number; totals: number; inconsistent: number; findings: number };
    groups: GroupView[];
    names: Record<string, string>;
    failing: number[];
  };
  findings: Array<{ code: string; severity: string; message: string; range: Range }>;
  csv: string;
}

export interface StatusParams {
  uri: string;
  analysed: boolean;
  figures: number;
  totals: number;
  inconsistent: number;
  problems: number;
}
