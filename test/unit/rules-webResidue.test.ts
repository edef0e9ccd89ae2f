import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkWebResidue } from '../../server/src/core/rules/webResidue';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkWebResidue(text, 'en');
/** The edits of each finding's first fix (fix-all leaves document-wide conventions and line removals to the user). */
const safeEdits = (fs: Finding[]) => fs.flatMap((f) => f.fixes.slice(0, 1).flatMap((x) => x.edits));

describe('web-residue', () => {
  it('removes the breadcrumb of seed 001 with its line break', () => {
    const text = seed('001');
    const found = run(text);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), '您当前的位置:首页 / 城管要闻 / 内容页\n');
    assert.equal(found[0]!.severity, 'hint');
    const fixed = applyEdits(text, found[0]!.fixes[0]!.edits);
    assert.ok(fixed.startsWith('\n我市举行疫情防控工作新闻发布会'));
  });

  it('removes the breadcrumb (with scraper pinyin) and the editor credit of seed 002', () => {
    const text = seed('002');
    const found = run(text);
    assert.deepEqual(
      found.map((f) => text.slice(f.start, f.end)),
      ['您當(dāng)前的位置 : 太原新聞網(wǎng) >> 特別關(guān)注\n', '\n(責(zé)編:張凱)'],
    );
    const fixed = applyEdits(text, safeEdits(found));
    assert.ok(fixed.startsWith('\n太原市全域恢復(fù)常態(tài)化疫情防控管理'));
    assert.ok(fixed.endsWith('應(yīng)治盡治。\n'));
    assert.equal(run(fixed).length, 0);
  });

  it('knows share prompts and bare credits, line by line', () => {
    const text = '正文第一段。\n分享到:\n扫一扫在手机打开当前页\n责任编辑:李四\n【打印本页】 【关闭窗口】\n正文。';
    const found = run(text);
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end).trim()), ['分享到:', '扫一扫在手机打开当前页', '责任编辑:李四']);
  });

  it('leaves sentences that merely mention these words', () => {
    for (const text of [
      '请不要分享到朋友圈的未经证实信息。',
      '当前位置偏远的村庄,物资由专人配送',
      '首页显示的数据为11月5日以来累计。',
      '本报讯(记者 高燕)10月31日,市政府新闻办公室召开新闻发布会',
      '(注:媒体引用时,请标注“信息来自国家卫生健康委员会官方网站”。)',
    ]) {
      assert.equal(run(text).length, 0, text);
    }
  });

  it('is silent on seeds 000, 003, 004 and the real bulletins', () => {
    for (const { name, text } of [...allSeeds().filter((s) => !/^00[12]/.test(s.name)), ...allReal()]) {
      assert.equal(run(text).length, 0, name);
    }
  });

  it('fixes stay in range; safe fixes leave nothing behind (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const found = run(text);
      for (const f of found)
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end, name);
      assert.equal(run(applyEdits(text, safeEdits(found))).length, 0, name);
    }
  });

  it('never throws (property)', () => {
    const parts = ['您当前的位置', ':', '首页', ' > ', '\n', '\r\n', '(责编:', '张凯', ')', '分享到', '。', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join('')), (text) =>
        run(text).every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end),
      ),
      { numRuns: 500 },
    );
  });
});
