/** Folding ranges: one per section of the article. */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingSpans } from '../../core/present/outline';
import { toRange } from '../positions';
import type { ServerContext } from '../serve';

export function onFoldingRanges(ctx: ServerContext) {
  return async (params: FoldingRangeParams): Promise<FoldingRange[]> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur || !cur.state.analysis.isBulletin) return [];
    const { doc } = cur;
    const out: FoldingRange[] = [];
    for (const s of foldingSpans(doc.getText())) {
      const r = toRange(doc, s.start, s.end);
      if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, kind: FoldingRangeKind.Region });
    }
    return out;
  };
}
