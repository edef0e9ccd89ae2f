/**
 * A small glob matcher for the CLI: `*` (any run of characters within one path
 * segment), `?` (one character), `**` (any number of whole segments, including
 * none). No regular expressions: a segment is matched by the two-pointer
 * wildcard algorithm (worst case O(pattern × name), no backtracking blow-up) and
 * a path by simulating the pattern as a set of states, segment by segment, so a
 * path is matched in O(segments × states) and a folder walk never enters a
 * folder no state can continue into.
 *
 * Names starting with "." are matched only by a pattern segment that starts
 * with "." itself, and `**` never descends into dot-folders or node_modules.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { closure, compileRelative, isGlob, matchPath, matchSegment, splitPath, step, toSegments, type Segment } from '../core/text/globMatch';

export { compileRelative, isGlob, matchPath, matchSegment };

export interface Glob {
  /** The folder the walk starts from (the pattern's leading literal segments). */
  base: string;
  segments: Segment[];
  /** The pattern ends in `**`: only .txt and .bulletin files are taken, as for a folder. */
  endsInGlobstar: boolean;
}


/** Parses a pattern; `base` is resolved against cwd. */
export function parseGlob(pattern: string, cwd: string): Glob {
  const parts = splitPath(pattern);
  const baseParts: string[] = [];
  let i = 0;
  // Keep the leading literal segments (and the empty first segment of an absolute path) as the base.
  while (i < parts.length - 1 && !isGlob(parts[i] as string)) baseParts.push(parts[i++] as string);
  const segments = toSegments(parts.slice(i));
  let base: string;
  if (baseParts.length === 0) base = cwd;
  else {
    const joined = baseParts.join('/') || '/';
    base = isAbsolute(joined) ? resolve(joined) : resolve(cwd, joined);
  }
  const last = segments[segments.length - 1];
  return { base, segments, endsInGlobstar: last !== undefined && last.kind === 'globstar' };
}

/**
 * The sorted entries of a folder, or undefined when it cannot be read or was already
 * entered (by device and inode: symbolic links are followed, loops are not).
 */
export function enterOnce(dir: string, seen: Set<string>): string[] | undefined {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch {
    return undefined;
  }
  const key = `${st.dev}:${st.ino}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  try {
    return readdirSync(dir).sort();
  } catch {
    return undefined;
  }
}

export function walkGlob(glob: Glob, isCandidate: (name: string) => boolean): { files: string[]; dirs: string[] } {
  const out: string[] = [];
  const dirs: string[] = [];
  const end = glob.segments.length;
  const seen = new Set<string>();
  const visit = (dir: string, states: Set<number>): void => {
    const names = enterOnce(dir, seen);
    if (!names) return;
    for (const name of names) {
      const child = join(dir, name);
      let st: Stats;
      try {
        st = statSync(child);
      } catch {
        continue;
      }
      const isDir = st.isDirectory();
      const next = step(glob.segments, states, name);
      if (next.size === 0) continue;
      if (isDir) {
        if (next.has(end) && !glob.endsInGlobstar) dirs.push(child);
        if (next.size > (next.has(end) ? 1 : 0)) visit(child, next);
      } else if (st.isFile() && next.has(end) && (!glob.endsInGlobstar || isCandidate(name))) out.push(child);
    }
  };
  visit(glob.base, closure(glob.segments, [0]));
  return { files: out, dirs };
}
