import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ById, ByLabel, DepthTable, FLAT, RunsSeen, SentenceDepths } from '../../server/src/core/grouping/byId';
import type { Figure } from '../../server/src/core/types';

/** Ids of every kind: dense ones, and the ones a Map must keep (negative, fractional, huge, NaN, −0). */
const IDS = [0, 1, 2, 7, 9, 10, 11, -1, -0, 0.5, 3.25, 2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];

function fig(id: number, label?: string): Figure {
  return { id, label } as unknown as Figure;
}

describe('grouping/byId: ById', () => {
  it('answers as a Map<number, T> for any number', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (const size of [0, 1, 5, 10, 64]) {
      const table = new ById<string>(size);
      const map = new Map<number, string>();
      for (let step = 0; step < 400; step++) {
        const id = IDS[rand(IDS.length)] as number;
        if (rand(2) === 0) {
          table.set(id, `v${step}`);
          map.set(id, `v${step}`);
        }
        for (const q of IDS) assert.equal(table.get(q), map.get(q), `size ${size}, id ${q}, step ${step}`);
      }
    }
  });
});

describe('grouping/byId: DepthTable and SentenceDepths', () => {
  it('reads a depth only in the sentence that wrote it, else 0', () => {
    const table = new DepthTable(6);
    table.set(0, 1, 2);
    table.set(3, 4, 1);
    const s0 = new SentenceDepths(table, 0, undefined);
    const s3 = new SentenceDepths(table, 3, undefined);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, -1, NaN].map((id) => s0.get(id)), [0, 2, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, -1, NaN].map((id) => s3.get(id)), [0, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.equal(FLAT.get(1), 0);
    assert.equal(FLAT.get(4), 0);
  });

  it('a sentence with a Map of its own reads the Map (0 for what it lacks)', () => {
    const s = new SentenceDepths(undefined, 2, new Map([[1.5, 3], [-2, 1]]));
    assert.deepEqual([1.5, -2, 0, 1].map((id) => s.get(id)), [3, 1, 0, 0]);
  });

  it('fits only whole ids below the size, in increasing order', () => {
    assert.equal(DepthTable.fits([fig(0), fig(1), fig(2)], 3), true);
    assert.equal(DepthTable.fits([fig(0), fig(2)], 3), true);
    assert.equal(DepthTable.fits([fig(0), fig(2), fig(1)], 3), false); // (distinct, but not in order: not taken)
    assert.equal(DepthTable.fits([], 0), true);
    assert.equal(DepthTable.fits([fig(0), fig(0)], 3), false);
    assert.equal(DepthTable.fits([fig(3)], 3), false);
    assert.equal(DepthTable.fits([fig(-1)], 3), false);
    assert.equal(DepthTable.fits([fig(0.5)], 3), false);
    assert.equal(DepthTable.fits([fig(NaN)], 3), false);
  });
});

describe('grouping/byId: RunsSeen', () => {
  it('says a run is new exactly when its key string was not seen', () => {
    let seed = 99;
    const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (const size of [0, 4, 12]) {
      const runs = new RunsSeen(size);
      const keys = new Set<string>();
      for (let step = 0; step < 2000; step++) {
        const owner = IDS[rand(IDS.length)] as number;
        const ids = Array.from({ length: 1 + rand(2) }, () => IDS[rand(step % 2 === 0 ? 6 : IDS.length)] as number);
        const key = `${owner}:${ids.join(',')}`;
        const expected = !keys.has(key);
        keys.add(key);
        assert.equal(runs.add(owner, ids), expected, `${key} at step ${step}`);
      }
    }
  });

  it('tells the runs of one total apart, and the same run of two totals', () => {
    const runs = new RunsSeen(4);
    assert.equal(runs.add(0, [1, 2]), true);
    assert.equal(runs.add(0, [1, 2, 3]), true);
    assert.equal(runs.add(0, [2, 1]), true);
    assert.equal(runs.add(1, [1, 2]), true);
    assert.equal(runs.add(9, [1, 2]), true);
    assert.equal(runs.add(0, [1, 2]), false);
    assert.equal(runs.add(9, [1, 2]), false);
    assert.equal(runs.add(0, []), true);
    assert.equal(runs.add(0, []), false);
  });
});

describe('grouping/byId: ByLabel', () => {
  it('gives read(label) of the label the figure has now', () => {
    let reads = 0;
    const cache = new ByLabel<number>(4, (label) => {
      reads++;
      return label === undefined ? -1 : label.length;
    });
    const a = fig(1, '平城区');
    assert.equal(cache.of(a), 3);
    assert.equal(cache.of(a), 3);
    assert.equal(reads, 1);
    a.label = '法国、意大利';
    assert.equal(cache.of(a), 6);
    a.label = undefined;
    assert.equal(cache.of(a), -1);
    assert.equal(cache.of(fig(1, 'ab')), 2);
    assert.equal(cache.of(fig(-1, 'abcd')), 4);
    assert.equal(cache.of(fig(NaN, 'x')), 1);
    assert.equal(cache.of(fig(9, 'xyz')), 3);
  });
});
