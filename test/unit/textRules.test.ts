import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { looksLikeBulletin } from '../../server/src/core/looksLikeBulletin';
import { parseConfig } from '../../server/src/core/config';
import { fixAll, safeEdits } from '../../server/src/core/fixAll';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

describe('typo', () => {
  it('finds 奥密戎 in seed 000 and fixes it to 奥密克戎', () => {
    const text = seed('000');
    const typos = analyze(text).findings.filter((f) => f.code === 'typo');
    assert.equal(typos.length, 1);
    const f = typos[0]!;
    assert.equal(text.slice(f.start, f.end), '奥密戎');
    assert.equal(f.fixes[0]!.safe, true);
    const fixed = applyEdits(text, f.fixes[0]!.edits);
    assert.ok(fixed.includes('奥密克戎变异株BA.5.2'));
    assert.equal(fixed.length, text.length + 1);
    assert.equal(analyze(fixed).findings.filter((x) => x.code === 'typo').length, 0);
  });

  it('does not flag the right form, traditional text or 并 (太原)', () => {
    for (const text of ['奥密克戎变异株', '此輪疫情均為奧密克戎變異株', '返(抵)并人员', '入并货运车辆']) {
      assert.equal(analyze(text).findings.filter((f) => f.code === 'typo').length, 0, text);
    }
  });

  it('takes user dictionary entries', () => {
    const f = analyze('新增确诊病例3例,均为德尔它变异株。', { typos: [{ wrong: '德尔它', right: '德尔塔' }] }).findings;
    assert.equal(f.filter((x) => x.code === 'typo').length, 1);
  });
});

describe('doubled-punctuation', () => {
  it('repairs ",," ",、" ",。" in seed 002 to the single intended mark', () => {
    const text = seed('002');
    const found = analyze(text).findings.filter((f) => f.code === 'doubled-punctuation');
    assert.ok(found.length > 50, `${found.length}`);
    const runs = new Set(found.map((f) => text.slice(f.start, f.end)));
    assert.deepEqual([...runs].sort(), [',,', ',、', ',。'].sort());
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes[0]!.edits));
    assert.ok(fixed.includes('5日,太原市疫情防控辦'));
    assert.ok(fixed.includes('新發(fā)、首發(fā)'));
    assert.ok(fixed.includes('防控管理。這是'));
    assert.equal(analyze(fixed).findings.filter((f) => f.code === 'doubled-punctuation').length, 0);
    assert.equal(fixed.length, text.length - found.length);
  });

  it('stays silent on the other seeds and the real bulletins', () => {
    for (const { name, text } of [...allSeeds().filter((s) => !s.name.startsWith('002')), ...allReal()]) {
      assert.equal(analyze(text).findings.filter((f) => f.code === 'doubled-punctuation').length, 0, name);
    }
  });
});

describe('fix safety', () => {
  it('every fix on every fixture stays inside its range and applies cleanly', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      for (const f of analyze(text).findings) {
        for (const fix of f.fixes) {
          for (const e of fix.edits) {
            assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `${name} ${fix.title}`);
            // A fix stays inside its finding's range (or the span it is offered on); a document-wide
            // fix-all changes single marks only.
            const where = fix.appliesTo ?? f;
            if (fix.scope === 'document') assert.ok(e.end - e.start === 1 && e.newText.length === 1, `${name} ${fix.title}`);
            else assert.ok(e.start >= where.start && e.end <= where.end, `${name} ${fix.title} edits outside its range`);
            const out = applyEdits(text, [e]);
            assert.equal(out.slice(0, e.start), text.slice(0, e.start));
            assert.equal(out.slice(e.start + e.newText.length), text.slice(e.end));
          }
        }
      }
    }
  });

  it('applying every safe fix is idempotent (property over generated documents)', () => {
    const fragments = ['新增确诊病例9例', ',,', ',。', '奥密戎', '、,', '平城区3例', '其中', '。', '\n', ',', 'abc', '😀', '確診', '１２例', '當(dāng)前', '您当前的位置:首页 / 内容页\n', '(责编:张凯)', '记 者'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const once = fixAll(text, { mode: 'always' }).text;
        const twice = fixAll(once, { mode: 'always' }).text;
        return once === twice && safeEdits(analyze(once, { mode: 'always' }).findings).length === 0;
      }),
      { numRuns: 500 },
    );
  });

  it('fix-all on every fixture converges and leaves no safe fix behind', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const r = fixAll(text, { mode: 'always' }, undefined, 10);
      assert.equal(safeEdits(analyze(r.text, { mode: 'always' }).findings).length, 0, name);
      assert.equal(fixAll(r.text, { mode: 'always' }).applied, 0, name);
    }
  });

  it('never throws and keeps every range inside the document (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 50 }), (a, b) => {
        const text = a + '新增确诊病例' + b + '例,其中' + a;
        const r = analyze(text);
        for (const f of [...r.findings, ...r.figures]) if (f.start < 0 || f.end > text.length || f.start > f.end) return false;
        return r.figures.every((f) => text.slice(f.start, f.end) === f.literal);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('looksLikeBulletin (plainText: auto)', () => {
  it('accepts every seed and real bulletin, rejects English and code', () => {
    for (const { name, text } of [...allSeeds(), ...allReal()]) assert.ok(looksLikeBulletin(text), name);
    assert.equal(looksLikeBulletin('# README\n\nThis project checks bulletins. Run npm test.\n'), false);
    assert.equal(looksLikeBulletin('{"a": 1, "b": [1,2,3]}'), false);
    assert.equal(looksLikeBulletin(''), false);
    assert.equal(analyze('# README\nPlain English, 3 + 4 = 9 items.', { mode: 'auto' }).findings.length, 0);
  });
});

/** False alarms and harmful fixes found on unseen real articles. */
describe('text rules on unseen articles', () => {
  const lead = '市卫健委今日通报新冠肺炎疫情最新情况，新增确诊病例1例。\n\n';
  const of = (text: string, code: string) => analyze(lead + text, { mode: 'always' }).findings.filter((f) => f.code === code);

  it('broken-line leaves apart a new dated or numbered item and a case header', () => {
    assert.deepEqual(of('9月14日：鄂州花湖机场、新亚太国际广场、\n\n9月15日：吾饮良品（学府路店）', 'broken-line'), []);
    assert.deepEqual(of('病例1\n\n男，76岁，现住某区。', 'broken-line'), []);
    assert.deepEqual(of('重点场所包括：商场、\n\n1.农贸市场。', 'broken-line'), []);
    // a real cut is still found, and its fix after 、 is still safe
    const cut = of('重点场所包括：商场、\n\n超市、农贸市场。', 'broken-line');
    assert.equal(cut.length, 1);
    assert.equal(cut[0]?.fixes[0]?.safe, true);
  });

  it('inconsistent-name: two real divisions are two places, and one character before 社区/小区 is no name', () => {
    assert.deepEqual(of('其中辽宁2例，均在沈阳市；河南1例，在信阳市。新增本土无症状感染者1例，在沈阳市。', 'inconsistent-name'), []);
    assert.deepEqual(of('涉及台州市1例、泰州市2例，均为泰州市报告。', 'inconsistent-name'), []);
    assert.deepEqual(of('文华苑小区、柳湖北苑小区、柳湖南苑小区、弘扬花园小区。', 'inconsistent-name'), []);
    assert.deepEqual(of('团结路街道皇城社区；八一街道老满城社区；长春中路街道锦程社区。', 'inconsistent-name'), []);
    assert.equal(of('龙保社区3例，龙保社区2例，龙保社区1例，龙堡社区1例。', 'inconsistent-name').length, 1);
  });

  it('typo: 核算检测 is not flagged where 核算 is a word (核算检测成本)', () => {
    assert.deepEqual(of('重新核算检测成本。', 'typo'), []);
    assert.equal(of('开展全员核算检测，结果均为阴性。', 'typo').length, 1);
    assert.equal(of('据悉，核算检测相关情况已通报。', 'typo').length, 1);
  });

  it('a user dictionary entry may name what it does not come before (notAfter), read from .bulletincheck.json', () => {
    const problems: string[] = [];
    const cfg = parseConfig(JSON.stringify({ typos: [{ wrong: '疫清', right: '疫情', notAfter: ['泉'] }] }), (m) => problems.push(m));
    assert.deepEqual(problems, []);
    const typos = cfg.typos;
    const found = (t: string) => analyze(lead + t, { mode: 'always', typos }).findings.filter((f) => f.code === 'typo' && f.message.includes('疫清')).length;
    assert.equal(found('本轮疫清形势平稳。'), 1);
    assert.equal(found('途经疫清泉路。'), 0);
  });
});
