// npm run bench: throughput of the core over a corpus made by repeating the fixtures.
// Prints figures and ratios; it asserts nothing (timings are not tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyze } = require('../out/server/src/core/analyze.js');
const { analyzeBatch, BATCH_SIZE } = require('../out/server/src/core/analyzeBatch.js');
const { scanFigures } = require('../out/server/src/core/figures.js');
const { normalizeForMatching } = require('../out/server/src/core/text/normalize.js');

const targetMB = Number(process.env.BENCH_MB ?? 20);
const modes = process.argv.slice(2);
const only = (m) => modes.length === 0 || modes.includes(m);
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

/** Passes per measure: this shared virtual machine's speed wanders 2-3× from one minute to the next. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

/** Throughput of fn over the corpus: the median of REPEAT passes, with the slowest and fastest. */
function time(label, fn) {
  fn(corpus.slice(0, docs.length)); // warm-up
  const rates = [];
  let n = 0;
  for (let r = 0; r < REPEAT; r++) {
    const t0 = process.hrtime.bigint();
    n = fn(corpus);
    rates.push(mb / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const rate = rates[Math.floor(rates.length / 2)];
  const spread = REPEAT > 1 ? `, ${REPEAT} passes: ${rates[0].toFixed(1)}–${rates[rates.length - 1].toFixed(1)}` : '';
  console.log(`${label.padEnd(34)} ${rate.toFixed(1).padStart(7)} MB/s  (median; ${mb.toFixed(1)} MB, ${n} items${spread})`);
  return rate;
}

if (only('accuracy')) accuracy();
if (modes.includes('lsp') || modes.length === 0) await import('./bench-lsp.mjs');
if (modes.length > 0 && !modes.includes('speed')) process.exit(0);

console.log(`bench: ${corpus.length} documents, ${mb.toFixed(1)} MB UTF-8, node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
const norm = time('normalise (t→s, full-width)', (c) => c.reduce((a, d) => a + normalizeForMatching(d).length, 0));
const extract = time('extract figures (one core)', (c) => c.reduce((a, d) => a + scanFigures(d, normalizeForMatching(d)).length, 0));
const full = time('full analysis (one core)', (c) => c.reduce((a, d) => a + analyze(d).findings.length, 0));
// The CLI's path: the same analyses, stage by stage over batches of documents (core/analyzeBatch.ts).
// Each batch's results are dropped before the next, as the CLI does once it has written them.
const batched = time(`full analysis, batches of ${BATCH_SIZE} (one core)`, (c) => {
  let n = 0;
  for (let i = 0; i < c.length; i += BATCH_SIZE) for (const r of analyzeBatch(c.slice(i, i + BATCH_SIZE))) n += r.findings.length;
  return n;
});
{
  // Where the time goes: one more pass with per-stage timings.
  const timings = {};
  for (const d of corpus) analyze(d, { timings });
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  const rows = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  console.log('stages (share of full analysis): ' + rows.map(([k, v]) => `${k} ${((v / total) * 100).toFixed(1)}%`).join(', '));
}
console.log(
  `ratios: extraction/target(50 MB/s) = ${(extract / 50).toFixed(2)}, full/target(20 MB/s) = ${(full / 20).toFixed(2)}, ` +
    `batched/target(20 MB/s) = ${(batched / 20).toFixed(2)}, batched/full = ${(batched / full).toFixed(2)}, normalise/full = ${(norm / full).toFixed(1)}`,
);

/**
 * Accuracy on the fixtures: the mutation test (change one number of a consistent group:
 * ±1, ±10, ×10, two digits swapped; the mutated statement must be flagged, and only
 * the equations the number is in), and false positives on the clean fixtures.
 */
function accuracy() {
  const CONSISTENCY = new Set(['breakdown-sum', 'part-exceeds-total', 'conflicting-repeat', 'identity', 'invalid-date', 'percent']);
  const swap = (v) => {
    const d = String(v);
    if (d.length < 2) return v;
    const i = d.length - 2;
    return Number(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2));
  };
  const mutations = [(v) => v + 1, (v) => v - 1, (v) => v + 10, (v) => v - 10, (v) => v * 10, swap];
  let tried = 0;
  let caught = 0;
  let falsePositives = 0;
  let documents = 0;
  for (const text of docs) {
    documents++;
    const base = analyze(text);
    falsePositives += base.findings.filter((f) => CONSISTENCY.has(f.code)).length;
    for (const g of base.groups.filter((x) => x.kind === 'partition')) {
      for (const id of [g.total, ...g.parts]) {
        const fig = base.figures[id];
        if (fig.numeral !== 'arabic' || fig.grouped) continue;
        const total = base.figures[g.total];
        // A bound total (逾130) is not a value; a changed part that still meets the bound is no defect.
        if (id === g.total && total.approximate) continue;
        for (const fn of mutations) {
          const v = fn(fig.value);
          if (v < 0 || v === fig.value) continue;
          if (total.approximate) {
            const sum = g.parts.reduce((a, p) => a + base.figures[p].value, 0) - fig.value + v;
            if (sum >= total.low && sum <= total.high) continue;
          }
          tried++;
          const mutated = text.slice(0, fig.valueStart) + String(v) + text.slice(fig.valueEnd);
          const delta = String(v).length - (fig.valueEnd - fig.valueStart);
          const allowed = new Set(
            base.groups.filter((x) => x.total === id || x.parts.includes(id)).map((x) => base.figures[x.total].start).map((s) => (s > fig.start ? s + delta : s)),
          );
          const sums = analyze(mutated).findings.filter((f) => f.code === 'breakdown-sum');
          if (sums.length > 0 && sums.every((f) => allowed.has(f.start))) caught++;
        }
      }
    }
  }
  console.log(`accuracy: mutation recall ${caught}/${tried} = ${((100 * caught) / tried).toFixed(2)}% over ${documents} fixtures`);
  console.log(`accuracy: consistency false positives on the clean fixtures: ${falsePositives} (${((100 * falsePositives) / documents).toFixed(1)} per 100 documents)`);
}
