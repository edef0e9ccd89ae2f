/** Small helpers shared by the end-to-end tests and the screenshot step. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export const EXTENSION_ID = 'bulletin-check.bulletin-check';
export const SOURCE = 'bulletin-check';

/** Generous bounds: the language server starts on the first bulletin. */
export const DIAGNOSTICS_TIMEOUT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'VS Code was started without a workspace folder');
  return folders[0].uri;
}

/** The workspace file whose name is `name` or starts with `name` (e.g. "000_"). */
export async function workspaceFile(name: string): Promise<vscode.Uri> {
  const root = workspaceRoot();
  const entries = await vscode.workspace.fs.readDirectory(root);
  const exact = entries.find(([n, type]) => n === name && type === vscode.FileType.File);
  const match = exact ?? entries.find(([n, type]) => n.startsWith(name) && type === vscode.FileType.File);
  assert.ok(match, `no file named ${name}* in the test workspace ${root.toString()} (has: ${entries.map(([n]) => n).join(', ')})`);
  return vscode.Uri.joinPath(root, match[0]);
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  const code = d.code;
  if (code !== null && typeof code === 'object') {
    return code.value;
  }
  return code;
}

export function bulletinDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (code === undefined || codeOf(d) === code));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) {
    return `no diagnostics for ${uri.path}`;
  }
  return all
    .map(
      (d) =>
        `[${d.source ?? '?'}/${String(codeOf(d))}/${vscode.DiagnosticSeverity[d.severity]} ` +
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}] ${d.message}`,
    )
    .join(' | ');
}

/** Polls until the document has a bulletin-check diagnostic matching `pick`. */
export async function waitForDiagnostic(
  uri: vscode.Uri,
  what: string,
  pick: (d: vscode.Diagnostic) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic> {
  return waitFor(
    `${what} in ${uri.path}`,
    () => bulletinDiagnostics(uri).find(pick),
    timeoutMs,
    () => describeDiagnostics(uri),
  );
}

/** The range of the `occurrence`-th (0-based) occurrence of `needle`. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(index), doc.positionAt(index + needle.length));
}

/** The range of `part` inside the first occurrence of `context`. */
export function rangeWithin(doc: vscode.TextDocument, context: string, part: string): vscode.Range {
  const at = context.indexOf(part);
  assert.ok(at >= 0, `"${part}" is not part of "${context}"`);
  const outer = rangeOf(doc, context);
  const start = doc.offsetAt(outer.start) + at;
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + part.length));
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      if (typeof content === 'string') {
        parts.push(content);
      } else if ('value' in content) {
        parts.push(content.value);
      }
    }
  }
  return parts.join('\n');
}

export function rangeToString(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Reverts the unsaved changes of `doc` (the tests never save the workspace files). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${doc.uri.path} to be reverted`, () => !doc.isDirty, 10_000);
}
