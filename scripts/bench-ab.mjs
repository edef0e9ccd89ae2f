// A/B speed comparison of two builds of the core, made to hold on a machine whose speed
// wanders (a shared virtual CPU can run at half speed for seconds at a time):
//   node scripts/bench-ab.mjs <baseline out dir> [<candidate out dir>] [--mb 4]
// Each out dir is a `tsc` output (the folder holding server/src/core/analyze.js); the
// candidate defaults to ./out. Both builds are loaded into this one process and take turns
// on small batches of the fixtures (A then B, then B then A, …), so a slow spell of the
// machine falls on both alike. Prints the time of each stage for A and B and B/A (below 1:
// B is faster), and the throughput of each. Figures only; nothing passes or fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mbAt = args.indexOf('--mb');
const mb = mbAt >= 0 ? Number(args.splice(mbAt, 2)[1]) : 4;
if (args.length < 1) {
  console.error('usage: node scripts/bench-ab.mjs <baseline out dir> [<candidate out dir>] [--mb 4]');
  process.exit(2);
}
const dirs = [resolve(args[0]), resolve(args[1] ?? join(ROOT, 'out'))];
// A baseline copied outside the project resolves its packages from the project's node_modules.
const require = createRequire(join(ROOT, 'package.json'));
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (e) {
    if (request.startsWith('.') || request.startsWith('/')) throw e;
    return resolveFilename.call(this, request, { ...parent, paths: [join(ROOT, 'node_modules')] }, ...rest);
  }
};
const analyzers = dirs.map((d) => {
  const file = join(d, 'server/src/core/analyze.js');
  if (!existsSync(file)) {
    console.error(`bench-ab: no server/src/core/analyze.js under ${d}`);
    process.exit(2);
  }
  return require(file).analyze;
});

const docs = [];
for (const sub of ['seeds', 'real']) {
  const dir = join(ROOT, 'test', 'fixtures', sub);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) docs.push(readFileSync(join(dir, f), 'utf8'));
}
const batchBytes = docs.reduce((a, d) => a + Buffer.byteLength(d), 0);
const batches = Math.max(1, Math.round((mb * 1e6) / batchBytes));

// warm-up: both builds, until the optimising compiler has seen every stage
for (let w = 0; w < 20; w++) for (const analyze of analyzers) for (const d of docs) analyze(d);

const timings = [{}, {}];
const wall = [0, 0];
for (let b = 0; b < batches; b++) {
  for (const side of b % 2 === 0 ? [0, 1] : [1, 0]) {
    const analyze = analyzers[side];
    const t0 = performance.now();
    for (const d of docs) analyze(d, { timings: timings[side] });
    wall[side] += performance.now() - t0;
  }
}
const bytes = batches * batchBytes;
const stages = [...new Set([...Object.keys(timings[0]), ...Object.keys(timings[1])])];
const rows = stages.map((k) => [k, timings[0][k] ?? 0, timings[1][k] ?? 0]).sort((x, y) => y[1] - x[1]);
console.log(`bench-ab: ${(bytes / 1e6).toFixed(1)} MB each, in ${batches} alternating batches; A = ${dirs[0]}, B = ${dirs[1]}`);
console.log(`${'stage'.padEnd(22)} ${'A ms'.padStart(9)} ${'B ms'.padStart(9)}   B/A`);
for (const [k, a, b] of rows) console.log(`${k.padEnd(22)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(9)}   ${a > 0 ? (b / a).toFixed(2) : '-'}`);
console.log(`${'(whole analyze)'.padEnd(22)} ${wall[0].toFixed(1).padStart(9)} ${wall[1].toFixed(1).padStart(9)}   ${(wall[1] / wall[0]).toFixed(2)}`);
console.log(`full analysis: A ${(bytes / 1e3 / wall[0]).toFixed(1)} MB/s, B ${(bytes / 1e3 / wall[1]).toFixed(1)} MB/s`);
