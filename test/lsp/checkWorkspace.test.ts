/**
 * Check Workspace over the protocol: 10,000 files that are not open, with work-done
 * progress, diagnostics for the broken ones only, and the server answering other
 * requests while it runs; cancellation stops it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { seed } from '../support/fixtures';
import { startServer } from '../support/lspClient';

const N = 10_000;
const BROKEN_EVERY = 1000;
let dir: string;
let uris: string[];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulletin-ws-'));
  uris = [];
  const good = '10月30日0时至24时,大同市新增确诊病例9例,其中平城区3例、云冈区6例。\n';
  const bad = '10月30日0时至24时,大同市新增确诊病例9例,其中平城区4例、云冈区6例。\n';
  for (let i = 0; i < N; i++) {
    const sub = join(dir, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, `b${i}.txt`);
    writeFileSync(file, i % BROKEN_EVERY === 0 ? bad : good);
    uris.push(pathToFileURL(file).toString());
  }
  // one file in GBK: decoded, not garbled
  const gbk = join(dir, 'gbk.txt');
  writeFileSync(gbk, iconv.encode(seed('000').replace('平城区3例', '平城区4例'), 'gbk'));
  uris.push(pathToFileURL(gbk).toString());
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('Check Workspace', () => {
  it('analyses 10,000 unopened files with progress, publishes only the broken ones, and stays responsive', async () => {
    const server = await startServer();
    const seedUri = 'file:///open/000.txt';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: seedUri, languageId: 'plaintext', version: 1, text: seed('000') } });
    await server.waitForDiagnostics(seedUri, (d) => d.length > 0);
    const started = Date.now();
    const run = server.connection.sendRequest('bulletinCheck/checkWorkspace', { uris }) as Promise<{ files: number; analysed: number; withProblems: number; problems: number; cancelled: boolean }>;
    // A hover is answered while the check runs.
    let hoverAnsweredDuringRun = false;
    let finished = false;
    void run.then(() => (finished = true));
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: seedUri }, position: { line: 8, character: 48 } });
    hoverAnsweredDuringRun = !finished;
    const result = await run;
    console.log(`check workspace: ${result.analysed} files in ${Date.now() - started} ms, ${result.problems} problems in ${result.withProblems} files`);
    assert.ok(hover !== undefined);
    assert.ok(hoverAnsweredDuringRun, 'the hover waited for the whole check');
    assert.equal(result.files, N + 1);
    assert.equal(result.analysed, N + 1);
    assert.equal(result.cancelled, false);
    const published = [...server.diagnostics.keys()].filter((u) => u !== seedUri);
    const withSum = published.filter((u) => server.diagnostics.get(u)!.at(-1)!.diagnostics.some((d) => d.code === 'breakdown-sum'));
    assert.equal(withSum.length, N / BROKEN_EVERY + 1, 'every broken file, and only those, has the sum error');
    const gbk = server.diagnostics.get(uris[uris.length - 1]!)!.at(-1)!.diagnostics;
    assert.ok(gbk.some((d) => d.code === 'breakdown-sum' && String(d.message).includes('4 + 6 = 10 ≠ 9')));
    const kinds = server.progress.map((p) => (p.value as { kind: string }).kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.filter((k) => k === 'report').length >= 10);
    assert.equal(kinds.at(-1), 'end');
    assert.equal(await server.stop(), 0);
  });

  it('stops when the request is cancelled', async () => {
    const server = await startServer();
    const source = new CancellationTokenSource();
    const run = server.connection.sendRequest('bulletinCheck/checkWorkspace', { uris }, source.token) as Promise<unknown>;
    // cancel as soon as the first progress report arrives
    for (let i = 0; i < 2000 && !server.progress.some((p) => (p.value as { kind: string }).kind === 'report'); i++) await new Promise((r) => setImmediate(r));
    source.cancel();
    await run.catch(() => undefined);
    const published = [...server.diagnostics.keys()].length;
    assert.ok(published < N / BROKEN_EVERY + 1, `published ${published}`);
    assert.equal(await server.stop(), 0);
  });
});
