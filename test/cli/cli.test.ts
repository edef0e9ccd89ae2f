/** The CLI contract (other tools depend on it): formats, ranges and exit codes of the built dist/cli.js. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, seed } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
const mutated = join(dir, 'mutated-000.txt');
writeFileSync(mutated, seed('000').replace('平城区3例', '平城区4例'));

describe('bulletin-check check', () => {
  it('exits 0 on the samples (no errors) and prints compiler-style lines', () => {
    const r = run(['check', 'samples']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^samples\/000_ffa3a84bb4f5e23c\.txt:19:14: warning typo /m);
    assert.ok(!r.stdout.includes('breakdown-sum'));
    assert.match(r.stderr, /5 file\(s\) checked: 0 error\(s\)/);
  });

  it('exits 1 on the mutated seed and reports the sum at the total', () => {
    const r = run(['check', mutated]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /mutated-000\.txt:9:30: error breakdown-sum Parts do not add up to the total: 4 \+ 6 = 10 ≠ 9/);
  });

  it('prints JSON with 0-based LSP ranges', () => {
    const r = run(['check', '--format', 'json', mutated]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<Record<string, unknown>> }> };
    assert.equal(json.files.length, 1);
    const d = json.files[0]!.diagnostics.find((x) => x.code === 'breakdown-sum');
    assert.deepEqual(d, {
      code: 'breakdown-sum',
      severity: 'error',
      range: { start: { line: 8, character: 29 }, end: { line: 8, character: 31 } },
      message: 'Parts do not add up to the total: 4 + 6 = 10 ≠ 9',
    });
  });

  it('speaks Chinese with --lang zh-cn', () => {
    const r = run(['check', '--lang', 'zh-cn', mutated]);
    assert.match(r.stdout, /分项之和与总数不符/);
  });

  it('exits 2 on usage and input problems', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['check', '--format', 'xml', mutated]).code, 2);
    assert.equal(run(['check', '--nope', mutated]).code, 2);
    const missing = run(['check', join(dir, 'missing.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.txt: no such file/);
    const bin = join(dir, 'binary.txt');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const b = run(['check', bin]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /binary file/);
  });

  it('skips English plain text in folders (plainText auto)', () => {
    const d = mkdtempSync(join(tmpdir(), 'bulletin-cli-en-'));
    writeFileSync(join(d, 'README.txt'), 'Plain English, 3 + 4 = 9 items,, twice.\n');
    const r = run(['check', '--format', 'json', d]);
    assert.equal(r.code, 0);
    assert.deepEqual((JSON.parse(r.stdout) as { files: Array<{ diagnostics: unknown[] }> }).files[0]!.diagnostics, []);
  });
});

describe('bulletin-check facts', () => {
  it('prints one JSON object per document with figures, groups, statements and regions', () => {
    const r = run(['facts', 'samples/001_db4829b7e8dd65d8.txt']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const f = JSON.parse(lines[0]!) as {
      path: string;
      figures: Array<{ value: number; literal: string; unit: string; category: string; qualifier: unknown; region: unknown; range: unknown; kind: string }>;
      groups: Array<{ total: { value: number }; parts: Array<{ value: number }>; kind: string; dimension: string }>;
      statements: unknown[];
      dates: unknown[];
      regions: Array<{ name: string }>;
    };
    assert.equal(f.path, 'samples/001_db4829b7e8dd65d8.txt');
    const g = f.groups[0]!;
    assert.deepEqual([g.total.value, g.parts.map((p) => p.value), g.kind, g.dimension], [118, [46, 50, 22], 'partition', 'disposition']);
    const total = f.figures.find((x) => x.literal === '118人')!;
    assert.equal(total.category, 'close-contact');
    assert.deepEqual(total.range, { start: { line: 9, character: 95 }, end: { line: 9, character: 99 } });
    for (const key of ['value', 'literal', 'unit', 'category', 'qualifier', 'region', 'range']) assert.ok(key in total, key);
    assert.ok(f.regions.some((x) => x.name === '汉滨区'));
    assert.ok(Array.isArray(f.statements) && Array.isArray(f.dates));
  });

  it('gives one CSV row per figure with --csv', () => {
    const r = run(['facts', '--csv', 'samples/001_db4829b7e8dd65d8.txt']);
    const rows = r.stdout.trim().split('\n');
    assert.equal(rows[0], 'path,line,character,literal,value,unit,kind,category,qualifier,origin,region,label,total_of,part_of');
    assert.ok(rows.some((x) => x.includes(',118人,118,人,count,close-contact,')), rows.join('\n'));
  });
});
