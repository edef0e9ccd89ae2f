/**
 * After the tests: show the breakdown-sum problem of mutated-000.txt with its
 * hover, then ask the runner to take a screenshot of the page and wait (with a
 * bound) until it says it has.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { emit, out, screenshotDoneFile } from './relay';
import { openEditor, rangeWithin, waitForDiagnostic, workspaceFile, codeOf } from './helpers';
import { waitFor } from './waitFor';

export async function prepareScreenshot(target: string): Promise<void> {
  if (!screenshotDoneFile) {
    return;
  }
  // A clean window: only the one editor (never close dirty ones: that would
  // open a modal "save?" dialog and block).
  if (!vscode.workspace.textDocuments.some((d) => d.isDirty)) {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  const uri = await workspaceFile('mutated-000.txt');
  const editor = await openEditor(uri);
  await waitForDiagnostic(uri, 'a breakdown-sum diagnostic', (d) => codeOf(d) === 'breakdown-sum', 30_000);
  const total = rangeWithin(editor.document, '新增的9例确诊病例中', '9例');
  const cursor = total.start.translate(0, 1);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(total, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');

  emit({ t: 'screenshot', path: target });
  const done = screenshotDoneFile;
  await waitFor('the runner to take the screenshot', () => fs.existsSync(done), 45_000);
  const answer = fs.readFileSync(done, 'utf8').trim();
  out(answer === 'ok' ? `screenshot saved: ${target}` : `screenshot not saved: ${answer}`);
}
