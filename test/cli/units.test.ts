/** The CLI's own pieces, in process: glob matching, safe-edit selection, encodings, config validation, progress. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { compileRelative, matchPath, matchSegment, parseGlob } from '../../server/src/cli/glob';
import { applyEdits, pickSafeEdits } from '../../server/src/cli/fix';
import { decodeBytes, encodeText } from '../../server/src/cli/encoding';
import { sanitizeConfig } from '../../server/src/core/config';
import { parseCheckArgs, parseRules } from '../../server/src/cli/args';
import { Progress } from '../../server/src/cli/progress';
import { RULE_CODES, type Finding } from '../../server/src/core/types';
import { ROOT, seed } from '../support/fixtures';

const seg = (p: string, name: string) => matchSegment(Array.from(p), name);

describe('glob', () => {
  it('matches * and ? within a segment, by code point', () => {
    assert.ok(seg('*.txt', 'a.txt'));
    assert.ok(seg('*.txt', '.txt') === false, 'a leading dot needs an explicit dot');
    assert.ok(seg('.*', '.hidden'));
    assert.ok(seg('a?c', 'abc') && !seg('a?c', 'ac') && !seg('a?c', 'abbc'));
    assert.ok(seg('疫情?.txt', '疫情𠀀.txt'), '? is one code point, even outside the BMP');
    assert.ok(seg('*a*b*c', 'xxaxxbxxc') && !seg('*a*b*c', 'xxaxxcxxb'));
    assert.ok(seg('*', '') && seg('**x', 'x'));
  });

  it('agrees with a reference matcher on random patterns', () => {
    // Reference: exhaustive dynamic programming over (pattern, name).
    const ref = (p: string, s: string): boolean => {
      const dp: boolean[][] = Array.from({ length: p.length + 1 }, () => new Array<boolean>(s.length + 1).fill(false));
      dp[p.length]![s.length] = true;
      for (let i = p.length - 1; i >= 0; i--) {
        for (let j = s.length; j >= 0; j--) {
          const c = p[i];
          if (c === '*') dp[i]![j] = dp[i + 1]![j]! || (j < s.length && dp[i]![j + 1]!);
          else dp[i]![j] = j < s.length && (c === '?' || c === s[j]) && dp[i + 1]![j + 1]!;
        }
      }
      return dp[0]![0]!;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 10 }), (p, s) => {
        assert.equal(seg(p, s), ref(p, s), `${p} vs ${s}`);
      }),
    );
  });

  it('has no backtracking blow-up', () => {
    const name = 'a'.repeat(20000);
    const t0 = Date.now();
    assert.equal(seg('*a*a*a*a*a*a*a*a*b', name), false);
    assert.equal(matchPath({ segments: parseGlob('**/**/**/**/x/**/y', '/').segments }, Array(200).fill('d').join('/') + '/z'), false);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  });

  it('matches ** over any number of segments', () => {
    const g = (p: string) => parseGlob(p, '/r');
    assert.equal(g('data/**/*.txt').base, '/r/data');
    assert.equal(g('/abs/x/*.txt').base, '/abs/x');
    assert.equal(g('*.txt').base, '/r');
    const m = (p: string, path: string) => matchPath({ segments: parseGlob(p, '/').segments }, path);
    assert.ok(m('**/*.txt', 'a.txt') && m('**/*.txt', 'x/y/a.txt') && !m('**/*.txt', 'x/a.md'));
    assert.ok(m('a/**/b/*.txt', 'a/b/c.txt') && m('a/**/b/*.txt', 'a/x/y/b/c.txt') && !m('a/**/b/*.txt', 'a/x/c.txt'));
    assert.ok(!m('**/*.txt', '.git/a.txt') && !m('**/*.txt', 'node_modules/a.txt'));
    const rel = compileRelative('*.bulletin');
    assert.ok(rel('a.bulletin') && rel('x/y/a.bulletin') && !rel('a.txt'));
    assert.ok(compileRelative('news/*.txt')('news/a.txt') && !compileRelative('news/*.txt')('x/news/a.txt'));
  });
});

function finding(start: number, end: number, newText: string, safe = true): Finding {
  return { code: 'doubled-punctuation', severity: 'warning', start, end, message: '', related: [], fixes: [{ title: 't', edits: [{ start, end, newText }], safe }] };
}

describe('safe edits', () => {
  it('takes the first safe fix of each finding, skips unsafe and overlapping ones', () => {
    const text = 'abcdefghij';
    const f: Finding[] = [finding(0, 2, 'X'), finding(1, 3, 'Y'), finding(4, 5, 'Z', false), finding(6, 7, 'W'), finding(9, 9, '!'), finding(9, 9, '?')];
    const { edits, fixes } = pickSafeEdits(text, f);
    assert.equal(fixes, 3);
    assert.equal(applyEdits(text, edits), 'Xcdef' + 'W' + 'hi!j');
  });

  it('never splits a CRLF pair, and inserted line breaks follow the file', () => {
    const text = 'a,,\r\nb';
    const split = pickSafeEdits(text, [finding(4, 5, '')]);
    assert.equal(split.fixes, 0);
    const join = pickSafeEdits('x\r\ny', [finding(1, 1, '\n')]);
    assert.equal(applyEdits('x\r\ny', join.edits), 'x\r\n\r\ny');
  });

  it('applies random non-overlapping edits like a right-to-left application', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(40), fc.nat(5), fc.string({ maxLength: 3 })), { maxLength: 8 }), (raw0, raw) => {
        // offsets are taken on the same text the edits apply to
        const text = raw0.replace(/\r/g, '');
        const fs = raw.map(([s, len, t]) => finding(Math.min(s, text.length), Math.min(s + len, text.length), t.replace(/[\r\n]/g, '')));
        const { edits } = pickSafeEdits(text, fs);
        let expected = text;
        for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) expected = expected.slice(0, e.start) + e.newText + expected.slice(e.end);
        assert.equal(applyEdits(text, edits), expected);
      }),
    );
  });
});

describe('encodings', () => {
  const text = seed('000');
  it('round-trips every supported encoding', () => {
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gbk'] as const) {
      const bytes = encodeText(text, enc);
      assert.ok(Buffer.isBuffer(bytes));
      const back = decodeBytes(bytes);
      assert.ok(!('error' in back), enc);
      assert.deepEqual([back.encoding, back.text === text, back.roundTrips], [enc, true, true]);
    }
  });

  it('calls a file GB18030 when it needs four-byte sequences', () => {
    const t = text + '\n𠀀€';
    const d = decodeBytes(iconv.encode(t, 'gb18030'));
    assert.ok(!('error' in d));
    assert.deepEqual([d.encoding, d.text === t], ['gb18030', true]);
  });

  it('refuses to encode characters the encoding lacks', () => {
    const r = encodeText('核酸😀', 'gbk');
    assert.ok(!Buffer.isBuffer(r) && /GBK cannot encode/.test(r.error));
  });

  it('prefers UTF-8 for bytes that are valid UTF-8', () => {
    const d = decodeBytes(Buffer.from('新增确诊病例3例', 'utf8'));
    assert.ok(!('error' in d) && d.encoding === 'utf-8');
  });
});

describe('config and arguments', () => {
  it('reports each bad key and keeps the rest', () => {
    const problems: string[] = [];
    const c = sanitizeConfig(
      { rules: { typo: 'hint', nope: 'error' }, ignore: [{ rule: 'typo' }, { text: 1 }], typos: [{ wrong: 'a', right: 'b' }, { wrong: '' }], accept: ['x', 3], overrides: [{ files: '*.txt', rules: { typo: 'off' } }, { files: [] }], extra: true },
      (m: string) => problems.push(m),
    );
    assert.deepEqual(c.rules, { typo: 'hint' });
    assert.equal(c.ignore.length, 1);
    assert.equal(c.typos.length, 1);
    assert.deepEqual(c.accept, ['x']);
    assert.equal(c.overrides.length, 1);
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      ['extra', 'rules.nope', 'ignore[1].text', 'typos[1].wrong', 'accept[1]', 'overrides[1].files'],
    );
  });

  it('parses --rules, --severity, --jobs and --format', () => {
    assert.deepEqual(parseRules('typo=hint, breakdown-sum=off'), { ok: { typo: 'hint', 'breakdown-sum': 'off' } });
    assert.ok('error' in parseRules('typo'));
    const a = parseCheckArgs(['--format=sarif', '--jobs', '3', '--severity', 'warning', '--fix', '--', '--odd-name.txt', '-']);
    assert.ok('ok' in a);
    assert.deepEqual([a.ok.format, a.ok.jobs, a.ok.minSeverity, a.ok.fix, a.ok.paths], ['sarif', 3, 'warning', true, ['--odd-name.txt', '-']]);
    assert.ok('error' in parseCheckArgs(['--jobs', 'x', 'a']));
    assert.ok('error' in parseCheckArgs(['--format']));
  });
});

describe('progress', () => {
  function stream(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, s: { isTTY, write: (x: string) => writes.push(x) > 0 } as unknown as NodeJS.WriteStream };
  }
  it('writes files done / total, MB/s and findings on a terminal, then clears the line', () => {
    const { writes, s } = stream(true);
    const p = new Progress(2, s);
    p.update(1000, 3);
    p.update(2000, 1);
    p.end();
    assert.match(writes.join(''), /2\/2 files, [0-9.]+ MB\/s, 4 finding\(s\)/);
    assert.equal(writes[writes.length - 1], '\r\x1b[K');
  });
  it('writes nothing when the stream is not a terminal', () => {
    const { writes, s } = stream(false);
    const p = new Progress(2, s);
    p.update(1000, 3);
    p.end();
    assert.deepEqual(writes, []);
  });
});

describe('schemas/bulletincheck.schema.json', () => {
  it('is draft-07 and names the keys and rules the CLI reads', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'bulletincheck.schema.json'), 'utf8')) as {
      $schema: string;
      properties: Record<string, unknown>;
      additionalProperties: boolean;
      definitions: { rules: { properties: Record<string, unknown> }; severity: { enum: string[] } };
    };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties), ['$schema', 'rules', 'ignore', 'typos', 'accept', 'overrides']);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.definitions.rules.properties), [...RULE_CODES]);
    assert.deepEqual(schema.definitions.severity.enum, ['error', 'warning', 'information', 'hint', 'off']);
    // Every key the schema allows is accepted by the CLI without a problem.
    const problems: string[] = [];
    sanitizeConfig({ $schema: 'x', rules: { typo: 'hint' }, ignore: [{ rule: 'typo', text: 'a' }], typos: [{ wrong: 'a', right: 'b', reason: 'r', before: ['x'], after: ['y'] }], accept: ['a'], overrides: [{ files: ['*.txt'], rules: { typo: 'off' } }] }, (m: string) => problems.push(m));
    assert.deepEqual(problems, []);
  });
});
