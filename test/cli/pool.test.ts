/** The worker pool in process: workers get batches only once ready; results in task order either way. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { runAll } from '../../server/src/cli/pool';
import { runTask, runTasks } from '../../server/src/cli/pipeline';
import type { Outcome, Task } from '../../server/src/cli/pipeline';
import { ROOT, seed } from '../support/fixtures';

/** Outcomes from workers carry Uint8Arrays (structured clone), this thread's Buffers: compare the bytes. */
const bytes = (os: Outcome[]) => os.map((o) => ({ ...o, rendered: Buffer.from(o.rendered) }));

const dir = mkdtempSync(join(tmpdir(), 'bulletin-pool-'));
const text = seed('000');
const tasks: Task[] = Array.from({ length: 40 }, (_, i) => {
  const file = join(dir, `${String(i).padStart(2, '0')}.txt`);
  writeFileSync(file, i % 4 === 0 ? text.replace('平城区3例', '平城区4例') : text);
  return { file, display: `${i}.txt`, locale: 'en', mode: 'auto', rules: {}, typos: [], ignore: [], accept: [], minSeverity: 'hint', fix: false, format: 'json' };
});
const sizes = tasks.map(() => 20_000); // batches of one task or so: many batches for the workers to take

describe('worker pool', () => {
  it('does the work on this thread while a worker is not ready (one that never starts does not hold it up)', async () => {
    // A worker that loads but never says it is ready (and never answers).
    const silent = join(dir, 'silent.js');
    writeFileSync(silent, 'setInterval(() => {}, 1000);\n');
    const one = await runAll(tasks, sizes, 1, () => {});
    const seen: string[] = [];
    const two = await runAll(tasks, sizes, 2, (o) => seen.push(o.display), silent);
    assert.deepEqual(bytes(two), bytes(one));
    assert.equal(seen.length, tasks.length);
  });

  it('gives the outcomes of one thread with real workers, in task order', async () => {
    const one = await runAll(tasks, sizes, 1, () => {});
    const three = await runAll(tasks, sizes, 3, () => {}, join(ROOT, 'dist', 'cli.js'));
    assert.deepEqual(bytes(three), bytes(one));
    assert.ok(one.some((o) => o.errorCount > 0) && one.every((o) => Buffer.from(o.rendered).toString('utf8').startsWith('{\n      "path": ')));
  });
});

describe('runTask reading', () => {
  it('reads files of any size through one reused buffer: each file its own bytes', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, text.repeat(Math.ceil(3_000_000 / Buffer.byteLength(text))));
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const task = (file: string): Task => ({ ...(tasks[0] as Task), file, display: file });
    const order = [big, gbk, empty, join(dir, '01.txt'), big, gbk];
    const outs = order.map((f) => runTask(task(f)));
    const fresh = order.map((f) => runTask(task(f)));
    assert.deepEqual(
      outs.map((o) => [o.bytes, o.encoding]),
      order.map((f) => [readFileSync(f).length, f === gbk ? 'gbk' : 'utf-8']),
    );
    // The same outcome whatever was read before.
    assert.deepEqual(bytes(outs), bytes(fresh));
    assert.deepEqual(bytes([runTask(task(gbk))]), bytes([outs[1] as Outcome]));
  });
});

describe('runTasks', () => {
  it('gives each file the outcome runTask gives it alone: batches of analyses, missing and undecodable files, options per file', () => {
    const missing = join(dir, 'missing.txt');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]));
    const gbk = join(dir, 'gbk2.txt');
    writeFileSync(gbk, iconv.encode(text.replace('平城区3例', '平城区5例'), 'gbk'));
    const list: Task[] = [];
    for (let i = 0; i < 75; i++) {
      const base = tasks[i % tasks.length] as Task;
      const file = i === 3 ? missing : i === 7 ? binary : i % 9 === 0 ? gbk : base.file;
      list.push({
        ...base,
        file,
        display: `${i}`,
        locale: i % 2 === 0 ? 'en' : 'zh-cn',
        rules: i % 5 === 0 ? { 'breakdown-sum': 'off' } : {},
        format: i % 3 === 0 ? 'text' : i % 3 === 1 ? 'json' : 'sarif',
        minSeverity: i % 4 === 0 ? 'warning' : 'hint',
      });
    }
    const batch = runTasks(list);
    assert.equal(batch.length, list.length);
    assert.deepEqual(bytes(batch), bytes(list.map((t) => runTask(t))));
    assert.ok(batch[3]?.errors.length === 1 && batch[7]?.errors.length === 1, 'the missing and the binary file have their errors');
    assert.ok(batch.some((o) => o.errorCount > 0));
  });
});
