// npm run bench: throughput of the core over a corpus made by repeating the fixtures.
// Prints figures and ratios; it asserts nothing (timings are not tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyze } = require('../out/server/src/core/analyze.js');
const { scanFigures } = require('../out/server/src/core/figures.js');
const { normalizeForMatching } = require('../out/server/src/core/text/normalize.js');

const targetMB = Number(process.env.BENCH_MB ?? 20);
const docs = [];
for (const dir of ['test/fixtures/seeds', 'test/fixtures/real']) {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) docs.push(readFileSync(join(dir, f), 'utf8'));
}
const corpus = [];
let bytes = 0;
while (bytes < targetMB * 1e6) {
  for (const d of docs) {
    corpus.push(d);
    bytes += Buffer.byteLength(d);
  }
}
const mb = bytes / 1e6;

function time(label, fn) {
  fn(corpus.slice(0, docs.length)); // warm-up
  const t0 = process.hrtime.bigint();
  const n = fn(corpus);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = mb / s;
  console.log(`${label.padEnd(34)} ${rate.toFixed(1).padStart(7)} MB/s  (${mb.toFixed(1)} MB in ${s.toFixed(2)} s, ${n} items)`);
  return rate;
}

console.log(`bench: ${corpus.length} documents, ${mb.toFixed(1)} MB UTF-8, node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
const norm = time('normalise (t→s, full-width)', (c) => c.reduce((a, d) => a + normalizeForMatching(d).length, 0));
const extract = time('extract figures (one core)', (c) => c.reduce((a, d) => a + scanFigures(d, normalizeForMatching(d)).length, 0));
const full = time('full analysis (one core)', (c) => c.reduce((a, d) => a + analyze(d).findings.length, 0));
console.log(`ratios: extraction/target(50 MB/s) = ${(extract / 50).toFixed(2)}, full/target(20 MB/s) = ${(full / 20).toFixed(2)}, normalise/full = ${(norm / full).toFixed(1)}`);
