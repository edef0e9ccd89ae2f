// The indexOf-based helpers of the text rules agree with the plain loops and slices they replace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_DEADLINE } from '../../server/src/core/deadline';
import { hanBefore, hanKeyBefore, isReadingAt, isReadingOf, pinyinGroupAt, pinyinGroupEnd } from '../../server/src/core/rules/pinyinResidue';
import { mergeOffsets, offsetsOfAny } from '../../server/src/core/text/offsets';

/** A small deterministic generator (no dependency on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const ALPHABET = Array.from('当前(dāng)（zhōng）,;:?!，；：？！、。\n 　区市abcé𠀀中国測');

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

describe('indexOf scans of the text rules', () => {
  it('offsetsOfAny lists every offset of the characters, in order', () => {
    const next = rng(7);
    for (let round = 0; round < 300; round++) {
      const text = randomText(next, Math.floor(next() * 80));
      for (const chars of [',;:?!', '，；：？！', '(', '、\n']) {
        const expected: number[] = [];
        for (let i = 0; i < text.length; i++) if (chars.includes(text[i] as string)) expected.push(i);
        assert.deepEqual(offsetsOfAny(text, chars, NO_DEADLINE), expected, JSON.stringify({ text, chars }));
      }
    }
  });

  it('mergeOffsets merges two ordered lists', () => {
    assert.deepEqual(mergeOffsets([1, 4, 9], [2, 3, 10]), [1, 2, 3, 4, 9, 10]);
    assert.deepEqual(mergeOffsets([], [5]), [5]);
    assert.deepEqual(mergeOffsets([5], []), [5]);
  });

  it('pinyinGroupEnd, hanKeyBefore and isReadingAt agree with pinyinGroupAt, hanBefore and isReadingOf', () => {
    const next = rng(11);
    for (let round = 0; round < 300; round++) {
      const text = randomText(next, Math.floor(next() * 60));
      for (let i = 0; i <= text.length; i++) {
        const g = pinyinGroupAt(text, i);
        assert.equal(pinyinGroupEnd(text, i), g ? g.end : -1);
        const han = hanBefore(text, i);
        const key = hanKeyBefore(text, i);
        assert.equal(key === -1, han === '');
        if (han && g) assert.equal(isReadingAt(key, text, i + 1, g.end - 1), isReadingOf(han, g.syllable), JSON.stringify({ text, i }));
      }
    }
    assert.equal(isReadingAt('当'.charCodeAt(0), '当(dāng)', 2, 6), true);
    assert.equal(isReadingAt('前'.charCodeAt(0), '前(dāng)', 2, 6), false);
  });
});
