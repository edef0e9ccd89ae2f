import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, seed } from '../support/fixtures';
import { startServer, type TestServer } from '../support/lspClient';

const SEED_URI = 'file:///corpus/000.txt';
const MUTATED_URI = 'file:///corpus/mutated-000.txt';

function rangeOf(text: string, needle: string, from = 0): Range {
  const doc = TextDocument.create('x', 'plaintext', 0, text);
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start: doc.positionAt(start), end: doc.positionAt(start + needle.length) };
}

function open(server: TestServer, uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    if (server.process.exitCode === null) server.process.kill();
  });

  it('initializes with incremental sync, hover and quick fixes', () => {
    const caps = server.initializeResult?.capabilities;
    assert.ok(caps);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.bulletin'] });
    assert.equal(server.initializeResult?.serverInfo?.name, 'bulletin-check');
  });

  it('publishes the typo and no sum error for seed 000', async () => {
    await open(server, SEED_URI, seed('000'));
    const diags = await server.waitForDiagnostics(SEED_URI, (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'typo' && d.source === 'bulletin-check'));
    assert.equal(diags.filter((d) => d.code === 'breakdown-sum').length, 0);
  });

  it('flags the mutated seed on the total, with the arithmetic and every part', async () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    await open(server, MUTATED_URI, text);
    const diags = await server.waitForDiagnostics(MUTATED_URI, (d) => d.some((x) => x.code === 'breakdown-sum'));
    const sum = diags.find((d) => d.code === 'breakdown-sum') as Diagnostic;
    assert.deepEqual(sum.range, rangeOf(text, '9例', text.indexOf('新增的9例')));
    assert.ok(String(sum.message).includes('4 + 6 = 10 ≠ 9'));
    assert.equal(sum.severity, 1);
    assert.equal(sum.relatedInformation?.length, 2);
    assert.deepEqual(sum.relatedInformation?.[0]?.location.range, rangeOf(text, '4例'));
  });

  it('answers hover with what a figure counts and its sum line', async () => {
    const text = seed('000');
    const r = rangeOf(text, '3例', text.indexOf('平城区3例'));
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: SEED_URI },
      position: r.start,
    })) as Hover;
    const value = String((hover.contents as MarkupContent).value);
    assert.ok(value.includes('3 + 6 = 9'), value);
    assert.deepEqual(hover.range, r);
  });

  it('offers the typo fix as a quick fix whose edit repairs exactly the word', async () => {
    const text = seed('000');
    const diags = await server.waitForDiagnostics(SEED_URI, (d) => d.length > 0);
    const typo = diags.find((d) => d.code === 'typo') as Diagnostic;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: SEED_URI },
      range: typo.range,
      context: { diagnostics: [typo], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes('奥密克戎'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit?.changes?.[SEED_URI] ?? [];
    assert.deepEqual(edits, [{ range: rangeOf(text, '奥密戎'), newText: '奥密克戎' }]);
  });

  it('publishes diagnostics without their edits, and takes a fix from its own analysis, never from the client', async () => {
    const text = seed('000');
    const diags = await server.waitForDiagnostics(SEED_URI, (d) => d.length > 0);
    // The payload of every keystroke: no diagnostic carries fixes (only an editor action, where asked).
    assert.deepEqual(
      diags.filter((d) => d.data !== undefined && Object.keys(d.data as object).some((k) => k !== 'action')),
      [],
    );
    const typo = diags.find((d) => d.code === 'typo') as Diagnostic;
    const elsewhere = { line: typo.range.start.line + 1, character: 0 };
    const ask = (d: Diagnostic) =>
      server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: SEED_URI },
        range: { start: elsewhere, end: elsewhere },
        context: { diagnostics: [d], only: ['quickfix'] },
      }) as Promise<CodeAction[]>;
    // The cursor is off the word: the fix is found from the diagnostic sent, whatever its data says.
    const forged = { ...typo, data: { fixes: [{ title: 'forged', edits: [{ range: typo.range, newText: 'X' }], safe: true }] } };
    const actions = await ask(forged);
    assert.ok(!actions.some((a) => a.title === 'forged'), JSON.stringify(actions.map((a) => a.title)));
    const fix = actions.find((a) => a.title.includes('奥密克戎'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit?.changes?.[SEED_URI], [{ range: rangeOf(text, '奥密戎'), newText: '奥密克戎' }]);
    // A diagnostic where the current version has no such finding (stale, or made up) gets no fix.
    const moved = { ...typo, range: { start: { ...typo.range.start, character: typo.range.start.character + 1 }, end: { ...typo.range.end, character: typo.range.end.character + 1 } } };
    assert.ok(!(await ask(moved)).some((a) => a.title.includes('奥密克戎')));
  });

  it('offers "change this part" on a part of an inconsistent sum, none preferred', async () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    const r = rangeOf(text, '4例');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: MUTATED_URI },
      range: r,
      context: { diagnostics: [] },
    })) as CodeAction[];
    const part = actions.find((a) => a.title.includes('3'));
    assert.ok(part, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(part.isPreferred, false);
    assert.deepEqual(part.edit?.changes?.[MUTATED_URI], [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, newText: '3' }]);
  });

  it('re-analyses after an incremental didChange: the fixed sum clears the error', async () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    const r = rangeOf(text, '4例');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: MUTATED_URI, version: 2 },
      contentChanges: [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, text: '3' }],
    });
    const diags = await server.waitForDiagnostics(MUTATED_URI, (d) => !d.some((x) => x.code === 'breakdown-sum'));
    assert.ok(diags.some((d) => d.code === 'typo'));
    const last = server.diagnostics.get(MUTATED_URI)!.at(-1)!;
    assert.equal(last.version, 2);
  });

  it('stays silent on English plain text (plainText: auto)', async () => {
    const uri = 'file:///corpus/README.txt';
    await open(server, uri, '# Readme\n\nThis folder holds 3 + 4 = 9 sample files, twice,, as text.\n');
    const diags = await server.waitForDiagnostics(uri);
    assert.deepEqual(diags, []);
  });

  it('always checks documents of the bulletin language', async () => {
    const uri = 'file:///corpus/short.bulletin';
    await open(server, uri, '密接人员118人,现已集中隔离46人、居家隔离50人、转属地管控23人。', 'bulletin');
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(diags[0]?.code, 'breakdown-sum');
  });

  it('returns null for a hover on a document it does not know, and keeps serving', async () => {
    const h = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
    const again = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: SEED_URI }, position: { line: 0, character: 0 } });
    assert.equal(again, null);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await server.stop(), 0);
  });
});

describe('every consistency check over the protocol', () => {
  const cases: Array<[string, string, string]> = [
    ['breakdown-sum', seed('001').replace('居家隔离50人', '居家隔离51人'), '118人'],
    ['part-exceeds-total', seed('000').replace('平城区13.3万管', '平城区133万管'), '22万管'],
    ['conflicting-repeat', seed('000').replace('新增新冠肺炎确诊病例9例、无症状', '新增新冠肺炎确诊病例15例、无症状'), '15例'],
    ['invalid-date', seed('000').replace('10月30日0时至24时,大同市', '10月30日0时至25时,大同市'), '10月30日0时至25时'],
    ['percent', seed('004').replace('单场观影上座率不应超过70%', '单场观影上座率不应超过170%'), '170%'],
    ['identity', readFileSync(join(FIXTURES, 'real', 'nhc_20201013.txt'), 'utf8').replace('现有确诊病例228例', '现有确诊病例229例'), '229例'],
  ];
  for (const [code, text, at] of cases) {
    it(`publishes ${code} at ${at}`, async () => {
      const server = await startServer();
      const uri = `file:///corpus/${code}.txt`;
      await open(server, uri, text);
      const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === code));
      const d = diags.find((x) => x.code === code)!;
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      assert.ok(doc.getText(d.range).includes(at.replace(/例$|人$|管$|%$/, '')), `${doc.getText(d.range)} vs ${at}`);
      assert.equal(await server.stop(), 0);
    });
  }
});

describe('settings', () => {
  it('applies per-rule severities from bulletinCheck.rules', async () => {
    const server = await startServer({ rules: { 'breakdown-sum': 'warning', typo: 'off' } });
    const uri = 'file:///corpus/m.txt';
    await open(server, uri, seed('000').replace('平城区3例', '平城区4例'));
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.find((d) => d.code === 'breakdown-sum')?.severity, 2);
    assert.equal(diags.filter((d) => d.code === 'typo').length, 0);
    assert.equal(await server.stop(), 0);
  });

  it('reports a broken setting by name, uses the default and keeps working', async () => {
    const server = await startServer({ plainText: 'sometimes', rules: { typo: 'loud' }, maxProblems: -3 });
    const uri = 'file:///corpus/b.txt';
    await open(server, uri, seed('000'));
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'typo'));
    const all = server.messages.map((m) => m.message).join('\n');
    assert.ok(all.includes('bulletinCheck.plainText'), all);
    assert.ok(all.includes('bulletinCheck.rules.typo'), all);
    assert.ok(all.includes('bulletinCheck.maxProblems'), all);
    assert.equal(await server.stop(), 0);
  });

  it('speaks the client locale (zh-cn)', async () => {
    const server = await startServer({}, 'zh-cn');
    const uri = 'file:///corpus/zh.txt';
    await open(server, uri, seed('000').replace('平城区3例', '平城区4例'));
    const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'breakdown-sum'));
    assert.ok(String(diags.find((d) => d.code === 'breakdown-sum')?.message).startsWith('分项之和与总数不符'));
    assert.equal(await server.stop(), 0);
  });
});
