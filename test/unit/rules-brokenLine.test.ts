import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBrokenLine } from '../../server/src/core/rules/brokenLine';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkBrokenLine(text, 'en');
const joinAll = (text: string, fs: Finding[]) => applyEdits(text, fs.flatMap((f) => f.fixes[0]!.edits));
/** "…tail|head…" around each join. */
const joins = (text: string, fs: Finding[]) => fs.map((f) => `${text.slice(f.start - 1, f.start + 1)}|${text.slice(f.end - 1, f.end + 1)}`);

describe('broken-line', () => {
  it('joins the three layout breaks of seed 000', () => {
    const text = seed('000');
    const found = run(text);
    assert.deepEqual(joins(text, found), ['优先|筛查', '的非|管控', '到早|安排']);
    const fixed = joinAll(text, found);
    assert.ok(fixed.includes('我市动态调整核酸检测,优先筛查重点人群。'));
    assert.ok(fixed.includes('持续报告的非管控范围的阳性感染者'));
    assert.ok(fixed.includes('切实做到早安排、早行动、早推进、早落实。'));
    assert.ok(found.every((f) => f.severity === 'information' && f.fixes[0]!.edits[0]!.newText === ''));
  });

  it('joins the breaks of seed 004, including the short line "落实城乡社区工作者关心关"', () => {
    const text = seed('004');
    const found = run(text);
    const fixed = joinAll(text, found);
    for (const s of ['坚决杜绝漏管失控现象', '人员的信息摸排', '落实城乡社区工作者关心关爱措施。', '科学精准实施', '精准及时启动', '严格遵守', '爱国卫生运动,大力开展', '低收入人家庭', '基本信息登记', '已全部治愈出院。'])
      assert.ok(fixed.includes(s), s);
    assert.equal(found.length, 10);
    // The one unambiguous case (a line ending with a comma) is safe; the others are for review.
    assert.deepEqual(
      found.filter((f) => f.fixes[0]!.safe).map((f) => text.slice(f.start, f.start + 1)),
      [','],
    );
  });

  it('joins the broken paragraphs of seed 003', () => {
    const text = seed('003');
    const fixed = joinAll(text, run(text));
    for (const s of ['当前,国内疫情局部高度聚集且多点散发', '以人民为中心的发展思想,不折不扣落实重点场所、重点单位常态化', '自觉做到不信谣、不传谣', '人员配合密切,步骤严谨有序'])
      assert.ok(fixed.includes(s), s);
    assert.equal(run(text).length, 5);
  });

  it('never joins titles, section heads, bylines and captions', () => {
    for (const { name, text } of allSeeds()) {
      const fixed = joinAll(text, run(text));
      for (const title of ['云冈区\n', '推行小区楼长制 筑牢防疫“安全墙”\n', '平城区迎宾街道\n', '杏花岭区\n', '阳 曲 县\n', '编 者 按\n', '关心关爱城乡社区工作者\n', '加大疫情防控宣传教育\n', '本报记者 郝晓炜\n', '周 皓 冯克俭 摄\n', '2月7日0时至24时\n', '无症状感染者56例\n', '太原市全域恢復(fù)常態(tài)化疫情防控管理\n'])
        if (text.includes(title)) assert.ok(fixed.includes(title), `${name}: ${title}`);
    }
    const samples = [
      '云冈区\n\n推行小区楼长制 筑牢防疫“安全墙”\n\n本报讯(记者 有为)连日来,',
      '疫情|內地增87宗本土確診 逾130陽性個案由香港輸入\n\n撰文:朱加樟',
      '新增新冠肺炎确诊病例9例、无症状感染者56例\n\n本报讯(记者 高燕)10月31日',
      '进行表彰奖励。本报记者 郝晓炜\n\n单场观影上座率不应超过70%',
      '持续报告的非\n  管控范围的阳性感染者', // indented: a new paragraph
    ];
    for (const s of samples) assert.equal(run(s).length, 0, s);
  });

  it('is silent on the real bulletins and seeds 001, 002', () => {
    for (const { name, text } of [...allSeeds().filter((s) => /^00[12]/.test(s.name)), ...allReal()]) {
      assert.equal(run(text).length, 0, name);
    }
  });

  it('fixes remove only line breaks inside the range; safe fixes leave nothing new (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const found = run(text);
      for (const f of found)
        for (const fix of f.fixes)
          for (const e of fix.edits) {
            assert.ok(e.start >= f.start && e.end <= f.end, name);
            assert.match(text.slice(e.start, e.end), /^\s+$/, name);
          }
      const safe = found.filter((f) => f.fixes[0]!.safe);
      const after = run(applyEdits(text, safe.flatMap((f) => f.fixes[0]!.edits)));
      assert.equal(after.length, found.length - safe.length, name);
    }
  });

  it('never throws (property)', () => {
    const parts = ['优先', '筛查', ',', '。', '\n', '\n\n', '\r\n', ' ', '  ', '本报讯', '云冈区', 'a', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 50 }).map((a) => a.join('')), (text) =>
        run(text).every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end),
      ),
      { numRuns: 500 },
    );
  });
});
