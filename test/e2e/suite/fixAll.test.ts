/**
 * Fix-all and the workspace configuration in real VS Code: source.fixAll.bulletin on
 * seed 002 repairs its pinyin residue, doubled punctuation and the recoverable
 * mojibake and touches nothing else; "Ignore in this file" writes .bulletincheck.json
 * and the finding goes away. Every wait polls.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/core/analyze';
import { applyEdits, safeEdits } from '../../../server/src/core/fixAll';
import { bulletinDiagnostics, codeOf, describeDiagnostics, openEditor, waitForDiagnostic, revert, workspaceFile } from './helpers';
import { waitFor } from './waitFor';


describe('Fix-all and .bulletincheck.json in VS Code', () => {
  it('source.fixAll.bulletin on seed 002 repairs pinyin residue, doubled punctuation and mojibake, and nothing else', async () => {
    const uri = await workspaceFile('002_');
    const editor = await openEditor(uri);
    const doc = editor.document;
    try {
      await waitForDiagnostic(uri, 'the pinyin-residue diagnostics of seed 002', (d) => codeOf(d) === 'pinyin-residue');
      const before = doc.getText();
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          new vscode.Range(0, 0, 0, 0),
          'source.fixAll.bulletin',
          50,
        )) ?? [];
      const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.bulletin');
      assert.ok(fixAll?.edit, `no fix-all action; got ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.strictEqual(await vscode.workspace.applyEdit(fixAll.edit), true);
      const after = doc.getText();
      assert.ok(!after.includes('(dāng)') && !after.includes('(wǎng)'), 'pinyin residue left');
      assert.ok(!after.includes(',,') && !after.includes(',、') && !after.includes(',。'), 'doubled punctuation left');
      assert.ok(after.includes('確?“不漏一人”“不漏一車?。'), 'the mojibake was not repaired');
      // every other character untouched: exactly the safe edits of the analysis, nothing more
      const findings = analyze(before, { mode: 'always' }).findings;
      assert.ok(after === applyEdits(before, safeEdits(findings)), 'fix-all changed characters that no safe fix names');
      const codes = new Set(findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.code));
      assert.deepStrictEqual([...codes].sort(), ['doubled-punctuation', 'mojibake', 'pinyin-residue']);
    } finally {
      await revert(doc);
    }
  });

  it('"Ignore in this file" writes .bulletincheck.json and the finding disappears', async () => {
    const uri = await workspaceFile('000_');
    await openEditor(uri);
    const typo = await waitForDiagnostic(uri, 'the typo diagnostic of seed 000', (d) => codeOf(d) === 'typo');
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
    const ignore = actions.find((a) => a.command?.command === 'bulletinCheck.addToConfig' && (a.command.arguments?.[0] as { section?: string })?.section === 'ignore');
    assert.ok(ignore?.command, `no ignore action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const folder = vscode.workspace.getWorkspaceFolder(uri) as vscode.WorkspaceFolder;
    const configUri = vscode.Uri.joinPath(folder.uri, '.bulletincheck.json');
    try {
      assert.strictEqual(await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? [])), true);
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri))) as { ignore: unknown[] };
      assert.deepStrictEqual(written.ignore, [{ rule: 'typo', text: '奥密戎', files: [vscode.workspace.asRelativePath(uri, false)] }]);
      await waitFor(
        'the typo diagnostic to disappear',
        () => bulletinDiagnostics(uri, 'typo').length === 0,
        30_000,
        () => describeDiagnostics(uri),
      );
    } finally {
      await vscode.workspace.fs.delete(configUri).then(undefined, () => undefined);
      await waitFor('the typo diagnostic to come back', () => bulletinDiagnostics(uri, 'typo').length === 1, 30_000, () => describeDiagnostics(uri));
    }
  });
});
