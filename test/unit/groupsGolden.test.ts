/**
 * The groups of every fixture against the hand-reviewed goldens in
 * test/fixtures/groups.golden.json. Prints recall and precision.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Analysis, Group } from '../../server/src/core/types';
import { FIXTURES } from '../support/fixtures';

type Part = number | [number, number];
interface GoldenGroup {
  total: number;
  parts: Part[];
  kind: 'partition' | 'subset';
}
interface GoldenFile {
  complete: boolean;
  groups: GoldenGroup[];
}

const golden = JSON.parse(readFileSync(join(FIXTURES, 'groups.golden.json'), 'utf8')) as Record<string, GoldenFile | string>;

function key(total: number, parts: Part[], kind: string): string {
  const norm = parts.map((p) => (Array.isArray(p) ? (p[0] === 1 ? String(p[1]) : `${p[0]}x${p[1]}`) : String(p)));
  return `${total}|${kind}|${norm.join(',')}`;
}

function found(a: Analysis, g: Group): string {
  return key(
    a.figures[g.total]!.value,
    g.parts.map((id, i) => [g.multipliers[i] ?? 1, a.figures[id]!.value] as [number, number]),
    g.kind,
  );
}

/** Every group the analysis reports: the figure groups, and the counts of places (10市（县）= 2 + 8). */
function allGroups(a: Analysis): Array<{ total: number; key: string }> {
  return [
    ...a.groups.map((g) => ({ total: a.figures[g.total]!.value, key: found(a, g) })),
    ...a.placeCounts.map((c) => ({ total: a.figures[c.count]!.value, key: key(a.figures[c.count]!.value, c.parts.map((r) => r.value), 'partition') })),
  ];
}

describe('groups against the reviewed goldens', () => {
  it('finds every listed group with the right total, parts and kind', () => {
    let expected = 0;
    let hit = 0;
    let reported = 0;
    let correct = 0;
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const [file, entry] of Object.entries(golden)) {
      if (typeof entry === 'string') continue;
      const a = analyze(readFileSync(join(FIXTURES, file), 'utf8'));
      const reportedGroups = allGroups(a);
      const got = new Set(reportedGroups.map((g) => g.key));
      const want = new Set(entry.groups.map((g) => key(g.total, g.parts, g.kind)));
      const wantTotals = new Set(entry.groups.map((g) => g.total));
      for (const w of want) {
        expected++;
        if (got.has(w)) hit++;
        else missing.push(`${file}: ${w}`);
      }
      // Precision: in complete files every reported group counts; elsewhere those about a listed total.
      for (const g of reportedGroups) {
        const k = g.key;
        if (!entry.complete && !wantTotals.has(g.total)) continue;
        reported++;
        if (want.has(k)) correct++;
        else wrong.push(`${file}: ${k}`);
      }
    }
    const recall = hit / expected;
    const precision = correct / reported;
    console.log(`groups: recall ${hit}/${expected} = ${(recall * 100).toFixed(1)}%, precision ${correct}/${reported} = ${(precision * 100).toFixed(1)}%`);
    if (missing.length) console.log('missing:\n  ' + missing.join('\n  '));
    if (wrong.length) console.log('not in the goldens:\n  ' + wrong.join('\n  '));
    assert.ok(recall >= 0.95, `recall ${recall}`);
    assert.ok(precision >= 0.9, `precision ${precision}`);
  });

  it('reports no sum inconsistency on any of the 23 consistent fixtures', () => {
    for (const file of Object.keys(golden)) {
      if (file.startsWith('$')) continue;
      const a = analyze(readFileSync(join(FIXTURES, file), 'utf8'));
      assert.deepEqual(a.findings.filter((f) => f.code === 'breakdown-sum').map((f) => f.message), [], file);
    }
  });
});
