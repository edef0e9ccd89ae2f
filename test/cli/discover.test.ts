/** discover() in process: one entry per real file (links to files and to folders included), with its size. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { discover } from '../../server/src/cli/discover';

describe('discover', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bulletin-discover-')));
  mkdirSync(join(root, 'real', 'sub'), { recursive: true });
  writeFileSync(join(root, 'real', 'a.txt'), 'aaa');
  writeFileSync(join(root, 'real', 'sub', 'b.txt'), 'bb');
  symlinkSync(join(root, 'real'), join(root, 'dirlink'));
  symlinkSync('dirlink', join(root, 'dirlink2'));
  symlinkSync(join(root, 'real', 'a.txt'), join(root, 'la.txt'));
  symlinkSync('../../la.txt', join(root, 'real', 'sub', 'chain.txt'));
  writeFileSync(join(root, 'c.txt'), 'c');

  it('keeps one entry per real file, whichever way it was named', () => {
    const list = ['dirlink2/sub/b.txt', 'la.txt', 'dirlink/a.txt', 'real/sub/chain.txt', 'real/./a.txt', 'c.txt', 'c.txt'].join('\n');
    const { files, errors } = discover(['-', 'real', 'dirlink'], root, () => list.split('\n'));
    assert.deepEqual(errors, []);
    // The first name of each real file wins; the output is sorted by name.
    assert.deepEqual(
      files.map((f) => [f.display, f.size]),
      [
        ['c.txt', 1],
        ['dirlink2/sub/b.txt', 2],
        ['la.txt', 3],
      ],
    );
  });

  it('agrees with realpathSync on every name', () => {
    const names = ['real/a.txt', 'dirlink/a.txt', 'la.txt', 'real/sub/chain.txt', 'dirlink2/sub/chain.txt', 'real/sub/b.txt', 'dirlink/sub/b.txt', 'c.txt'];
    const distinct = new Set(names.map((n) => realpathSync(join(root, n))));
    for (let k = 0; k < names.length; k++) {
      const order = [...names.slice(k), ...names.slice(0, k)];
      const { files } = discover(['-'], root, () => order);
      assert.equal(files.length, distinct.size, order.join(' '));
      assert.deepEqual(new Set(files.map((f) => realpathSync(f.file))), distinct);
    }
  });

  it('reports a file that cannot be resolved when it is read, not here', () => {
    const { files, errors } = discover(['-'], root, () => ['nope.txt', 'c.txt']);
    assert.deepEqual(errors, ['nope.txt: no such file or folder']);
    assert.deepEqual(
      files.map((f) => f.display),
      ['c.txt'],
    );
  });
});
