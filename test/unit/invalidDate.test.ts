import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInvalidDates } from '../../server/src/core/checks/invalidDate';
import { findDates } from '../../server/src/core/dates';
import type { Locale } from '../../server/src/core/messages';
import { normalizeForMatching } from '../../server/src/core/text/normalize';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds } from '../support/fixtures';

function check(text: string, locale: Locale = 'en'): Finding[] {
  return checkInvalidDates(findDates(text, normalizeForMatching(text)), locale);
}

function brief(text: string, locale: Locale = 'en'): Array<[string, string]> {
  return check(text, locale).map((f) => [text.slice(f.start, f.end), f.severity]);
}

const PUB = '发布日期:2022年11月27日17时18分\n';
const LEAP_PUB = '发布日期:2024年3月1日\n';

describe('invalid-date: impossible dates and times', () => {
  const errors: Array<[string, string]> = [
    ['2月30日0时至24时,新增确诊病例9例', '2月30日0时至24时'],
    ['截至4月31日24时,累计报告', '截至4月31日24时'],
    ['13月5日,市政府新闻办公室召开发布会', '13月5日'],
    ['截至10月30日25时,全市', '截至10月30日25时'],
    ['截至10月30日24时30分,全市', '截至10月30日24时30分'],
    ['10月31日23时61分,全市共有高风险区97个', '10月31日23时61分'],
    ['3月26日21时至32日6时，天津无新增报告', '3月26日21时至32日6时'],
  ];
  for (const [sentence, written] of errors) {
    it(written, () => {
      const text = PUB + sentence;
      const fs = check(text);
      assert.equal(fs.length, 1, JSON.stringify(fs));
      const f = fs[0] as Finding;
      assert.equal(f.code, 'invalid-date');
      assert.equal(f.severity, 'error');
      assert.equal(text.slice(f.start, f.end), written);
      assert.ok(f.message.includes(written), f.message);
    });
  }

  it('2月29日: valid in a leap year, or when the year is unknown; wrong in a common year', () => {
    assert.deepEqual(brief(`${LEAP_PUB}2月29日0时至24时,新增确诊病例9例`), []);
    assert.deepEqual(brief('2月29日0时至24时,新增确诊病例9例'), []);
    const fs = check(`${PUB}2月29日0时至24时,新增确诊病例9例`);
    assert.equal(fs.length, 1);
    assert.match((fs[0] as Finding).message, /2022 is not a leap year/);
    assert.deepEqual(brief('2023年2月29日,新增'), [['2023年2月29日', 'error']]);
  });

  it('says why, in both languages', () => {
    assert.match((check(`${PUB}4月31日,新增`)[0] as Finding).message, /month 4 has only 30 days/);
    assert.equal((check(`${PUB}4月31日,新增`, 'zh-cn')[0] as Finding).message, '不存在的日期“4月31日”:4月只有30天');
    assert.match((check(`${PUB}13月5日,新增`, 'zh-cn')[0] as Finding).message, /没有13月/);
    assert.match((check(`${PUB}截至10月30日24时30分,`)[0] as Finding).message, /24时 is the end of the day/);
    assert.match((check(`${PUB}截至10月30日25时,`)[0] as Finding).message, /not 25/);
  });
});

describe('invalid-date: ordering', () => {
  it('a period that ends before it starts is a warning', () => {
    assert.deepEqual(brief(`${PUB}10月30日12时至8时,新增确诊病例9例`), [['10月30日12时至8时', 'warning']]);
    assert.deepEqual(brief(`${PUB}10月30日至10月28日,新增`), [['10月30日至10月28日', 'warning']]);
    assert.deepEqual(brief('10月30日12时至12时,新增'), [['10月30日12时至12时', 'warning']]);
  });

  it('periods that cross midnight, a month or a year are fine', () => {
    assert.deepEqual(brief('3月26日21时至27日6时，天津无新增报告'), []);
    assert.deepEqual(brief('9月28日零时至10月22日24时,大同市'), []);
    assert.deepEqual(brief(`${PUB}12月30日至1月2日,`), []);
    assert.deepEqual(brief(`${PUB}3月26日21时至次日6时,`), []);
    assert.deepEqual(brief(`${PUB}10月1日至1日,`), []);
  });

  it('an as-of time after the publication day is a warning pointing at the publication', () => {
    const text = `${PUB}截至11月28日8时,恒口示范区累计检测`;
    const fs = check(text);
    assert.equal(fs.length, 1);
    const f = fs[0] as Finding;
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.start, f.end), '截至11月28日8时');
    assert.equal(f.related.length, 1);
    assert.equal(text.slice(f.related[0]?.start, f.related[0]?.end), '2022年11月27日17时18分');
    assert.deepEqual(brief(`${PUB}截至11月28日,`), [['截至11月28日', 'warning']]);
  });

  it('an as-of time up to 24时 of the publication day is accepted', () => {
    assert.deepEqual(brief(`${PUB}截至11月27日24时,累计`), []);
    assert.deepEqual(brief(`${PUB}截至11月27日,累计`), []);
    assert.deepEqual(brief(`${PUB}截至11月25日8时,累计`), []);
    assert.deepEqual(brief('发佈日期：2022-11-28 截至11月28日24時,累計'), []);
    // no publication: nothing to compare with
    assert.deepEqual(brief('截至11月28日8时,累计'), []);
  });
});

describe('invalid-date: the fixtures are consistent', () => {
  for (const { name, text } of [...allSeeds(), ...allReal()]) {
    it(`no findings in ${name}`, () => {
      assert.deepEqual(check(text), []);
      assert.deepEqual(check(text, 'zh-cn'), []);
    });
  }
});
