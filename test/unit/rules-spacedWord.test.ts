import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkSpacedWord } from '../../server/src/core/rules/spacedWord';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkSpacedWord(text, 'en');

describe('spaced-word', () => {
  it('finds the letter-spaced headings and bylines of seed 003, and only those', () => {
    const text = seed('003');
    const found = run(text);
    assert.deepEqual(
      found.map((f) => text.slice(f.start, f.end)),
      ['记 者', '阳 曲 县', '记 者', '编 者 按', '小 店 区', '记 者', '古 交 市', '记 者', '清 徐 县', '记 者', '娄 烦 县', '记 者'],
    );
    assert.ok(found.every((f) => f.severity === 'hint' && f.fixes.every((x) => !x.safe)));
  });

  it('removes only the spaces', () => {
    const text = '阳 曲 县\n\n记 者 袁剑锋 通讯员 原 茜';
    const found = run(text);
    assert.equal(found.length, 2);
    assert.deepEqual(found[0]!.fixes[0]!.edits, [
      { start: 1, end: 2, newText: '' },
      { start: 3, end: 4, newText: '' },
    ]);
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes[0]!.edits));
    assert.equal(fixed, '阳曲县\n\n记者 袁剑锋 通讯员 原 茜');
    assert.equal(run(fixed).length, 0);
  });

  it('leaves spaced two-character names in credits alone', () => {
    for (const text of [
      '在工作人员引导下,娄烦县居民在规定的时间内到指定核酸采样点进行采样。周 皓 冯克俭 摄',
      '核酸采集人员为小店区北营街道龙保社区居民采样。王 丹 王思宇 摄',
      '杏花岭区相关人员在高速出入口查验过往车辆和人员的信息。袁剑锋 原 茜 摄',
      '清徐青年参与疫情防控志愿服务。司 勇 摄',
      '本报记者 张燕伟 于宏 摄',
      '推行小区楼长制 筑牢防疫“安全墙”',
      '快捷互动 立体权威',
    ]) {
      assert.equal(run(text).length, 0, text);
    }
    // In "记 者 王 丹 通讯员 王思宇" only 记者 is a spaced word.
    const text = '记 者 王 丹 通讯员 王思宇';
    assert.deepEqual(run(text).map((f) => text.slice(f.start, f.end)), ['记 者']);
  });

  it('is silent on the other seeds and the real bulletins', () => {
    for (const { name, text } of [...allSeeds().filter((s) => !s.name.startsWith('003')), ...allReal()]) {
      assert.equal(run(text).length, 0, name);
    }
  });

  it('fixes stay in range; applying them leaves nothing behind (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const found = run(text);
      for (const f of found)
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end, name);
      const all = found.flatMap((f) => f.fixes[0]!.edits);
      assert.equal(run(applyEdits(text, all)).length, 0, name);
    }
  });

  it('never throws (property)', () => {
    const parts = ['阳', ' ', '　', '记', '者', '摄', '袁剑锋', '\n', '\r\n', 'a', '𠀀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }).map((a) => a.join('')), (text) =>
        run(text).every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end),
      ),
      { numRuns: 500 },
    );
  });
});
