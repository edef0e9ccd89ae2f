/** The worker pool in process: workers get batches only once ready; results in task order either way. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runAll } from '../../server/src/cli/pool';
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
