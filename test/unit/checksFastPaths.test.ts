/**
 * The fast paths of the sentence split and of IdMarks answer as the plain versions they
 * replaced: splitSentences (which jumps from one sentence-end unit to the next with indexOf)
 * against the loop over every code unit it replaced, and IdMarks against a Set<number>.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdMarks } from '../../server/src/core/checks/idMarks';
import { splitSentences } from '../../server/src/core/statements';
import { isHan } from '../../server/src/core/text/normalize';
import type { Span } from '../../server/src/core/types';

/** The sentence split as it was written before the fast path: a test of every code unit. */
function referenceSplit(norm: string): Span[] {
  const isEnd = (c: number) => c === 0x3002 || c === 10 || c === 13 || c === 33 || c === 63;
  const continues = (i: number): boolean => {
    let b = i - 1;
    while (b >= 0 && (norm[b] === ' ' || norm[b] === '\r' || norm[b] === '\n')) b--;
    if (b < 0) return false;
    if (!(isHan(norm.charCodeAt(b)) || norm[b] === ',' || norm[b] === '、')) return false;
    const lineStart = norm.lastIndexOf('\n', b) + 1;
    if (b - lineStart + 1 < 16) return false;
    const line = norm.slice(lineStart, b + 1);
    if (!line.includes(',') && !line.includes('、')) return false;
    let a = i + 1;
    while (a < norm.length && (norm[a] === '\n' || norm[a] === '\r' || norm[a] === ' ')) a++;
    return a < norm.length && isHan(norm.charCodeAt(a)) && a - i <= 4;
  };
  const out: Span[] = [];
  let start = 0;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (isEnd(c)) {
      if ((c === 10 || c === 13) && continues(i)) continue;
      let end = i + 1;
      while (end < n && (norm[end] === '”' || norm[end] === '"' || norm[end] === ')')) end++;
      if (end - start > 1 || !isEnd(norm.charCodeAt(start))) out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < n && norm.slice(start).trim() !== '') out.push({ start, end: n });
  return out;
}

/** A small deterministic generator (the same texts on every run). */
function generator(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('sentence split fast path', () => {
  const pieces = ['。', '\n', '\r', '\r\n', '\n\n', ' ', '!', '?', '”', '"', ')', ',', '、', '新增确诊病例', '平城区3例', '云冈区6例', '其中', 'A', '1', '截至10月30日24时', '无新增死亡病例', '均为境外输入病例的相关密切接触人员', '\n \n \n', '\r\r\r'];
  it('splits as the unit-by-unit loop did, on generated texts', () => {
    const rnd = generator(11);
    for (let t = 0; t < 6000; t++) {
      let s = '';
      const len = rnd(80);
      for (let k = 0; k < len; k++) s += pieces[rnd(pieces.length)];
      assert.deepEqual(splitSentences(s), referenceSplit(s), JSON.stringify(s));
    }
  });
  it('keeps a line broken mid-sentence together, after blank lines too', () => {
    const s = '10月30日0时至24时,全市新增确诊病例9例,其中\n\n平城区3例、云冈区6例。\n下一句。';
    assert.deepEqual(splitSentences(s), referenceSplit(s));
    assert.equal(splitSentences(s).length, 2);
  });
});

describe('IdMarks', () => {
  it('answers as a Set<number> would', () => {
    const rnd = generator(5);
    const odd = [-1, -0, 0.5, 2 ** 32, 2 ** 32 - 1, Number.NaN, Infinity, 1e9];
    for (const size of [0, 1, 31, 32, 33, 100]) {
      const marks = new IdMarks(size);
      const set = new Set<number>();
      for (let k = 0; k < 60; k++) {
        const id = rnd(4) === 0 ? (odd[rnd(odd.length)] as number) : rnd(size + 5);
        marks.add(id);
        set.add(id);
      }
      for (const id of [...odd, ...Array.from({ length: size + 5 }, (_, i) => i)]) assert.equal(marks.has(id), set.has(id), `size ${size}, id ${id}`);
    }
  });
  it('holds nothing before the first add', () => {
    const marks = new IdMarks(10);
    assert.equal(marks.has(0), false);
    assert.equal(marks.has(-1), false);
  });
});
