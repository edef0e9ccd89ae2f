/** Inlay hints: "Σ 9 ✓" / "Σ 10 ≠ 9" after each breakdown (setting bulletinCheck.inlayHints). */
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { inlayNotes } from '../../core/present/annotations';
import { toOffset, toPosition } from '../positions';
import type { ServerContext } from '../serve';

export function onInlayHints(ctx: ServerContext) {
  return async (params: InlayHintParams): Promise<InlayHint[]> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur) return [];
    const { doc, state } = cur;
    if (!(await ctx.settings.get(doc.uri)).inlayHints) return [];
    const from = toOffset(doc, params.range.start);
    const to = toOffset(doc, params.range.end);
    return inlayNotes(state.analysis, state.locale)
      .filter((n) => n.offset >= from && n.offset <= to)
      .map((n) => ({ position: toPosition(doc, n.offset), label: n.label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: n.tooltip }));
  };
}
