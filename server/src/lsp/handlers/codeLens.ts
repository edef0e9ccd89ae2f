/** Code lens on the headline: "23 figures · 8 totals checked · 1 inconsistent", opening the summary view. */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { headlineLens } from '../../core/present/annotations';
import { toRange } from '../positions';
import type { ServerContext } from '../serve';

export const SHOW_SUMMARY_COMMAND = 'bulletinCheck.showSummary';

export function onCodeLens(ctx: ServerContext) {
  return async (params: CodeLensParams): Promise<CodeLens[]> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur) return [];
    const { doc, state } = cur;
    const lens = headlineLens(state.analysis, doc.getText(), state.locale);
    if (!lens) return [];
    return [{ range: toRange(doc, lens.start, lens.end), command: { title: lens.title, command: SHOW_SUMMARY_COMMAND, arguments: [doc.uri] } }];
  };
}
