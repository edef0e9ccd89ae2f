/**
 * The one place where core offsets (UTF-16 code units) become LSP positions and
 * back. LSP counts UTF-16 code units too, so a surrogate pair is two characters.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function toRange(doc: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toOffset(doc: TextDocument, pos: Position): number {
  return doc.offsetAt(pos);
}

export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function toPosition(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

/**
 * A link to an offset that VS Code opens at the right place from Markdown:
 * `file:///a.txt#L9,40` (1-based line and column, as VS Code's link opener reads them).
 */
export function offsetLink(doc: TextDocument, offset: number): string {
  const p = doc.positionAt(offset);
  return `${doc.uri}#L${p.line + 1},${p.character + 1}`;
}
