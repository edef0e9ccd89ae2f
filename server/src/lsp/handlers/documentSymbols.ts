/** Outline and breadcrumbs: headline, sections, and the statements with figures under them. */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { outline, type OutlineKind, type OutlineNode } from '../../core/present/outline';
import { p } from '../../core/present/strings';
import { toRange } from '../positions';
import type { ServerContext } from '../serve';

const KIND: Record<OutlineKind, SymbolKind> = {
  headline: SymbolKind.File,
  section: SymbolKind.Namespace,
  statement: SymbolKind.Number,
};

export function onDocumentSymbol(ctx: ServerContext) {
  return async (params: DocumentSymbolParams): Promise<DocumentSymbol[]> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur || !cur.state.analysis.isBulletin) return [];
    const { doc, state } = cur;
    const convert = (n: OutlineNode): DocumentSymbol => ({
      name: n.name || '…',
      ...(n.detail ? { detail: n.detail } : {}),
      kind: KIND[n.kind],
      range: toRange(doc, n.start, n.end),
      selectionRange: toRange(doc, n.selection.start, n.selection.end),
      children: n.children.map(convert),
    });
    return outline(state.analysis, doc.getText(), (n) => p(state.locale, 'outline.figures', n)).map(convert);
  };
}
