import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPinyinResidue } from '../../server/src/core/rules/pinyinResidue';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkPinyinResidue(text, 'en');
const safeEdits = (fs: Finding[]) => fs.flatMap((f) => f.fixes.filter((x) => x.safe).slice(0, 1).flatMap((x) => x.edits));

describe('pinyin-residue', () => {
  it('finds every toned pinyin group after a Han character in seed 002, each with a safe fix', () => {
    const text = seed('002');
    const found = run(text);
    assert.equal(found.length, 246);
    assert.ok(found.every((f) => f.fixes.length === 1 && f.fixes[0]!.safe && f.severity === 'warning'));
    const first = found[0]!;
    assert.equal(text.slice(first.start, first.end), '(dāng)');
    assert.equal(text.slice(first.start - 1, first.start), '當');
    const fixed = applyEdits(text, safeEdits(found));
    assert.ok(fixed.startsWith('您當前的位置 : 太原新聞網 >> 特別關注'));
    assert.ok(fixed.includes('陽曲縣最后4個中風險區全部降為低風險區'));
    assert.ok(fixed.includes('(責編:張凱)'));
    assert.ok(fixed.includes('“無疫縣(市,、區)”'));
    // The two groups after Latin letters are mojibake ("驕y(cè)", "茖W(xué)"), not this rule's.
    assert.ok(fixed.includes('驕y(cè)') && fixed.includes('茖W(xué)'));
    assert.equal(run(fixed).length, 0);
  });

  it('removes exactly the parenthesised pinyin', () => {
    const text = '您當(dāng)前的位置';
    const [f] = run(text);
    assert.deepEqual(f!.fixes[0]!.edits, [{ start: 2, end: 8, newText: '' }]);
    assert.equal(applyEdits(text, f!.fixes[0]!.edits), '您當前的位置');
    // Full-width parentheses and simplified characters too.
    assert.equal(applyEdits('网（wǎng）络', run('网（wǎng）络')[0]!.fixes[0]!.edits), '网络');
  });

  it('does not flag ordinary parentheses', () => {
    for (const text of [
      '本报讯(记者 高燕)10月31日',
      '新增23例COVID-19(COVID-19)確診病例',
      '之相關接觸者(案1216、案1231、案1232)',
      '分別為64例本土個案(60例BA.5、3例BA.2.75)',
      '重点地区返(抵)并人员',
      '完善区、镇、村(社区)疫情防控',
      '今(12)日公布',
      '门(men)', // no tone mark
      'abc(dāng)', // not after a Han character
    ]) {
      assert.equal(run(text).length, 0, text);
    }
  });

  it('keeps a finding but no safe fix when the pinyin is not a reading of the character', () => {
    const [f] = run('国(xīng)家');
    assert.ok(f);
    assert.equal(f.fixes[0]!.safe, false);
  });

  it('is silent on the other seeds and the real bulletins', () => {
    for (const { name, text } of [...allSeeds().filter((s) => !s.name.startsWith('002')), ...allReal()]) {
      assert.equal(run(text).length, 0, name);
    }
  });

  it('fixes stay in range; safe fixes leave nothing behind (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const found = run(text);
      for (const f of found)
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end, name);
      const after = run(applyEdits(text, safeEdits(found)));
      assert.equal(after.length, found.filter((f) => !f.fixes.some((x) => x.safe)).length, name);
    }
  });

  it('never throws and keeps ranges inside the text (property)', () => {
    const parts = ['當', '(dāng)', '(', ')', 'ā', 'zhuàng', '（', '）', '𠀀', '网', 'x', ' '];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join(''))), (text) => {
        const found = run(text);
        return found.every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
      }),
      { numRuns: 500 },
    );
  });
});
