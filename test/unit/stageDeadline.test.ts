/**
 * Issue 8: the long loops of the reading stages check the deadline, so a stage stops
 * inside a long document instead of only between stages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline, NO_DEADLINE, StageStopped } from '../../server/src/core/deadline';
import { scanFigures } from '../../server/src/core/figures';
import { findGroups } from '../../server/src/core/groups';
import { splitSentences } from '../../server/src/core/statements';
import { mergeFigures, scanZeros } from '../../server/src/core/zeros';
import { normalizeForMatching } from '../../server/src/core/text/normalize';

const PARAGRAPH =
  '10月30日0时至24时,全市新增确诊病例9例,其中,平城区3例、云冈区6例;无新增死亡病例,现无疑似病例。\n' +
  '密接人员118人,现已集中隔离46人、居家隔离50人、转属地管控22人。\n';
const LONG = PARAGRAPH.repeat(400);

/** A deadline that is already over (0 ms budget), once the clock has moved. */
function expired(): Deadline {
  const d = new Deadline(0);
  const t0 = performance.now();
  while (performance.now() === t0) {
    /* let the clock tick */
  }
  return d;
}

function stopsWithTime(run: (d: Deadline) => unknown): void {
  assert.throws(
    () => run(expired()),
    (e: unknown) => e instanceof StageStopped && e.reason === 'time',
  );
}

describe('stages check the deadline inside their loops', () => {
  const norm = normalizeForMatching(LONG);
  const figures = mergeFigures(scanFigures(LONG, norm), scanZeros(LONG, norm));
  const sentences = splitSentences(norm);

  it('reads the long input in full without a deadline', () => {
    assert.ok(figures.length > 2000, String(figures.length));
    assert.ok(sentences.length >= 800, String(sentences.length));
    assert.ok(findGroups(LONG, norm, sentences, figures, () => 0).length >= 800);
    assert.deepEqual(scanFigures(LONG, norm, NO_DEADLINE), scanFigures(LONG, norm));
  });

  it('scanFigures stops', () => stopsWithTime((d) => scanFigures(LONG, norm, d)));
  it('scanZeros stops', () => stopsWithTime((d) => scanZeros(LONG, norm, d)));
  it('splitSentences stops', () => stopsWithTime((d) => splitSentences(norm, d)));
  it('findGroups stops', () => stopsWithTime((d) => findGroups(LONG, norm, sentences, figures.map((f) => ({ ...f })), () => 0, d)));

  it('a cancelled analysis stops the same way', () => {
    const d = new Deadline(Number.POSITIVE_INFINITY, () => true);
    assert.throws(
      () => scanFigures(LONG, norm, d),
      (e: unknown) => e instanceof StageStopped && e.reason === 'cancelled',
    );
  });
});
