import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { seed } from '../support/fixtures';

describe('hover', () => {
  it('says what a part counts and shows the sum line', () => {
    const text = seed('000');
    const a = analyze(text);
    const at = text.indexOf('平城区3例') + 3;
    const h = hoverAt(a, at, 'en');
    assert.ok(h);
    assert.equal(text.slice(h.start, h.end), '3例');
    assert.ok(h.markdown.includes('3 + 6 = 9'), h.markdown);
    assert.ok(h.markdown.includes('✓'), h.markdown);
    assert.ok(h.markdown.includes('confirmed cases'), h.markdown);
  });

  it('shows the mismatch on a mutated total, in Chinese too', () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    const at = text.indexOf('新增的9例') + 3;
    const h = hoverAt(analyze(text, { locale: 'zh-cn' }), at, 'zh-cn');
    assert.ok(h);
    assert.ok(h.markdown.includes('4 + 6 = 10 ≠ 9'), h.markdown);
    assert.ok(h.markdown.includes('确诊病例'), h.markdown);
  });

  it('explains numbers that are not counts', () => {
    const text = seed('001');
    const h = hoverAt(analyze(text), text.indexOf('第九版') + 1, 'en');
    assert.ok(h && h.markdown.includes('not a count'), h?.markdown);
  });
});

describe('LineIndex', () => {
  it('counts UTF-16 code units (a surrogate pair is two characters) and all line endings', () => {
    const text = 'a😀b\r\n第二行\r第三行\n';
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(text.indexOf('b')), { line: 0, character: 3 });
    assert.deepEqual(li.positionAt(text.indexOf('第二')), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(text.indexOf('第三')), { line: 2, character: 0 });
    assert.equal(li.offsetAt({ line: 0, character: 3 }), text.indexOf('b'));
    assert.equal(li.lineCount, 4);
  });
});
