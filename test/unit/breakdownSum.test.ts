import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Analysis, Figure, Group } from '../../server/src/core/types';
import { allReal, allSeeds, applyEdits, seed } from '../support/fixtures';

function describeGroup(a: Analysis, g: Group): string {
  const v = (id: number) => (a.figures[id] as Figure).value;
  return `${v(g.total)} ${g.kind === 'partition' ? '=' : '⊇'} ${g.parts.map(v).join(' + ')}`;
}

function groupsOf(text: string): string[] {
  const a = analyze(text);
  return a.groups.map((g) => describeGroup(a, g));
}

describe('groups in the seeds (../shared/corpus/README.md)', () => {
  it('000: district and discovery-route breakdowns, 在院 and 医学观察 lists, the 22万管 subset', () => {
    const g = groupsOf(seed('000'));
    for (const expected of [
      '9 = 3 + 6',
      '9 = 6 + 2 + 1',
      '56 = 37 + 10 + 9',
      '56 = 48 + 4 + 4',
      '401 = 220 + 11 + 167 + 2 + 1',
      '339 = 234 + 25 + 50 + 26 + 3 + 1',
      '220000 ⊇ 133000',
    ]) assert.ok(g.includes(expected), `missing ${expected} in ${JSON.stringify(g)}`);
    assert.equal(g.length, 7, JSON.stringify(g));
  });

  it('001: close contacts by destination', () => {
    assert.deepEqual(groupsOf(seed('001')), ['118 = 46 + 50 + 22']);
  });

  it('004: suspected cases and tests by type', () => {
    const g = groupsOf(seed('004'));
    assert.ok(g.includes('232 = 219 + 13'), JSON.stringify(g));
    assert.ok(g.includes('2193207 = 2090767 + 102440'), JSON.stringify(g));
  });

  it('labels say what each part is', () => {
    const a = analyze(seed('000'));
    const g = a.groups.find((x) => (a.figures[x.total] as Figure).value === 9 && x.dimension === 'region');
    assert.ok(g);
    assert.deepEqual(g.parts.map((id) => (a.figures[id] as Figure).label), ['平城区', '云冈区']);
    const route = a.groups.find((x) => (a.figures[x.total] as Figure).value === 9 && x.dimension === 'route');
    assert.ok(route);
    assert.equal((a.figures[g.total] as Figure).category, 'confirmed');
  });
});

describe('breakdown-sum', () => {
  it('finds nothing on the five seeds (all their sums are consistent)', () => {
    for (const { name, text } of allSeeds()) {
      const sums = analyze(text).findings.filter((f) => f.code === 'breakdown-sum');
      assert.deepEqual(sums, [], name);
    }
  });

  it('flags the mutated seed 平城区3例 → 4例 on the total, with the arithmetic and every part', () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    const sums = analyze(text).findings.filter((f) => f.code === 'breakdown-sum');
    assert.equal(sums.length, 1);
    const f = sums[0]!;
    assert.equal(text.slice(f.start, f.end), '9例');
    assert.ok(f.message.includes('4 + 6 = 10 ≠ 9'), f.message);
    assert.equal(f.related.length, 2);
    assert.deepEqual(f.related.map((r) => text.slice(r.start, r.end)), ['4例', '6例']);
    assert.equal(f.severity, 'error');
  });

  it('speaks Chinese when asked', () => {
    const text = seed('001').replace('居家隔离50人', '居家隔离51人');
    const f = analyze(text, { locale: 'zh-cn' }).findings.find((x) => x.code === 'breakdown-sum');
    assert.ok(f);
    assert.ok(f.message.startsWith('分项之和与总数不符'), f.message);
    assert.ok(f.message.includes('46 + 51 + 22 = 119 ≠ 118'), f.message);
  });

  it('offers a fix for the total and one per part; each closes the sum and none is safe', () => {
    const text = seed('001').replace('居家隔离50人', '居家隔离51人');
    const f = analyze(text).findings.find((x) => x.code === 'breakdown-sum');
    assert.ok(f);
    assert.equal(f.fixes.length, 4);
    for (const fix of f.fixes) {
      assert.equal(fix.safe, false);
      const fixed = applyEdits(text, fix.edits);
      assert.deepEqual(analyze(fixed).findings.filter((x) => x.code === 'breakdown-sum'), [], fix.title);
    }
  });

  it('treats rounded and approximate figures as intervals, never as exact mismatches', () => {
    const text = '全市核酸检测能力达到22万管,其中,平城区13.3万管、云冈区8.7万管。';
    assert.deepEqual(analyze(text).findings.filter((f) => f.code === 'breakdown-sum'), []);
    const approx = '共排查密接人员6000余人,现已集中隔离3000人、居家隔离3500人。';
    assert.deepEqual(analyze(approx).findings.filter((f) => f.code === 'breakdown-sum'), []);
  });

  it('can be turned off or made a warning in settings', () => {
    const text = seed('000').replace('平城区3例', '平城区4例');
    assert.equal(analyze(text, { rules: { 'breakdown-sum': 'off' } }).findings.filter((f) => f.code === 'breakdown-sum').length, 0);
    assert.equal(analyze(text, { rules: { 'breakdown-sum': 'warning' } }).findings.find((f) => f.code === 'breakdown-sum')?.severity, 'warning');
  });
});

describe('mutation test over every consistent partition in the fixtures (seeds and real)', () => {
  const swap = (v: number): number => {
    const d = String(v);
    if (d.length < 2) return v;
    const i = d.length - 2;
    return Number(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2));
  };
  const mutations: Array<[string, (v: number) => number]> = [
    ['+1', (v) => v + 1],
    ['-1', (v) => v - 1],
    ['+10', (v) => v + 10],
    ['-10', (v) => v - 10],
    ['×10', (v) => v * 10],
    ['swap', swap],
  ];
  it('flags exactly the mutated statement, at the mutated figure or its total', () => {
    let tried = 0;
    let caught = 0;
    let fixesTried = 0;
    const badFixes: string[] = [];
    const misses: string[] = [];
    let consistentWithBound = 0;
    for (const { name, text } of [...allSeeds(), ...allReal()]) {
      const base = analyze(text);
      for (const g of base.groups.filter((x) => x.kind === 'partition')) {
        const statement = base.statements[g.statement]!;
        for (const id of [g.total, ...g.parts]) {
          const fig = base.figures[id]!;
          if (fig.numeral !== 'arabic' || fig.grouped) continue;
          const total = base.figures[g.total]!;
          // A bound (逾130) is not a value: changing it only moves the bound.
          if (id === g.total && total.approximate) continue;
          for (const [label, fn] of mutations) {
            const v = fn(fig.value);
            if (v < 0 || v === fig.value) continue;
            if (total.approximate) {
              // Parts of a bound total: a changed part that still meets the bound is no defect.
              const sum = g.parts.reduce((a, p) => a + base.figures[p]!.value, 0) - fig.value + v;
              if (sum >= total.low && sum <= total.high) {
                consistentWithBound++;
                continue;
              }
            }
            tried++;
            const mutated = text.slice(0, fig.valueStart) + String(v) + text.slice(fig.valueEnd);
            const delta = String(v).length - (fig.valueEnd - fig.valueStart);
            const sums = analyze(mutated).findings.filter((f) => f.code === 'breakdown-sum');
            // Only the equations the figure takes part in may be flagged: at their totals.
            const allowed = new Set(
              base.groups
                .filter((x) => x.total === id || x.parts.includes(id))
                .map((x) => base.figures[x.total]!.start)
                .map((start) => (start > fig.start ? start + delta : start)),
            );
            const inside = sums.every((f) => allowed.has(f.start));
            const inStatement = sums.some((f) => f.start >= statement.start && f.start < statement.end + delta);
            const atFigure = sums.some(
              (f) => (f.start <= fig.start && fig.start < f.end + delta) || f.related.some((r) => r.start === fig.start),
            );
            if (sums.length > 0 && inside && atFigure && inStatement) caught++;
            else misses.push(`${name} ${fig.literal} ${label}: ${sums.length} finding(s)`);
            // Every fix removes its diagnostic and no other appears (others already there may stay).
            if (label === '+1') {
              for (const f of sums) {
                const others = sums.filter((x) => x !== f).map((x) => x.message);
                for (const fix of f.fixes) {
                  fixesTried++;
                  const after = analyze(applyEdits(mutated, fix.edits)).findings.filter((x) => x.code === 'breakdown-sum' || x.code === 'part-exceeds-total');
                  const ok = after.length < others.length + 1 && after.every((x) => others.includes(x.message));
                  if (!ok) badFixes.push(`${name} ${fig.literal}: ${fix.title} → ${after.map((x) => x.message).join(' | ')}`);
                }
              }
            }
          }
        }
      }
    }
    const recall = caught / tried;
    console.log(`mutation recall: ${caught}/${tried} = ${(recall * 100).toFixed(2)}% (${consistentWithBound} mutations of parts of a bound total still meet it and are not counted)`);
    if (misses.length) console.log('missed:\n  ' + misses.slice(0, 30).join('\n  '));
    console.log(`sum fixes applied: ${fixesTried}, leaving their diagnostic or adding one: ${badFixes.length}`);
    assert.deepEqual(badFixes, []);
    assert.ok(fixesTried >= 500, `only ${fixesTried} fixes`);
    assert.ok(tried >= 1000, `only ${tried} mutations`);
    assert.ok(recall >= 0.99, `recall ${recall}`);
  });
});

describe('lists broken across lines by page layout', () => {
  it('reads a breakdown whose line was cut mid-sentence', () => {
    const text = '截至10月30日24时,我市现有在院隔离治疗401例,其中,平城区220例、云冈区11例、\n\n云州区167例、浑源县2例、左云县1例。';
    assert.deepEqual(groupsOf(text), ['401 = 220 + 11 + 167 + 2 + 1']);
    const broken = text.replace('云州区167例', '云州区168例');
    assert.equal(analyze(broken).findings.filter((f) => f.code === 'breakdown-sum').length, 1);
  });
  it('keeps a title line apart from the paragraph after it', () => {
    const a = analyze('我市通报疫情防控最新情况\n\n10月30日0时至24时,新增确诊病例9例。');
    assert.equal(a.statements.length, 1);
    assert.ok(a.statements[0]!.start > 10);
  });
});
