import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findDates, type DateExpr, type DateInfo } from '../../server/src/core/dates';
import { normalizeForMatching } from '../../server/src/core/text/normalize';
import { allReal, allSeeds, seed } from '../support/fixtures';

function datesOf(text: string): DateInfo {
  return findDates(text, normalizeForMatching(text));
}

/** The only expression of a text. */
function one(text: string): DateExpr {
  const info = datesOf(text);
  assert.equal(info.dates.length, 1, JSON.stringify(info.dates.map((d) => d.text)));
  return info.dates[0] as DateExpr;
}

function find(info: DateInfo, written: string): DateExpr {
  const d = info.dates.find((e) => e.text === written);
  assert.ok(d, `no ${written} in ${JSON.stringify(info.dates.map((e) => e.text))}`);
  return d;
}

const PUB = '发布日期:2022年11月27日17时18分\n';

describe('dates: instants', () => {
  it('2022年11月27日17时18分 with all its parts', () => {
    const d = one('作者:来源:市政府网发布日期:2022年11月27日17时18分');
    assert.equal(d.kind, 'instant');
    assert.equal(d.text, '2022年11月27日17时18分');
    assert.deepEqual([d.parts.year, d.parts.month, d.parts.day, d.parts.hour, d.parts.minute], [2022, 11, 27, 17, 18]);
    assert.equal(d.iso, '2022-11-27T17:18');
    assert.equal(d.valid, true);
  });

  it('2022年11月06日 21:19 (traditional text, leading zero, colon time)', () => {
    const d = one('來源:新華社 作者:馬曉媛 2022年11月06日 21:19');
    assert.equal(d.text, '2022年11月06日 21:19');
    assert.equal(d.iso, '2022-11-06T21:19');
  });

  it('發佈日期：2021-05-12 (full-width colon) and 2020/12/20 09:55', () => {
    assert.equal(one('發佈日期：2021-05-12 中央流行疫情指揮中心').iso, '2021-05-12');
    assert.equal(one('2020/12/20 09:55\n').iso, '2020-12-20T09:55');
  });

  it('full-width digits keep their offsets', () => {
    const text = '据通报，２０２２年１０月３０日８时，';
    const d = one(text);
    assert.equal(text.slice(d.start, d.end), '２０２２年１０月３０日８时');
    assert.equal(d.iso, '2022-10-30T08:00');
  });

  it('1月7日7时30分 and 1月8日7时30分 take the inferred year', () => {
    const info = datesOf('2021年1月1日\n“1月7日,市防控办推送我区协查信息。1月8日7时30分,小店区');
    assert.equal(find(info, '1月7日').iso, '2021-01-07');
    assert.equal(find(info, '1月8日7时30分').iso, '2021-01-08T07:30');
  });

  it('11月25日晚8时 is 20:00; 25日18时 takes the month of the previous date', () => {
    const info = datesOf(seed('001'));
    assert.equal(find(info, '11月25日晚8时').iso, '2022-11-25T20:00');
    assert.equal(find(info, '11月25日晚8时').parts.dayPart, '晚');
    assert.equal(find(info, '25日18时').iso, '2022-11-25T18:00');
  });

  it('10月11日 and Chinese numerals (十月三十日, 二〇二二年十一月二十七日十七时)', () => {
    assert.deepEqual([one('这说明我市从10月11日实行静默管理以来').parts.month, one('这说明我市从10月11日实行静默管理以来').parts.day], [10, 11]);
    const info = datesOf(`${PUB}十月三十日零时至二十四时,新增`);
    const p = find(info, '十月三十日零时至二十四时');
    assert.equal(p.kind, 'period');
    assert.equal(p.parts.numeral, 'chinese');
    assert.equal(p.parts.hourWord, '零时');
    assert.equal(p.startIso, '2022-10-30T00:00');
    assert.equal(p.endIso, '2022-10-31T00:00');
    assert.equal(one('二〇二二年十一月二十七日十七时').iso, '2022-11-27T17:00');
  });

  it('relative days resolve against the publication date', () => {
    const info = datesOf(`${PUB}昨日新增3例,今日新增2例,昨日(26日)新增1例。`);
    const ds = info.dates.filter((d) => d !== info.publication);
    assert.deepEqual(
      ds.map((d) => [d.text, d.parts.relative, d.iso]),
      [
        ['昨日', '昨日', '2022-11-26'],
        ['今日', '今日', '2022-11-27'],
        ['昨日(26日)', '昨日', '2022-11-26'],
      ],
    );
  });

  it('今(12)日 in a Taiwan CDC bulletin; 较前一日 is a comparison, not a date', () => {
    const tw = datesOf('發佈日期：2021-05-12 中央流行疫情指揮中心今(12)日公布');
    assert.equal(find(tw, '今(12)日').iso, '2021-05-12');
    assert.equal(datesOf('重症病例较前一日增加1例').dates.length, 0);
  });

  it('当日 is the day of the previous date (10月12日0—24时 … 当日新增)', () => {
    const info = datesOf('2020年10月12日0—24时,新增确诊病例13例。当日新增治愈出院病例12例');
    assert.equal(find(info, '当日').iso, '2020-10-12');
  });

  it('does not read durations, ordinals, building numbers or ages as dates', () => {
    for (const s of ['第一时间报告', '一日一督导', '近三日新增', '近14日内', '隔离14日', '11号楼', '年龄介于2月龄-90岁之间', '24小时', '截至目前国内今(2022)年累计']) {
      assert.deepEqual(datesOf(s).dates.map((d) => d.text), [], s);
    }
  });
});

describe('dates: periods and as-of times', () => {
  const cases: Array<[string, string, string, string]> = [
    ['10月30日0时至24时,新增新冠肺炎确诊病例9例', '10月30日0时至24时', '2022-10-30T00:00', '2022-10-31T00:00'],
    ['3月20日12时至24时，新增报告境外输入新冠肺炎确诊病例 8例', '3月20日12时至24时', '2022-03-20T12:00', '2022-03-21T00:00'],
    ['1月25日0-24时，10市（县）报告', '1月25日0-24时', '2022-01-25T00:00', '2022-01-26T00:00'],
    ['4月1日0—24时，31个省（自治区、直辖市）', '4月1日0—24时', '2022-04-01T00:00', '2022-04-02T00:00'],
    ['3月26日21时至27日6时，天津无新增报告', '3月26日21时至27日6时', '2022-03-26T21:00', '2022-03-27T06:00'],
    ['10月22日零时至24时,大同市新增阳性感染者31人', '10月22日零时至24时', '2022-10-22T00:00', '2022-10-23T00:00'],
    ['9月28日零时至10月22日24时,大同市', '9月28日零时至10月22日24时', '2022-09-28T00:00', '2022-10-23T00:00'],
    ['11月1日至5日,', '11月1日至5日', '2022-11-01T00:00', '2022-11-06T00:00'],
  ];
  for (const [sentence, written, s, e] of cases) {
    it(written, () => {
      const d = find(datesOf(`${PUB}${sentence}`), written);
      assert.equal(d.kind, 'period');
      assert.equal(d.startIso, s);
      assert.equal(d.endIso, e);
      assert.equal(d.valid, true);
    });
  }

  it('8日当天0-12时 (day without month, 当天)', () => {
    const info = datesOf('2020年2月8日\n截至2月8日12时，全省累计报告。8日当天0-12时全省新增确诊病例20例。');
    const d = find(info, '8日当天0-12时');
    assert.equal(d.parts.relative, '当天');
    assert.equal(d.parts.day, 8);
    assert.equal(d.startIso, '2020-02-08T00:00');
    assert.equal(d.endIso, '2020-02-08T12:00');
  });

  it('24时 is recorded as written and means the end of the day', () => {
    const d = find(datesOf(`${PUB}截至10月30日24时,我市现有`), '截至10月30日24时');
    assert.equal(d.kind, 'asof');
    assert.equal(d.cue, '截至');
    assert.equal(d.parts.hourWord, '24时');
    assert.equal(d.parts.hour, 24);
    assert.equal(d.iso, '2022-10-31T00:00');
  });

  it('截至10月31日23时30分, 截止2020年3月18日24时, 截至目前 is skipped', () => {
    assert.equal(find(datesOf(`${PUB}截至10月31日23时30分,全市`), '截至10月31日23时30分').iso, '2022-10-31T23:30');
    const d = one('截止2020年3月18日24时，全省累计报告');
    assert.equal(d.kind, 'asof');
    assert.equal(d.iso, '2020-03-19T00:00');
    assert.equal(datesOf('截至目前国内累计').dates.length, 0);
  });

  it('截至12月31日24时 in a bulletin published in January is in the year before', () => {
    const info = datesOf('发布日期:2023年1月2日\n截至12月31日24时,累计报告');
    assert.equal(info.dates[1]?.iso, '2023-01-01T00:00');
    assert.equal(info.dates[1]?.year, 2022);
  });
});

describe('dates: publication and year of every fixture', () => {
  const expected: Record<string, [string | undefined, number | undefined]> = {
    '000_ffa3a84bb4f5e23c.txt': [undefined, undefined],
    '001_db4829b7e8dd65d8.txt': ['2022-11-27T17:18', 2022],
    '002_335c7842145ae4af.txt': ['2022-11-06T21:19', 2022],
    '003_958c932572f1aad5.txt': [undefined, undefined],
    '004_599dbe72f437a9f9.txt': [undefined, 2020],
    'dxy_20200122_nhc_yjb.txt': [undefined, undefined],
    'dxy_20200126_henan_renminribao.txt': [undefined, 2020],
    'dxy_20200208_guangdong.txt': [undefined, undefined],
    'dxy_20200319_hubei.txt': [undefined, 2020],
    'dxy_20200321_beijing.txt': [undefined, undefined],
    'dxy_20200327_tianjin.txt': [undefined, undefined],
    'news_cna_20201220_mainland.txt': ['2020-12-20T09:55', 2020],
    'news_hk01_20220228_mainland.txt': [undefined, undefined],
    'news_stheadline_20220224_mainland.txt': [undefined, undefined],
    'news_sxrb_20221024_datong.txt': [undefined, undefined],
    'nhc_20201013.txt': [undefined, undefined],
    'nhc_20210801.txt': [undefined, undefined],
    'nhc_20220112.txt': [undefined, undefined],
    'nhc_20220402.txt': [undefined, undefined],
    'nhc_20220909.txt': [undefined, undefined],
    'twcdc_20210512.txt': ['2021-05-12', 2021],
    'twcdc_20220518.txt': ['2022-05-18', 2022],
    'twcdc_20221128.txt': ['2022-11-28', 2022],
  };
  const all = [...allSeeds(), ...allReal()];
  it('covers all 23 fixtures', () => assert.equal(all.length, 23));
  for (const { name, text } of all) {
    it(name, () => {
      const info = datesOf(text);
      assert.deepEqual([info.publication?.iso, info.year], expected[name]);
      assert.deepEqual(info.problems, []);
      assert.ok(info.dates.length > 0);
      for (const d of info.dates) {
        assert.ok(d.valid, d.text);
        assert.equal(text.slice(d.start, d.end), d.text);
      }
    });
  }

  it('seed 000: the daily period, the as-of times and the day-only as-of', () => {
    const info = datesOf(seed('000'));
    const kinds = info.dates.map((d) => `${d.kind} ${d.text}`);
    for (const k of ['period 10月30日0时至24时', 'asof 截至10月30日24时', 'asof 截至10月31日23时30分', 'asof 截至10月30日', 'instant 10月11日']) {
      assert.ok(kinds.includes(k), `${k} in ${JSON.stringify(kinds)}`);
    }
  });
});

describe('dates: properties', () => {
  it('Y年M月D日H时Min分 parses back to the same ISO', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
        (dt) => {
          const [y, m, d, h, min] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), dt.getUTCHours(), dt.getUTCMinutes()];
          const written = `${y}年${m}月${d}日${h}时${min}分`;
          const info = datesOf(`截至${written},累计报告确诊病例3例。`);
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
          return info.dates.length === 1 && info.dates[0]?.iso === iso && info.dates[0].valid;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws and keeps every range inside the text', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789０１２年月日号时点分秒至到-—~:/. 截止今昨当天次前一二十零〇三晚上午(),，。\n发布期'.split(''),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''))), (s) => {
        const info = datesOf(s);
        for (const d of info.dates) {
          if (!(d.start >= 0 && d.start < d.end && d.end <= s.length)) return false;
          if (d.parts.start < d.start || d.parts.end > d.end) return false;
          if (d.endParts && (d.endParts.start < d.parts.end || d.endParts.end > d.end)) return false;
        }
        return info.problems.length === 0;
      }),
      { numRuns: 3000 },
    );
  });
});
