/**
 * Issue 8: analysis is bounded in time and honours cancellation. The core checks a
 * Deadline before and inside its stages; the server drives the analysis in slices so
 * that a newer edit can cancel a stale one between stages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisSteps, analyze } from '../../server/src/core/analyze';
import { Deadline, NO_DEADLINE, StageStopped } from '../../server/src/core/deadline';
import { analyseInSlices } from '../../server/src/lsp/analyseInSlices';
import { seed } from '../support/fixtures';

const long = (n: number): string => {
  const line = seed('000').replace(/\r?\n/g, '');
  return line.repeat(Math.ceil(n / line.length)).slice(0, n);
};

describe('Deadline', () => {
  it('throws StageStopped("time") from check() once the budget is used up, and keeps throwing', () => {
    const d = new Deadline(0);
    const t0 = performance.now();
    while (performance.now() - t0 < 2) {
      /* let 0 ms pass */
    }
    assert.throws(() => {
      for (let i = 0; i < 1000; i++) d.check();
    }, (e: unknown) => e instanceof StageStopped && e.reason === 'time');
    assert.throws(() => d.check(), StageStopped);
  });

  it('throws StageStopped("cancelled") when the caller cancels', () => {
    let cancelled = false;
    const d = new Deadline(Number.POSITIVE_INFINITY, () => cancelled);
    for (let i = 0; i < 1000; i++) d.check();
    cancelled = true;
    assert.throws(() => {
      for (let i = 0; i < 1000; i++) d.check();
    }, (e: unknown) => e instanceof StageStopped && e.reason === 'cancelled');
  });

  it('NO_DEADLINE never stops', () => {
    for (let i = 0; i < 100_000; i++) NO_DEADLINE.check();
    assert.equal(NO_DEADLINE.reason(), undefined);
  });
});

describe('analysisSteps and cancellation', () => {
  it('yields each stage and check before running it, and returns the same analysis as analyze()', () => {
    const text = seed('000');
    const steps = analysisSteps(text, { locale: 'en' });
    const names: string[] = [];
    let r = steps.next();
    while (!r.done) {
      names.push(r.value);
      r = steps.next();
    }
    assert.deepEqual(names.slice(0, 5), ['normalisation', 'figure scan', 'places', 'dates', 'grouping']);
    assert.ok(names.includes('breakdown-sum') && names.includes('place-name'));
    assert.deepEqual(JSON.parse(JSON.stringify(r.value)), JSON.parse(JSON.stringify(analyze(text, { locale: 'en' }))));
  });

  it('a cancelled analysis stops at the next stage and returns an empty result marked cancelled', () => {
    let stages = 0;
    const steps = analysisSteps(seed('000'), { locale: 'en', isCancelled: () => stages >= 3 });
    let r = steps.next();
    while (!r.done) {
      stages++;
      r = steps.next();
    }
    assert.equal(r.value.cancelled, true);
    assert.deepEqual(r.value.findings, []);
  });

  it('a 0 ms budget stops inside the first stage that checks it and reports what was skipped', () => {
    const a = analyze(long(50_000), { locale: 'en', timeBudgetMs: 0 });
    const notAnalysed = a.findings.filter((f) => f.code === 'not-analysed');
    assert.equal(notAnalysed.length, 1);
    assert.match(notAnalysed[0]!.message, /skipped: .*place-name/);
    assert.equal(a.cancelled, undefined);
  });
});

describe('analyseInSlices (the server side)', () => {
  it('lets other callbacks run between stages of a long analysis', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    let sawCallbackBeforeEnd = false;
    const a = await analyseInSlices(long(60_000), {
      locale: 'en',
      isCancelled: () => {
        if (ran) sawCallbackBeforeEnd = true;
        return false;
      },
    }, 0);
    assert.equal(sawCallbackBeforeEnd, true);
    assert.ok(a.figures.length > 0);
  });

  it('a newer edit arriving while it runs cancels it', async () => {
    let generation = 1;
    setImmediate(() => (generation = 2)); // "a didChange arrived"
    const mine = generation;
    const a = await analyseInSlices(long(60_000), { locale: 'en', isCancelled: () => generation !== mine }, 0);
    assert.equal(a.cancelled, true);
  });
});
