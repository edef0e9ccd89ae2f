import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { allReal, allSeeds, applyEdits, FIXTURES, seed } from '../support/fixtures';

const real = (name: string) => readFileSync(join(FIXTURES, 'real', name), 'utf8');
const codes = (text: string, code: string) => analyze(text).findings.filter((f) => f.code === code);

describe('identity (现有 = 累计 − 治愈 − 死亡)', () => {
  it('holds on every fixture, including Hubei, whose 在院 figure is not 现有 and must not be flagged', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(text, 'identity'), [], name);
    const hubei = real('dxy_20200319_hubei.txt');
    assert.ok(hubei.includes('在院治疗6636例'));
  });

  it('flags a changed national figure in the NHC report, as a warning with the arithmetic', () => {
    const text = real('nhc_20201013.txt').replace('现有确诊病例228例', '现有确诊病例229例');
    const f = codes(text, 'identity');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '229例');
    assert.ok(f[0]!.message.includes('85591 − 80729 − 4634 = 228 ≠ 229'), f[0]!.message);
    assert.equal(f[0]!.related.length, 3);
    for (const fix of f[0]!.fixes) assert.deepEqual(codes(applyEdits(text, fix.edits), 'identity'), [], fix.title);
  });

  it('checks the imported population across two sentences, with 无死亡病例 as 0', () => {
    const text = real('nhc_20201013.txt').replace('累计确诊病例3036例', '累计确诊病例3037例');
    const f = codes(text, 'identity');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.message.includes('3037 − 2814 − 0 = 223 ≠ 222'), f[0]!.message);
  });

  it('reads 8萬1886 in traditional news (CNA)', () => {
    const text = real('news_cna_20201220_mainland.txt').replace('現有309例', '現有319例');
    assert.equal(codes(text, 'identity').length, 1);
  });
});

describe('identity (本土 + 境外输入 = 总数)', () => {
  it('checks the three figures Beijing states in three sentences, and nothing on the fixtures', () => {
    const text = real('dxy_20200321_beijing.txt');
    assert.deepEqual(codes(text, 'identity'), []);
    const f = codes(text.replace('累计报告确诊病例499例', '累计报告确诊病例498例'), 'identity');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.message.includes('415 + 84 = 499 ≠ 498'), f[0]!.message);
    assert.equal(f[0]!.related.length, 2);
  });
  it('does not use the parts of a list (those are partitions, checked by breakdown-sum)', () => {
    const text = real('nhc_20220402.txt').replace('本土病例2086例', '本土病例2087例');
    assert.deepEqual(codes(text, 'identity'), []);
    assert.ok(codes(text, 'breakdown-sum').length >= 1);
  });
});

describe('part-exceeds-total', () => {
  it('flags a part larger than its total in a subset (其中), and never on the fixtures', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(text, 'part-exceeds-total'), [], name);
    const text = seed('000').replace('平城区13.3万管', '平城区133万管');
    const f = codes(text, 'part-exceeds-total');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '22万管');
    assert.ok(f[0]!.message.includes('1330000 > 220000'), f[0]!.message);
    const beijing = real('dxy_20200321_beijing.txt').replace('其中330人', '其中5330人');
    assert.equal(codes(beijing, 'part-exceeds-total').length, 1);
  });

  it('does not flag a part within the rounding of its total', () => {
    assert.deepEqual(codes('全市每日核酸检测能力达到22万管,其中,平城区22.4万管。', 'part-exceeds-total'), []);
  });
});

describe('zero assertions', () => {
  it('reads 无新增确诊病例, 无死亡病例 and 现无本地疑似病例 as counts of 0', () => {
    const a = analyze(seed('004'));
    const zeros = a.figures.filter((f) => f.zero).map((f) => `${f.literal}:${f.category}:${f.qualifier ?? ''}:${f.origin ?? ''}`);
    assert.ok(zeros.includes('无新增确诊病例:confirmed:new:local'), zeros.join(' '));
    assert.ok(zeros.includes('现无本地疑似病例:suspected:current:local'), zeros.join(' '));
    assert.ok(zeros.includes('无新增无症状感染者:asymptomatic:new:'), zeros.join(' '));
    assert.ok(!zeros.some((z) => z.startsWith('无症状感染者')));
  });
});

describe('conflicting-repeat', () => {
  it('is silent on every fixture', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(text, 'conflicting-repeat').map((f) => f.message), [], name);
  });

  it('flags a headline that disagrees with the body (seed 000: 15 in the headline, 9 twice in the body)', () => {
    const text = seed('000').replace('新增新冠肺炎确诊病例9例、无症状', '新增新冠肺炎确诊病例15例、无症状');
    const f = codes(text, 'conflicting-repeat');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '15例');
    assert.equal(f[0]!.related.length, 2);
    assert.ok(f[0]!.message.includes('10月30日0时至24时'), f[0]!.message);
    assert.equal(f[0]!.fixes[0]?.edits[0]?.newText, '9');
  });

  it('reads 无新增确诊病例 as 0 against 新增确诊病例3例 for the same period (seed 004)', () => {
    const text = seed('004').replace('2月7日0时至24时,我市本地无新增确诊病例', '2月7日0时至24时,我市本地新增确诊病例3例');
    const f = codes(text, 'conflicting-repeat');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '3例');
    assert.deepEqual(f[0]!.fixes, []);
  });

  it('does not compare different periods, places or populations', () => {
    assert.deepEqual(codes('10月30日0时至24时,大同市新增确诊病例9例。10月31日0时至24时,大同市新增确诊病例3例。', 'conflicting-repeat'), []);
    assert.deepEqual(codes('10月30日0时至24时,平城区新增确诊病例9例,云冈区新增确诊病例3例。', 'conflicting-repeat'), []);
    assert.deepEqual(codes('10月30日0时至24时,新增确诊病例9例,新增无症状感染者3例。', 'conflicting-repeat'), []);
  });
});

describe('invalid-date (wired into analyze)', () => {
  it('is silent on every fixture and flags impossible dates in context', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(text, 'invalid-date').map((f) => f.message), [], name);
    const text = seed('000').replace('10月30日0时至24时,大同市', '10月30日0时至25时,大同市');
    const f = codes(text, 'invalid-date');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'error');
    assert.ok(text.slice(f[0]!.start, f[0]!.end).includes('25时'));
  });
});

describe('percent', () => {
  it('is silent on every fixture', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(text, 'percent'), [], name);
  });
  it('flags a share over 100% but not a growth rate', () => {
    const text = seed('004').replace('单场观影上座率不应超过70%', '单场观影上座率不应超过170%');
    const f = codes(text, 'percent');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '170%');
    assert.deepEqual(codes('核酸检测量同比增长150%。', 'percent'), []);
  });
  it('checks a stated share against the part and its total, within the written rounding', () => {
    assert.deepEqual(codes('新增确诊病例2129例,其中境外输入病例43例,本土病例2086例,占98.0%。', 'percent'), []);
    assert.deepEqual(codes('新增确诊病例2129例,其中境外输入病例43例,本土病例2086例,占98%。', 'percent'), []);
    const f = codes('新增确诊病例2129例,其中境外输入病例43例,本土病例2086例,占95%。', 'percent');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.message.includes('2086 / 2129 = 98.0%'), f[0]!.message);
  });
});

/** Shapes from unseen news articles that raised false findings. */
describe('shares, generic measure words and excepted places', () => {
  it('a share that names its part (单采占7.7%) is checked against that part, not the count before it', () => {
    assert.deepEqual(codes('当日共检测样本130万管,其中单采样本10万管,混采样本120万管,单采占7.7%。', 'percent'), []);
    assert.deepEqual(
      codes('当日共检测样本130万管,其中单采样本10万管,混采样本120万管,单采样本占17.7%。', 'percent').map((f) => f.message),
      ['The share does not match its figures: 100000 / 1300000 = 7.7%, not 17.7%'],
    );
    assert.equal(codes('新增确诊病例2129例,其中境外输入病例43例,本土病例2086例,占90.0%。', 'percent').length, 1);
  });

  it('counts with 个 of different nouns are no total and part (两个阶段, 四个街道)', () => {
    assert.deepEqual(analyze('本次核酸检测工作分为两个阶段进行。其中,第一阶段完成主城区四个街道28万余份样本采集,检测结果全部呈阴性。').findings.filter((f) => f.severity !== 'information'), []);
    assert.equal(codes('全县划定5个风险区,其中高风险区2个、中风险区4个。', 'breakdown-sum').length, 1);
  });

  it('a figure of the places other than one (湖北以外省份) repeats no figure of the same words', () => {
    const period = '3月18日0时至24时';
    assert.deepEqual(codes(`${period},湖北以外省份无新增死亡病例。新增确诊病例3例。${period},新增死亡病例8例。`, 'conflicting-repeat'), []);
    assert.equal(codes(`${period},无新增死亡病例。新增确诊病例3例。${period},新增死亡病例8例。`, 'conflicting-repeat').length, 1);
  });
});
