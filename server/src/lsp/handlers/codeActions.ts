/**
 * Quick fixes. Every fix travels in the diagnostic's `data`; fixes that apply to
 * another span (a part of a sum) are offered when the cursor is on that span.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, type DiagnosticData } from '../convert';
import type { DocumentStates } from '../documentState';
import { rangesIntersect } from '../positions';

function isPosition(p: unknown): boolean {
  const x = p as { line?: unknown; character?: unknown } | null;
  return !!x && typeof x === 'object' && Number.isInteger(x.line) && Number.isInteger(x.character) && (x.line as number) >= 0 && (x.character as number) >= 0;
}

function isRange(r: unknown): boolean {
  const x = r as { start?: unknown; end?: unknown } | null;
  return !!x && typeof x === 'object' && isPosition(x.start) && isPosition(x.end);
}

/** A fix as the server put it in `data`; anything else (a client may send any data back) is dropped. */
function isFix(f: unknown): f is DiagnosticData['fixes'][number] {
  const x = f as { title?: unknown; edits?: unknown; appliesTo?: unknown } | null;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.title === 'string' &&
    Array.isArray(x.edits) &&
    x.edits.every((e: unknown) => {
      const edit = e as { range?: unknown; newText?: unknown } | null;
      return !!edit && typeof edit === 'object' && isRange(edit.range) && typeof edit.newText === 'string';
    }) &&
    (x.appliesTo === undefined || isRange(x.appliesTo))
  );
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as { fixes?: unknown } | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.fixes)) return undefined;
  return { fixes: data.fixes.filter(isFix) };
}

export function onCodeAction(documents: TextDocuments<TextDocument>, states: DocumentStates) {
  return (params: CodeActionParams): CodeAction[] => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return [];
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    const push = (d: Diagnostic, title: string, edits: DiagnosticData['fixes'][number]['edits']) => {
      const key = title + JSON.stringify(edits);
      if (seen.has(key)) return;
      seen.add(key);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false, edit: { changes: { [uri]: edits } } });
    };
    // Fixes on the diagnostics the client sent (their own range).
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      for (const fix of dataOf(d)?.fixes ?? []) if (!fix.appliesTo) push(d, fix.title, fix.edits);
    }
    // Fixes that apply elsewhere (a part under the cursor) and fixes of diagnostics at the cursor.
    const state = states.get(uri);
    if (state && state.version === doc.version) {
      for (const d of state.diagnostics) {
        for (const fix of dataOf(d)?.fixes ?? []) {
          const where = fix.appliesTo ?? d.range;
          if (rangesIntersect(where, params.range)) push(d, fix.title, fix.edits);
        }
      }
    }
    // Typo and punctuation fixes first; sum fixes are alternatives, none preferred.
    const single = actions.filter((a) => a.diagnostics?.[0]?.code !== 'breakdown-sum');
    for (const a of single) a.isPreferred = true;
    return actions;
  };
}
