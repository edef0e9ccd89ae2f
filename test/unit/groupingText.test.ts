import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Brackets, depthsByCharacter, enclosingCloseByCharacter, NextIndex, positionsOf } from '../../server/src/core/grouping/brackets';
import { codeAt, isJsSpace, skipSpaces, sliceEndsWith, trimSpacesEnd } from '../../server/src/core/grouping/chars';

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) % n;
}

describe('grouping/chars', () => {
  it('isJsSpace is /\\s/ for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    assert.equal(isJsSpace(NaN), false);
  });

  it('skipSpaces and trimSpacesEnd find what trimStart and trimEnd keep', () => {
    const rand = random(3);
    const pool = [' ', '\u3000', '\n', '\ufeff', '中', 'a', ',', '\u2028', '\u00a0'];
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: rand(9) }, () => pool[rand(pool.length)]).join('');
      const from = rand(s.length + 1);
      const to = from + rand(s.length - from + 1);
      const part = s.slice(from, to);
      assert.equal(skipSpaces(s, from, to), from + (part.length - part.trimStart().length), JSON.stringify([s, from, to]));
      assert.equal(trimSpacesEnd(s, from, to), from + part.trimEnd().length, JSON.stringify([s, from, to]));
    }
  });
});

describe('grouping/chars: reading in place what a slice or an index gives', () => {
  it('codeAt is s[i] as a code (NaN where s[i] is undefined)', () => {
    const s = 'a中,';
    for (const i of [-1, 0, 1, 2, 3, 4, 0.5, 1.5, NaN, Infinity]) {
      const ch = (s as unknown as Record<number, string | undefined>)[i];
      assert.ok(Object.is(codeAt(s, i), ch === undefined ? NaN : ch.charCodeAt(0)), `index ${i}`);
    }
  });

  it('sliceEndsWith is s.slice(from, to).endsWith(word), for any positions', () => {
    const rand = random(23);
    const positions = [-3, -1, 0, 1, 2, 3, 5, 8, 1.5, NaN];
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: rand(7) }, () => '集中中a'[rand(4)]).join('');
      const from = positions[rand(positions.length)] as number;
      const to = positions[rand(positions.length)] as number;
      for (const word of ['中', '集中', '']) assert.equal(sliceEndsWith(s, from, to, word), s.slice(from, to).endsWith(word), JSON.stringify([s, from, to, word]));
    }
  });
});

describe('grouping/brackets', () => {
  it('positionsOf finds every occurrence, as a character loop does', () => {
    const rand = random(11);
    for (let n = 0; n < 500; n++) {
      const s = Array.from({ length: rand(40) }, () => '其中(:)a'[rand(6)]).join('');
      for (const needle of ['(', ':', '其中']) {
        const expected: number[] = [];
        for (let i = 0; i < s.length; i++) if (s.startsWith(needle, i)) expected.push(i);
        assert.deepEqual(positionsOf(s, needle), expected, s);
      }
    }
    assert.deepEqual(positionsOf('abc', ''), []);
  });

  it('NextIndex answers as indexOf, asked in any order', () => {
    const rand = random(17);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: rand(30) }, () => 'a)b'[rand(3)]).join('');
      const next = new NextIndex(text, ')');
      for (let q = 0; q < 20; q++) {
        const pos = rand(4) === 0 ? rand(text.length + 2) : Math.min(text.length + 1, q + rand(3));
        const i = text.indexOf(')', pos);
        assert.equal(next.next(pos), i < 0 ? Infinity : i, JSON.stringify([text, pos, q]));
      }
    }
  });

  it('enclosingClose and depths give what the character loops give', () => {
    const rand = random(5);
    for (let n = 0; n < 4000; n++) {
      const text = Array.from({ length: rand(30) }, () => '((()))ab,'[rand(9)]).join('');
      const b = new Brackets(text);
      const from = rand(text.length + 2);
      const end = rand(text.length + 3);
      assert.equal(b.enclosingClose(from, end), enclosingCloseByCharacter(text, from, end), JSON.stringify([text, from, end]));
      assert.equal(b.openWithin(from, end), text.slice(from, Math.max(from, end)).includes('('), JSON.stringify([text, from, end]));
      // figures: mostly in order inside the sentence, sometimes not (read by the character loop)
      const start = rand(text.length + 1);
      const stop = start + rand(text.length - start + 1);
      const figs: Array<{ start: number }> = [];
      let at = start;
      for (let k = rand(5); k > 0; k--) {
        at = rand(4) === 0 ? rand(text.length + 2) : at + rand(4);
        figs.push({ start: at });
      }
      const got: Array<[number, number]> = [];
      const want: Array<[number, number]> = [];
      b.depths(start, stop, figs, (i, d) => got.push([i, d]));
      depthsByCharacter(text, start, stop, figs, (i, d) => want.push([i, d]));
      assert.deepEqual(got, want, JSON.stringify([text, start, stop, figs]));
    }
  });

  it('reads positions that are not whole numbers as the character loops do', () => {
    const b = new Brackets('a(b)c)d');
    assert.equal(b.enclosingClose(1.5, 7), enclosingCloseByCharacter('a(b)c)d', 1.5, 7));
    const got: number[] = [];
    b.depths(0, 7, [{ start: 2.5 }, { start: 5 }], (_, d) => got.push(d));
    const want: number[] = [];
    depthsByCharacter('a(b)c)d', 0, 7, [{ start: 2.5 }, { start: 5 }], (_, d) => want.push(d));
    assert.deepEqual(got, want);
  });

  it('a depth counts the brackets open before the figure', () => {
    const text = '共5例(其中A市3例(含1例),B市2例)';
    const b = new Brackets(text);
    const figs = [text.indexOf('5'), text.indexOf('3'), text.indexOf('1'), text.indexOf('2')].map((start) => ({ start }));
    const depths: number[] = [];
    b.depths(0, text.length, figs, (_, d) => depths.push(d));
    assert.deepEqual(depths, [0, 1, 2, 1]);
    assert.equal(b.enclosingClose(text.indexOf('3'), text.length), text.length - 1);
  });
});
