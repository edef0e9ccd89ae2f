/**
 * The CLI over many files: globs, stdin lists, SARIF, encodings, --fix (atomic,
 * encoding- and line-ending-preserving, failing safely), configuration files,
 * --rules/--severity, workers and progress. Runs the built dist/cli.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { RULE_CODES } from '../../server/src/core/types';
import { ROOT, seed } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-files-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

type JsonOut = { files: Array<{ path: string; encoding: string; fixesApplied?: number; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number; character: number } } }> }>; errors: string[] };

function json(r: { stdout: string }): JsonOut {
  return JSON.parse(r.stdout) as JsonOut;
}

/** --rules turning off every rule except these. */
function only(...codes: string[]): string {
  return RULE_CODES.filter((c) => !codes.includes(c))
    .map((c) => `${c}=off`)
    .join(',');
}

const S000 = seed('000'); // 奥密戎 (typo), no errors
const TYPO = '奥密戎';
const TW = readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'twcdc_20210512.txt'), 'utf8');

describe('bulletin-check check: file discovery', () => {
  const dir = tree({
    'd/a.txt': S000,
    'd/sub/b.bulletin': S000,
    'd/sub/deep/c.txt': S000,
    'd/.hidden/x.txt': S000,
    'd/node_modules/y.txt': S000,
    'd/readme.md': 'not a bulletin',
  });
  const paths = (r: { stdout: string }) => json(r).files.map((f) => f.path);

  it('expands ** across folders, skipping dot-folders and node_modules', () => {
    const r = run(['check', '--format', 'json', 'd/**/*.txt'], dir);
    assert.deepEqual(paths(r), ['d/a.txt', 'd/sub/deep/c.txt']);
  });

  it('matches * and ? within one segment; a pattern ending in ** takes .txt and .bulletin files', () => {
    assert.deepEqual(paths(run(['check', '--format', 'json', 'd/*/*.bulletin'], dir)), ['d/sub/b.bulletin']);
    assert.deepEqual(paths(run(['check', '--format', 'json', 'd/s?b/**'], dir)), ['d/sub/b.bulletin', 'd/sub/deep/c.txt']);
    assert.deepEqual(paths(run(['check', '--format', 'json', 'd/*.md'], dir)), ['d/readme.md']);
  });

  it('reports a pattern that matches nothing (exit 2) and still checks the rest', () => {
    const r = run(['check', '--format', 'json', 'd/*.nothing', 'd/a.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /d\/\*\.nothing: no file matches the pattern/);
    assert.deepEqual(paths(r), ['d/a.txt']);
  });

  it('reads a list of paths from stdin with -, sorted and deduplicated in the output', () => {
    const r = run(['check', '--format', 'json', '-', 'd/a.txt'], dir, 'd/sub/deep/c.txt\r\n\nd/a.txt\nd/sub/b.bulletin\n');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r), ['d/a.txt', 'd/sub/b.bulletin', 'd/sub/deep/c.txt']);
    const missing = run(['check', '-'], dir, 'd/nope.txt\n');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /d\/nope\.txt: no such file/);
  });

  it('gives the same output with and without worker threads', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`w/${String(i).padStart(2, '0')}.txt`] = i % 3 === 0 ? S000.replace('平城区3例', '平城区4例') : S000;
    const w = tree(files);
    const one = run(['check', '--format', 'json', '--jobs', '1', 'w'], w);
    const two = run(['check', '--format', 'json', '--jobs', '2', 'w'], w);
    assert.equal(one.code, 1);
    assert.equal(two.code, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(run(['check', '--jobs', '0', 'w'], w).code, 2);
  });

  it('facts uses the same discovery and decoding', () => {
    const d = tree({ 'f/a.txt': iconv.encode(S000, 'gbk'), 'f/b/c.txt': S000 });
    const r = run(['facts', 'f/**/*.txt'], d);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; figures: unknown[] });
    assert.deepEqual(lines.map((l) => l.path), ['f/a.txt', 'f/b/c.txt']);
    assert.equal(lines[0]!.figures.length, lines[1]!.figures.length);
  });
});

describe('bulletin-check check --format sarif', () => {
  const dir = tree({ 'mutated.txt': S000.replace('平城区3例', '平城区4例'), 'doubled.txt': S000.replace('。', ',。') });

  it('has the required SARIF 2.1.0 structure, 1-based UTF-16 regions and safe fixes', () => {
    const r = run(['check', '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as Record<string, any>;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
    const run0 = log.runs[0];
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'bulletin-check');
    assert.ok(Array.isArray(driver.rules));
    const ids = driver.rules.map((x: { id: string }) => x.id);
    assert.deepEqual(ids, [...RULE_CODES]);
    for (const rule of driver.rules) assert.ok(typeof rule.shortDescription.text === 'string' && rule.shortDescription.text.length > 0, rule.id);
    assert.deepEqual(run0.artifacts.map((a: any) => [a.location.uri, a.encoding, a.properties.encoding]), [
      ['doubled.txt', 'UTF-8', 'utf-8'],
      ['mutated.txt', 'UTF-8', 'utf-8'],
    ]);
    assert.ok(Array.isArray(run0.results) && run0.results.length > 0);
    for (const res of run0.results) {
      assert.ok(ids.includes(res.ruleId), res.ruleId);
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level), res.level);
      assert.equal(typeof res.message.text, 'string');
      assert.ok(res.locations.length >= 1);
      const pl = res.locations[0].physicalLocation;
      assert.equal(typeof pl.artifactLocation.uri, 'string');
      const g = pl.region;
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(g[k]) && g[k] >= 1, k);
      assert.ok(g.endLine > g.startLine || (g.endLine === g.startLine && g.endColumn >= g.startColumn));
      for (const fix of res.fixes ?? []) {
        assert.equal(typeof fix.description.text, 'string');
        for (const ch of fix.artifactChanges) {
          assert.equal(ch.artifactLocation.uri, pl.artifactLocation.uri);
          for (const rep of ch.replacements) {
            assert.ok(Number.isInteger(rep.deletedRegion.startLine) && Number.isInteger(rep.deletedRegion.startColumn));
            assert.equal(typeof rep.insertedContent.text, 'string');
          }
        }
      }
    }
    const sum = run0.results.find((x: any) => x.ruleId === 'breakdown-sum');
    assert.equal(sum.level, 'error');
    assert.equal(sum.locations[0].physicalLocation.artifactLocation.uri, 'mutated.txt');
    assert.deepEqual(sum.locations[0].physicalLocation.region, { startLine: 9, startColumn: 30, endLine: 9, endColumn: 32 });
    assert.ok(sum.relatedLocations.length >= 2);
    const doubled = run0.results.find((x: any) => x.ruleId === 'doubled-punctuation');
    assert.equal(doubled.fixes.length, 1);
    assert.equal(doubled.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '。');
    const typo = run0.results.find((x: any) => x.ruleId === 'typo');
    assert.equal(typo.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '奥密克戎');
    assert.equal(run0.invocations[0].executionSuccessful, true);
  });
});

describe('bulletin-check check: encodings', () => {
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(S000, 'utf8')]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(S000, 'utf-16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(S000, 'utf-16be')]);
  const dir = tree({
    'a-utf8.txt': S000,
    'b-utf8bom.txt': bom8,
    'c-utf16le.txt': le,
    'd-utf16be.txt': be,
    'e-gbk.txt': iconv.encode(S000, 'gbk'),
    'f-big5.txt': iconv.encode(TW, 'big5'),
  });

  it('detects and reports the encoding of each file, with the same findings as UTF-8', () => {
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = json(r);
    assert.deepEqual(out.files.map((f) => [f.path, f.encoding]), [
      ['a-utf8.txt', 'utf-8'],
      ['b-utf8bom.txt', 'utf-8-bom'],
      ['c-utf16le.txt', 'utf-16le'],
      ['d-utf16be.txt', 'utf-16be'],
      ['e-gbk.txt', 'gbk'],
      ['f-big5.txt', 'big5'],
    ]);
    const base = JSON.stringify(out.files[0]!.diagnostics);
    for (const f of out.files.slice(1, 5)) assert.equal(JSON.stringify(f.diagnostics), base, f.path);
    assert.ok(out.files[4]!.diagnostics.some((d) => d.code === 'typo'));
  });

  it('refuses bytes that decode cleanly in no supported encoding (exit 2, no garbage)', () => {
    const d = tree({ 'latin1.txt': Buffer.from('caf\xe9 na\xefve r\xe9sum\xe9 \xff\xfe\xfd 12,, 34\n', 'latin1'), 'ok.txt': S000 });
    const r = run(['check', '--format', 'json', '.'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /latin1\.txt: cannot decode: not UTF-8/);
    assert.deepEqual(json(r).files.map((f) => f.path), ['ok.txt']);
  });
});

describe('bulletin-check check --fix', () => {
  it('fixes a typo in a GBK file with CRLF line endings: same encoding, same line endings, nothing else changed', () => {
    const original = S000.replace(/\n/g, '\r\n');
    const d = tree({ 'gbk.txt': iconv.encode(original, 'gbk') });
    const r = run(['check', '--fix', '--rules', only('typo'), '--format', 'json', 'gbk.txt'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r).files[0]!.fixesApplied, 1);
    assert.equal(json(r).files[0]!.encoding, 'gbk');
    assert.deepEqual(json(r).files[0]!.diagnostics, []);
    assert.match(r.stderr, /gbk\.txt: 1 fix\(es\) applied/);
    const bytes = readFileSync(join(d, 'gbk.txt'));
    assert.ok(bytes.equals(iconv.encode(original.replace(TYPO, '奥密克戎'), 'gbk')));
    const text = iconv.decode(bytes, 'gbk');
    assert.ok(!text.includes(TYPO));
    assert.equal(text.split('\r\n').length, original.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('fixes doubled punctuation in a Big5 file: the bytes are the original Big5 file again', () => {
    const damaged = TW.replace('。', ',。').replace('，', '，，');
    const d = tree({ 'big5.txt': iconv.encode(damaged, 'big5') });
    const r = run(['check', '--fix', '--rules', only('doubled-punctuation'), '--format', 'json', 'big5.txt'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r).files[0]!.encoding, 'big5');
    assert.equal(json(r).files[0]!.fixesApplied, 2);
    assert.ok(readFileSync(join(d, 'big5.txt')).equals(iconv.encode(TW, 'big5')));
  });

  it('keeps CRLF, BOM and UTF-16 with every rule on', () => {
    const crlf = S000.replace(/\n/g, '\r\n').replace('。', ',,。');
    const d = tree({
      'crlf.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]),
      'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(crlf, 'utf-16le')]),
    });
    const r = run(['check', '--fix', '--format', 'json', '.'], d);
    assert.equal(r.code, 0, r.stderr);
    const a = readFileSync(join(d, 'crlf.txt'));
    const b = readFileSync(join(d, 'le.txt'));
    assert.deepEqual([...a.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual([...b.subarray(0, 2)], [0xff, 0xfe]);
    const ta = a.subarray(3).toString('utf8');
    const tb = iconv.decode(b.subarray(2), 'utf-16le');
    assert.equal(ta, tb);
    assert.ok(!ta.includes(TYPO) && !ta.includes(',,。'));
    assert.ok(!/(^|[^\r])\n/.test(ta), 'no bare LF');
    assert.ok(!/\r(?!\n)/.test(ta), 'no bare CR');
    assert.ok(json(r).files.every((f) => (f.fixesApplied ?? 0) >= 2));
  });

  it('leaves a read-only file as it was and exits 2', () => {
    const d = tree({ 'ro.txt': S000, 'rw.txt': S000 });
    chmodSync(join(d, 'ro.txt'), 0o444);
    const r = run(['check', '--fix', '--rules', only('typo'), 'ro.txt', 'rw.txt'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ro\.txt: not fixed, left unchanged: the file is read-only/);
    assert.equal(readFileSync(join(d, 'ro.txt'), 'utf8'), S000);
    assert.equal(statSync(join(d, 'ro.txt')).mode & 0o777, 0o444);
    assert.equal(readFileSync(join(d, 'rw.txt'), 'utf8'), S000.replace(TYPO, '奥密克戎'));
    assert.match(r.stdout, /ro\.txt:19:14: warning typo/);
    assert.match(r.stderr, /1 fix\(es\) applied in 1 file\(s\)/);
  });

  it('leaves the file as it was when writing the temporary file fails (file size limit: EFBIG, as a full disk)', () => {
    const d = tree({ 'a.txt': S000 });
    const r = spawnSync('sh', ['-c', `ulimit -f 0; exec "${process.execPath}" "${CLI}" check --fix --rules ${only('typo')} a.txt`], { cwd: d, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /a\.txt: not fixed, left unchanged: cannot write \((EFBIG|ENOSPC)\)/);
    assert.equal(readFileSync(join(d, 'a.txt'), 'utf8'), S000);
    assert.deepEqual(readdirSync(d), ['a.txt'], 'no temporary file left');
  });

  it('leaves a file that is gone before it is read to an input error', () => {
    const d = tree({});
    const r = run(['check', '--fix', '-'], d, 'vanished.txt\n');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /vanished\.txt: no such file/);
  });
});

describe('bulletin-check check: configuration and overrides', () => {
  it('--rules changes severities and turns rules off; --severity filters', () => {
    const d = tree({ 'a.txt': S000 });
    const err = run(['check', '--rules', 'typo=error', 'a.txt'], d);
    assert.equal(err.code, 1);
    assert.match(err.stdout, /a\.txt:19:14: error typo /);
    const off = run(['check', '--rules=typo=off', '--format', 'json', 'a.txt'], d);
    assert.ok(!json(off).files[0]!.diagnostics.some((x) => x.code === 'typo'));
    const sev = run(['check', '--severity', 'warning', '--format', 'json', 'a.txt'], d);
    const severities = new Set(json(sev).files[0]!.diagnostics.map((x) => x.severity));
    assert.ok([...severities].every((s) => s === 'error' || s === 'warning'), [...severities].join());
    assert.ok(json(sev).files[0]!.diagnostics.some((x) => x.code === 'typo'));
    assert.equal(json(run(['check', '--severity', 'error', '--format', 'json', 'a.txt'], d)).files[0]!.diagnostics.length, 0);
    assert.equal(run(['check', '--rules', 'nope=error', 'a.txt'], d).code, 2);
    assert.equal(run(['check', '--rules', 'typo=loud', 'a.txt'], d).code, 2);
    assert.equal(run(['check', '--severity', 'fatal', 'a.txt'], d).code, 2);
  });

  it('honours the nearest .bulletincheck.json: rules, overrides, ignore, accept and typos', () => {
    const d = tree({
      '.bulletincheck.json': JSON.stringify({ rules: { typo: 'error' }, overrides: [{ files: 'quiet/**', rules: { typo: 'off' } }] }),
      'a.txt': S000,
      'quiet/b.txt': S000,
      'sub/.bulletincheck.json': JSON.stringify({ accept: [TYPO], typos: [{ wrong: '平城区', right: '平成区' }] }),
      'sub/c.txt': S000,
      'ign/.bulletincheck.json': JSON.stringify({ ignore: [{ rule: 'typo', text: TYPO }] }),
      'ign/d.txt': S000,
    });
    const r = run(['check', '--format', 'json', '.'], d);
    assert.equal(r.code, 1, r.stderr);
    const by = new Map(json(r).files.map((f) => [f.path, f.diagnostics.filter((x) => x.code === 'typo')]));
    assert.deepEqual(by.get('a.txt')!.map((x) => x.severity), ['error']);
    assert.deepEqual(by.get('quiet/b.txt'), []);
    assert.deepEqual(by.get('ign/d.txt'), []);
    const c = by.get('sub/c.txt')!;
    assert.ok(c.length > 0 && c.every((x) => x.severity === 'warning'), 'the nearest config replaces the parent one; its own typo entries apply');
    assert.ok(!c.some((x) => x.range.start.line === 18 && x.range.start.character === 13), 'the accepted text is not reported');
  });

  it('reports a broken config by key or parse position, uses defaults for the rest, keeps going and exits 2', () => {
    const d = tree({
      '.bulletincheck.json': '{\n  "rules": { "typo": "loud", "doubled-punctuation": "off" },\n  "colour": 1\n}\n',
      'a.txt': S000.replace('。', ',,。'),
      'bad/.bulletincheck.json': '{\n  "rules": { "typo": "hint", }\n}',
      'bad/b.txt': S000,
    });
    const r = run(['check', '--format', 'json', '.'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.bulletincheck\.json: rules\.typo: expected error\|warning\|information\|hint\|off, got "loud"/);
    assert.match(r.stderr, /\.bulletincheck\.json: colour: unknown key/);
    assert.match(r.stderr, /bad\/\.bulletincheck\.json: not valid JSON at line 2, column 30/);
    const files = json(r).files;
    assert.deepEqual(files.map((f) => f.path), ['a.txt', 'bad/b.txt']);
    const a = files[0]!.diagnostics;
    assert.ok(a.some((x) => x.code === 'typo' && x.severity === 'warning'), 'the bad value falls back to the default');
    assert.ok(!a.some((x) => x.code === 'doubled-punctuation'), 'the valid rest of the file applies');
    assert.ok(files[1]!.diagnostics.some((x) => x.code === 'typo' && x.severity === 'warning'), 'an unparsable file means defaults');
    assert.ok(json(r).errors.length === 3);
  });
});

describe('bulletin-check check: progress', () => {
  it('is silent when stderr is piped: only the summary', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`p/${i}.txt`] = S000;
    const d = tree(files);
    const r = run(['check', '--severity', 'error', 'p'], d);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '5 file(s) checked: 0 error(s), 0 warning(s) (error and above)\n');
    assert.equal(r.stdout, '');
  });
});
