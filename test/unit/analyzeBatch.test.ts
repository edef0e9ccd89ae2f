/**
 * analyzeBatch runs the stages of several documents in turn; each result must be exactly
 * what analyze returns for the document alone (no stage may keep module state between
 * stages of one document that another document's stage overwrites).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { analyzeBatch, BATCH_SIZE } from '../../server/src/core/analyzeBatch';
import { allReal, allSeeds } from '../support/fixtures';
import { corpusSentences, documentArbitrary } from '../support/fuzzing';

const json = (x: unknown) => JSON.stringify(x);

describe('analyzeBatch', () => {
  it('gives every fixture (and its variants) the analysis analyze gives it alone, across batch boundaries', () => {
    const texts: string[] = [];
    for (const { text } of [...allSeeds(), ...allReal()]) texts.push(text, text.replace(/\n/g, ''), text.slice(0, Math.floor(text.length / 2)));
    texts.push('', '无新增确诊病例。', '\ud800孤立的代理项', 'x'.repeat(10));
    assert.ok(texts.length > BATCH_SIZE * 2, 'more documents than two batches');
    const alone = texts.map((t) => json(analyze(t)));
    const batch = analyzeBatch(texts).map(json);
    assert.equal(batch.length, texts.length);
    for (let i = 0; i < texts.length; i++) assert.equal(batch[i], alone[i], `document ${i}`);
  });

  it('applies per-document options (locale, rules, mode) to their own document only', () => {
    const texts = [...allSeeds(), ...allReal()].map((d) => d.text);
    const options: AnalyzeOptions[] = texts.map((_, i) => ({
      locale: i % 2 === 0 ? 'en' : 'zh-cn',
      rules: i % 3 === 0 ? { 'breakdown-sum': 'off', 'punctuation-width': 'hint' } : {},
      mode: i % 5 === 0 ? 'auto' : 'always',
    }));
    const batch = analyzeBatch(texts, options).map(json);
    texts.forEach((t, i) => assert.equal(batch[i], json(analyze(t, options[i])), `document ${i}`));
  });

  it('equals analyze on generated documents (property)', () => {
    const sentences = corpusSentences();
    fc.assert(
      fc.property(fc.array(documentArbitrary(sentences, 20), { minLength: 1, maxLength: 40 }), (texts) => {
        const batch = analyzeBatch(texts).map(json);
        return texts.every((t, i) => batch[i] === json(analyze(t)));
      }),
      { numRuns: 40 },
    );
  });
});
