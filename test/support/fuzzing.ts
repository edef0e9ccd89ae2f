/**
 * Shared by test/unit/fuzz.test.ts and scripts/fuzz.mjs: document generators built from
 * real bulletin fragments plus hostile characters, and the guarantees every analysis
 * must keep (issue 8). Each check returns a list of violations (empty = fine), so a
 * failing property shows exactly what broke.
 */
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import type { Locale } from '../../server/src/core/messages';
import type { Analysis, Finding, Span, TextEdit } from '../../server/src/core/types';
import { allReal, allSeeds } from './fixtures';

export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** Real sentences of the corpus, split after 。 (each keeps its 。 and line breaks). */
export function corpusSentences(): string[] {
  const out: string[] = [];
  for (const { text } of [...allSeeds(), ...allReal()]) {
    for (const s of text.split(/(?<=。)/)) if (s.length > 0) out.push(s);
  }
  return out;
}

/** Small pieces that steer the parser into its corners. */
export const FRAGMENTS: readonly string[] = [
  '其中', '(', ')', '(', ')', '、', ';', ';', ',', ',', '。', ':', '例', '人', '万', '亿', '余', '约', '１２', '九', '十',
  '无新增', '截至', '24时', '0时至24时', '10月30日', '2022年', '年', '月', '日', '分别为', '各', '均为', '含', '中',
  '新增', '累计', '现有', '确诊病例', '无症状感染者', '境外输入', '本土', '治愈出院', '死亡', '平城区', '云冈区', '大同市',
  '%', '.', '..', '......', ',,', '、、', '奥密戎', '新冠肺炎', '13.3万', '6000余人', '85,591', '1,000,000',
  '😷', '👨‍👩‍👧', '\uD83D\uDE00', '\uD800', '\uDC00', '\u2028', '\u2029', '\r\n', '\r', '\n', '\n\n', '\uFEFF', '\u0000',
  ' ', '\u3000', '\t', '\u200B', '\u0301', 'x', 'Zhang', 'http://', '>>', '【', '】', '责任编辑:',
  // scraping damage the text rules look for
  '(dāng)', 'xīn guān', '记 者', '阳 曲 县', '先\n\n筛', '(責(zé)編:張凱)', '您当前的位置:首页 / 新闻 / 内容页\n', '分享到:微信',
  '?;驕y(cè)', 'ä½ å¥½', '锟斤拷', '\uFFFD', '鐧惧害', ', ', '; ', '(', ')', '!', '?', '2022-10-30', '10:30',
];

const digits = fc.stringMatching(/^[0-9]{1,12}$/);
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // lone surrogates included
const cjkUnit = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));

/** A document: fragments, real sentences, digits and random Unicode, concatenated. */
export function documentArbitrary(sentences: readonly string[], maxPieces = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...sentences) },
    { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 4, arbitrary: digits },
    { weight: 2, arbitrary: digits.map((d) => `${d}例`) },
    { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: cjkUnit, maxLength: 6 }) },
    // a real sentence with a random cut (damaged by a scraper)
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...sentences), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))) },
  );
  return fc.array(piece, { maxLength: maxPieces, size: 'max' }).map((a) => a.join(''));
}

// ---------------------------------------------------------------------------
// Checks

function spanIssue(what: string, s: Span, length: number): string | undefined {
  const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
  return ok ? undefined : `${what} [${s.start}, ${s.end}) outside 0..${length}`;
}

/** (b) every range lies in the document: findings, related spans, fixes, figures, group members, statements, problems, places, dates. */
export function rangeViolations(text: string, a: Analysis): string[] {
  const n = text.length;
  const out: string[] = [];
  const add = (v: string | undefined) => {
    if (v) out.push(v);
  };
  for (const f of a.findings) {
    add(spanIssue(`finding ${f.code}`, f, n));
    for (const r of f.related) add(spanIssue(`related of ${f.code}`, r, n));
    for (const fix of f.fixes) {
      for (const e of fix.edits) add(spanIssue(`edit of ${f.code} "${fix.title}"`, e, n));
      if (fix.appliesTo) add(spanIssue(`appliesTo of ${f.code} "${fix.title}"`, fix.appliesTo, n));
    }
  }
  for (const g of a.figures) {
    add(spanIssue(`figure ${g.id} ${JSON.stringify(g.literal)}`, g, n));
    add(spanIssue(`value of figure ${g.id}`, { start: g.valueStart, end: g.valueEnd }, n));
    if (g.valueStart < g.start || g.valueEnd > g.end) out.push(`value [${g.valueStart}, ${g.valueEnd}) of figure ${g.id} outside the figure [${g.start}, ${g.end})`);
    if (g.labelStart !== undefined && g.label !== undefined) add(spanIssue(`label of figure ${g.id}`, { start: g.labelStart, end: g.labelStart + g.label.length }, n));
  }
  a.figures.forEach((g, i) => {
    if (g.id !== i) out.push(`figure at index ${i} has id ${g.id}`);
  });
  for (const g of a.groups) {
    for (const id of [g.total, ...g.parts]) {
      const fig = a.figures[id];
      if (!fig) out.push(`group ${g.id} names figure ${id}, which does not exist`);
      else add(spanIssue(`member ${id} of group ${g.id}`, fig, n));
    }
    if (g.multipliers.length !== g.parts.length) out.push(`group ${g.id}: ${g.multipliers.length} multipliers for ${g.parts.length} parts`);
  }
  for (const s of a.statements) add(spanIssue(`statement ${s.id}`, s, n));
  for (const p of a.problems) add(spanIssue(`problem "${p.message}"`, p, n));
  for (const p of a.places) add(spanIssue(`place ${p.region.name}`, p, n));
  for (const d of a.dates.dates) add(spanIssue(`date ${JSON.stringify(d.text)}`, d, n));
  return out;
}

/** (e) figure.literal is the text it covers. */
export function literalViolations(text: string, a: Analysis): string[] {
  return a.figures
    .filter((f) => f.literal !== text.slice(f.start, f.end))
    .map((f) => `figure ${f.id}: literal ${JSON.stringify(f.literal)} ≠ text ${JSON.stringify(text.slice(f.start, f.end))} at [${f.start}, ${f.end})`);
}

/** Exceptions a stage swallowed (analyze turns them into problems "… failed: …"). */
export function stageFailures(a: Analysis): string[] {
  return a.problems.filter((p) => / failed: /.test(p.message)).map((p) => p.message);
}

/** Applies edits, requiring them to be in range and non-overlapping; undefined when they are not. */
export function applyStrict(text: string, edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) return undefined;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** (c) every fix applies cleanly and touches nothing outside its edits. */
export function fixViolations(text: string, a: Analysis): string[] {
  const out: string[] = [];
  for (const f of a.findings) {
    for (const fix of f.fixes) {
      const where = `${f.code} at [${f.start}, ${f.end}) fix "${fix.title}"`;
      if (fix.edits.length === 0) {
        out.push(`${where}: no edits`);
        continue;
      }
      const sorted = [...fix.edits].sort((x, y) => x.start - y.start || x.end - y.end);
      const applied = applyStrict(text, sorted);
      if (applied === undefined) {
        out.push(`${where}: edits out of range or overlapping ${JSON.stringify(sorted)}`);
        continue;
      }
      const first = sorted[0] as TextEdit;
      const last = sorted[sorted.length - 1] as TextEdit;
      const delta = sorted.reduce((d, e) => d + e.newText.length - (e.end - e.start), 0);
      if (applied.slice(0, first.start) !== text.slice(0, first.start)) out.push(`${where}: text before ${first.start} changed`);
      if (applied.slice(last.end + delta) !== text.slice(last.end)) out.push(`${where}: text after ${last.end} changed`);
      // between edits, the gaps are kept verbatim
      let shift = 0;
      for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i] as TextEdit;
        if (applied.slice(e.start + shift, e.start + shift + e.newText.length) !== e.newText) out.push(`${where}: edit ${i} not applied as written`);
        shift += e.newText.length - (e.end - e.start);
        const next = sorted[i + 1];
        if (next && applied.slice(e.end + shift, next.start + shift) !== text.slice(e.end, next.start)) out.push(`${where}: text between edits changed`);
      }
    }
  }
  return out;
}

/** Beyond (c): a fix changes something, and no edit cuts a surrogate pair in two. */
export function fixQualityViolations(text: string, a: Analysis): string[] {
  const out: string[] = [];
  for (const f of a.findings) {
    for (const fix of f.fixes) {
      const where = `${f.code} at [${f.start}, ${f.end}) fix "${fix.title}"`;
      const applied = applyStrict(text, fix.edits);
      if (applied === text) out.push(`${where}: changes nothing`);
      for (const e of fix.edits) {
        for (const at of [e.start, e.end]) {
          if (splitsPair(text, at)) out.push(`${where}: edit boundary ${at} splits a surrogate pair`);
        }
      }
    }
  }
  return out;
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The first safe fix of every finding, skipping any whose edits overlap (or touch the insertion point of) edits already chosen. */
export function firstSafeEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const clash = (e: TextEdit) =>
    chosen.some((c) => (e.start < c.end && c.start < e.end) || ((e.start === e.end || c.start === c.end) && e.start === c.start));
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    const sorted = [...fix.edits].sort((x, y) => x.start - y.start);
    if (sorted.some((e, i) => i > 0 && e.start < (sorted[i - 1] as TextEdit).end)) continue;
    if (sorted.some(clash)) continue;
    chosen.push(...sorted);
  }
  return chosen;
}

export interface FixAllOutcome {
  text: string;
  rounds: number;
  converged: boolean;
  /** What went wrong, if anything. */
  violations: string[];
}

/**
 * (d) fix-all: apply the first safe fix of every finding, re-analyse, repeat until no
 * safe fix changes the text (at most maxRounds); then the safe fixes of the result
 * must change nothing.
 */
export function fixAllIdempotence(text: string, options: { locale: Locale }, maxRounds = 8): FixAllOutcome {
  let current = text;
  const violations: string[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const edits = firstSafeEdits(analyze(current, { mode: 'always', locale: options.locale }).findings);
    const next = edits.length === 0 ? current : applyStrict(current, edits);
    if (next === undefined) {
      violations.push(`round ${round}: safe edits do not apply: ${JSON.stringify(edits)}`);
      return { text: current, rounds: round, converged: false, violations };
    }
    if (next === current) {
      // a fixed point: applying the safe fixes again changes nothing
      return { text: current, rounds: round, converged: true, violations };
    }
    current = next;
  }
  const again = firstSafeEdits(analyze(current, { mode: 'always', locale: options.locale }).findings);
  const codes = analyze(current, { mode: 'always', locale: options.locale })
    .findings.filter((f) => f.fixes.some((x) => x.safe))
    .map((f) => `${f.code}@${f.start}`);
  violations.push(`fix-all did not converge in ${maxRounds} rounds; still ${again.length} safe edits (${codes.slice(0, 8).join(', ')}) on ${JSON.stringify(current.slice(0, 200))}`);
  return { text: current, rounds: maxRounds, converged: false, violations };
}

/** Runs analyze, turning a throw into a violation with its stack. */
export function analyzeOrViolation(text: string, locale: Locale, mode: 'always' | 'auto' = 'always'): { analysis?: Analysis; violation?: string } {
  try {
    return { analysis: analyze(text, { mode, locale }) };
  } catch (e) {
    return { violation: `analyze threw (${mode}, ${locale}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
}

/** Every guarantee on one document; the list of what failed. Used by the CLI fuzzer. */
export function allViolations(text: string): string[] {
  const out: string[] = [];
  for (const locale of LOCALES) {
    const auto = analyzeOrViolation(text, locale, 'auto');
    if (auto.violation) out.push(auto.violation);
    const { analysis, violation } = analyzeOrViolation(text, locale);
    if (violation || !analysis) {
      out.push(violation ?? 'no analysis');
      continue;
    }
    out.push(...stageFailures(analysis), ...rangeViolations(text, analysis), ...literalViolations(text, analysis));
    if (locale === 'en') {
      out.push(...fixViolations(text, analysis), ...fixQualityViolations(text, analysis));
      out.push(...fixAllIdempotence(text, { locale }).violations);
    }
  }
  return out;
}

/** A short, copy-pasteable rendering of a counterexample. */
export function show(text: string, max = 400): string {
  const s = JSON.stringify(text);
  return s.length > max ? `${s.slice(0, max)}… (${text.length} UTF-16 units)` : s;
}
