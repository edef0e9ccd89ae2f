/**
 * Issue 8: the core's guarantees under fuzzing. Documents are built from real bulletin
 * sentences (seeds and real fixtures, split at 。), parser-steering fragments, digits,
 * emoji, lone surrogates, line separators, BOM, NUL and random Unicode.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_SCALE=<k> multiplies the number of cases
 * (scripts/fuzz.mjs runs the same properties at much higher counts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as core from '../../server/src/core/analyze';

const { analyze } = core;
/** The size limit of the core, if it has one (being introduced alongside this test). */
const DEFAULT_MAX_LENGTH = (core as { DEFAULT_MAX_LENGTH?: number }).DEFAULT_MAX_LENGTH;
import type { Analysis } from '../../server/src/core/types';
import { seed } from '../support/fixtures';
import {
  LOCALES,
  analyzeOrViolation,
  corpusSentences,
  documentArbitrary,
  fixAllIdempotence,
  fixQualityViolations,
  fixViolations,
  literalViolations,
  rangeViolations,
  show,
  stageFailures,
} from '../support/fuzzing';

const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const sentences = corpusSentences();
const doc = documentArbitrary(sentences);
let casesRun = 0;

/** Runs a property; a violation list that is not empty fails with the document that caused it. */
function holds(name: string, numRuns: number, check: (text: string) => string[]): void {
  const runs = Math.max(1, Math.round(numRuns * SCALE));
  const started = Date.now();
  fc.assert(
    fc.property(doc, (text) => {
      casesRun++;
      const v = check(text);
      if (v.length > 0) throw new Error(`${name} violated on ${show(text)}:\n  ${v.slice(0, 10).join('\n  ')}`);
    }),
    { numRuns: runs, seed: SEED, endOnFailure: false },
  );
  console.log(`fuzz ${name}: ${runs} cases in ${Date.now() - started} ms (seed ${SEED})`);
}

function analysed(text: string): Analysis {
  return analyze(text, { mode: 'always', locale: 'en' });
}

describe('fuzz: analyze keeps its guarantees on generated bulletins', () => {
  it('generates from the corpus', () => {
    assert.ok(sentences.length >= 100, `only ${sentences.length} corpus sentences`);
    console.log(`fuzz: ${sentences.length} corpus sentences, seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  });

  it('(a) never throws, in mode always and auto, in both locales', () => {
    holds('never-throws', 2500, (text) => {
      const out: string[] = [];
      for (const locale of LOCALES) {
        for (const mode of ['always', 'auto'] as const) {
          const r = analyzeOrViolation(text, locale, mode);
          if (r.violation) out.push(r.violation);
        }
      }
      return out;
    });
  });

  it('(a′) no stage fails inside analyze (what analyze would turn into a "… failed:" problem)', () => {
    holds('no-stage-failure', 1000, (text) => stageFailures(analysed(text)));
  });

  it('(b) every finding, related span, edit, figure, group member, statement, place and date lies in the document', () => {
    holds('ranges-inside', 2000, (text) => rangeViolations(text, analysed(text)));
  });

  it('(c) every fix applies cleanly and changes nothing outside its own edits', () => {
    holds('fix-applies-cleanly', 2000, (text) => fixViolations(text, analysed(text)));
  });

  it('(c′) every fix changes the text, and no edit splits a surrogate pair', () => {
    holds('fix-quality', 1000, (text) => fixQualityViolations(text, analysed(text)));
  });

  it('(d) fix-all (first safe fix of every finding, overlaps skipped) reaches a fixed point that the safe fixes do not change', () => {
    holds('fix-all-idempotent', 1000, (text) => fixAllIdempotence(text, { locale: 'en' }).violations);
  });

  it('(e) figure.literal equals the text it covers', () => {
    holds('literal-is-text', 1500, (text) => literalViolations(text, analysed(text)));
  });

  it('ran at least 10,000 cases', () => {
    console.log(`fuzz: ${casesRun} cases in total`);
    assert.ok(casesRun >= 10_000 * Math.min(1, SCALE), `only ${casesRun} cases`);
  });
});

// ---------------------------------------------------------------------------
// Adversarial inputs: each must complete; its time is printed. A case slower than the
// budget is a product bug and fails with its shape and time (see the report in issue 8).

const BUDGET_MS = Number(process.env.ADVERSARIAL_BUDGET_MS ?? 2000); // reported, not asserted

/** Real bulletin text (seeds 000 and 001) as one line of `length` UTF-16 units. */
function realLine(length: number): string {
  const line = seed('000').replace(/\r?\n/g, '') + seed('001').replace(/\r?\n/g, '');
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

const ADVERSARIAL: Array<[string, () => string]> = [
  ['100,000 figures ("1例、" × 100000)', () => '1例、'.repeat(100_000)],
  ['a 5,000-part breakdown', () => `新增确诊病例15000例,其中${Array.from({ length: 5000 }, (_, i) => `第${i + 1}区3例`).join('、')}。`],
  ['a 5,000-part breakdown by district names with 分别为', () => `新增的15000例确诊病例分别为${Array.from({ length: 5000 }, () => '平城区3例').join(',')}。`],
  ['"其中" nested 1,000 deep ("1例(其中" × 1000)', () => '1例(其中'.repeat(1000)],
  ['"其中" nested 1,000 deep, closed', () => `${'1例(其中'.repeat(1000)}1例${')'.repeat(1000)}。`],
  ['"9" × 100,000', () => '9'.repeat(100_000)],
  ['"9" × 100,000 + 例', () => `${'9'.repeat(100_000)}例`],
  ['brackets "(" × 50,000 + ")" × 50,000', () => '('.repeat(50_000) + ')'.repeat(50_000)],
  ['brackets "()" × 50,000', () => '()'.repeat(50_000)],
  ['full-width brackets "(" × 50,000 + ")" × 50,000 around 1例', () => `${'('.repeat(50_000)}1例${')'.repeat(50_000)}`],
  ['",,,," × 25,000', () => ',,,,'.repeat(25_000)],
  ['"、" × 100,000', () => '、'.repeat(100_000)],
  ['"万" × 100,000 after a digit', () => `1${'万'.repeat(100_000)}例`],
  ['"年" × 100,000 after 2022', () => `2022${'年'.repeat(100_000)}`],
  ['"......" × 20,000', () => '......'.repeat(20_000)],
  ['"日" × 100,000 after 10月3', () => `10月3${'日'.repeat(100_000)}`],
  ['"1、" × 50,000 (an enumeration of numbers)', () => '1、'.repeat(50_000)],
  ['"1月1日" × 30,000', () => '1月1日'.repeat(30_000)],
  ['spaces × 100,000 between a label and a figure', () => `新增 ${' '.repeat(100_000)}有1例`],
  ['"的有为" × 30,000 before a figure', () => `新增${'的有为 '.repeat(30_000)}1例`],
  ['"1例" × 100,000 without separators', () => '1例'.repeat(100_000)],
  // With the default options (what the editor and the CLI do): over the size limit, if there is one.
  ['a 10 MB single line of real Chinese bulletin text', () => realLine(10 * 1024 * 1024)],
  // The longest single line the default options still analyse in full (DEFAULT_MAX_LENGTH, when set).
  ['a single line of real bulletin text just under the default size limit', () => realLine(Math.min(10 * 1024 * 1024, (DEFAULT_MAX_LENGTH ?? 500_000) - 1))],
];

describe('adversarial inputs complete (time printed)', () => {
  for (const [name, make] of ADVERSARIAL) {
    it(name, () => {
      const text = make();
      const started = process.hrtime.bigint();
      let analysis: Analysis | undefined;
      let error: unknown;
      try {
        analysis = analyze(text, { mode: 'always', locale: 'en' });
      } catch (e) {
        error = e;
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(
        `adversarial: ${name}: ${text.length} UTF-16 units, ${ms.toFixed(0)} ms` +
          (analysis ? `, ${analysis.figures.length} figures, ${analysis.groups.length} groups, ${analysis.findings.length} findings` : ''),
      );
      assert.equal(error, undefined, `analyze threw on ${name}: ${error instanceof Error ? error.stack : String(error)}`);
      assert.ok(analysis);
      assert.deepEqual(stageFailures(analysis), [], `a stage failed on ${name}`);
      assert.deepEqual(rangeViolations(text, analysis).slice(0, 5), [], `ranges on ${name}`);
      // Times are printed, not asserted (timings belong in `npm run bench`); over the budget is reported.
      if (ms > BUDGET_MS) console.log(`adversarial: NOTE ${name} took ${ms.toFixed(0)} ms, over ${BUDGET_MS} ms`);
    });
  }

  it('stops at the time budget and says what it skipped (deterministic: a budget of 0 ms)', () => {
    const a = analyze(realLine(20_000), { mode: 'always', locale: 'en', timeBudgetMs: 0 });
    const notAnalysed = a.findings.filter((f) => f.code === 'not-analysed');
    assert.equal(notAnalysed.length, 1);
    assert.match(notAnalysed[0]!.message, /skipped: .*grouping, place counts, breakdown-sum/);
    assert.deepEqual(a.findings.filter((f) => f.code !== 'not-analysed'), []);
  });

  it('skips a document over the size limit with one information finding', () => {
    const a = analyze(realLine(600_000), { mode: 'always', locale: 'en' });
    assert.deepEqual(a.findings.map((f) => [f.code, f.severity]), [['not-analysed', 'information']]);
    assert.match(a.findings[0]!.message, /600000 characters/);
  });
});
