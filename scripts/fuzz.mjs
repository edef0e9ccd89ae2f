// The fuzz properties of test/unit/fuzz.test.ts at much higher counts (issue 8), on the
// compiled core and test support in out/ (`npm run fuzz` builds them first).
//
//   node scripts/fuzz.mjs [--runs 200000] [--seed N] [--only name,name]
//
// --runs is the total number of cases, shared among the properties in the proportions of the
// unit test. Prints the cases run per property and every counterexample (shrunk by fast-check,
// with the seed and path to replay it); exits 1 when a property fails.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const support = resolve(ROOT, 'out/test/support/fuzzing.js');
if (!existsSync(support)) {
  console.error(`fuzz: ${support} is missing; run \`npm run build\` (tsc -b compiles test/ into out/)`);
  process.exit(2);
}
const fc = require('fast-check');
const F = require(support);
const { analyze } = require(resolve(ROOT, 'out/server/src/core/analyze.js'));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const TOTAL = Number(arg('runs', '200000'));
const SEED = Number(arg('seed', String(Date.now() % 2 ** 31)));
const ONLY = arg('only', '')
  .split(',')
  .filter(Boolean);

const analysed = (text) => analyze(text, { mode: 'always', locale: 'en' });
const PROPERTIES = [
  [
    'never-throws',
    2500,
    (text) => {
      const out = [];
      for (const locale of F.LOCALES)
        for (const mode of ['always', 'auto']) {
          const r = F.analyzeOrViolation(text, locale, mode);
          if (r.violation) out.push(r.violation);
        }
      return out;
    },
  ],
  ['no-stage-failure', 1000, (text) => F.stageFailures(analysed(text))],
  ['ranges-inside', 2000, (text) => F.rangeViolations(text, analysed(text))],
  ['fix-applies-cleanly', 2000, (text) => F.fixViolations(text, analysed(text))],
  ['fix-quality', 1000, (text) => F.fixQualityViolations(text, analysed(text))],
  ['fix-all-idempotent', 1000, (text) => F.fixAllIdempotence(text, { locale: 'en' }).violations],
  ['literal-is-text', 1500, (text) => F.literalViolations(text, analysed(text))],
].filter(([name]) => ONLY.length === 0 || ONLY.includes(name));

const weight = PROPERTIES.reduce((s, [, w]) => s + w, 0);
const sentences = F.corpusSentences();
const doc = F.documentArbitrary(sentences);
console.log(`fuzz: ${TOTAL} cases over ${PROPERTIES.length} properties, ${sentences.length} corpus sentences, seed ${SEED}`);

let failed = 0;
let total = 0;
for (const [name, w, check] of PROPERTIES) {
  const runs = Math.max(1, Math.round((TOTAL * w) / weight));
  let ran = 0;
  const started = Date.now();
  const result = fc.check(
    fc.property(doc, (text) => {
      ran++;
      const v = check(text);
      if (v.length > 0) throw new Error(`${v.slice(0, 10).join('\n  ')}`);
    }),
    { numRuns: runs, seed: SEED },
  );
  total += ran;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    const text = result.counterexample?.[0];
    console.log(`✗ ${name}: failed after ${result.numRuns} of ${runs} cases (${ran} with shrinking, ${secs} s)`);
    console.log(`  counterexample (shrunk ${result.numShrinks} times): ${text === undefined ? '?' : F.show(text, 2000)}`);
    console.log(`  ${String(result.errorInstance?.message ?? result.error).split('\n').join('\n  ')}`);
    console.log(`  replay: node scripts/fuzz.mjs --only ${name} --seed ${result.seed} (path ${result.counterexamplePath})`);
  } else {
    console.log(`✓ ${name}: ${result.numRuns} cases in ${secs} s`);
  }
}
console.log(`fuzz: ${total} cases run, ${failed} of ${PROPERTIES.length} properties failed (seed ${SEED})`);
process.exit(failed > 0 ? 1 : 0);
