/** Turns core findings into LSP diagnostics, in one place. */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/types';
import { toRange } from './positions';

export const SOURCE = 'bulletin-check';

export interface FixData {
  title: string;
  edits: TextEdit[];
  safe: boolean;
  appliesTo?: Diagnostic['range'];
  /** The edits are in the cached analysis (a document-wide fix), converted on request. */
  documentWide?: true;
}

export interface DiagnosticData {
  fixes: FixData[];
  /** The editor action the finding asks for (reopen with encoding). */
  action?: 'reopen-with-encoding';
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where offsets become positions: an open document, or the line index of a file read from disk. */
export type PositionSource = Pick<TextDocument, 'uri' | 'positionAt'>;

/** A finding as a diagnostic without its fixes (what Check Workspace publishes for unopened files). */
export function toPlainDiagnostic(doc: PositionSource, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: doc.uri, range: toRange(doc, r.start, r.end) },
      message: r.message,
    }));
  }
  return d;
}

/** A finding as a diagnostic, its fixes in `data` for the code actions. */
export function toDiagnostic(doc: PositionSource, f: Finding): Diagnostic {
  const d = toPlainDiagnostic(doc, f);
  const data: DiagnosticData = {
    ...(f.action ? { action: f.action } : {}),
    // A document-wide fix (every half-width mark) can hold thousands of edits: they stay in
    // the analysis, and the code action converts them when asked (no analysis is redone).
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.scope === 'document' ? [] : fix.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText })),
      ...(fix.scope === 'document' ? { documentWide: true as const } : {}),
      ...(fix.appliesTo ? { appliesTo: toRange(doc, fix.appliesTo.start, fix.appliesTo.end) } : {}),
    })),
  };
  d.data = data;
  return d;
}
