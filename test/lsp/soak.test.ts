/**
 * Issue 8: a soak test of the live server. Seed 000 is opened, then 10,000 random incremental
 * edits (inserts, deletions, replacements of small strings — digits, 例, 其中, brackets, line
 * breaks, an emoji — at random valid positions) are sent as didChange with increasing versions,
 * interleaved with hovers and code actions. At the end the diagnostics published for the final
 * version must equal a fresh analysis of the final text (same codes and ranges), the server must
 * be alive and answer, and its memory must not have grown.
 *
 * Memory, sampled after the first 1,000 edits and at the end, two ways:
 *  - the live V8 heap after a full GC: the server is unchanged, but its node process is started
 *    with NODE_OPTIONS="--expose-gc --require out/test/support/heapProbe.js", a preload that on
 *    SIGUSR2 runs gc() and writes heapUsed to stderr. The bound applies: end ≤ 1.2 × first.
 *  - the resident set size (VmRSS in /proc/<pid>/status). RSS also counts heap V8 has reserved
 *    but not returned to the OS, code space and malloc arenas, so it is noisier: end ≤ 1.5 × first.
 * Both pairs of numbers are printed.
 *
 * SOAK_EDITS and SOAK_SEED change the number of edits and the PRNG seed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { seed } from '../support/fixtures';
import { startServer, waitFor, type TestServer } from '../support/lspClient';
import { applyChanges, prng, randomEdit, rssKb } from '../support/soakEdits';

const EDITS = Number(process.env.SOAK_EDITS ?? 10_000);
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
const URI = 'file:///soak/000.bulletin';
const MAX_PROBLEMS = 1000; // bulletinCheck.maxProblems default

function key(d: { code?: unknown; range: Diagnostic['range'] }): string {
  const r = d.range;
  return `${String(d.code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function lastFor(server: TestServer, uri: string): PublishDiagnosticsParams | undefined {
  return server.diagnostics.get(uri)?.at(-1);
}

describe(`soak: ${EDITS} random incremental edits on seed 000`, () => {
  let server: TestServer;
  const stderr: string[] = [];
  const heap: number[] = [];
  before(async () => {
    const saved = process.env.NODE_OPTIONS;
    const probe = join(__dirname, '..', 'support', 'heapProbe.js');
    process.env.NODE_OPTIONS = `${saved ?? ''} --expose-gc --require ${JSON.stringify(probe)}`.trim();
    try {
      server = await startServer();
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    let pending = '';
    server.process.stderr.on('data', (b: Buffer) => {
      pending += b.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^bulletin-check-heap-probe \d+ (-?\d+)$/.exec(line);
        if (m) heap.push(Number(m[1]));
        else stderr.push(line);
      }
    });
  });

  /** The server's live heap after a full GC, in kB (undefined when the probe cannot answer). */
  async function heapKb(): Promise<number | undefined> {
    const before = heap.length;
    if (!server.process.pid || !server.process.kill('SIGUSR2')) return undefined;
    const bytes = await waitFor(() => (heap.length > before ? (heap[heap.length - 1] as number) : undefined), 'the heap probe', 10_000);
    return bytes < 0 ? undefined : Math.round(bytes / 1024);
  }
  after(() => {
    if (server.process.exitCode === null) server.process.kill();
  });

  it('ends with the diagnostics of a fresh analysis, alive, without growing', async () => {
    const started = Date.now();
    const rnd = prng(SEED);
    const original = seed('000');
    let doc = TextDocument.create(URI, 'bulletin', 1, original);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'bulletin', version: 1, text: original } });
    await waitFor(() => (lastFor(server, URI)?.version === 1 ? true : undefined), 'diagnostics of version 1');

    let version = 1;
    let hovers = 0;
    let hoverResults = 0;
    let actions = 0;
    let actionResults = 0;
    let syncs = 0;
    let firstRss: number | undefined;
    let firstHeap: number | undefined;
    const kinds = { insert: 0, delete: 0, replace: 0 };
    const sync = async (what: string) => {
      const v = version;
      await waitFor(() => (lastFor(server, URI)?.version === v ? true : undefined), `diagnostics of version ${v} (${what})`, 30_000);
      syncs++;
    };

    for (let i = 1; i <= EDITS; i++) {
      // 1 to 3 changes per didChange, applied in order (as LSP specifies)
      const n = rnd() < 0.85 ? 1 : 1 + Math.floor(rnd() * 3);
      const changes = [];
      for (let k = 0; k < n; k++) {
        const e = randomEdit(doc, rnd, original.length * 2);
        kinds[e.kind]++;
        changes.push(e.change);
        doc = applyChanges(doc, [e.change], version + 1);
      }
      version++;
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: changes });

      if (i % 37 === 0) {
        const position = doc.positionAt(Math.floor(rnd() * (doc.getText().length + 1)));
        const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position })) as Hover | null;
        hovers++;
        if (h) hoverResults++;
      }
      if (i % 53 === 0) {
        const a = doc.positionAt(Math.floor(rnd() * (doc.getText().length + 1)));
        const b = doc.positionAt(Math.min(doc.getText().length, doc.offsetAt(a) + Math.floor(rnd() * 20)));
        const published = lastFor(server, URI)?.diagnostics ?? [];
        const res = (await server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: URI },
          range: { start: a, end: b },
          context: { diagnostics: published.slice(0, 5) },
        })) as CodeAction[] | null;
        actions++;
        assert.ok(Array.isArray(res), `codeAction answered ${JSON.stringify(res)}`);
        if (res.length > 0) actionResults++;
      }
      // Let the server analyse now and then (its 30 ms debounce would otherwise swallow every edit).
      if (i % 100 === 0) await sync(`after edit ${i}`);
      if (i === Math.min(1000, EDITS)) {
        await sync('first sample');
        firstRss = await rssKb(server.process.pid);
        firstHeap = await heapKb();
      }
    }

    await sync('final version');
    const finalText = doc.getText();
    const published = lastFor(server, URI) as PublishDiagnosticsParams;
    assert.equal(published.version, version);

    const fresh = analyze(finalText, { mode: 'always', locale: 'en' }).findings.slice(0, MAX_PROBLEMS).map((f) => ({
      code: f.code,
      range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    }));
    const got = published.diagnostics.map(key).sort();
    const want = fresh.map(key).sort();
    assert.deepEqual(got, want, `diagnostics of version ${version} differ from a fresh analysis (seed ${SEED}); final text: ${JSON.stringify(finalText.slice(0, 300))}…`);

    // Alive, and answering.
    assert.equal(server.process.exitCode, null, 'the server exited');
    assert.equal(server.process.signalCode, null, 'the server was killed');
    const probe = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.ok(probe === null || typeof probe === 'object');
    const lastRss = await rssKb(server.process.pid);
    const lastHeap = await heapKb();

    const failures = server.logs.filter((l) => / failed/.test(l));
    console.log(
      `soak: ${EDITS} edits (${kinds.insert} inserts, ${kinds.delete} deletions, ${kinds.replace} replacements) in ${version - 1} didChange, ` +
        `${hovers} hovers (${hoverResults} non-empty), ${actions} code actions (${actionResults} non-empty), ${syncs} waits for diagnostics, ` +
        `${published.diagnostics.length} final diagnostics, ${finalText.length} UTF-16 units at the end, seed ${SEED}, ${Date.now() - started} ms`,
    );
    console.log(`soak: server heap after GC, after ${Math.min(1000, EDITS)} edits ${firstHeap} kB, at the end ${lastHeap} kB (ratio ${firstHeap && lastHeap ? (lastHeap / firstHeap).toFixed(2) : '?'}; bound 1.2)`);
    console.log(`soak: server RSS after ${Math.min(1000, EDITS)} edits ${firstRss} kB, at the end ${lastRss} kB (ratio ${firstRss && lastRss ? (lastRss / firstRss).toFixed(2) : '?'}; bound 1.5)`);
    if (failures.length > 0) console.log(`soak: server logged failures:\n${failures.slice(0, 5).join('\n')}`);
    if (stderr.some((l) => l.trim() !== '')) console.log(`soak: server stderr:\n${stderr.join('\n').slice(0, 2000)}`);
    assert.deepEqual(failures.slice(0, 5), [], 'a handler or analysis failed during the soak');

    assert.ok(firstHeap !== undefined && lastHeap !== undefined, 'the heap probe did not answer');
    assert.ok(lastHeap <= firstHeap * 1.2, `server heap grew from ${firstHeap} kB to ${lastHeap} kB`);
    if (firstRss !== undefined && lastRss !== undefined) {
      assert.ok(lastRss <= firstRss * 1.5, `server RSS grew from ${firstRss} kB to ${lastRss} kB`);
    } else {
      console.log('soak: /proc/<pid>/status not readable here; memory not checked');
    }
    assert.equal(await server.stop(), 0);
  });
});
