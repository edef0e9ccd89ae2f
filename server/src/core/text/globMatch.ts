/**
 * Glob matching without regular expressions, shared by the CLI (file discovery) and
 * the configuration (overrides and ignores per file): `*` (any run of characters in
 * one path segment), `?` (one character), `**` (any number of whole segments). A
 * segment is matched by the two-pointer wildcard algorithm (no backtracking blow-up),
 * a path by simulating the pattern as a set of states. Names starting with "." are
 * matched only by a segment that starts with "."; `**` never enters dot-folders or
 * node_modules.
 */
export type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'wild'; chars: string[] };

export function isGlob(arg: string): boolean {
  return arg.includes('*') || arg.includes('?');
}

/** Splits a path at "/" and, for Windows paths, at "\\". */
export function splitPath(p: string): string[] {
  return p.split(/[\\/]/);
}

export function toSegment(s: string): Segment {
  if (s === '**') return { kind: 'globstar' };
  if (!isGlob(s)) return { kind: 'literal', text: s };
  return { kind: 'wild', chars: Array.from(s) };
}

export function toSegments(parts: readonly string[]): Segment[] {
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
export function closure(segments: readonly Segment[], states: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (let s of states) {
    out.add(s);
    while (s < segments.length && (segments[s] as Segment).kind === 'globstar') out.add(++s);
  }
  return out;
}

/** The states after consuming one path segment `name`. */
export function step(segments: readonly Segment[], states: ReadonlySet<number>, name: string): Set<number> {
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
export function matchPath(glob: { segments: readonly Segment[] }, relPath: string): boolean {
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
