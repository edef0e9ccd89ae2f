import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPunctuationWidth } from '../../server/src/core/rules/punctuationWidth';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkPunctuationWidth(text, 'en');
/** The edits of each finding's first fix (fix-all leaves document-wide conventions and line removals to the user). */
const safeEdits = (fs: Finding[]) => fs.flatMap((f) => f.fixes.slice(0, 1).flatMap((x) => x.edits));
/** The edits fix-all would apply: safe fixes only. */
const onlySafe = (fs: Finding[]) => fs.flatMap((f) => f.fixes.filter((x) => x.safe).slice(0, 1).flatMap((x) => x.edits));
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

describe('punctuation-width', () => {
  it('reports one document-level finding per seed, on the first mark, converting every mark', () => {
    for (const { name, text } of allSeeds()) {
      const found = run(text);
      assert.equal(found.length, 1, name);
      const f = found[0]!;
      const edits = f.fixes[0]!.edits;
      assert.equal(f.fixes[0]!.safe, false); // a convention: converted when asked, not by fix-all
      assert.equal(edits[0]!.start, f.start, name);
      assert.ok(edits.length > 50, name);
      // Only the marks themselves change, each to its full-width form.
      for (const e of edits) assert.equal(e.newText, FULL[text.slice(e.start, e.end)], name);
    }
  });

  it('converts Chinese-context marks and leaves numbers, times, URLs, Latin and pinyin', () => {
    const t0 = seed('000');
    const f0 = applyEdits(t0, safeEdits(run(t0)));
    assert.ok(f0.includes('10月30日0时至24时，新增新冠肺炎确诊病例9例、无症状感染者56例'));
    assert.ok(f0.includes('本报讯（记者 高燕）10月31日，市政府'));
    assert.ok(f0.includes('发现方式分别为集中隔离管控发现6例，居家隔离管控发现2例，社区筛查发现1例'));
    assert.ok(f0.includes('云冈区6例；发现方式'));
    const t2 = seed('002');
    const f2 = applyEdits(t2, safeEdits(run(t2)));
    assert.ok(f2.includes('2022年11月06日 21:19'));
    assert.ok(f2.includes('您當(dāng)前的位置 ： 太原新聞網(wǎng)'));
    assert.ok(f2.includes('確?!安宦┮')); // damage markers are not punctuation
    const t3 = seed('003');
    const f3 = applyEdits(t3, safeEdits(run(t3)));
    assert.ok(f3.includes('有啥后果？”“无故不参加'));
    assert.ok(f3.includes('“三公（工）”协同'));
    const t4 = seed('004');
    const f4 = applyEdits(t4, safeEdits(run(t4)));
    assert.ok(f4.includes('举报电话：0351-12388；网上举报： http://shanxi.12388.gov.cn。'));
    const cna = allReal().find((r) => r.name.startsWith('news_cna'))!.text;
    const fc1 = applyEdits(cna, safeEdits(run(cna)));
    assert.ok(fc1.includes('（中央社台北20日電）'));
    assert.ok(fc1.includes('2019冠狀病毒疾病(COVID-19)確診病例，'));
    assert.ok(fc1.includes('2020/12/20 09:55'));
  });

  it('is silent on bulletins written with full-width marks', () => {
    for (const { name, text } of allReal().filter((r) => r.name.startsWith('nhc_') || /^dxy_2020(0122|0126|0208|0321|0327)/.test(r.name))) {
      assert.equal(run(text).length, 0, name);
    }
  });

  it('flags the minority form, mark by mark, where a document mixes widths', () => {
    const hubei = allReal().find((r) => r.name.startsWith('dxy_20200319'))!.text;
    const [f] = run(hubei);
    assert.equal(hubei.slice(f!.start, f!.end), ':');
    assert.equal(hubei.slice(f!.start - 2, f!.start), '附件');
    assert.deepEqual(f!.fixes[0]!.edits, [{ start: f!.start, end: f!.end, newText: '：' }]);

    const mostlyFull = '新增确诊病例3例，其中男性2例,女性1例。累计报告10例，治愈8例。';
    const a = run(mostlyFull);
    assert.equal(a.length, 1);
    assert.equal(applyEdits(mostlyFull, a[0]!.fixes[0]!.edits), '新增确诊病例3例，其中男性2例，女性1例。累计报告10例，治愈8例。');

    const mostlyHalf = '新增确诊病例3例,其中男性2例,女性1例。累计报告10例，治愈8例,均为本土病例。';
    const b = run(mostlyHalf);
    assert.equal(b.length, 1);
    assert.equal(mostlyHalf.slice(b[0]!.start, b[0]!.end), '，');
    assert.equal(b[0]!.fixes[0]!.safe, false);
  });

  it('judges parentheses apart from sentence marks (Taiwan CDC: full-width commas, ASCII parentheses)', () => {
    const tw = allReal().find((r) => r.name.startsWith('twcdc_20220518'))!.text;
    const found = run(tw);
    assert.equal(found.length, 1);
    const edits = found[0]!.fixes[0]!.edits;
    assert.ok(edits.every((e) => '()'.includes(tw.slice(e.start, e.end))));
    assert.ok(applyEdits(tw, edits).includes('新北市（27,230例）'));
    // Parentheses around digits or Latin stay: 今(12)日, (COVID-19).
    const tw2 = allReal().find((r) => r.name.startsWith('twcdc_20210512'))!.text;
    assert.ok(applyEdits(tw2, safeEdits(run(tw2))).includes('今(12)日公布國內新增16例本土及1例調查中COVID-19確定病例'));
  });

  it('fixes change only marks; safe fixes leave nothing behind (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const found = run(text);
      for (const f of found) {
        const edits = f.fixes.flatMap((x) => x.edits);
        if (edits.length === 1) assert.ok(edits[0]!.start >= f.start && edits[0]!.end <= f.end, name);
        // The document-level fix starts on its range and rewrites single marks only.
        for (const e of edits) assert.equal(e.end - e.start, 1, name);
      }
      assert.equal(run(applyEdits(text, safeEdits(found))).length, found.filter((f) => f.fixes.length === 0).length, name);
    }
  });

  it('never throws; safe fixes converge in one pass (property)', () => {
    const parts = ['新增', '3例', ',', ';', ':', '?', '!', '(', ')', '，', '（', '）', 'COVID-19', '1,000', '21:19', ' ', '\n', 'http://x', '當(dāng)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const found = run(text);
        if (!found.every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)) return false;
        const once = applyEdits(text, onlySafe(found));
        return onlySafe(run(once)).length === 0;
      }),
      { numRuns: 500 },
    );
  });
});
