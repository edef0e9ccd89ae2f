/**
 * Issue 3: the readings of totals and parts that need more than a cue word — sex and
 * outcome splits with no cue, numbered lists, paragraphs by origin, a total stated in a
 * headline, names enumerated before one count, 首例 as 1, cases counted without a
 * measure word. Made-up sentences first (the rule, and where it must not fire), then the
 * fixtures the rule was written for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Analysis, Figure, Group } from '../../server/src/core/types';
import { FIXTURES, seed } from '../support/fixtures';

const real = (name: string) => readFileSync(join(FIXTURES, 'real', name), 'utf8');

function describeGroup(a: Analysis, g: Group): string {
  const v = (id: number) => (a.figures[id] as Figure).value;
  const parts = g.parts.map((id, i) => ((g.multipliers[i] ?? 1) === 1 ? String(v(id)) : `${g.multipliers[i]}×${v(id)}`));
  return `${v(g.total)} ${g.kind === 'partition' ? '=' : '⊇'} ${parts.join(' + ')}`;
}

function groupsOf(text: string): string[] {
  const a = analyze(text);
  return a.groups.map((g) => describeGroup(a, g));
}

function sums(text: string): string[] {
  return analyze(text)
    .findings.filter((f) => f.code === 'breakdown-sum' || f.code === 'part-exceeds-total')
    .map((f) => f.message);
}

describe('sex splits with no cue word', () => {
  it('splits the total of the same sentence', () => {
    const a = analyze('累计报告确诊病例20例，男性12例，女性8例。');
    assert.deepEqual(a.groups.map((g) => describeGroup(a, g)), ['20 = 12 + 8']);
    assert.equal(a.groups[0]?.dimension, 'gender');
    assert.deepEqual(sums('累计报告确诊病例20例，男性12例，女性7例。'), ['Parts do not add up to the total: 12 + 7 = 19 ≠ 20']);
  });

  it('splits the one total of the sentence before, or the total of the list before', () => {
    assert.deepEqual(groupsOf('累计报告确诊病例20例。男性12例，女性8例。'), ['20 = 12 + 8']);
    assert.deepEqual(groupsOf('确诊病例20例。确诊病例中，甲市12例、乙市8例。男性11例，女性9例。'), ['20 = 12 + 8', '20 = 11 + 9']);
    // the list's total is not stated: the sex split is of 3 + 2 together, not of 乙市's 2
    assert.deepEqual(groupsOf('新增确诊病例中，甲市3例、乙市2例。其中男性3例，女性2例。'), []);
    assert.deepEqual(sums('新增确诊病例中，甲市3例、乙市2例。其中男性3例，女性2例。'), []);
  });

  it('takes a part of unknown sex, and the form 41,073例男性、44,211例女性', () => {
    assert.deepEqual(groupsOf('累计确诊20例，男性12例，女性7例，性别不详1例。'), ['20 = 12 + 7 + 1']);
    assert.deepEqual(groupsOf('累计确诊病例85,310例，41,073例男性、44,211例女性、26例调查中。'), ['85310 = 41073 + 44211 + 26']);
  });

  it('says nothing where the split may be of something else or have more parts', () => {
    // two totals before the split
    assert.deepEqual(groupsOf('新增确诊病例5例，新增无症状感染者8例。男性6例，女性7例。'), []);
    assert.deepEqual(groupsOf('新增确诊病例5例，新增无症状感染者8例，男性6例，女性7例。'), []);
    // a further count right after the split
    assert.deepEqual(groupsOf('累计确诊20例，男性12例，女性7例，儿童1例。'), []);
    // the sentence before states a smaller total: not what is split
    assert.deepEqual(sums('累计确诊病例1095例。新增确诊病例20例。男性542例，女性553例。'), []);
    // only men
    assert.deepEqual(groupsOf('累计确诊20例，男性12例。'), []);
  });

  it('reads Guangdong: 男性542例，女性553例 after the list of 1095', () => {
    assert.ok(groupsOf(real('dxy_20200208_guangdong.txt')).includes('1095 = 542 + 553'));
    const broken = real('dxy_20200208_guangdong.txt').replace('女性553例', '女性554例');
    assert.deepEqual(sums(broken), ['Parts do not add up to the total: 542 + 554 = 1096 ≠ 1095']);
  });
});

describe('what became of a running total (治愈出院, 现有) with no cue word', () => {
  it('reads 累计 = 治愈出院 + 现有 (+ 死亡)', () => {
    assert.deepEqual(groupsOf('累计报告确诊病例50例，治愈出院40例，现有确诊病例10例。'), ['50 = 40 + 10']);
    assert.deepEqual(groupsOf('累计报告确诊病例50例，治愈出院40例，死亡2例，现有确诊病例8例。'), ['50 = 40 + 2 + 8']);
    assert.equal(sums('累计报告确诊病例50例，治愈出院40例，现有确诊病例9例。').length, 1);
  });

  it('needs the current figure, and no death count stated apart', () => {
    assert.deepEqual(groupsOf('累计报告确诊病例50例，治愈出院40例，死亡2例。'), []);
    assert.deepEqual(groupsOf('累计报告确诊病例50例，治愈出院40例，现有确诊病例8例。累计死亡2例。'), []);
    // not a running total
    assert.deepEqual(groupsOf('新增确诊病例5例，治愈出院4例，现有确诊病例8例。'), []);
    // another population
    assert.deepEqual(groupsOf('累计报告境外输入确诊病例50例，治愈出院40例，现有本土确诊病例10例。'), []);
  });

  it('reads seed 004: 累计报告境外输入确诊病例99例,治愈出院93例,现有境外输入确诊病例6例', () => {
    assert.ok(groupsOf(seed('004')).includes('99 = 93 + 6'));
    assert.equal(sums(seed('004').replace('治愈出院93例', '治愈出院94例')).length, 1);
  });
});

describe('numbered lists after a total and a colon', () => {
  it('reads items on lines of their own and on one line', () => {
    assert.deepEqual(groupsOf('本轮疫情累计报告确诊病例20例，具体如下：\n1.集中隔离点发现11例；\n2.社区筛查发现9例。'), ['20 = 11 + 9']);
    assert.deepEqual(groupsOf('新增确诊病例20例：1.集中隔离点发现11例；2.社区筛查发现9例。'), ['20 = 11 + 9']);
    assert.deepEqual(groupsOf('新增确诊病例20例：\n（1）集中隔离点发现11例；\n（2）社区筛查发现9例。'), ['20 = 11 + 9']);
    assert.deepEqual(sums('新增确诊病例20例：1.集中隔离点发现11例；2.社区筛查发现8例。'), ['Parts do not add up to the total: 11 + 8 = 19 ≠ 20']);
  });

  it('lets an item have its own breakdown', () => {
    const g = groupsOf('新增确诊病例20例：\n1.集中隔离点发现11例，其中A区5例；\n2.社区筛查发现9例。');
    assert.ok(g.includes('20 = 11 + 9'), JSON.stringify(g));
    assert.ok(g.includes('11 ⊇ 5'), JSON.stringify(g));
  });

  it('says nothing when an item has no count (case descriptions) or there is no colon', () => {
    assert.deepEqual(groupsOf('新增确诊病例2例：\n1.张某，男，45岁，系密切接触者。\n2.李某，女，30岁。'), []);
    // a list of cases that mentions counts is not a breakdown
    assert.deepEqual(groupsOf('新增确诊病例2例：\n1.张某，男，系3例确诊病例的密切接触者。\n2.李某，女，在社区筛查中发现，同住5人已隔离。'), []);
    assert.deepEqual(groupsOf('新增确诊病例9例：\n1.张某，系3例确诊病例的密切接触者；\n2.李某，同住5人已隔离。'), []);
    assert.deepEqual(groupsOf('新增确诊病例20例。\n1.集中隔离点发现11例；\n2.社区筛查发现9例。'), []);
    assert.deepEqual(groupsOf('新增确诊病例20例：\n1.集中隔离点发现11例；\n3.社区筛查发现9例。'), []);
  });
});

describe('paragraphs for one time by origin', () => {
  const text =
    '截至3月20日24时，累计报告境外输入确诊病例84例，治愈出院病例7例。截至3月20日24时，累计报告本地确诊病例415例，治愈出院病例385例。' +
    '截至3月20日24时，累计报告确诊病例499例，治愈出院病例392例，死亡病例8例。';

  it('adds the imported and the local figure of each kind up to the total one', () => {
    assert.deepEqual(groupsOf(text), ['392 = 7 + 385']);
    assert.deepEqual(sums(text.replace('治愈出院病例392例', '治愈出院病例393例')), ['Parts do not add up to the total: 7 + 385 = 392 ≠ 393']);
  });

  it('leaves the confirmed cases to the identity check, and needs the same time in all three', () => {
    const a = analyze(text.replace('确诊病例499例', '确诊病例498例'));
    assert.deepEqual(a.findings.filter((f) => f.code === 'identity').length, 1);
    assert.deepEqual(groupsOf(text.replace('截至3月20日24时，累计报告本地', '截至3月19日24时，累计报告本地')), []);
  });

  it('reads Beijing: 出院392 = 7 + 385', () => {
    assert.ok(groupsOf(real('dxy_20200321_beijing.txt')).includes('392 = 7 + 385'));
  });
});

describe('a 其中 list whose total was stated before (a headline)', () => {
  const text =
    '疫情通报：逾130阳性个案由香港输入\n据统计，内地多地录得由香港输入的个案，其中广东有73宗，北京有14宗，上海有43宗，四川、江苏也分别录得1宗。';

  it('finds the total by the phrase the two share, as a bound the parts must reach', () => {
    assert.deepEqual(groupsOf(text), ['130 = 73 + 14 + 43 + 2×1']);
    assert.deepEqual(sums(text), []);
    assert.equal(sums(text.replace('逾130', '逾140')).length, 1);
  });

  it('does not link by common words alone', () => {
    assert.deepEqual(groupsOf('全省新增确诊病例5例。据通报，全省多地报告新增确诊病例，其中甲市3例、乙市1例。'), []);
  });

  it('reads HK01: 逾130 = 73 + 14 + 43 + 1 + 1', () => {
    assert.ok(groupsOf(real('news_hk01_20220228_mainland.txt')).includes('130 = 73 + 14 + 43 + 2×1'));
  });
});

describe('names enumerated before one count (黄石市、宜昌市2例)', () => {
  it('counts each name when the list closes that way only', () => {
    assert.deepEqual(groupsOf('新增出院10例，其中：武汉市6例，黄石市、宜昌市2例。'), ['10 = 6 + 2×2']);
    const a = analyze('新增出院10例，其中：武汉市6例，黄石市、宜昌市2例。');
    assert.equal(a.figures.find((f) => f.value === 2)?.label, '黄石市、宜昌市');
  });

  it('reads the names with 、 between the items too', () => {
    assert.deepEqual(groupsOf('新增出院10例，其中：武汉市6例、黄石市、宜昌市2例。'), ['10 = 6 + 2×2']);
  });

  it('counts the names together otherwise', () => {
    assert.deepEqual(groupsOf('新增出院8例，其中：武汉市6例，黄石市、宜昌市2例。'), ['8 = 6 + 2']);
    // neither reading closes: together, and flagged
    assert.deepEqual(sums('新增出院9例，其中：武汉市6例，黄石市、宜昌市2例。'), ['Parts do not add up to the total: 6 + 2 = 8 ≠ 9']);
    // not places
    assert.deepEqual(groupsOf('核酸检测应检尽检、愿检尽检2193207人次，其中愿检尽检2090767人次，应检尽检102440人次。'), ['2193207 = 2090767 + 102440']);
  });
});

describe('首例 as a count of 1', () => {
  it('reads a place reporting its first case in a list of places', () => {
    assert.deepEqual(groupsOf('新增确诊病例6例，其中甲市3例、乙市2例、丙市报告首例确诊病例。'), ['6 = 3 + 2 + 1']);
    const first = analyze('新增确诊病例6例，其中甲市3例、乙市2例、丙市报告首例确诊病例。').figures.find((f) => f.literal.startsWith('首例'));
    assert.equal(first?.value, 1);
    assert.equal(first?.label, '丙市');
    assert.equal(first?.category, 'confirmed');
  });

  it('not elsewhere: cities that report their first cases may have several', () => {
    const henan = real('dxy_20200126_henan_renminribao.txt');
    assert.ok(!analyze(henan).figures.some((f) => f.literal.startsWith('首例')));
    assert.deepEqual(groupsOf('本市新增确诊病例3例。丙市报告首例确诊病例。'), []);
    assert.ok(!analyze('其中甲市3例、丙市报告首例确诊病例7例。').figures.some((f) => f.literal.startsWith('首例')));
  });
});

describe('cases counted without a measure word', () => {
  it('reads 逾130阳性个案 as a count with a lower bound', () => {
    const f = analyze('逾130阳性个案由香港输入').figures[0];
    assert.equal(f?.kind, 'count');
    assert.equal(f?.low, 130);
    assert.equal(f?.high, Number.POSITIVE_INFINITY);
    assert.equal(f?.category, 'positive');
  });

  it('not after a hyphen or a letter, nor a Chinese numeral', () => {
    assert.notEqual(analyze('23例COVID-19确诊病例').figures.find((f) => f.value === 19)?.kind, 'count');
    assert.ok(!analyze('统一确诊病例管理').figures.some((f) => f.kind === 'count'));
  });
});

/**
 * Hong Kong government releases (衞生防護中心) group digits with spaces (7 528宗, 686 207宗),
 * split positive cases into confirmed and asymptomatic ones, and write 當中 for 其中.
 * Made-up figures in the releases' wording.
 */
describe('Hong Kong releases', () => {
  const release =
    '衞生署衞生防護中心今日(三月二十日)公布,截至三月二十日零時零分,中心正調查過去24小時新增6 312宗核酸檢測陽性個案' +
    '(1 402宗確診、1 210宗無症狀感染及3 700宗狀況待定個案)。此外,中心接獲8 215宗快速抗原測試陽性個案(5 101宗有病徵及3 114宗無症狀感染)呈報。' +
    '至今本港累計核酸陽性檢測個案692 519宗。於第五波疫情期間共錄得5 611宗死亡個案,當中由醫院管理局及公眾殮房報告的個案分別為5 580宗及31宗。' +
    '截至今日,共有1 212名確診病人留醫,當中22人情況危殆、31人情況嚴重。查詢熱線:2125 1111。';

  it('reads space-grouped figures whole, with their literal', () => {
    const a = analyze(release);
    const counts = a.figures.filter((f) => f.kind === 'count');
    for (const [literal, value] of [['6 312宗', 6312], ['1 402宗', 1402], ['692 519宗', 692519], ['1 212名', 1212]] as const) {
      const f = counts.find((x) => x.literal === literal);
      assert.ok(f, literal);
      assert.equal(f.value, value);
      assert.equal(release.slice(f.start, f.end), literal);
      assert.equal(f.grouped, true);
    }
    assert.equal(counts.find((f) => f.literal === '6 312宗')?.category, 'positive', '核酸檢測陽性個案 counts cases, not tests');
  });

  it('finds the partitions, the subset of severe patients, and nothing wrong', () => {
    assert.deepEqual(groupsOf(release), ['6312 = 1402 + 1210 + 3700', '8215 = 5101 + 3114', '5611 = 5580 + 31', '1212 ⊇ 22 + 31']);
    assert.deepEqual(sums(release), []);
  });

  it('flags a changed part of a space-grouped list, and the fix keeps the spaces', () => {
    const mutated = release.replace('1 210宗無症狀感染', '1 201宗無症狀感染');
    assert.deepEqual(sums(mutated), ['Parts do not add up to the total: 1402 + 1201 + 3700 = 6303 ≠ 6312']);
    const finding = analyze(mutated).findings.find((f) => f.code === 'breakdown-sum');
    const texts = (finding?.fixes ?? []).flatMap((x) => x.edits.map((e) => e.newText));
    assert.ok(texts.includes('6 303'), JSON.stringify(texts));
  });

  it('keeps numbers apart where a space does not group digits', () => {
    for (const text of ['查詢熱線:2125 1111。', '共 12 例', '於3 月1日新增2例', '1 2345宗']) {
      const a = analyze(text);
      assert.ok(!a.figures.some((f) => / /.test(f.literal) && f.grouped), text);
    }
    // A space group needs a count's measure word after it.
    assert.equal(analyze('編號 1 234 號').figures.filter((f) => f.grouped).length, 0);
  });
});

/** Mainland report shapes found by reading unseen provincial and city bulletins. */
describe('provincial and city reports', () => {
  it('reads 1萬2,345 whole and a figure whose measure word a line wrap spaced off', () => {
    assert.deepEqual(sums('本港今日新增1萬2,345宗確診個案,其中8,102宗為本地個案,4,243宗為輸入個案。'), []);
    assert.deepEqual(groupsOf('新增确诊病例25例,其中云南7例,福建4 例,江苏14例。'), ['25 = 7 + 4 + 14']);
  });

  it('a 其中 after a line of case numbers speaks of that line, not of a figure two sentences back', () => {
    const text =
      '感染者1至14:现住西城区。其中隔离观察人员8例、社会面筛查人员6例;轻型3例、无症状感染者11例。\n' +
      '感染者15至371:现住朝阳区。其中隔离观察人员273例、社会面筛查人员84例;轻型22例、无症状感染者335例。';
    assert.deepEqual(sums(text), []);
    assert.deepEqual(analyze(text).findings.filter((f) => f.severity === 'error'), []);
  });

  it('a 其中 after two counts joined by 、 or 和 may split them together', () => {
    assert.deepEqual(sums('我县新增本土确诊病例3例、本土无症状感染者12例,其中隔离管控中发现11例,社会面筛查发现4例。'), []);
    assert.deepEqual(sums('全市新增本土确诊病例24例和无症状感染者48例,其中隔离管控中发现66例,社会面筛查发现6例。'), []);
    // parts that fit the last count alone are still its parts, and checked
    assert.deepEqual(sums('我县新增本土确诊病例3例、本土无症状感染者12例,其中隔离管控中发现8例,社会面筛查发现3例。'), [
      'Parts do not add up to the total: 8 + 3 = 11 ≠ 12',
    ]);
  });

  it('新增病例中 after confirmed and asymptomatic counts is not read as the confirmed ones, nor as a part', () => {
    const text = '全省新增本土确诊病例23例,其中A市15例、C市8例;新增本土无症状感染者157例。新增病例中,142例在隔离管控人员中发现,38例在社区筛查中发现。';
    assert.deepEqual(sums(text), []);
    assert.deepEqual(sums('全省新增本土确诊病例23例。新增确诊病例中,14例在隔离管控人员中发现,8例在社区筛查中发现。'), [
      'Parts do not add up to the total: 14 + 8 = 22 ≠ 23',
    ]);
  });

  it('names joined by 和/及/与 before 各 are counted one by one', () => {
    assert.deepEqual(groupsOf('全省新增本土确诊病例7例(广州2例,深圳2例,东莞和江门各1例,中山1例)。'), ['7 = 2 + 2 + 2×1 + 1']);
    assert.deepEqual(groupsOf('全省新增境外输入确诊病例6例(广州2例,东莞、江门各报告2例)。'), ['6 = 2 + 2×2']);
    assert.deepEqual(groupsOf('新增确诊病例7例,其中和平区和河西区各2例,南开区3例。'), ['7 = 2×2 + 3']);
    assert.deepEqual(sums('全省新增7例(佛山及清远各2例,中山2例)。'), ['Parts do not add up to the total: 2×2 + 2 = 6 ≠ 7']);
    // the names may follow the item before with a 、
    assert.deepEqual(groupsOf('新增本土确诊病例12例,其中辽宁9例、江苏、云南、青海各1例。'), ['12 = 9 + 3×1']);
    // 分别 pairs names with values: A及B分别为X及Y is two parts, not 2×X
    assert.deepEqual(groupsOf('共录得5611宗死亡个案,当中由医院管理局及公众殓房报告的个案分别为5580宗及31宗。'), ['5611 = 5580 + 31']);
  });
});

/** Taiwan CDC (疾管署) release shapes, made-up figures in the releases' wording. */
describe('Taiwan releases', () => {
  const lead = '疾病管制署今日發布最新疫情資訊,呼籲民眾提高警覺並落實防疫措施。';

  it('a sex split that closes the total ends there; a country list after it is a second split', () => {
    const text = `${lead}今日新增242例境外移入個案中,為128例男性、114例女性,分別自越南(26例),美國(46例),另170例感染國家調查中。`;
    assert.deepEqual(groupsOf(text), ['242 = 128 + 114', '242 = 26 + 46 + 170']);
    assert.deepEqual(sums(text), []);
  });

  it('counts of attributes after a sex split are no split of the total', () => {
    assert.deepEqual(sums(`${lead}今日新增28例本土病例死亡個案,為14例男性、14例女性,皆屬重度感染、27例具慢性病史、15例未接種3劑以上疫苗。`), []);
    // an unknown-sex part that closes the split still belongs to it
    assert.deepEqual(groupsOf(`${lead}今日新增45608例本土病例,為21296例男性、24293例女性、19例調查中。`), ['45608 = 21296 + 24293 + 19']);
  });

  it('個案分布為 after one part splits that part; 另 after a semicolon closes it', () => {
    const text = `${lead}2020年起累計853例死亡病例,其中839例本土,個案居住縣市分布為新北市837例、宜蘭縣2例;另14例為境外移入。`;
    assert.deepEqual(sums(text), []);
    assert.ok(groupsOf(text).includes('839 = 837 + 2'), JSON.stringify(groupsOf(text)));
    assert.deepEqual(sums(text.replace('新北市837例', '新北市836例')), ['Parts do not add up to the total: 836 + 2 = 838 ≠ 839']);
  });
});

/** Lists that run past their split: found in unseen city reports, HK news and vaccination news. */
describe('where a list of parts ends', () => {
  it('a split that closes its total ends before an item of another dimension', () => {
    assert.deepEqual(groupsOf('3月份以来,郑州全市累计报告新冠病毒感染者161例。其中:确诊31例,无症状130例,已出院82例。'), ['161 = 31 + 130', '161 ⊇ 82']);
  });

  it('a running total ends the parts of a new one, and 另有 adds a part only when it fits', () => {
    const hk = '新增348宗直接經核酸檢測陽性個案,當中97宗屬輸入個案,另有404宗已核實的快測呈報個案,第五波疫情累計逾120.8萬宗確診,新增1死亡個案,第五波累計死亡個案9178宗。';
    assert.deepEqual(groupsOf(hk), ['348 ⊇ 97']);
    assert.deepEqual(groupsOf('新增确诊病例10例,其中境外输入8例,另有2例为本土病例。'), ['10 = 8 + 2']);
  });

  it('stages of vaccination counted in people are nested, never parts', () => {
    const text = '完成加强免疫1亿8417.9万人,其中80岁以上老年人接种覆盖人口数为2773万人,完成全程接种2375.7万人,完成加强免疫接种1515.3万人。';
    assert.deepEqual(sums(text), []);
    // doses by dose number still add up
    assert.deepEqual(sums('累计报告接种新冠病毒疫苗12480.6万剂次,其中第一剂次4860.2万剂次、第二剂次4620.4万剂次、加强免疫3000万剂次。'), []);
    assert.deepEqual(sums('累计报告接种新冠病毒疫苗12480.6万剂次,其中第一剂次4860.2万剂次、第二剂次4620.4万剂次、加强免疫2000万剂次。'), [
      'Parts do not add up to the total: 48602000 + 46204000 + 20000000 = 114806000 ≠ 124806000',
    ]);
  });
});

/** Early-2020 report shapes (Zhejiang, Hubei, Guangdong, the NHC's Hubei paragraph). */
describe('early-2020 reports', () => {
  const lead = '国家卫健委今日通报新型冠状病毒肺炎疫情最新情况。';

  it('其中: with a heading per list (确诊病例中,…;重症病例中,…) splits each total its heading names', () => {
    const text = `${lead}截至1月28日24时,浙江省累计报告确诊病例296例,重症病例42例;出院病例3例。其中:确诊病例中,杭州市51例、宁波市20例、温州市225例;重症病例中,杭州市14例、温州市28例;出院病例中,温州市3例。`;
    const g = groupsOf(text);
    assert.ok(g.includes('296 = 51 + 20 + 225') && g.includes('42 = 14 + 28'), JSON.stringify(g));
    assert.deepEqual(sums(text), []);
    assert.deepEqual(sums(text.replace('温州市225例', '温州市224例')), ['Parts do not add up to the total: 51 + 20 + 224 = 295 ≠ 296']);
  });

  it('headed lists in a paragraph of their own after 其中: (新增确诊病例中,…;新增重症病例中,…)', () => {
    const text = `${lead}浙江省报告新增确诊病例25例,新增重症病例3例。其中:\n\n新增确诊病例中,杭州市19例、宁波市6例;新增重症病例中,杭州市2例、温州市1例;\n`;
    const g = groupsOf(text);
    assert.ok(g.includes('25 = 19 + 6') && g.includes('3 = 2 + 1'), JSON.stringify(g));
    assert.deepEqual(sums(text), []);
    assert.deepEqual(sums(text.replace('宁波市6例', '宁波市5例')), ['Parts do not add up to the total: 19 + 5 = 24 ≠ 25']);
  });

  it('a correction beside the parts (订正重复报告病例195例) is none of them', () => {
    assert.deepEqual(sums(`${lead}湖北累计确诊病例64287例(武汉46607例,订正重复报告病例195例)。`), []);
  });

  it('a heading that continues a list may hold a count of its own (其他2个地市新增确诊病例中)', () => {
    assert.deepEqual(groupsOf(`${lead}广东省报告新增确诊病例6例。其中:中山、肇庆各有1例为首例确诊病例。其他2个地市新增确诊病例中,广州3例、深圳1例。`), ['6 = 2×1 + 3 + 1']);
  });

  it('a province that opens a sentence by its short name is the place of every figure in it', () => {
    const text = `${lead}截至2月14日24时,现有确诊病例56873例,累计治愈出院病例8096例,累计死亡病例1523例,累计报告确诊病例66492例。\n湖北现有确诊病例48175例,累计治愈出院病例4774例,累计死亡病例1457例,累计确诊病例54406例。`;
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code === 'conflicting-repeat'), []);
    assert.ok(a.figures.filter((f) => f.value === 4774 || f.value === 1457).every((f) => f.region?.name === '湖北省'));
  });
});

describe('number-first wording', () => {
  it('a 其中 sentence after two joined counts may split them together (深圳新增3例确诊病例和3例无症状感染者。其中,…)', () => {
    const lead = '市卫健委今日通报新冠肺炎疫情最新情况。';
    assert.deepEqual(sums(`${lead}深圳新增3例新冠肺炎确诊病例和3例新冠病毒无症状感染者。其中,在集中隔离观察人员中发现4例,在社区筛查中发现2例。`), []);
    // a 其中 sentence's own count is a subset; a list after it that does not fit it is not its
    assert.deepEqual(sums(`${lead}深圳新增33例确诊病例和33例无症状感染者。其中外省(市)输入及关联病例共计32例。其中,在集中隔离观察人员中发现28例,在社区筛查中发现38例。`), []);
    // a converted count across a split by place, when the places close without it
    assert.deepEqual(sums(`${lead}天津市新增本土确诊病例14例,其中2例为无症状感染者转为确诊病例,津南区13例,西青区1例。`), []);
    assert.equal(sums(`${lead}天津市新增本土确诊病例14例,其中2例为无症状感染者转为确诊病例,津南区13例,西青区2例。`).length, 1);
  });

  it('本地個案, 輸入個案 and 本土個案 count confirmed cases (Hong Kong and Taiwan usage)', () => {
    const text = '衞生防護中心今日公布,本港新增確診個案56,827宗,合共涉及本地個案56,800宗及輸入個案27宗。另有64例本土個案。';
    const cats = analyze(text).figures.filter((f) => f.kind === 'count').map((f) => `${f.value} ${f.category}`);
    assert.deepEqual(cats, ['56827 confirmed', '56800 confirmed', '27 confirmed', '64 confirmed']);
  });

  it('分别来自 lists the parts of a total; a list that ends in 等 names some of them only (a subset)', () => {
    const text = '中心今日公布新增11宗輸入個案,分別來自印度(4宗)、菲律賓(3宗)、英國(2宗)和美國(2宗)。';
    assert.deepEqual(groupsOf(text), ['11 = 4 + 3 + 2 + 2']);
    assert.equal(sums(text.replace('美國(2宗)', '美國(3宗)')).length, 1);
    const some = '中心今日公布新增11宗輸入個案,分別來自印度(4宗)、菲律賓(3宗)等國家。';
    assert.deepEqual(groupsOf(some), ['11 ⊇ 4 + 3']);
    assert.deepEqual(sums(some), []);
    assert.deepEqual(sums('新增确诊病例11例,分别为北京4例、上海3例等。'), []);
  });

  it('其中 right after a total\'s bracket splits that total again (962例(确诊…、无症状…),其中朝阳区…)', () => {
    const text = '北京新增本土新冠肺炎病毒感染者962例(确诊病例515例、无症状感染者447例),其中朝阳区317例、海淀区187例、丰台区458例。';
    assert.deepEqual(groupsOf(text).sort(), ['962 = 317 + 187 + 458', '962 = 515 + 447'].sort());
    assert.equal(sums(text.replace('丰台区458例', '丰台区459例')).length, 1);
  });

  it('其中确诊病例中… after two counts speaks of the confirmed one, not the last (Macau)', () => {
    const text = '本澳新增確診病例57例,無症狀感染者71例,其中確診病例中男性28例、女性29例。';
    assert.deepEqual(groupsOf(text), ['57 = 28 + 29']);
    assert.deepEqual(sums(text), []);
    assert.equal(sums(text.replace('女性29例', '女性30例')).length, 1);
  });

  it('a 其中 list after counts of two categories side by side (2例,无症状感染者15例) may split both together', () => {
    const lead = '11月5日0时至24时,我市新增本土确诊病例2例,无症状感染者15例,均在集中隔离点中发现,已转运至定点医院。';
    assert.deepEqual(sums(`${lead}其中,城区2例、开发区5例、高新区10例。`), []);
    // parts that add up to the last count alone still split it, and a wrong sum is still found
    assert.deepEqual(groupsOf(`${lead}其中,城区5例、开发区10例。`), ['15 = 5 + 10']);
    assert.equal(sums(`${lead}其中,城区5例、开发区11例。`).length, 1);
  });

  it('18例調查中, is a state (under investigation), not a heading whose parts follow', () => {
    const text =
      '中央流行疫情指揮中心今(22)日公布國內新增41,127例COVID-19本土個案。今日公布之本土病例為18,808例男性、22,301例女性、18例調查中,年齡介於未滿5歲至90歲以上,個案分布為新北市(7,224例)、臺中市(5,215例)、高雄市(4,860例)。';
    assert.deepEqual(sums(text), []);
    assert.ok(!groupsOf(text).some((g) => g.startsWith('18 ')));
    // 新增的9例确诊病例中, still opens its parts
    assert.deepEqual(groupsOf('昨日新增的9例确诊病例中,平城区5例、云冈区4例。'), ['9 = 5 + 4']);
  });

  it('Taiwan: 確定病例 counts confirmed cases and 境外移入 is imported, after COVID-19 too', () => {
    const text = '中央流行疫情指揮中心今日公布國內新增4例境外移入COVID-19確定病例。國內新增四四三例COVID-19確定病例,其中四四〇例為本土個案,三例為境外移入。';
    const figs = analyze(text).figures.filter((f) => f.kind === 'count').map((f) => `${f.value} ${f.category} ${f.origin ?? '-'}`);
    assert.deepEqual(figs, ['4 confirmed imported', '443 confirmed -', '440 confirmed local', '3 confirmed imported']);
    assert.deepEqual(groupsOf(text), ['443 = 440 + 3']);
  });

  it('18例本土新冠肺炎确诊病例(15例在津南区,…): fillers in any order, and the first part labelled after it', () => {
    const text = '天津市新增18例本土新冠肺炎确诊病例(15例在津南区,2例在西青区,1例在河西区)。';
    assert.equal(analyze(text).figures[0]?.category, 'confirmed');
    assert.deepEqual(groupsOf(text), ['18 = 15 + 2 + 1']);
    assert.deepEqual(sums(text.replace('1例在河西区', '2例在河西区')), ['Parts do not add up to the total: 15 + 2 + 2 = 19 ≠ 18']);
  });

  it('a current count after a subcategory\'s running total is its subset (其中确诊病例4059例(…),尚在院治疗263例;无症状感染者4147例…)', () => {
    const text =
      '截至2022年10月23日24时,全市累计报告新冠肺炎阳性感染者8206例。其中确诊病例4059例(境外输入2692例、本土1367例),尚在院治疗263例;无症状感染者4147例(境外输入3489例、本土658例),尚在医学观察465例。';
    assert.deepEqual(groupsOf(text).sort(), ['4059 = 2692 + 1367', '4059 ⊇ 263', '4147 = 3489 + 658', '8206 = 4059 + 4147'].sort());
    assert.deepEqual(sums(text), []);
    assert.equal(sums(text.replace('4147例(', '4148例(')).length, 2);
    // an outcome split of a running total keeps its current count as a part
    assert.deepEqual(groupsOf('累计报告确诊病例100例,其中治愈出院80例、死亡2例、尚在院治疗18例。'), ['100 = 80 + 2 + 18']);
  });

  it('a count after 的 that speaks of cases already listed is no part once the list closes (高屏的3名個案)', () => {
    const text = '疾管署今公布,上周新增4例本土病例,其中一名是上周已發布的新北市汐止區個案,一例居住高雄市鳳山區,另二例居住屏東縣萬丹鄉,發病日介於11月3至7日,高屏的3名個案活動地具有交集。';
    assert.deepEqual(sums(text), []);
    assert.equal(sums(text.replace('另二例', '另三例')).length, 1);
  });

  it('counts of no place after a place\'s count split that place (其中,渝北区3例,1例在…、2例由…;沙坪坝区2例,…)', () => {
    const text =
      '10月13日0—24时,重庆市新增本土确诊病例7例,其中,渝北区3例,1例在隔离管控人员中发现、2例由无症状感染者转为确诊病例;沙坪坝区2例,1例在管控人员中发现、1例在区域核酸检测中发现;南岸区1例、江津区1例,均在隔离管控人员中发现。';
    assert.deepEqual(groupsOf(text), ['7 = 3 + 2 + 1 + 1', '3 = 1 + 2', '2 = 1 + 1']);
    assert.deepEqual(sums(text), []);
    // a place's count its sublist does not close: the list is read flat, and it does not add up
    assert.notDeepEqual(sums(text.replace('渝北区3例', '渝北区4例')), []);
    // the same counts with no places before them stay parts of the total
    assert.deepEqual(groupsOf('新增本土确诊病例3例,其中1例在隔离管控人员中发现、2例由无症状感染者转为确诊病例。'), ['3 = 1 + 2']);
  });
});

describe('places of a paragraph and of a bracket', () => {
  const lead = '国家卫健委今日通报新型冠状病毒肺炎疫情最新情况。\n';
  it('a province that opens a paragraph (湖北无新增确诊病例,…。累计治愈出院病例…) is the place of its sentences', () => {
    const text = `${lead}截至4月20日24时,现有确诊病例1003例,累计治愈出院病例77123例,累计死亡病例4632例。\n湖北无新增确诊病例,现有确诊病例102例。累计治愈出院病例63514例,累计死亡病例4512例。`;
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code === 'conflicting-repeat'), []);
    assert.equal(a.figures.find((f) => f.value === 63514)?.region?.name, '湖北省');
    assert.equal(a.figures.find((f) => f.value === 77123)?.region, undefined);
  });

  it('a place named inside a bracket is the place of the figures in the bracket only', () => {
    const a = analyze('截至2月23日24时,累计报告确诊病例77150例(湖北省订正重复报告病例195例),现有疑似病例3434例。');
    assert.equal(a.figures.find((f) => f.value === 195)?.region?.name, '湖北省');
    assert.equal(a.figures.find((f) => f.value === 3434)?.region, undefined);
  });

  it('a heading picks the total whose label it repeats (重症病例中 after 重症病例12例,危重病例3例)', () => {
    const text = '截至1月22日24时,广东省累计报告确诊病例32例,重症病例12例,危重病例3例,无死亡病例。其中:确诊病例中,广州5例、深圳27例;重症病例中,广州8例、深圳4例。';
    assert.deepEqual(groupsOf(text), ['32 = 5 + 27', '12 = 8 + 4']);
    assert.deepEqual(sums(text), []);
  });
});
