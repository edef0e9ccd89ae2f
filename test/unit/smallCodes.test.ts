import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseDateDigit, dateOfDayNumber, dayNumberOf } from '../../server/src/core/dates';
import { parseChineseNumeral } from '../../server/src/core/numbers';
import { SmallCodes, smallCodesOf } from '../../server/src/core/smallCodes';
import { notPlaceWordsWithLevel } from '../../server/src/core/regions';
import { simplifiedCode } from '../../server/src/core/gazetteer';
import { toSimplified } from '../../server/src/core/text/normalize';

describe('SmallCodes', () => {
  it('holds exactly its units, for sets of every size up to 300', () => {
    let seed = 12345;
    const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    for (let n = 0; n <= 300; n += n < 40 ? 1 : 37) {
      const units = new Set<number>();
      while (units.size < n) units.add(n % 3 === 0 ? 0x4e00 + (rand() % 0x5200) : rand());
      const set = new SmallCodes(units);
      for (let c = 0; c < 0x10000; c++) assert.equal(set.has(c), units.has(c), `unit ${c} in a set of ${n}`);
      assert.equal(set.has(NaN), false);
    }
  });

  it('holds no "no character" value (-1, NaN, past the end of a text) whatever its slots', () => {
    for (const units of [[0x4e01, 0x4e8c], [0], [0xffff], [...'确诊病例无症状'].map((c) => c.charCodeAt(0))]) {
      const set = new SmallCodes(units);
      for (const c of [-1, -2, Number.NaN, 0x10000, ''.charCodeAt(0)]) {
        assert.equal(set.has(c), false, `${units} has ${c}`);
        assert.equal(set.slotOf(c), -1, `${units} slotOf ${c}`);
      }
    }
  });

  it('smallCodesOf takes the first unit of each string', () => {
    const set = smallCodesOf(['截至', '昨日', '0']);
    assert.deepEqual([set.has('截'.charCodeAt(0)), set.has('昨'.charCodeAt(0)), set.has(48), set.has('至'.charCodeAt(0))], [true, true, true, false]);
  });
});

describe('dates: day numbers', () => {
  it('the date of a day number is what Date gives, from year 100 to 10000', () => {
    const first = Math.floor(Date.UTC(100, 0, 1) / 86400000) - 2;
    const last = Math.floor(Date.UTC(10001, 0, 1) / 86400000) + 2;
    for (let n = first; n <= last; n++) {
      const d = dateOfDayNumber(n);
      const dt = new Date(n * 86400000);
      if (d.year !== dt.getUTCFullYear() || d.month !== dt.getUTCMonth() + 1 || d.day !== dt.getUTCDate()) {
        assert.fail(`day ${n}: ${d.year}-${d.month}-${d.day}, Date ${dt.toISOString()}`);
      }
    }
  });
});

describe('dates: arithmetic instead of Date', () => {
  it('dayNumber is Math.floor(Date.UTC(y, m - 1, d) / 86400000)', () => {
    const check = (y: number, m: number, d: number): void => {
      const want = Math.floor(Date.UTC(y, m - 1, d) / 86400000);
      const got = dayNumberOf(y, m, d);
      if (!Object.is(got, want) && !(got === 0 && want === 0)) assert.fail(`${y}-${m}-${d}: ${got}, Date.UTC ${want}`);
    };
    for (let y = -5; y <= 10005; y++) for (let m = -1; m <= 14; m++) for (const d of [-1, 0, 1, 15, 28, 29, 30, 31, 32, 400]) check(y, m, d);
    for (const [y, m, d] of [[199999, 1200, 999999], [-199999, -1200, -999999], [200001, 1, 1], [2020, 1201, 1], [2020, 1, 1e6 + 1], [2020.5, 1, 1], [NaN, 1, 1], [2020, 1, Infinity], [-0, 1, 1]] as const) check(y, m, d);
  });

  it('a Chinese date digit alone reads as parseChineseNumeral reads it', () => {
    for (const ch of '零一二两三四五六七八九十') assert.equal(chineseDateDigit(ch.charCodeAt(0)), parseChineseNumeral(ch), ch);
    assert.equal(chineseDateDigit('百'.charCodeAt(0)), undefined);
  });
});

describe('places: the unnamed-place test', () => {
  it('no word that is never a place has the suffix of an unnamed place (resolvePlace skips asking)', () => {
    assert.deepEqual(notPlaceWordsWithLevel(), []);
  });
  it('toSimplified maps unit by unit, as simplifiedCode does', () => {
    for (const s of ['東城區社區', '街道', '鄉村', '小區', '臺灣地區', '鎮']) {
      assert.equal(toSimplified(s), Array.from(s, (ch) => String.fromCharCode(simplifiedCode(ch.charCodeAt(0)))).join(''));
    }
  });
});
