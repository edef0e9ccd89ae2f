// CLI throughput against the peer (autocorrect-node) and the worker-threads crossover.
// Run after `npm run build`: node scripts/bench-cli.mjs [--mb 20]
// Prints figures and ratios only; nothing here passes or fails.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const require = createRequire(import.meta.url);
const autocorrect = require('autocorrect-node');

const mbArg = process.argv.indexOf('--mb');
const TARGET = (mbArg > 0 ? Number(process.argv[mbArg + 1]) : 20) * 1e6;
const CORES = availableParallelism();

// ---- corpus: the 23 fixtures repeated as separate files, 200 per folder ----
const sources = [];
for (const sub of ['seeds', 'real']) {
  const dir = join(ROOT, 'test', 'fixtures', sub);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) sources.push({ name, bytes: readFileSync(join(dir, name)) });
}
const corpus = mkdtempSync(join(tmpdir(), 'bulletin-bench-cli-'));
const files = [];
let total = 0;
for (let i = 0; total < TARGET; i++) {
  const s = sources[i % sources.length];
  const folder = join(corpus, String(Math.floor(i / 200)).padStart(3, '0'));
  if (i % 200 === 0) mkdirSync(folder);
  const path = join(folder, `${String(i).padStart(5, '0')}_${s.name}`);
  writeFileSync(path, s.bytes);
  files.push({ path, size: s.bytes.length });
  total += s.bytes.length;
}
const MB = (b) => b / 1e6;

/** Runs the CLI on a list of files given on stdin; resolves with wall seconds and output size. */
function runCli(list, jobs) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', String(jobs), '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = 0;
    let err = '';
    child.stdout.on('data', (d) => (out += d.length));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0 && code !== 1) reject(new Error(`cli exited ${code}: ${err}`));
      else resolve({ seconds, out });
    });
    child.stdin.end(list.map((f) => f.path).join('\n') + '\n');
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`machine: ${CORES} cores available (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`corpus: ${files.length} files, ${MB(total).toFixed(1)} MB in ${corpus}\n`);

// ---- full runs ----
const one = await runCli(files, 1);
const all = await runCli(files, CORES);
const oursOne = MB(total) / one.seconds;
const oursAll = MB(total) / all.seconds;

const t0 = process.hrtime.bigint();
let peerLines = 0;
for (const f of files) {
  const text = readFileSync(f.path, 'utf8');
  peerLines += autocorrect.lintFor(text, f.path).lines.length;
}
const peerSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const peer = MB(total) / peerSeconds;

console.log('full analysis (wall time of the whole CLI process: start-up, discovery, decoding, analysis, JSON output)');
console.log(`  bulletin-check --jobs 1        ${oursOne.toFixed(1).padStart(6)} MB/s  (${one.seconds.toFixed(2)} s, ${MB(one.out).toFixed(1)} MB JSON)`);
console.log(`  bulletin-check --jobs ${String(CORES).padEnd(8)} ${oursAll.toFixed(1).padStart(6)} MB/s  (${all.seconds.toFixed(2)} s)`);
console.log(`  autocorrect-node lintFor       ${peer.toFixed(1).padStart(6)} MB/s  (${peerSeconds.toFixed(2)} s in-process, read + lint, ${peerLines} lines reported)`);
console.log(`  ratio ours/theirs: --jobs 1 ${(oursOne / peer).toFixed(2)}, --jobs ${CORES} ${(oursAll / peer).toFixed(2)}`);
console.log(`  speed-up --jobs ${CORES} / --jobs 1: ${(oursAll / oursOne).toFixed(2)}\n`);

// ---- crossover: the smallest input where the pool beats one thread ----
console.log(`worker-threads crossover (--jobs 1 vs --jobs ${CORES}, median of 3 runs each)`);
console.log('      MB   files   jobs=1 s   jobs=N s   N/1 speed-up');
const sizes = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8];
let crossover;
for (const mb of sizes) {
  const subset = [];
  let bytes = 0;
  for (const f of files) {
    if (bytes >= mb * 1e6) break;
    subset.push(f);
    bytes += f.size;
  }
  const a = [];
  const b = [];
  for (let r = 0; r < 3; r++) {
    a.push((await runCli(subset, 1)).seconds);
    b.push((await runCli(subset, CORES)).seconds);
  }
  const ma = median(a);
  const mbn = median(b);
  const speedup = ma / mbn;
  if (speedup > 1.05 && crossover === undefined) crossover = bytes;
  if (speedup <= 1.05) crossover = undefined;
  console.log(`${MB(bytes).toFixed(2).padStart(8)} ${String(subset.length).padStart(7)} ${ma.toFixed(3).padStart(10)} ${mbn.toFixed(3).padStart(10)} ${speedup.toFixed(2).padStart(14)}`);
}
console.log(
  crossover === undefined
    ? `  the pool never won by more than 5% up to ${sizes[sizes.length - 1]} MB`
    : `  the pool wins (by > 5%, and at every larger size) from about ${MB(crossover).toFixed(2)} MB: WORKER_THRESHOLD_BYTES in server/src/cli/args.ts`,
);

console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures taken on a busy machine are not comparable)`);
rmSync(corpus, { recursive: true, force: true });
