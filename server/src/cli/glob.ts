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
import { isAbsolute, join, resolve, sep } from 'node:path';

type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'wild'; chars: string[] };

export interface Glob {
  /** The folder the walk starts from (the pattern's leading literal segments). */
  base: string;
  segments: Segment[];
  /** The pattern ends in `**`: only .txt and .bulletin files are taken, as for a folder. */
  endsInGlobstar: boolean;
}

export function isGlob(arg: string): boolean {
  return arg.includes('*') || arg.includes('?');
}

function splitPath(p: string): string[] {
  const normalised = sep === '\\' ? p.replace(/\\/g, '/') : p;
  return normalised.split('/');
}

function toSegment(s: string): Segment {
  if (s === '**') return { kind: 'globstar' };
  if (!isGlob(s)) return { kind: 'literal', text: s };
  return { kind: 'wild', chars: Array.from(s) };
}

function toSegments(parts: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  for (const s of parts) {
    if (s === '' || s === '.') continue;
    const seg = toSegment(s);
    // a/**/**/b is a/**/b
    if (seg.kind === 'globstar' && segments.length > 0 && (segments[segments.length - 1] as Segment).kind === 'globstar') continue;
    segments.push(seg);
  }
  return segments;
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

/** `*` and `?` against one name, by code point. Two pointers, remembering only the last star. */
export function matchSegment(pattern: readonly string[], name: string): boolean {
  const s = Array.from(name);
  if (s.length > 0 && s[0] === '.' && pattern[0] !== '.') return false;
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    const pc = pattern[p];
    if (pc !== undefined && pc !== '*' && (pc === '?' || pc === s[i])) {
      p++;
      i++;
    } else if (pc === '*') {
      star = p++;
      mark = i;
    } else if (star >= 0) {
      p = star + 1;
      i = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function segmentMatches(seg: Segment, name: string): boolean {
  if (seg.kind === 'literal') return seg.text === name;
  if (seg.kind === 'wild') return matchSegment(seg.chars, name);
  return false;
}

function globstarEnters(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/** States reachable without consuming a segment (a `**` may match nothing). */
function closure(segments: readonly Segment[], states: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (let s of states) {
    out.add(s);
    while (s < segments.length && (segments[s] as Segment).kind === 'globstar') out.add(++s);
  }
  return out;
}

/** The states after consuming one path segment `name`. */
function step(segments: readonly Segment[], states: ReadonlySet<number>, name: string): Set<number> {
  const next = new Set<number>();
  for (const s of states) {
    const seg = segments[s];
    if (seg === undefined) continue;
    if (seg.kind === 'globstar') {
      if (globstarEnters(name)) next.add(s);
    } else if (segmentMatches(seg, name)) next.add(s + 1);
  }
  return closure(segments, next);
}

/** Whether a relative path (segments separated by "/") matches the pattern segments. */
export function matchPath(glob: Pick<Glob, 'segments'>, relPath: string): boolean {
  const parts = relPath.split('/').filter((x) => x !== '' && x !== '.');
  let states = closure(glob.segments, [0]);
  for (const part of parts) {
    states = step(glob.segments, states, part);
    if (states.size === 0) return false;
  }
  return states.has(glob.segments.length);
}

/** Compiles a pattern meant for relative paths (config overrides): without "/" it matches the file name anywhere. */
export function compileRelative(pattern: string): (relPath: string) => boolean {
  const p = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  const segments = toSegments(splitPath(p.includes('/') ? p : `**/${p}`));
  return (rel) => matchPath({ segments }, rel);
}

/**
 * Walks from the glob's base and returns the files that match and, unless the
 * pattern ends in `**`, the folders that match (checked as folders, as a shell
 * would pass them). Symbolic links are followed, each real folder is entered
 * once (no loops).
 */
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
