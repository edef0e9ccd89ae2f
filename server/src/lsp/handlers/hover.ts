/** Hover: what the checker understood at the cursor (figure, total, date, place, headline). */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../../core/hover';
import { offsetLink, toOffset, toRange } from '../positions';
import type { ServerContext } from '../serve';

export function onHover(ctx: ServerContext) {
  return async (params: HoverParams): Promise<Hover | null> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur) return null;
    const { doc, state } = cur;
    const h = hoverAt(state.analysis, toOffset(doc, params.position), state.locale, {
      text: doc.getText(),
      link: (span) => offsetLink(doc, span.start),
    });
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.start, h.end) };
  };
}
