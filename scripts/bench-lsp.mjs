// Language-server benchmarks over stdio (npm run bench -- lsp): start-up to first
// diagnostics, keystroke-to-diagnostics latency (didChange → publishDiagnostics) for
// 10 KB, 100 KB and 1 MB documents (p50/p95 over 200 edits), the analysis time alone
// for the same documents, and the heap retained per open document. Prints figures
// and ratios to the targets; asserts nothing.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { analyze } = require(join(root, 'out/server/src/core/analyze.js'));

const EDITS = Number(process.env.BENCH_EDITS ?? 200);
/** Text analysed before measuring, at every size (see the latency part). */
const WARM_BYTES = 2_000_000;
const seeds = readdirSync(join(root, 'test/fixtures/seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'test/fixtures/seeds', f), 'utf8'));
const real = readdirSync(join(root, 'test/fixtures/real')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'test/fixtures/real', f), 'utf8'));
const all = [...seeds, ...real].join('\n\n');

function docOf(bytes) {
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += all + '\n\n';
  while (Buffer.byteLength(t) > bytes) t = t.slice(0, Math.floor(t.length * 0.99));
  return t;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function startServer(extraArgs = []) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...extraArgs, join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ maxFileSize: 10_000_000, timeBudgetMs: 100_000 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const waitDiagnostics = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return { child, conn, t0, waitDiagnostics, stderr: () => stderr };
}

async function stop(s) {
  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  s.conn.dispose();
}

// BENCH_LSP=heap (or startup, latency) runs one part only.
const part = (name) => !process.env.BENCH_LSP || process.env.BENCH_LSP === name;

// Start-up: spawn → initialize → didOpen of seed 000 → its first diagnostics.
if (part('startup')) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = await startServer();
    const uri = 'file:///bench/seed.txt';
    const got = s.waitDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: seeds[0] } });
    await got;
    times.push(performance.now() - s.t0);
    await stop(s);
  }
  const m = pct(times, 50);
  console.log(`lsp: start-up to first diagnostics (seed 000): median ${m.toFixed(0)} ms (target ≤ 500 ms, ratio ${(m / 500).toFixed(2)})`);
}

if (part('latency')) {
// Latency and compute time per size.
const targets = { 10_000: { compute: 5 }, 100_000: { compute: 20, roundTrip: 50 }, 1_000_000: { compute: 150 } };
const s = await startServer();
for (const size of [10_000, 100_000, 1_000_000]) {
  const text = docOf(size);
  const compute = [];
  // Warm up first (lazily built tables, the optimising compiler), as an editor's server is after
  // its first documents; the keystrokes measured are the steady state. The warm-up is the same
  // amount of text at every size (2 MB, a few dozen bulletins): the compiler optimises by how
  // often code has run, so a 10 KB document needs more runs than a 1 MB one (here its first
  // 40 runs took 4-6× the steady time).
  const warmRuns = Math.max(3, Math.ceil(WARM_BYTES / size));
  for (let i = 0; i < warmRuns; i++) analyze(text, { mode: 'always', maxLength: 10_000_000 });
  for (let i = 0; i < Math.min(EDITS, size >= 1_000_000 ? 20 : EDITS); i++) {
    const t = performance.now();
    analyze(text.slice(0, text.length - (i % 7)), { mode: 'always', maxLength: 10_000_000 });
    compute.push(performance.now() - t);
  }
  const uri = `file:///bench/doc-${size}.txt`;
  let version = 1;
  const first = s.waitDiagnostics(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  await first;
  const rt = [];
  const n = size >= 1_000_000 ? 20 : EDITS;
  // The server warms up as the compute above does (its first edits of a new size run before the
  // optimising compiler has caught up: 3-7× slower here); those edits are typed but not counted.
  const warm = Math.max(4, Math.ceil(WARM_BYTES / size));
  for (let i = 0; i < warm + n; i++) {
    version++;
    const got = s.waitDiagnostics(uri, version);
    const t = performance.now();
    // type one character at the start of the first line, then delete it again
    const change = i % 2 === 0 ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '新' } : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' };
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    if (i >= warm) rt.push(performance.now() - t);
  }
  const tg = targets[size];
  console.log(
    `lsp: ${String(size / 1000).padStart(5)} KB: compute p50 ${pct(compute, 50).toFixed(1)} ms, p95 ${pct(compute, 95).toFixed(1)} ms (target ≤ ${tg.compute} ms, ratio ${(pct(compute, 95) / tg.compute).toFixed(2)}); ` +
      `round trip p50 ${pct(rt, 50).toFixed(1)} ms, p95 ${pct(rt, 95).toFixed(1)} ms` +
      (tg.roundTrip ? ` (target ≤ ${tg.roundTrip} ms, ratio ${(pct(rt, 95) / tg.roundTrip).toFixed(2)})` : '') +
      ` — sizes over 200,000 characters wait 30 ms for a pause in typing`,
  );
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
await stop(s);
}

// Heap retained per open document. The server keeps the analyses of the 3 most recently
// used documents (a bounded cache) and, for every other open document, its text and
// version only. So: open 10 copies of a 100 KB document, then 20 more; the heap growth over
// the last 20, divided by 20, is what each open document retains; the cache is reported apart.
if (part('heap')) {
  const h = await startServer(['--expose-gc', '--require', join(root, 'scripts/heap-probe.cjs')]);
  const heap = async () => {
    const before = h.stderr().length;
    h.child.kill('SIGUSR2');
    for (let i = 0; i < 400 && !/heap=\d+/.test(h.stderr().slice(before)); i++) await new Promise((r) => setTimeout(r, 10));
    return Number(/heap=(\d+)/.exec(h.stderr().slice(before))?.[1] ?? NaN);
  };
  const text = docOf(100_000);
  const bytes = Buffer.byteLength(text);
  const open = async (from, to) => {
    for (let i = from; i < to; i++) {
      const uri = `file:///bench/heap-${i}.txt`;
      const got = h.waitDiagnostics(uri);
      await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: text + i } });
      await got;
    }
  };
  // Warm up first (the dictionaries and the gazetteer load on first use), then close it.
  await open(100, 101);
  await h.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///bench/heap-100.txt' } });
  const base = await heap();
  await open(0, 10);
  const h10 = await heap();
  await open(10, 30);
  const h30 = await heap();
  const per = (h30 - h10) / 20;
  const cache = h10 - base - 10 * per;
  console.log(
    `lsp: heap retained per open document: ${(per / 1e6).toFixed(2)} MB for ${(bytes / 1e6).toFixed(2)} MB of UTF-8 = ${(per / bytes).toFixed(1)}× (target ≤ 5×, ratio ${(per / bytes / 5).toFixed(2)}); ` +
      `plus the cache of the 3 most recently used analyses: ${(cache / 1e6).toFixed(1)} MB in all (${(cache / 3 / bytes).toFixed(1)}× per cached document); average over 30 open documents ${((h30 - base) / 30 / bytes).toFixed(1)}×`,
  );
  await stop(h);
}
