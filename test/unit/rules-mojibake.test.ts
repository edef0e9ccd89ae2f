import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { checkMojibake } from '../../server/src/core/rules/mojibake';
import type { Finding } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

const run = (text: string): Finding[] => checkMojibake(text, 'en');

/** Damages GBK text the way the corpus's scraper did: one byte becomes "?", then full-width marks fold to ASCII. */
function damage(original: string, charIndex: number): string {
  const bytes = iconv.encode(original, 'gbk');
  let pos = 0;
  for (const ch of original.slice(0, charIndex)) pos += iconv.encode(ch, 'gbk').length;
  bytes[pos] = 0x3f;
  return iconv.decode(bytes, 'gbk').replace(/[，；：！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

describe('mojibake', () => {
  it('repairs the out-of-step run of seed 002 and keeps the lost characters marked', () => {
    const text = seed('002');
    const found = run(text);
    assert.equal(found.length, 3);
    const f = found.find((x) => text.slice(x.start, x.end).includes('安宦'))!;
    assert.equal(text.slice(f.start, f.end), '?!安宦┮蝗恕薄安宦┮卉嚒?');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /不漏一人”“不漏一車/);
    assert.match(f.message, /lost/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.safe, true); // a long run read as frequent characters: fix-all repairs it
    assert.deepEqual(f.fixes[0]!.edits, [{ start: f.start + 1, end: f.end - 1, newText: '“不漏一人”“不漏一車' }]);
    const fixed = applyEdits(text, f.fixes[0]!.edits);
    assert.ok(fixed.includes('管理制度,確?“不漏一人”“不漏一車?。'));
    // After the repair only the two lost-byte findings remain.
    assert.equal(run(fixed).length, 2);
  });

  it('reports "?;驕y(cè)序" and "??茖W(xué)" as bytes lost, confirmed by the pinyin, without a fix', () => {
    const text = seed('002');
    const lost = run(text).filter((x) => x.fixes.length === 0);
    assert.deepEqual(
      lost.map((x) => text.slice(x.start, x.end)),
      ['?;\ue2c3驕y(cè)', '??茖W(xué)'],
    );
    assert.match(lost[0]!.message, /測/);
    assert.match(lost[1]!.message, /學/);
    assert.ok(lost.every((x) => /lost/.test(x.message)));
  });

  it('reports U+FFFD and 锟斤拷 runs as lost bytes, without a fix', () => {
    const text = '新增确诊病例\ufffd\ufffd例,其中锟斤拷锟斤拷平城区3例。';
    const found = run(text);
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['\ufffd\ufffd', '锟斤拷锟斤拷']);
    assert.ok(found.every((f) => f.fixes.length === 0));
  });

  it('finds out-of-step runs made from the other seeds, and repairs them to the original characters', () => {
    let tried = 0;
    let repaired = 0;
    for (const { text } of allSeeds().filter((s) => !s.name.startsWith('002'))) {
      for (const line of text.split('\n').filter((l) => l.length >= 60).slice(0, 6)) {
        const original = line.slice(10, 40).replace(/[,;:!]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        if (/[\x00-\x7f]/.test(original.slice(2, 4))) continue;
        const damaged = damage(original, 3);
        const doc = `前文。${damaged}\n`;
        const found = run(doc);
        tried++;
        assert.ok(found.length > 0, damaged);
        for (const f of found.filter((x) => x.fixes.length > 0)) {
          const reading = f.fixes[0]!.edits[0]!.newText.replace(/[，；：！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
          const plain = original.replace(/[，；：！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
          assert.ok(plain.includes(reading), `${reading} not in ${plain}`);
          repaired++;
        }
      }
    }
    assert.ok(tried >= 10 && repaired >= tried * 0.7, `${repaired}/${tried}`);
  });

  it('is silent on the other seeds, the real bulletins (traditional and simplified) and sample sentences', () => {
    for (const { name, text } of [...allSeeds().filter((s) => !s.name.startsWith('002')), ...allReal()]) {
      assert.equal(run(text).length, 0, name);
    }
    for (const text of ['此輪疫情均為奧密克戎變異株', '返(抵)并人员', '入并货运车辆', '在并5天追检', '周 皓 冯克俭 摄', '有啥后果?”', '举报电话:0351-12388']) {
      assert.equal(run(text).length, 0, text);
    }
  });

  it('fixes stay in range (all fixtures)', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      for (const f of run(text))
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end, name);
    }
  });

  it('never throws and keeps ranges inside the text (property)', () => {
    const parts = ['安宦┮蝗恕', '?', '!', '\ufffd', '锟斤拷', '確', '(cè)', 'y', '\n', '𠀀', '\ud800', '，', '不漏'];
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join(''))),
        (text) => run(text).every((f) => f.start >= 0 && f.end <= text.length && f.start < f.end),
      ),
      { numRuns: 500 },
    );
  });
});
