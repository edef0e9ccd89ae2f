/** .bulletincheck.json over the protocol, fix-all, fix all of a kind, ignore/accept actions, caps. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seed } from '../support/fixtures';
import { startServer, waitFor, type TestServer } from '../support/lspClient';

const FOLDER = 'file:///corpus';

async function openDoc(server: TestServer, name: string, text: string): Promise<string> {
  const uri = `${FOLDER}/${name}`;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  return uri;
}

function applyLsp(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const doc = TextDocument.create('x', 'plaintext', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

describe('workspace configuration (.bulletincheck.json sent by the client)', () => {
  it('applies rules, accepted words and ignores to the documents of the folder', async () => {
    const server = await startServer();
    const uri = await openDoc(server, 'a/000.txt', seed('000'));
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'typo'));
    await server.connection.sendNotification('bulletinCheck/workspaceConfig', {
      folder: FOLDER,
      text: JSON.stringify({ rules: { 'broken-line': 'off' }, accept: ['奥密戎'], ignore: [{ rule: 'punctuation-width', files: ['a/*.txt'] }] }),
    });
    const diags = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'typo'));
    assert.equal(diags.filter((x) => x.code === 'broken-line').length, 0);
    assert.equal(diags.filter((x) => x.code === 'punctuation-width').length, 0);
    // another folder's file is not affected by an ignore scoped to a/*.txt
    const other = await openDoc(server, 'b/000.txt', seed('000'));
    const od = await server.waitForDiagnostics(other, (d) => d.length > 0);
    assert.ok(od.some((x) => x.code === 'punctuation-width'));
    assert.equal(await server.stop(), 0);
  });

  it('reports a broken file by key, keeps the valid rest, and keeps serving', async () => {
    const server = await startServer();
    const uri = await openDoc(server, '000.txt', seed('000'));
    await server.waitForDiagnostics(uri, (d) => d.length > 0);
    await server.connection.sendNotification('bulletinCheck/workspaceConfig', { folder: FOLDER, text: '{"rules": {"typo": "loud", "broken-line": "off"}, "nope": 1}' });
    await server.waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => x.code === 'broken-line'));
    await waitFor(() => (server.messages.some((m) => m.message.includes('rules.typo')) ? true : undefined), 'a message naming rules.typo');
    assert.ok(server.messages.some((m) => m.message.includes('nope')));
    await server.connection.sendNotification('bulletinCheck/workspaceConfig', { folder: FOLDER, text: '{ not json' });
    await waitFor(() => (server.messages.some((m) => m.message.includes('not valid JSON')) ? true : undefined), 'a parse message');
    assert.equal(await server.stop(), 0);
  });
});

describe('fix-all and fix all of a kind', () => {
  it('source.fixAll.bulletin repairs the safe damage of seed 002 in one edit list', async () => {
    const server = await startServer();
    const text = seed('002');
    const uri = await openDoc(server, '002.txt', text);
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'pinyin-residue'));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.bulletin');
    const fixed = applyLsp(text, actions[0]!.edit!.changes![uri]!);
    assert.ok(!fixed.includes('(dāng)') && fixed.includes('您當前的位置'));
    assert.ok(!fixed.includes(',,'));
    assert.ok(fixed.includes('“不漏一人”“不漏一車'));
    assert.equal(await server.stop(), 0);
  });

  it('offers "fix all of this kind", "ignore in this file" and "add to accepted words" at a finding', async () => {
    const server = await startServer();
    await server.connection.sendNotification('bulletinCheck/workspaceConfig', { folder: FOLDER, text: '{}' });
    const text = seed('002');
    const uri = await openDoc(server, '002.txt', text);
    const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'doubled-punctuation'));
    const d = diags.find((x) => x.code === 'doubled-punctuation') as Diagnostic;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const all = actions.find((a) => a.title.startsWith('Fix all “doubled-punctuation”'));
    assert.ok(all?.edit, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyLsp(text, all.edit!.changes![uri]!);
    assert.ok(!fixed.includes(',,') && !fixed.includes(',、'));
    const ignore = actions.find((a) => a.command?.command === 'bulletinCheck.addToConfig');
    assert.deepEqual(ignore?.command?.arguments?.[0], { folder: FOLDER, section: 'ignore', entry: { rule: 'doubled-punctuation', text: ',,', files: ['002.txt'] } });
    const typoDoc = await openDoc(server, '000.txt', seed('000'));
    const td = (await server.waitForDiagnostics(typoDoc, (x) => x.some((y) => y.code === 'typo'))).find((y) => y.code === 'typo') as Diagnostic;
    const ta = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: typoDoc },
      range: td.range,
      context: { diagnostics: [td] },
    })) as CodeAction[];
    assert.ok(ta.some((a) => a.command?.arguments?.[0]?.section === 'accept' && a.command.arguments[0].entry === '奥密戎'));
    assert.equal(await server.stop(), 0);
  });
});

describe('limits', () => {
  it('caps the diagnostics published and says how many more there are', async () => {
    const server = await startServer({ maxProblems: 5 });
    const uri = await openDoc(server, '002.txt', seed('002'));
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.length, 6);
    assert.ok(String(diags[5]!.message).includes('more problems are not shown'), String(diags[5]!.message));
    assert.equal(await server.stop(), 0);
  });

  it('skips a document over bulletinCheck.maxFileSize with one information diagnostic', async () => {
    const server = await startServer({ maxFileSize: 1000 });
    const uri = await openDoc(server, '000.txt', seed('000'));
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diags.map((x) => [x.code, x.severity]), [['not-analysed', 3]]);
    assert.equal(await server.stop(), 0);
  });
});
