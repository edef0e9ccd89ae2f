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
}

/**
 * What a published diagnostic carries in `data`: only the editor action it asks for. Its
 * fixes stay in the server's analysis of the document (a finding can hold thousands of
 * edits, and a 100 KB document a thousand findings): the code action handler takes them
 * from there when asked, for the current version only, and never trusts a client's data.
 */
export interface DiagnosticData {
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

/** A finding as a published diagnostic: the plain one, with the action it asks for in `data`. */
export function toDiagnostic(doc: PositionSource, f: Finding): Diagnostic {
  const d = toPlainDiagnostic(doc, f);
  if (f.action) d.data = { action: f.action } satisfies DiagnosticData;
  return d;
}

/** The fixes of a finding in LSP terms (converted when a code action asks for them). */
export function toFixes(doc: PositionSource, f: Finding): FixData[] {
  return f.fixes.map((fix) => ({
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText })),
    ...(fix.appliesTo ? { appliesTo: toRange(doc, fix.appliesTo.start, fix.appliesTo.end) } : {}),
  }));
}
