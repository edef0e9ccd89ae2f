import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../../core/hover';
import type { DocumentStates } from '../documentState';
import { toOffset, toRange } from '../positions';

export function onHover(documents: TextDocuments<TextDocument>, states: DocumentStates) {
  return (params: HoverParams): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    const state = states.get(params.textDocument.uri);
    if (!doc || !state || state.version !== doc.version) return null;
    const h = hoverAt(state.analysis, toOffset(doc, params.position), state.locale);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.start, h.end) };
  };
}
