/**
 * --fix: choosing the safe edits of one round, applying them, and writing the
 * result atomically (temporary file in the same folder, fsync, rename) in the
 * file's own encoding.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, closeSync, constants, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Finding, TextEdit } from '../core/types';
import { encodeText, type EncodingLabel } from './encoding';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // An insertion at the edge of another edit is ambiguous (before or after it?): treat it as overlapping.
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end;
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** An edit boundary between \r and \n would split a CRLF pair. */
function splitsCrlf(text: string, at: number): boolean {
  return at > 0 && at < text.length && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
}

/**
 * The first safe fix of each finding, in text order, skipping fixes with an edit
 * that overlaps one already taken or that would split a CRLF pair. Line breaks a
 * fix inserts take the file's line ending.
 */
export function pickSafeEdits(text: string, findings: readonly Finding[]): { edits: TextEdit[]; fixes: number } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const candidates: TextEdit[][] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix || fix.edits.length === 0) continue;
    const edits = fix.edits.map((e) => ({
      start: e.start,
      end: e.end,
      newText: eol === '\r\n' ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText,
    }));
    if (edits.some((e) => e.start < 0 || e.end < e.start || e.end > text.length || splitsCrlf(text, e.start) || splitsCrlf(text, e.end))) continue;
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    candidates.push(edits);
  }
  candidates.sort((a, b) => (a[0] as TextEdit).start - (b[0] as TextEdit).start);
  const taken: TextEdit[] = []; // sorted by start
  let fixes = 0;
  const position = (start: number): number => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((taken[mid] as TextEdit).start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const edits of candidates) {
    // Within one fix, edits must not overlap each other either.
    let ok = edits.every((e, i) => i === 0 || !overlaps(edits[i - 1] as TextEdit, e));
    for (const e of edits) {
      if (!ok) break;
      // Taken edits are disjoint, so only the one before and those starting inside e can overlap it.
      const k = position(e.start);
      const prev = taken[k - 1];
      if (prev && overlaps(prev, e)) ok = false;
      for (let j = k; ok && j < taken.length && (taken[j] as TextEdit).start <= e.end; j++) if (overlaps(taken[j] as TextEdit, e)) ok = false;
    }
    if (!ok) continue;
    for (const e of edits) taken.splice(position(e.start), 0, e);
    fixes++;
  }
  return { edits: taken, fixes };
}

/** Applies non-overlapping edits. Insertions at an offset go before a replacement starting there. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

/**
 * Writes `text` over `file` atomically in `encoding`. `before` is the stat taken
 * when the file was read: a file deleted or changed since is left alone. Returns
 * an error message, or undefined on success; on failure the file is unchanged
 * and no temporary file is left.
 */
export function writeAtomically(file: string, text: string, encoding: EncodingLabel, before: Stats): string | undefined {
  const bytes = encodeText(text, encoding);
  if (!Buffer.isBuffer(bytes)) return bytes.error;
  let real: string;
  let st: Stats;
  try {
    real = realpathSync(file);
    st = statSync(real);
  } catch (e) {
    return errno(e) === 'ENOENT' ? 'the file was deleted during the run' : `cannot stat (${errno(e)})`;
  }
  if (st.mtimeMs !== before.mtimeMs || st.size !== before.size) return 'the file was changed during the run';
  if ((st.mode & 0o222) === 0) return 'the file is read-only';
  try {
    accessSync(real, constants.W_OK);
  } catch (e) {
    return `the file is not writable (${errno(e)})`;
  }
  const dir = dirname(real);
  const tmp = join(dir, `.${basename(real)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        chownSync(tmp, st.uid, st.gid);
      } catch {
        // best effort: keep root-owned if it cannot be changed
      }
    }
    try {
      statSync(real);
    } catch {
      throw Object.assign(new Error('deleted'), { code: 'DELETED' });
    }
    renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    return errno(e) === 'DELETED' ? 'the file was deleted during the run' : `cannot write (${errno(e)})`;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // folders cannot be fsynced on every platform
  }
  return undefined;
}
