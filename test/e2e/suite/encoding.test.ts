/** A GBK file opened as UTF-8 in real VS Code: one finding, and "Reopen with Encoding GBK" repairs the view. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openEditor, waitForDiagnostic, workspaceRoot } from './helpers';
import { waitFor } from './waitFor';

/** The wrong-encoding finding, in either display language. */
const isWrongEncoding = (x: vscode.Diagnostic): boolean => codeOf(x) === 'mojibake' && (x.message.includes('encoding') || x.message.includes('编码'));

describe('Wrong encoding in VS Code', () => {
  it('reopens a GBK file in GBK from the quick fix', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'encoding', 'gbk-000.txt');
    await openEditor(uri);
    const d = await waitForDiagnostic(uri, 'the wrong-encoding finding', isWrongEncoding);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
    const reopen = actions.find((a) => a.command?.command === 'bulletinCheck.reopenWithEncoding');
    assert.ok(reopen?.command, `no reopen action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const encoding = await vscode.commands.executeCommand<string>(reopen.command.command, ...(reopen.command.arguments ?? []));
    assert.strictEqual(encoding, 'gbk');
    const doc = await waitFor('the document in GBK', () => vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString() && x.getText().includes('平城区3例')), 20_000);
    assert.ok(doc.getText().includes('奥密戎'));
    await waitFor(
      'the wrong-encoding finding to go and the real typo to appear',
      () => {
        const list = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'bulletin-check');
        return !list.some(isWrongEncoding) && list.some((x) => codeOf(x) === 'typo');
      },
      30_000,
      () => describeDiagnostics(uri),
    );
  });
});
