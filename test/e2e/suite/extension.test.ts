/**
 * End-to-end tests of Bulletin Check in a real VS Code: diagnostics, hover and
 * quick fixes on the seed bulletins of test/fixtures/seeds, copied by the
 * runner into a fresh workspace together with mutated-000.txt (seed 000 with
 * "平城区3例" changed to "平城区4例") and readme-en.txt (English prose).
 *
 * Every wait polls (waitFor); there are no fixed sleeps.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  bulletinDiagnostics,
  codeOf,
  describeDiagnostics,
  hoverText,
  openEditor,
  rangeOf,
  rangeToString,
  rangeWithin,
  waitForDiagnostic,
  revert,
  workspaceFile,
} from './helpers';
import { waitFor } from './waitFor';

const SEED_000 = '000_';
const SEED_002 = '002_';
const MUTATED = 'mutated-000.txt';
const README_EN = 'readme-en.txt';

/** Polls the hover providers at `position` until the hover text satisfies `ok`. */
async function waitForHover(
  uri: vscode.Uri,
  position: vscode.Position,
  what: string,
  ok: (text: string) => boolean,
): Promise<string> {
  let last = '';
  return waitFor(
    what,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      last = hoverText(hovers);
      return ok(last) ? last : undefined;
    },
    30_000,
    () => JSON.stringify(last),
  );
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // itemResolveCount: resolve lazily computed edits too.
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
    50,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}


describe('Bulletin Check in VS Code', () => {
  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed (development path not loaded?)`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('reports the typo in seed 000 and no breakdown-sum problem (its figures add up)', async () => {
    const uri = await workspaceFile(SEED_000);
    const editor = await openEditor(uri);
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const typoRange = rangeOf(editor.document, '奥密戎');
    const typo = await waitForDiagnostic(
      uri,
      'the typo diagnostic on 奥密戎',
      (d) => codeOf(d) === 'typo' && d.range.contains(typoRange),
    );
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(uri));
    assert.deepStrictEqual(
      bulletinDiagnostics(uri, 'breakdown-sum').map((d) => `${rangeToString(d.range)} ${d.message}`),
      [],
      'seed 000 adds up, so it must have no breakdown-sum diagnostic',
    );
  });

  it('reports the broken breakdown in mutated-000.txt on its total, with the arithmetic and related parts', async () => {
    const uri = await workspaceFile(MUTATED);
    const editor = await openEditor(uri);
    const doc = editor.document;
    const total = rangeWithin(doc, '新增的9例确诊病例中', '9例');
    const diag = await waitForDiagnostic(
      uri,
      'a breakdown-sum diagnostic on the total "9例"',
      (d) => codeOf(d) === 'breakdown-sum' && d.range.intersection(total) !== undefined,
    );
    assert.ok(
      diag.range.contains(total),
      `the diagnostic range ${rangeToString(diag.range)} ("${doc.getText(diag.range)}") does not cover "9例" at ${rangeToString(total)}`,
    );
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diag.message.includes('4 + 6 = 10'), `message lacks "4 + 6 = 10": ${diag.message}`);
    assert.ok(diag.message.includes('≠'), `message lacks "≠": ${diag.message}`);

    const related = diag.relatedInformation ?? [];
    assert.strictEqual(related.length, 2, `expected 2 related parts, got ${JSON.stringify(related.map((r) => r.message))}`);
    const parts = [rangeWithin(doc, '平城区4例、云冈区6例', '4例'), rangeWithin(doc, '平城区4例、云冈区6例', '6例')];
    for (const part of parts) {
      assert.ok(
        related.some((r) => r.location.uri.toString() === uri.toString() && r.location.range.intersection(part) !== undefined),
        `no related information points at "${doc.getText(part)}" (${rangeToString(part)}); got ${related
          .map((r) => `${rangeToString(r.location.range)} "${doc.getText(r.location.range)}"`)
          .join(', ')}`,
      );
    }
  });

  it('shows the sum of a breakdown when hovering one of its figures (seed 000)', async () => {
    const uri = await workspaceFile(SEED_000);
    const editor = await openEditor(uri);
    const figure = rangeWithin(editor.document, '平城区3例', '3例');
    const text = await waitForHover(uri, figure.start, 'a hover with "3 + 6 = 9" on 平城区3例', (t) => t.includes('3 + 6 = 9'));
    assert.ok(text.includes('✓'), `hover lacks "✓": ${text}`);
  });

  it('shows the broken sum when hovering a figure of the broken breakdown (mutated-000.txt)', async () => {
    const uri = await workspaceFile(MUTATED);
    const editor = await openEditor(uri);
    const figure = rangeWithin(editor.document, '平城区4例', '4例');
    const text = await waitForHover(uri, figure.start, 'a hover with "4 + 6 = 10" on 平城区4例', (t) => t.includes('4 + 6 = 10'));
    assert.ok(text.includes('≠ 9'), `hover lacks "≠ 9": ${text}`);
  });

  it('fixes the typo 奥密戎 → 奥密克戎 with its quick fix (seed 000)', async () => {
    const uri = await workspaceFile(SEED_000);
    const editor = await openEditor(uri);
    const doc = editor.document;
    try {
      const typoRange = rangeOf(doc, '奥密戎');
      const typo = await waitForDiagnostic(
        uri,
        'the typo diagnostic on 奥密戎',
        (d) => codeOf(d) === 'typo' && d.range.contains(typoRange),
      );
      const actions = await quickFixes(uri, typo.range);
      const fix = actions.find((a) => a.title.includes('奥密克戎'));
      assert.ok(fix, `no quick fix titled with 奥密克戎; got ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(fix.edit, `the quick fix "${fix.title}" has no edit`);
      assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the quick fix');

      const text = doc.getText();
      assert.ok(text.includes('奥密克戎变异株'), 'the fixed text lacks 奥密克戎变异株');
      assert.ok(!text.includes('奥密戎'), 'the text still contains 奥密戎');
      await waitFor(
        'the typo diagnostic to disappear after the fix',
        () => bulletinDiagnostics(uri, 'typo').every((d) => !doc.getText(d.range).includes('奥密')),
        30_000,
        () => describeDiagnostics(uri),
      );
    } finally {
      await revert(doc);
    }
  });

  it('fixes a doubled punctuation mark ",," → "," with its quick fix, changing nothing else (seed 002)', async () => {
    const uri = await workspaceFile(SEED_002);
    const editor = await openEditor(uri);
    const doc = editor.document;
    try {
      const diag = await waitForDiagnostic(
        uri,
        'a doubled-punctuation diagnostic on ",,"',
        (d) => codeOf(d) === 'doubled-punctuation' && doc.getText(d.range) === ',,',
      );
      const before = doc.getText();
      const start = doc.offsetAt(diag.range.start);

      const actions = await quickFixes(uri, diag.range);
      const fix =
        actions.find((a) => a.edit && (a.diagnostics ?? []).some((d) => codeOf(d) === 'doubled-punctuation')) ??
        actions.find((a) => a.edit);
      assert.ok(fix, `no quick fix with an edit for ",,"; got ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(fix.edit);
      assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the quick fix');

      const after = doc.getText();
      const expected = before.slice(0, start) + before.slice(start + 1);
      assert.strictEqual(after.length, before.length - 1, 'the fix must remove exactly one character');
      assert.ok(after === expected, `the fix changed more than the doubled mark at offset ${start} (fix "${fix.title}")`);
    } finally {
      await revert(doc);
    }
  });

  it('leaves English plain text alone (readme-en.txt gets no diagnostics)', async () => {
    const readme = await workspaceFile(README_EN);
    const readmeEditor = await openEditor(readme);
    assert.strictEqual(readmeEditor.document.languageId, 'plaintext');

    // Absence needs a bound: open a bulletin *after* the readme and wait for
    // its diagnostics, which proves the server has processed the documents.
    // The probe lives outside the workspace so that it leaves no trace there.
    const seed = await vscode.workspace.fs.readFile(await workspaceFile(SEED_000));
    const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-e2e-probe-'));
    const probe = vscode.Uri.file(path.join(probeDir, 'probe-after-readme.txt'));
    try {
      await vscode.workspace.fs.writeFile(probe, seed);
      const probeEditor = await openEditor(probe);
      const typoRange = rangeOf(probeEditor.document, '奥密戎');
      await waitForDiagnostic(probe, 'the typo diagnostic of a bulletin opened after readme-en.txt', (d) =>
        d.range.contains(typoRange),
      );

      assert.deepStrictEqual(
        bulletinDiagnostics(readme).map((d) => `${String(codeOf(d))} ${rangeToString(d.range)} ${d.message}`),
        [],
        'readme-en.txt is not a bulletin',
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(probeDir, { recursive: true, force: true });
    }
  });
});
