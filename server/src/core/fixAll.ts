/**
 * Fix-all: applies every safe fix of a text, the first safe fix of each finding,
 * skipping any fix whose edits overlap edits already chosen (rules may repair the
 * same characters: ",," is both doubled and half-width), then analyses again until
 * nothing safe is left. Pure: text in, edits and the fixed text out.
 */
import { analyze, type AnalyzeOptions } from './analyze';
import type { Finding, RuleCode, TextEdit } from './types';

/** The safe edits of one round, non-overlapping, sorted by position. */
export function safeEdits(findings: readonly Finding[], only?: ReadonlySet<RuleCode>): TextEdit[] {
  const chosen: TextEdit[] = [];
  const overlaps = (e: TextEdit) =>
    chosen.some((c) => e.start < c.end && c.start < e.end) ||
    // two insertions at one point, or an insertion at the edge of a replacement, are ambiguous
    chosen.some((c) => (e.start === e.end || c.start === c.end) && e.start === c.start);
  for (const f of findings) {
    if (only && !only.has(f.code)) continue;
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some(overlaps)) continue;
    // edits of one fix must not overlap each other either
    const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < (sorted[i - 1] as TextEdit).end)) continue;
    chosen.push(...sorted);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export interface FixAllResult {
  text: string;
  rounds: number;
  applied: number;
}

export function fixAll(text: string, options: AnalyzeOptions = {}, only?: ReadonlySet<RuleCode>, maxRounds = 5): FixAllResult {
  let current = text;
  let applied = 0;
  let rounds = 0;
  while (rounds < maxRounds) {
    const edits = safeEdits(analyze(current, options).findings, only);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
    rounds++;
  }
  return { text: current, rounds, applied };
}
