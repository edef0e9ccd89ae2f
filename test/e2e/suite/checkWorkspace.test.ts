/** "Bulletin Check: Check Workspace" in real VS Code: a file nobody opened reaches the Problems panel. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';
import { waitFor } from './waitFor';

describe('Check Workspace in VS Code', () => {
  it('analyses the files of the workspace and reports an unopened broken one', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'unopened', 'mutated-unopened.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file must not be open');
    const result = await vscode.commands.executeCommand<{ files: number; analysed: number; cancelled: boolean }>('bulletinCheck.checkWorkspace');
    assert.ok(result, 'the command returned nothing');
    assert.ok(result.files >= 10, `only ${result.files} files listed`);
    assert.strictEqual(result.cancelled, false);
    const d = await waitFor(
      'the breakdown-sum diagnostic of the unopened file',
      () => vscode.languages.getDiagnostics(uri).find((x) => x.source === 'bulletin-check' && String(typeof x.code === 'object' ? x.code.value : x.code) === 'breakdown-sum'),
      30_000,
    );
    assert.ok(d.message.includes('5 + 6 = 11 ≠ 9'), d.message);
  });
});
