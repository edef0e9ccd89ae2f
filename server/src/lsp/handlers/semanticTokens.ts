/**
 * Semantic tokens: the figures that take part in a check, as `number` with the
 * custom modifier `checked` or `inconsistent` (package.json maps them to scopes).
 * The grammar colours everything else.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import { figureTokens } from '../../core/present/annotations';
import { toRange } from '../positions';
import type { ServerContext } from '../serve';

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: ['number'], tokenModifiers: ['checked', 'inconsistent'] };

const MODIFIER = { checked: 1 << 0, inconsistent: 1 << 1 } as const;

export function onSemanticTokens(ctx: ServerContext) {
  return async (params: SemanticTokensParams): Promise<SemanticTokens> => {
    const cur = await ctx.current(params.textDocument.uri);
    if (!cur) return { data: [] };
    const { doc, state } = cur;
    const builder = new SemanticTokensBuilder();
    for (const t of figureTokens(state.analysis)) {
      const r = toRange(doc, t.start, t.end);
      if (r.start.line !== r.end.line) continue; // tokens cannot span lines
      builder.push(r.start.line, r.start.character, r.end.character - r.start.character, 0, MODIFIER[t.state]);
    }
    return builder.build();
  };
}
