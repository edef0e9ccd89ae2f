/**
 * Issue 8: request isolation. Requests and notifications that make a handler fail (unknown
 * documents, positions far outside the text, malformed parameters, diagnostics whose `data` has
 * the wrong shape, changes for documents never opened) must be answered with an empty result
 * (null for hover, [] for code actions) or ignored, and the next request must be served normally.
 *
 * Each case records what the server logged while handling it (window/logMessage and stderr), so
 * the printed table shows which cases really threw inside the server and were isolated.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seed } from '../support/fixtures';
import { startServer, waitFor, type TestServer } from '../support/lspClient';

const URI = 'file:///isolation/000.txt';
const TEXT = seed('000');

function rangeOf(needle: string, from = 0): Range {
  const doc = TextDocument.create(URI, 'plaintext', 1, TEXT);
  const start = TEXT.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start: doc.positionAt(start), end: doc.positionAt(start + needle.length) };
}

/** A CodeAction a client can apply: a title and, per document, an array of well-formed edits. */
function wellFormed(a: CodeAction): boolean {
  if (typeof a.title !== 'string') return false;
  const changes = a.edit?.changes;
  if (!changes) return a.edit === undefined;
  const isPos = (p: unknown) =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return Object.values(changes).every(
    (edits) => Array.isArray(edits) && edits.every((e) => e && typeof e.newText === 'string' && isPos(e.range?.start) && isPos(e.range?.end)),
  );
}

interface Outcome {
  name: string;
  result: string;
  logged: string[];
}

describe('a failing handler answers empty and the server keeps serving', () => {
  let server: TestServer;
  const stderr: string[] = [];
  const outcomes: Outcome[] = [];

  before(async () => {
    server = await startServer();
    server.process.stderr.on('data', (b: Buffer) => stderr.push(b.toString('utf8')));
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
    await server.waitForDiagnostics(URI, (d) => d.length > 0);
  });
  after(() => {
    if (server.process.exitCode === null) server.process.kill();
    console.log('isolation: what each case made the server log (window/logMessage errors and stderr):');
    for (const o of outcomes) {
      console.log(`  ${o.logged.length > 0 ? 'THREW (isolated)' : 'no error logged '} | ${o.name} → ${o.result}${o.logged.length > 0 ? `\n      ${o.logged.map((l) => l.split('\n')[0]).join('\n      ')}` : ''}`);
    }
  });

  /** The normal request that must still work after each case. */
  async function normalHoverWorks(): Promise<void> {
    const r = rangeOf('3例', TEXT.indexOf('平城区3例'));
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: r.start })) as Hover | null;
    assert.ok(hover, 'the normal hover after the case answered null');
    assert.ok(String((hover.contents as MarkupContent).value).includes('3 + 6 = 9'));
    assert.equal(server.process.exitCode, null, 'the server exited');
  }

  /** Runs a case, records what the server logged meanwhile, then checks the server still serves. */
  async function isolated<T>(name: string, send: () => Promise<T>, settled?: () => boolean): Promise<T> {
    const logsBefore = server.logs.length;
    const stderrBefore = stderr.length;
    let result: T | undefined;
    let error: unknown;
    try {
      result = await send();
    } catch (e) {
      error = e;
    }
    if (settled) await waitFor(() => (settled() ? true : undefined), `${name} to settle`, 5000);
    await normalHoverWorks(); // a round trip: everything the case caused before it has been logged
    const logged = [...server.logs.slice(logsBefore), ...stderr.slice(stderrBefore)].filter((l) => /fail|error|exception/i.test(l));
    outcomes.push({ name, result: error ? `error response: ${(error as Error).message}` : JSON.stringify(result)?.slice(0, 120) ?? 'undefined', logged });
    if (error) throw error;
    return result as T;
  }

  const hover = (params: unknown) => server.connection.sendRequest('textDocument/hover', params) as Promise<Hover | null>;
  const codeAction = (params: unknown) => server.connection.sendRequest('textDocument/codeAction', params) as Promise<CodeAction[] | null>;
  const somewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

  it('hover on a document that was never opened → null', async () => {
    assert.equal(await isolated('hover, unknown document', () => hover({ textDocument: { uri: 'file:///never.txt' }, position: { line: 0, character: 0 } })), null);
  });

  it('codeAction on a document that was never opened → []', async () => {
    assert.deepEqual(await isolated('codeAction, unknown document', () => codeAction({ textDocument: { uri: 'file:///never.txt' }, range: somewhere, context: { diagnostics: [] } })), []);
  });

  it('hover far outside the document → null', async () => {
    const h = await isolated('hover at line 10^6, character 10^6', () => hover({ textDocument: { uri: URI }, position: { line: 1e6, character: 1e6 } }));
    assert.equal(h, null);
  });

  it('hover at a negative position → null', async () => {
    assert.equal(await isolated('hover at line -5, character -5', () => hover({ textDocument: { uri: URI }, position: { line: -5, character: -5 } })), null);
  });

  it('hover without a position → null', async () => {
    assert.equal(await isolated('hover without position', () => hover({ textDocument: { uri: URI } })), null);
  });

  it('codeAction whose diagnostics carry data of the wrong shape → [] (no malformed action)', async () => {
    const typo = rangeOf('奥密戎');
    const base = { range: typo, source: 'bulletin-check', code: 'typo', message: 'x' };
    const shapes: Array<[string, unknown]> = [
      ['data: "nonsense"', 'nonsense'],
      ['data.fixes: "abc"', { fixes: 'abc' }],
      ['data.fixes: [null]', { fixes: [null] }],
      ['data.fixes: [{ title: 1, edits: 5 }]', { fixes: [{ title: 1, edits: 5 }] }],
      ['data.fixes: [{ edits: [{ range: null, newText: 3 }] }]', { fixes: [{ edits: [{ range: null, newText: 3 }] }] }],
    ];
    const bad: string[] = [];
    for (const [label, data] of shapes) {
      const res = await isolated(`codeAction with ${label}`, () =>
        codeAction({ textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ ...base, data }] } }),
      );
      assert.ok(Array.isArray(res), `${label}: ${JSON.stringify(res)}`);
      const malformed = res.filter((a) => !wellFormed(a));
      if (malformed.length > 0) bad.push(`${label} → ${JSON.stringify(malformed)}`);
    }
    assert.deepEqual(bad, [], 'code actions built from malformed diagnostic data');
  });

  it('codeAction with a malformed context (no context, diagnostics: null, no range) → []', async () => {
    assert.deepEqual(await isolated('codeAction without context', () => codeAction({ textDocument: { uri: URI }, range: somewhere })), []);
    assert.deepEqual(await isolated('codeAction with diagnostics: null', () => codeAction({ textDocument: { uri: URI }, range: somewhere, context: { diagnostics: null } })), []);
    assert.deepEqual(await isolated('codeAction without range', () => codeAction({ textDocument: { uri: URI }, context: { diagnostics: [] } })), []);
  });

  it('didChange for a document that was never opened is ignored', async () => {
    await isolated('didChange, unknown document', () =>
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never.txt', version: 2 }, contentChanges: [{ range: somewhere, text: '1例' }] }),
    );
    assert.equal(await hover({ textDocument: { uri: 'file:///never.txt' }, position: { line: 0, character: 0 } }), null);
  });

  it('didChange without a version is rejected without harm', async () => {
    await isolated('didChange without version', () =>
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI }, contentChanges: [{ range: somewhere, text: 'x' }] }),
    );
    // the document is unchanged: the normal hover (inside isolated) found 3 + 6 = 9 at the original position
  });

  it('didChange with a range past the end is clamped and analysed', async () => {
    const uri = 'file:///isolation/clamp.txt';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text: '新增确诊病例9例。' } });
    await server.waitForDiagnostics(uri);
    await isolated(
      'didChange with a range past the end',
      () =>
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '其中,平城区3例、云冈区5例。' }],
        }),
      () => server.diagnostics.get(uri)?.at(-1)?.version === 2,
    );
    const diags = server.diagnostics.get(uri)?.at(-1)?.diagnostics ?? [];
    assert.ok(diags.some((d) => d.code === 'breakdown-sum'), JSON.stringify(diags.map((d) => d.code)));
  });

  it('didOpen with text that is not a string does not take the server down', async () => {
    const uri = 'file:///isolation/null.txt';
    await isolated(
      'didOpen with text: null',
      () => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: null } }),
      () => server.diagnostics.has(uri) || server.logs.some((l) => l.includes(uri)),
    );
    assert.equal(await hover({ textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });

  it('an unknown request gets an error response and the server keeps serving', async () => {
    await assert.rejects(isolated('unknown method bulletinCheck/nope', () => server.connection.sendRequest('bulletinCheck/nope', {})));
  });

  it('is alive and shuts down cleanly', async () => {
    await normalHoverWorks();
    assert.equal(await server.stop(), 0);
  });
});
