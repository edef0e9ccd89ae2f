/**
 * `bulletinCheck/facts`: what `bulletin-check facts` prints for a document (core/facts.ts),
 * plus what the summary view shows beside it: the verdict of each group, the
 * findings, the article's period and region, and the CSV rows.
 */
import type { Range } from 'vscode-languageserver';
import { csvHeader, toCsvRows, toFacts, type DocumentFacts } from '../../core/facts';
import { summaryView, type SummaryView } from '../../core/present/summary';
import { toRange } from '../positions';
import type { ServerContext } from '../serve';

export const FACTS_REQUEST = 'bulletinCheck/facts';

export interface FactsParams {
  uri: string;
}

export interface FactsResult {
  uri: string;
  version: number;
  facts: DocumentFacts;
  summary: Omit<SummaryView, 'groups'> & { groups: Array<Omit<SummaryView['groups'][number], 'span'> & { range: Range }> };
  findings: Array<{ code: string; severity: string; message: string; range: Range }>;
  /** `bulletin-check facts --csv` for this document: the header and one row per figure. */
  csv: string;
}

/** The path a URI names (file:///a/b.txt → /a/b.txt), as the CLI's `path` field. */
function pathOf(uri: string): string {
  const m = /^[a-zA-Z][\w+.-]*:\/\/[^/]*(\/[^?#]*)/.exec(uri);
  try {
    return m ? decodeURIComponent(m[1] as string) : uri;
  } catch {
    return uri;
  }
}

export function onFacts(ctx: ServerContext) {
  return async (params: FactsParams): Promise<FactsResult | null> => {
    const cur = await ctx.current(params.uri);
    if (!cur) return null;
    const { doc, state } = cur;
    const text = doc.getText();
    const facts = toFacts(pathOf(doc.uri), text, state.analysis);
    const view = summaryView(state.analysis, text, state.locale);
    return {
      uri: doc.uri,
      version: doc.version,
      facts,
      summary: { ...view, groups: view.groups.map(({ span, ...g }) => ({ ...g, range: toRange(doc, span.start, span.end) })) },
      findings: state.analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: toRange(doc, f.start, f.end) })),
      csv: [csvHeader(), ...toCsvRows(facts)].join('\n') + '\n',
    };
  };
}
