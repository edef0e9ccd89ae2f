/** Reads the project's copies of the corpus (test/fixtures) and applies edits. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TextEdit } from '../../server/src/core/types';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function seed(prefix: string): string {
  const dir = join(FIXTURES, 'seeds');
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(dir, name), 'utf8');
}

function fixturesIn(sub: string): Array<{ name: string; text: string }> {
  const dir = join(FIXTURES, sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export function allSeeds(): Array<{ name: string; text: string }> {
  return fixturesIn('seeds');
}

export function allReal(): Array<{ name: string; text: string }> {
  return fixturesIn('real');
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > lastStart) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}
