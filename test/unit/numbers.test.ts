import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatLike, parseArabicValue, parseChineseNumeral, toChineseNumeral } from '../../server/src/core/numbers';
import { scanFigures } from '../../server/src/core/figures';
import { normalizeForMatching } from '../../server/src/core/text/normalize';
import { newFigure } from '../../server/src/core/newFigure';
import { analyze } from '../../server/src/core/analyze';
import { allReal, allSeeds } from '../support/fixtures';

function figuresOf(text: string) {
  return scanFigures(text, normalizeForMatching(text));
}

describe('Chinese numerals', () => {
  const cases: Array<[string, number]> = [
    ['九', 9], ['两', 2], ['兩', 2], ['十', 10], ['十一', 11], ['二十', 20], ['一百零八', 108], ['两千', 2000],
    ['一千零一', 1001], ['十二万三千四百五十六', 123456], ['三亿五千万', 350000000], ['一亿零五百万', 105000000],
    ['一万亿', 1e12], ['二〇二二', 2022], ['八萬', 80000],
  ];
  for (const [s, v] of cases) it(`${s} = ${v}`, () => assert.equal(parseChineseNumeral(s), v));

  it('rejects malformed numerals', () => {
    for (const s of ['', '百', '五六', '万', '十百', '零零']) assert.equal(parseChineseNumeral(s), undefined, s);
  });

  it('round-trips every integer 0…10^12 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseChineseNumeral(toChineseNumeral(n)) === n),
      { numRuns: 5000 },
    );
  });

  it('round-trips small integers exhaustively', () => {
    for (let n = 0; n <= 20000; n++) assert.equal(parseChineseNumeral(toChineseNumeral(n)), n, toChineseNumeral(n));
  });
});

describe('Arabic values', () => {
  it('is decimal-safe with 万 and 亿', () => {
    assert.deepEqual(parseArabicValue('13.3', 1e4), { value: 133000, low: 132500, high: 133500 });
    assert.deepEqual(parseArabicValue('3.6', 1e4), { value: 36000, low: 35500, high: 36500 });
    assert.equal(parseArabicValue('1.4', 1e8)?.value, 140000000);
    assert.equal(parseArabicValue('2,193,207', 1)?.value, 2193207);
    assert.equal(parseArabicValue('9', 1e4, '7527')?.value, 97527);
  });

  it('reads written figures exactly, whatever the script or width', () => {
    const cases: Array<[string, number, string]> = [
      ['核酸检测能力达到22万管', 220000, '管'],
      ['其中平城区13.3万管', 133000, '管'],
      ['累計儲備3.6萬間', 36000, '间'],
      ['確診9萬7527例', 97527, '例'],
      ['累计2,193,207人次', 2193207, '人次'],
      ['新增１２例', 12, '例'],
      ['新增九例', 9, '例'],
      ['一百零八人', 108, '人'],
      ['新北市(27,230例)', 27230, '例'],
      ['1095*例', 1095, '例'],
      ['新增7 528宗', 7528, '宗'],
      ['累計2 189 862宗個案', 2189862, '宗'],
      ['共錄得1 000余人', 1000, '人'],
      ['累计接种33亿5857.6万剂次', 3358576000, '剂次'],
      ['第一剂次1亿2000万剂次', 120000000, '剂次'],
      ['本港確診2萬7,830宗', 27830, '宗'],
      ['其中福建4 例', 4, '例'],
    ];
    for (const [text, value, unit] of cases) {
      const f = figuresOf(text).find((x) => x.kind === 'count');
      assert.ok(f, text);
      assert.equal(f.value, value, text);
      assert.equal(f.unit, unit, text);
      assert.equal(text.slice(f.start, f.end), f.literal, text);
    }
  });

  it('reads 10余万 and 十余万 as bounds of ten-thousands, with the measure word after 万', () => {
    const cases: Array<[string, number, number, string, string]> = [
      ['全市累计完成核酸检测10余万人次', 100000, 200000, '人次', '10余万'],
      ['十余万人参与筛查', 100000, 200000, '人', '十余万'],
      ['累计接种300多万剂次', 3000000, 4000000, '剂次', '300多万'],
      ['投入资金10余万元', 100000, 200000, '元', '10余万'],
      ['共錄得1万余人', 10000, 20000, '人', '1万'],
    ];
    for (const [text, low, high, unit, value] of cases) {
      const f = figuresOf(text).find((x) => x.kind === 'count');
      assert.ok(f, text);
      assert.deepEqual([f.value, f.low, f.high, f.approximate, f.unit], [low, low, high, true, unit], text);
      assert.equal(text.slice(f.valueStart, f.valueEnd), value, text);
      assert.equal(text.slice(f.start, f.end), f.literal, text);
    }
  });

  it('round-trips formatted values through the scanner (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom<'arabic' | 'fullwidth' | 'chinese'>('arabic', 'fullwidth', 'chinese'),
        fc.boolean(),
        fc.constantFrom(',', ' ', '，', '\u00a0'),
        (n, numeral, grouped, separator) => {
          if (numeral === 'chinese' && n === 0) return true; // 零例 is not read as a count
          // A grouped literal's own separator: a comma, a full-width comma or a space (Hong Kong).
          const literal = formatLike(n, { numeral, grouped: grouped && numeral !== 'chinese', literal: `1${separator}000` });
          const text = `新增确诊病例${literal}例。`;
          const f = figuresOf(text).filter((x) => x.kind === 'count');
          return f.length === 1 && f[0]!.value === n && text.slice(f[0]!.start, f[0]!.end) === literal + '例';
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('numbers that are not counts', () => {
  const cases: Array<[string, string, string]> = [
    ['严格按照第九版防控方案', '九', 'ordinal'],
    ['举报电话:0351-12388', '0351', 'phone'],
    ['(邮编030021)', '030021', 'code'],
    ['2022年11月27日17时18分', '2022', 'year'],
    ['2022年11月27日17时18分', '27', 'date'],
    ['2022年11月27日17时18分', '18', 'time'],
    ['奥密克戎变异株BA.5.2进化分支', '5.2', 'identifier'],
    ['BY.1进化分支', '1', 'identifier'],
    ['3天2检人员', '3', 'duration'],
    ['2022年11月06日 21:19', '21', 'time'],
    ['单场观影上座率不应超过70%', '70', 'percent'],
  ];
  for (const [text, literal, kind] of cases) {
    it(`${literal} in ${text} is ${kind}`, () => {
      const f = figuresOf(text).find((x) => text.slice(x.valueStart, x.valueEnd) === literal);
      assert.ok(f, 'token found');
      assert.equal(f.kind, kind);
    });
  }
  it('ignores Chinese numerals that are words, not counts', () => {
    for (const text of ['“三区”疫情防控形势', '辖区“两站一场”', '蹲守一线', '二十条优化措施']) {
      assert.equal(figuresOf(text).filter((f) => f.kind === 'count' && f.category !== 'none').length, 0, text);
    }
    assert.equal(figuresOf('“三区”').length, 0);
    assert.equal(figuresOf('两站一场').length, 0);
  });
});

describe('figure objects', () => {
  it('all have newFigure’s fields in newFigure’s order (one hidden class), whichever scan made them', () => {
    const shape = Object.keys(
      newFigure({ start: 0, end: 1, literal: '1', valueStart: 0, valueEnd: 1, value: 1, low: 1, high: 1, approximate: false, unit: '', kind: 'other', category: 'none', numeral: 'arabic', grouped: false }),
    ).join();
    let seen = 0;
    for (const { text } of [...allSeeds(), ...allReal()]) {
      for (const f of analyze(text).figures) {
        assert.equal(Object.keys(f).join(), shape, f.literal);
        seen++;
      }
    }
    assert.ok(seen > 1000, `only ${seen} figures`);
  });
});
