/** core/present: the views the editor shows, derived from the Analysis only. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt, hoverKindAt } from '../../server/src/core/hover';
import { figureTokens, headlineLens, inlayNotes } from '../../server/src/core/present/annotations';
import { articlePeriod, articleRegion, checkCounts, failingFigures, headlineSpan, mainFigures, verdicts } from '../../server/src/core/present/model';
import { findSections, foldingSpans, outline } from '../../server/src/core/present/outline';
import { p } from '../../server/src/core/present/strings';
import { summaryView } from '../../server/src/core/present/summary';
import { allReal, allSeeds, seed } from '../support/fixtures';

const mutated = () => seed('000').replace('平城区3例', '平城区4例');

describe('present/model', () => {
  it('gives every group of seed 000 a verdict, all holding', () => {
    const a = analyze(seed('000'));
    const v = verdicts(a);
    assert.equal(v.length, a.groups.length);
    assert.ok(v.every((x) => x.ok));
    assert.equal(v[0]!.line, '3 + 6 = 9');
    assert.equal(v[0]!.terms, '平城区 3 + 云冈区 6');
    const subset = v.find((x) => x.group.kind === 'subset')!;
    assert.equal(subset.line, '133000 ≤ 220000');
  });

  it('marks the broken breakdown and its figures as failing', () => {
    const text = mutated();
    const a = analyze(text);
    const bad = verdicts(a).filter((x) => !x.ok);
    assert.deepEqual(bad.map((x) => x.line), ['4 + 6 = 10 ≠ 9']);
    const failing = [...failingFigures(a)].map((id) => a.figures[id]!.literal).sort();
    assert.deepEqual(failing, ['4例', '6例', '9例']);
  });

  it('counts figures, totals and inconsistent totals like the status bar', () => {
    assert.deepEqual(checkCounts(analyze(seed('000'))), { figures: 39, totals: 5, inconsistent: 0, findings: analyze(seed('000')).findings.length });
    assert.equal(checkCounts(analyze(mutated())).inconsistent, 1);
    assert.equal(checkCounts(analyze('hello', { mode: 'auto' })).figures, 0);
  });

  it('finds the headline (first non-empty line, trimmed)', () => {
    const text = seed('000');
    const h = headlineSpan(text)!;
    assert.equal(text.slice(h.start, h.end), '我市通报疫情防控最新情况');
    assert.equal(headlineSpan('\n \n'), undefined);
    const t2 = '  标题  \r\n正文';
    const h2 = headlineSpan(t2)!;
    assert.equal(t2.slice(h2.start, h2.end), '标题');
  });

  it('tables the main figures (category × qualifier), leaving out parts and districts', () => {
    const a = analyze(seed('000'));
    const m = mainFigures(a);
    const confirmed = m.rows.find((r) => r.category === 'confirmed')!;
    assert.equal(confirmed.cells.new?.literal, '9例');
    for (const r of m.rows) for (const f of Object.values(r.cells)) assert.ok(!a.groups.some((g) => g.parts.includes(f!.id)));
    assert.ok(m.qualifiers.includes('new'));
  });

  it('names the article period and region', () => {
    const a = analyze(seed('000'));
    assert.equal(articlePeriod(a)?.text, '10月30日0时至24时');
    assert.equal(articleRegion(a)?.name, '大同市');
  });
});

describe('present/outline', () => {
  it('finds the district sections of seed 003, spaced names included', () => {
    const s = findSections(seed('003'));
    assert.deepEqual(
      s.map((x) => x.name),
      ['杏花岭区 · 严防加演练 守牢主阵地', '阳曲县 · 摸排全覆盖 管控无遗漏', '小店区 · 举行实战演练 提升防疫经验', '古交市 · 放假不放松 防控精准化', '清徐县 · 团委发倡议 争做志愿者', '娄烦县 · 步骤不能少 细节不能落'],
    );
    for (let i = 1; i < s.length; i++) assert.ok(s[i - 1]!.end < s[i]!.start);
  });

  it('reads numbered parts (一、 二、) as sections', () => {
    const text = '国家卫健委通报\n\n一、疫情概况\n\n新增确诊病例9例。\n\n二、防控措施\n\n各地加强管控。\n';
    assert.deepEqual(findSections(text).map((s) => s.name), ['一、疫情概况', '二、防控措施']);
  });

  it('does not take a short non-place line or a place inside a sentence for a subhead', () => {
    const text = '标题\n\n快捷互动 立体权威\n\n关注“大同日报融媒”\n\n平城区新增3例,云冈区6例。\n';
    assert.deepEqual(findSections(text), []);
  });

  it('puts each statement with figures under its section, inside it', () => {
    const text = seed('003');
    const nodes = outline(analyze(text), text, (n) => `${n}`);
    assert.equal(nodes[0]!.kind, 'headline');
    for (const n of nodes) for (const c of n.children) assert.ok(c.start >= n.start && c.end <= n.end);
    const total = nodes.reduce((k, n) => k + n.children.length + (n.kind === 'statement' ? 1 : 0), 0);
    assert.equal(total, analyze(text).statements.length);
    assert.equal(foldingSpans(text).length, 6);
  });

  it('never throws on any fixture', () => {
    for (const { text } of [...allSeeds(), ...allReal()]) {
      const a = analyze(text);
      outline(a, text, String);
      inlayNotes(a, 'en');
      figureTokens(a);
      headlineLens(a, text, 'zh-cn');
    }
  });
});

describe('present/annotations', () => {
  it('puts Σ after the last part of each breakdown', () => {
    const text = seed('000');
    const notes = inlayNotes(analyze(text), 'en');
    assert.equal(notes[0]!.label, 'Σ 9 ✓');
    assert.equal(notes[0]!.offset, text.indexOf('云冈区6例') + '云冈区6例'.length);
    assert.equal(notes[0]!.tooltip, 'Breakdown by region: 3 + 6 = 9');
    const bad = inlayNotes(analyze(mutated()), 'zh-cn');
    assert.equal(bad[0]!.label, 'Σ 10 ≠ 9');
    assert.equal(bad[0]!.tooltip, '按区域分项:4 + 6 = 10 ≠ 9');
  });

  it('writes the headline lens in both languages', () => {
    const text = mutated();
    const a = analyze(text);
    assert.match(headlineLens(a, text, 'en')!.title, /^39 figures · 5 totals checked · 1 inconsistent$/);
    assert.equal(headlineLens(a, text, 'zh-cn')!.title, '39 个数字 · 已核算 5 个总数 · 1 处不符');
    assert.equal(headlineLens(analyze('x', { mode: 'off' }), 'x', 'en'), undefined);
  });

  it('marks figures checked or inconsistent for semantic highlighting', () => {
    const text = mutated();
    const tokens = figureTokens(analyze(text));
    const state = (needle: string, inner: string) => tokens.find((t) => t.start === text.indexOf(needle) + needle.indexOf(inner))?.state;
    assert.equal(state('平城区4例', '4例'), 'inconsistent');
    assert.equal(state('平城区37例', '37例'), 'checked');
    assert.equal(state('高风险区97个', '97个'), undefined);
  });
});

describe('hover kinds', () => {
  const text = mutated();
  const a = analyze(text);
  const at = (needle: string, k = 0) => text.indexOf(needle) + k;

  it('tells the kinds apart', () => {
    assert.equal(hoverKindAt(a, at('平城区4例', 3), text), 'figure');
    assert.equal(hoverKindAt(a, at('新增的9例', 3), text), 'total');
    assert.equal(hoverKindAt(a, at('平城区4例', 1), text), 'place');
    assert.equal(hoverKindAt(a, at('10月30日0时至24时', 4), text), 'date');
    assert.equal(hoverKindAt(a, at('我市通报', 3), text), 'headline');
    assert.equal(hoverKindAt(a, at('我市通报', 3)), undefined, 'no headline without the text');
    assert.equal(hoverKindAt(a, 0, text), undefined);
  });

  it('a total: one table per dimension, each part a link when a link maker is given', () => {
    const h = hoverAt(a, at('新增的9例', 3), 'en', { text, link: (s) => `#${s.start}` })!;
    assert.ok(h.markdown.includes(`| [平城区](#${at('平城区4例', 3)}) | 4 |`), h.markdown);
    assert.ok(h.markdown.includes('**total — Breakdown by region**'), h.markdown);
    assert.ok(h.markdown.includes('**total — Breakdown by discovery route**'), h.markdown);
    assert.ok(h.markdown.includes('| **sum** | **10** |'), h.markdown);
    const plain = hoverAt(a, at('新增的9例', 3), 'en', { text })!;
    assert.ok(plain.markdown.includes('| 平城区 | 4 |'), plain.markdown);
  });

  it('a date says when its year is inferred', () => {
    const t1 = seed('001');
    const a1 = analyze(t1);
    const h = hoverAt(a1, t1.indexOf('11月25日晚8时') + 1, 'zh-cn')!;
    assert.ok(h.markdown.includes('2022(推断'), h.markdown);
  });

  it('a place lists the figures given for it', () => {
    const h = hoverAt(a, at('浑源县9例', 1), 'en')!;
    assert.ok(h.markdown.includes('**浑源县**: county-level area'), h.markdown);
    assert.ok(h.markdown.includes('- 9例 new · asymptomatic infections'), h.markdown);
  });

  it('the headline summarises the article in Chinese too', () => {
    const h = hoverAt(a, at('我市通报', 1), 'zh-cn', { text })!;
    assert.ok(h.markdown.includes('**全文摘要**'), h.markdown);
    assert.ok(h.markdown.includes('地区: 大同市 → 山西省 (1402)'), h.markdown);
    assert.ok(h.markdown.includes('1 处不符'), h.markdown);
  });
});

describe('present/summary', () => {
  it('carries the verdicts, counts and the reader names of the codes', () => {
    const text = mutated();
    const v = summaryView(analyze(text), text, 'zh-cn');
    assert.equal(v.headline, '我市通报疫情防控最新情况');
    assert.equal(v.counts.inconsistent, 1);
    assert.equal(v.names.confirmed, '确诊病例');
    assert.equal(v.names.region, '区域');
    assert.equal(v.groups.filter((g) => !g.ok).length, 1);
    assert.deepEqual(v.failing.map((id) => analyze(text).figures[id]!.literal).sort(), ['4例', '6例', '9例']);
  });

  it('has a string in both languages for every key', () => {
    assert.equal(p('en', 'summary.checkLine', 1, 2, 3), '1 figures · 2 totals checked · 3 inconsistent');
    assert.equal(p('zh-cn', 'summary.checkLine', 1, 2, 3), '1 个数字 · 已核算 2 个总数 · 3 处不符');
  });
});
