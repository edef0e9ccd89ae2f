/**
 * Which files a run checks: files, folders (recursive: .txt and .bulletin, skipping
 * dot-folders and node_modules), glob patterns (glob.ts), and "-" for a list of
 * paths on stdin, one per line. The result is deduplicated and sorted by the
 * path as shown (relative to the working directory), so output order never
 * depends on the file system or on the order of the arguments.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { enterOnce, isGlob, parseGlob, walkGlob } from './glob';

export const EXTENSIONS = new Set(['.txt', '.bulletin']);

export interface InputFile {
  /** Absolute path. */
  file: string;
  /** Relative to the working directory (or absolute when outside it). */
  display: string;
  size: number;
}

export function isCandidate(name: string): boolean {
  return EXTENSIONS.has(extname(name).toLowerCase());
}

/** Sizes from the stat that found a file (statSync follows links, as the read does). */
type Sizes = Map<string, number>;

function walkFolder(dir: string, out: string[], seen: Set<string>, sizes?: Sizes): void {
  const names = enterOnce(dir, seen);
  if (!names) return;
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const child = join(dir, name);
    let cst: Stats;
    try {
      cst = statSync(child);
    } catch {
      continue;
    }
    if (cst.isDirectory()) walkFolder(child, out, seen, sizes);
    else if (cst.isFile() && isCandidate(name)) {
      out.push(child);
      sizes?.set(child, cst.size);
    }
  }
}

/** Reads the path list given on stdin ("-"): one path per line, blank lines skipped. */
export function readStdinList(read: () => string = () => readFileSync(0, 'utf8')): string[] {
  return read()
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '');
}

export function discover(args: readonly string[], cwd: string, stdinList: () => string[] = readStdinList): { files: InputFile[]; errors: string[] } {
  const errors: string[] = [];
  const found: string[] = [];
  const sizes: Sizes = new Map();
  const add = (p: string, fromList: boolean): void => {
    const abs = resolve(cwd, p);
    let st: Stats | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) walkFolder(abs, found, new Set(), sizes);
    else if (st) {
      found.push(abs);
      sizes.set(abs, st.size);
    }
    else if (!fromList && isGlob(p)) {
      const g = walkGlob(parseGlob(p, cwd), isCandidate);
      if (g.files.length === 0 && g.dirs.length === 0) errors.push(`${p}: no file matches the pattern`);
      found.push(...g.files);
      for (const d of g.dirs) walkFolder(d, found, new Set(), sizes);
    } else errors.push(`${p}: no such file or folder`);
  };
  for (const a of args) {
    if (a === '-') for (const p of stdinList()) add(p, true);
    else add(a, false);
  }
  const byPath = new Map<string, InputFile>();
  const realDirs = new Map<string, string>();
  /** realpathSync(file), resolving each folder once: a file that is no link is its real folder's entry. */
  const realFile = (file: string): string => {
    if (lstatSync(file).isSymbolicLink()) return realpathSync(file);
    const dir = dirname(file);
    let real = realDirs.get(dir);
    if (real === undefined) {
      real = realpathSync(dir);
      realDirs.set(dir, real);
    }
    return join(real, basename(file));
  };
  for (const file of found) {
    // One task per real file: two tasks writing the same file under --fix would race.
    let key = file;
    let size = 0;
    try {
      key = realFile(file);
      size = sizes.get(file) ?? statSync(file).size;
    } catch {
      size = 0; // reported when read
    }
    if (byPath.has(key)) continue;
    byPath.set(key, { file, display: relative(cwd, file) || file, size });
  }
  const files = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, errors };
}
