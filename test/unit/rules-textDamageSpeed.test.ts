/**
 * Issues 7 and 8 for the text-damage rules: every check takes a Deadline and stops inside its
 * loops, and the shortcuts taken for speed (pre-scans, per-code tables, compiled message
 * templates) give exactly what the plain reading gives. The expected spans below were taken
 * from the implementation before the speed work.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline, StageStopped } from '../../server/src/core/deadline';
import { localized, type Locale } from '../../server/src/core/messages';
import { checkBrokenLine } from '../../server/src/core/rules/brokenLine';
import { checkDoubledPunctuation } from '../../server/src/core/rules/doubledPunctuation';
import { checkDuplicateItem } from '../../server/src/core/rules/duplicateItem';
import { checkMojibake } from '../../server/src/core/rules/mojibake';
import { checkPinyinResidue, compileMessage, normalizedCode } from '../../server/src/core/rules/pinyinResidue';
import { checkPunctuationWidth } from '../../server/src/core/rules/punctuationWidth';
import { checkSpacedWord } from '../../server/src/core/rules/spacedWord';
import { BUILTIN_TYPOS, checkTypos, type TypoEntry } from '../../server/src/core/rules/typo';
import { checkWebResidue, isJsSpace } from '../../server/src/core/rules/webResidue';
import { normalizeForMatching } from '../../server/src/core/text/normalize';
import type { Finding } from '../../server/src/core/types';
import { seed } from '../support/fixtures';

type Check = (text: string, locale: Locale, deadline?: Deadline) => Finding[];

/** Each rule with a long input that keeps its main loop busy (well over 64 deadline checks). */
const RULES: Array<[string, Check, string]> = [
  ['typo', (t, l, d) => checkTypos(t, BUILTIN_TYPOS, l, d), '疫情防控'.repeat(50_000)],
  ['doubled-punctuation', checkDoubledPunctuation, '疫情,,防控。'.repeat(5_000)],
  ['pinyin-residue', checkPinyinResidue, '當(dāng)前'.repeat(5_000)],
  ['mojibake', checkMojibake, '新增确诊病例'.repeat(50_000)],
  ['broken-line', checkBrokenLine, '核酸检测,优先\n\n筛查重点人群。\n'.repeat(5_000)],
  ['spaced-word', checkSpacedWord, '阳 曲 县\n'.repeat(5_000)],
  ['web-residue', checkWebResidue, '本市新增病例。\n'.repeat(5_000)],
  ['punctuation-width', checkPunctuationWidth, '新增,病例;'.repeat(20_000)],
  ['duplicate-item', checkDuplicateItem, '公安、工信、公卫。'.repeat(5_000)],
];

const spans = (fs: Finding[]) => fs.map((f) => [f.start, f.end]);

describe('text-damage rules: deadline', () => {
  for (const [name, check, long] of RULES) {
    it(`${name} stops with StageStopped when a 0 ms deadline runs out on a long input`, () => {
      assert.throws(() => check(long, 'en', new Deadline(0)), (e: unknown) => e instanceof StageStopped && e.reason === 'time');
    });
    it(`${name} stops when the analysis is cancelled, and runs to the end without a deadline`, () => {
      assert.throws(() => check(long, 'en', new Deadline(Number.POSITIVE_INFINITY, () => true)), (e: unknown) => e instanceof StageStopped && e.reason === 'cancelled');
      assert.ok(Array.isArray(check(long.slice(0, 2_000), 'en')));
    });
  }
});

describe('text-damage rules: shortcuts give the plain reading', () => {
  it('isJsSpace is exactly \\s', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('normalizedCode is normalizeForMatching of the one character', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(normalizedCode(c), normalizeForMatching(String.fromCharCode(c)).charCodeAt(0), `U+${c.toString(16)}`);
  });

  it('a compiled message is what localized makes', () => {
    const texts = { en: '“{0}” then {1}, {0} again, {2}', zh: '{1}在前:“{0}”' };
    const fill = compileMessage(texts);
    for (const locale of ['en', 'zh-cn'] as const) {
      for (const args of [['a', 'b'], ['{1}', '$&'], [3, 0], []] as Array<Array<string | number>>) assert.equal(fill(locale, ...args), localized(locale, texts, ...args));
    }
    assert.equal(compileMessage({ en: 'none', zh: '无' })('zh-cn', 'x'), '无');
  });

  it('spaced-word: a CR before the line break or at the end of the text ends the line', () => {
    assert.deepEqual(spans(checkSpacedWord('阳 曲\r', 'en')), [[0, 3]]);
    assert.deepEqual(spans(checkSpacedWord('阳 曲\r\n县 城', 'en')), [[0, 3], [5, 8]]);
    assert.deepEqual(spans(checkSpacedWord('\r阳 曲', 'en')), []);
    assert.deepEqual(spans(checkSpacedWord('阳阳 曲 县', 'en')), []);
    assert.deepEqual(spans(checkSpacedWord('记 者 王 丹', 'en')), [[0, 3]]);
  });

  it('broken-line: blank lines at the start, blank lines of spaces and CRs, no line after', () => {
    assert.deepEqual(spans(checkBrokenLine('\n\n甲,\n\n乙。', 'en')), [[3, 7]]);
    assert.deepEqual(spans(checkBrokenLine('甲,\n \n\t\n乙。', 'en')), [[1, 8]]);
    assert.deepEqual(spans(checkBrokenLine('甲,\n\n', 'en')), []);
    assert.deepEqual(spans(checkBrokenLine('\n \n甲乙\n\n丙。丁', 'en')), [[4, 8]]);
    assert.deepEqual(spans(checkBrokenLine('甲，\r\n\r\n乙。', 'en')), [[1, 7]]);
  });

  it('duplicate-item: a first item longer than ten characters, repeats inside and at the end', () => {
    assert.deepEqual(spans(checkDuplicateItem('甲乙丙丁戊己庚辛壬癸子、乙、乙、丙', 'en')), [[14, 15]]);
    assert.deepEqual(spans(checkDuplicateItem('公安、工信、公安、公卫', 'en')), [[6, 8]]);
    assert.deepEqual(spans(checkDuplicateItem('甲、乙、丙、乙、丁', 'en')), [[6, 7]]);
  });

  it('punctuation-width: clusters of marks, and the full-width minority', () => {
    assert.deepEqual(spans(checkPunctuationWidth('中,文,,英 ,中', 'en')), [[1, 2]]);
    assert.deepEqual(spans(checkPunctuationWidth('中,中,中,，', 'en')), [[6, 7]]);
  });

  it('web-residue: blanks of every kind before the residue, and traditional characters', () => {
    assert.deepEqual(spans(checkWebResidue('\u00a0\u3000（責編：張凱）\n正文', 'en')), [[0, 10]]);
    assert.deepEqual(spans(checkWebResidue('\ufeff當前位置：首頁 > 新聞', 'en')), [[0, 13]]);
  });

  it('mojibake: runs of U+FFFD and 锟斤拷 found from one to the next', () => {
    assert.deepEqual(spans(checkMojibake('新增\ufffd\ufffd例锟斤拷锟斤拷,\ufffd', 'en')), [[2, 4], [5, 11], [12, 13]]);
  });

  it('typo: a new array of the same entries reuses the matcher; new entries are seen', () => {
    const text = '奥密戎毒株,疫请防控';
    const builtin = spans(checkTypos(text, BUILTIN_TYPOS, 'en'));
    assert.deepEqual(builtin, [[0, 3]]);
    assert.deepEqual(spans(checkTypos(text, [...BUILTIN_TYPOS], 'en')), builtin);
    const user: TypoEntry[] = [...BUILTIN_TYPOS, { wrong: '疫请', right: '疫情' }];
    assert.deepEqual(spans(checkTypos(text, user, 'en')), [[0, 3], [6, 8]]);
    assert.deepEqual(spans(checkTypos(text, [...BUILTIN_TYPOS, { wrong: '请', right: '情', before: ['疫'] }], 'en')), [[0, 3], [7, 8]]);
    assert.deepEqual(spans(checkTypos(text, [...BUILTIN_TYPOS], 'en')), builtin);
  });

  it('typo: a "before" context longer than the text before the match does not match (it used to read from position 0)', () => {
    const entry: TypoEntry = { wrong: '乙丙', right: '乙丁', before: ['甲乙'] };
    assert.deepEqual(spans(checkTypos('甲乙丙', [entry], 'en')), []);
    assert.deepEqual(spans(checkTypos('甲乙乙丙', [entry], 'en')), [[2, 4]]);
  });

  it('pinyin-residue and doubled-punctuation still read seed 002 as before', () => {
    const text = seed('002');
    assert.equal(checkPinyinResidue(text, 'en').length, 246);
    assert.equal(checkDoubledPunctuation(text, 'en').length, 103);
  });
});
