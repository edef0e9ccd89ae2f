/**
 * Counts of places: "10市（县）报告…新增确诊病例51例" and the places the breakdown of 51 names.
 * The rule, where it must stay silent (the national jurisdiction formula, a source named
 * with 据, a breakdown that does not close, a part with no place), and the two fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { toFacts } from '../../server/src/core/facts';
import { hoverAt } from '../../server/src/core/hover';
import type { Analysis } from '../../server/src/core/types';
import { FIXTURES } from '../support/fixtures';

const real = (name: string) => readFileSync(join(FIXTURES, 'real', name), 'utf8');
const HENAN = 'dxy_20200126_henan_renminribao.txt';

function counts(a: Analysis): string[] {
  return a.placeCounts.map((c) => `${a.figures[c.count]!.value} = ${c.parts.map((r) => r.value).join(' + ')}`);
}
function sumFindings(text: string): string[] {
  return analyze(text)
    .findings.filter((f) => f.code === 'breakdown-sum')
    .map((f) => text.slice(f.start, f.end));
}

describe('counts of places', () => {
  it('reads the Henan bulletin: 10市（县） = the 2 首例 cities + the 8 others listed', () => {
    const a = analyze(real(HENAN));
    assert.deepEqual(counts(a), ['10 = 2 + 8']);
    const c = a.placeCounts[0]!;
    assert.deepEqual(c.parts[0]!.places, ['安阳市', '漯河市']);
    assert.equal(c.parts[1]!.places.length, 8);
    assert.equal(c.written, '10市(县)');
    assert.deepEqual(sumFindings(real(HENAN)), []);
  });

  it('flags a count that the list contradicts, on the count and its noun, with an unsafe fix', () => {
    for (const [from, to] of [
      ['10市', '11市'],
      ['10市', '9市'],
    ] as const) {
      const text = real(HENAN).replace(from, to);
      const a = analyze(text);
      const f = a.findings.filter((x) => x.code === 'breakdown-sum');
      assert.equal(f.length, 1, to);
      assert.equal(text.slice(f[0]!.start, f[0]!.end), `${to}（县）`);
      assert.match(f[0]!.message, /2 \+ 8 = 10/);
      assert.equal(f[0]!.related.length, 2);
      assert.deepEqual(
        f[0]!.fixes.map((x) => [x.safe, x.edits.map((e) => text.slice(e.start, e.end) + '→' + e.newText)]),
        [[false, [`${to.replace('市', '')}→10`]]],
      );
    }
  });

  it('counts a place named in two lists once, and a place added to the list', () => {
    const base = '1月25日,3个市报告新增确诊病例6例。郑州市、洛阳市为报告首例确诊病例。其中:郑州市3例、洛阳市2例。其他地市新增确诊病例中,开封市1例。';
    assert.deepEqual(counts(analyze(base)), ['3 = 2 + 1']);
    assert.deepEqual(sumFindings(base), []);
    const more = base.replace('开封市1例', '开封市1例、新乡市1例').replace('6例', '7例');
    assert.deepEqual(counts(analyze(more)), ['3 = 2 + 2']);
    assert.deepEqual(sumFindings(more), ['3个市']);
  });

  it('stays silent on the national formula and on 据…报告', () => {
    const nhc = '10月12日0—24时,31个省（自治区、直辖市）和新疆生产建设兵团报告新增确诊病例13例,均为境外输入病例(上海4例,广东3例,陕西2例,四川2例,天津1例,福建1例)。';
    assert.deepEqual(counts(analyze(nhc)), []);
    const source = '截至10月12日24时,据3个省报告,现有确诊病例13例(上海4例,广东3例,陕西6例)。';
    assert.deepEqual(counts(analyze(source)), []);
    for (const name of ['nhc_20201013.txt', 'nhc_20210801.txt', 'nhc_20220112.txt', 'nhc_20220402.txt', 'nhc_20220909.txt']) {
      assert.deepEqual(counts(analyze(real(name))), [], name);
    }
  });

  it('stays silent when the breakdown does not close or names no place', () => {
    // The sum is off: breakdown-sum says so once, and the place count is not read.
    const off = '3个市报告新增确诊病例7例,其中郑州市3例、洛阳市2例、开封市1例。';
    assert.deepEqual(counts(analyze(off)), []);
    assert.equal(sumFindings(off).length, 1);
    const unnamed = '3个市报告新增确诊病例6例,其中郑州市3例、洛阳市2例、其他地市1例。';
    assert.deepEqual(
      analyze(unnamed).findings.filter((f) => f.code === 'breakdown-sum' && /places/.test(f.message)),
      [],
    );
    // No verb of reporting between the count and the figure: 三区 (risk areas) and the like.
    assert.deepEqual(counts(analyze('全市划定3个区,新增确诊病例6例,其中郑州市3例、洛阳市2例、开封市1例。')), []);
  });

  it('reads 13省（区、市） over the 13 provinces of the NHC emergency office bulletin', () => {
    assert.deepEqual(counts(analyze(real('dxy_20200122_nhc_yjb.txt'))), ['13 = 13']);
  });

  it('shows the count in facts (counts: places) and in the hover', () => {
    const text = real(HENAN);
    const a = analyze(text);
    const facts = toFacts('henan.txt', text, a);
    const g = facts.groups.find((x) => x.counts === 'places');
    assert.ok(g);
    assert.equal(g.total.value, 10);
    assert.deepEqual(
      g.parts.map((p) => [p.id, p.value, p.places?.length]),
      [
        [null, 2, 2],
        [null, 8, 8],
      ],
    );
    const hover = hoverAt(a, text.indexOf('10市'), 'en')!.markdown;
    assert.match(hover, /2 \+ 8 = 10/);
    assert.match(hover, /安阳市、漯河市/);
  });
});
