import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeForMatching } from '../../server/src/core/text/normalize';

/** The mapping one code unit at a time, the slow way: what the fast paths must agree with. */
function oneByOne(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += normalizeForMatching(text.charAt(i));
  return s;
}

describe('normalizeForMatching', () => {
  it('maps traditional characters and full-width forms one to one', () => {
    assert.equal(normalizeForMatching('確診１２例，無症狀'), '确诊12例,无症状');
  });

  it('keeps lone surrogates and pairs as they are, in long and short texts', () => {
    for (const text of ['確\ud800診', '確\udc00', '😷確診', '確'.repeat(100) + '\ud800' + '，'.repeat(100), '😷'.repeat(50) + '確診', '\ufeff' + '確'.repeat(100)]) {
      const out = normalizeForMatching(text);
      assert.equal(out.length, text.length);
      assert.equal(out, oneByOne(text));
    }
  });

  it('gives each call its own result when texts of different lengths follow one another (scratch buffer)', () => {
    const long = '確診，'.repeat(30000) + '\ud800'; // longer than the scratch buffer
    const texts = ['無症狀'.repeat(40) + '１２３', long, '萬'.repeat(70), '確診１２例，'.repeat(5000), 'a'.repeat(65), '確'.repeat(65)];
    const outs = texts.map((t) => normalizeForMatching(t));
    texts.forEach((t, i) => assert.equal(outs[i], oneByOne(t)));
  });

  it('reads ○ as 零 next to a Chinese digit only (二○二二年, 四四○例), not in ○○市 or a bullet', () => {
    assert.equal(normalizeForMatching('二○二二年十二月二日'), '二零二二年十二月二日');
    assert.equal(normalizeForMatching('其中四四○例為本土'), '其中四四零例为本土');
    assert.equal(normalizeForMatching('一○○例'), '一零零例');
    assert.equal(normalizeForMatching('○○市新增1例'), '○○市新增1例');
    assert.equal(normalizeForMatching('○ 新增确诊病例'), '○ 新增确诊病例');
    const long = '確診'.repeat(100) + '二○二二。' + '○'.repeat(3);
    assert.equal(normalizeForMatching(long), '确诊'.repeat(100) + '二零二二。' + '○'.repeat(3));
  });

  it('agrees unit by unit with the one-character mapping on any text (property)', () => {
    const unit = fc.oneof(
      fc.constantFrom('\ufeff', '確', '診', '萬', '，', '１', '　', '〇', '例', 'a', '\n', '\ud800', '\udfff', '😷'),
      // (○ is mapped by its neighbours, not one by one: the test below)
      fc.integer({ min: 0, max: 0xffff }).map((c) => (c === 0x25cb ? 'x' : String.fromCharCode(c))),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), (units) => {
        const text = units.join('');
        const out = normalizeForMatching(text);
        return out.length === text.length && out === oneByOne(text);
      }),
      { numRuns: 300 },
    );
  });
});
