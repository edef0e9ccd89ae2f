/**
 * Files through the checker: read, decode, analyse (in batches, stage by stage), filter,
 * and with --fix apply the safe fixes and write the file back. Runs on the main thread or
 * in a worker; takes and returns plain data only (structured-clone safe).
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { analyze, type AnalyzeOptions, type PlainTextMode } from '../core/analyze';
import { analyzeBatch, BATCH_SIZE } from '../core/analyzeBatch';
import type { Locale } from '../core/messages';
import type { TypoEntry } from '../core/rules/typo';
import { LineIndex, type LineCharacter } from '../core/text/lineIndex';
import type { Analysis, Finding, RuleCode, Severity, SeveritySetting } from '../core/types';
import { filterFindings, type IgnoreEntry } from '../core/config';
import { decodeBytes, type EncodingLabel } from './encoding';
import { applyEdits, pickSafeEdits, writeAtomically } from './fix';
import { ByteWriter, textLine, writeJsonDiagnostic, writeJsonFileEnd, writeJsonFileStart } from './render';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface Task {
  /** Absolute path. */
  file: string;
  /** As shown in the output (relative to the working directory). */
  display: string;
  locale: Locale;
  mode: PlainTextMode;
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  typos: TypoEntry[];
  ignore: IgnoreEntry[];
  accept: string[];
  minSeverity: Severity;
  fix: boolean;
  /**
   * json and text: the outcome carries its file's part of the output, rendered
   * (`rendered`), and no diagnostics; sarif: the diagnostics.
   */
  format: 'json' | 'text' | 'sarif';
}

export interface Range {
  start: LineCharacter;
  end: LineCharacter;
}

export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  range: Range;
  message: string;
  related: Array<{ range: Range; message: string }>;
  /** The safe fixes only (what SARIF carries). */
  fixes: Array<{ title: string; edits: Array<{ range: Range; newText: string }> }>;
}

export interface Outcome {
  display: string;
  bytes: number;
  /** Set when the file could be read and decoded. */
  encoding?: EncodingLabel;
  /** Empty when the task's format is json or text (see rendered). */
  diagnostics: Diagnostic[];
  /** json: the file's element of "files" (see render.ts), text: its lines, in UTF-8; empty for sarif or when not checked. */
  rendered: Uint8Array;
  /** How many diagnostics, and how many of them errors and warnings. */
  findingCount: number;
  errorCount: number;
  warningCount: number;
  /** --fix: how many fixes were applied and written (0 when the write failed). */
  fixesApplied: number;
  /** Input and write problems, one message each ("path: …" is added by the caller). */
  errors: string[];
}

/** Findings the configuration keeps: not ignored, not inside an accepted text, at or above the minimum severity. */
function keep(text: string, findings: readonly Finding[], task: Task): Finding[] {
  const minRank = SEVERITY_RANK[task.minSeverity];
  return filterFindings(text, findings, task.ignore, task.accept).filter((f) => SEVERITY_RANK[f.severity] <= minRank);
}

function findingsOf(text: string, task: Task): Finding[] {
  return keep(text, analyze(text, optionsOf(task)).findings, task);
}

function toDiagnostics(text: string, findings: readonly Finding[]): Diagnostic[] {
  const lines = new LineIndex(text);
  const range = (s: number, e: number): Range => ({ start: lines.positionAt(s), end: lines.positionAt(e) });
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    range: range(f.start, f.end),
    message: f.message,
    related: f.related.map((r) => ({ range: range(r.start, r.end), message: r.message })),
    fixes: f.fixes.filter((x) => x.safe).map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
  }));
}

/** Reused by every file this thread renders. */
const writer = new ByteWriter();

/** The file's part of the json or text output. */
function render(task: Task, encoding: EncodingLabel, fixesApplied: number, text: string, findings: readonly Finding[]): Uint8Array {
  const lines = new LineIndex(text);
  const json = task.format === 'json';
  if (json) writeJsonFileStart(writer, task.display, encoding, task.fix ? fixesApplied : undefined);
  let first = true;
  for (const f of findings) {
    const d = { code: f.code, severity: f.severity, range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) }, message: f.message };
    if (json) writeJsonDiagnostic(writer, d, first);
    else writer.utf8(textLine(task.display, d));
    first = false;
  }
  if (json) writeJsonFileEnd(writer, !first);
  return writer.take();
}

/** Reused for every file this thread reads: the bytes are decoded before the next read, and not kept. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The file's bytes (a view of `scratch`, valid until the next call) and its stat,
 * taken on the open file before reading it. As readFileSync: a regular file is
 * read up to the size its stat gave, anything else to its end.
 */
function readFile(file: string): { buf: Buffer; stat: Stats } {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    const size = stat.isFile() ? stat.size : 0;
    if (size > scratch.length) scratch = Buffer.allocUnsafe(size);
    let len = 0;
    for (;;) {
      if (size > 0 && len >= size) break;
      if (len === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, len);
        scratch = bigger;
      }
      const n = readSync(fd, scratch, len, (size > 0 ? size : scratch.length) - len, null);
      if (n === 0) break;
      len += n;
    }
    return { buf: scratch.subarray(0, len), stat };
  } finally {
    closeSync(fd);
  }
}

export const MAX_FIX_ROUNDS = 5;

export function emptyOutcome(display: string, errors: string[] = []): Outcome {
  return { display, bytes: 0, diagnostics: [], rendered: new Uint8Array(0), findingCount: 0, errorCount: 0, warningCount: 0, fixesApplied: 0, errors };
}

/** A file read and decoded, waiting for its analysis. */
interface Read {
  task: Task;
  out: Outcome;
  before: Stats;
  decoded: { text: string; encoding: EncodingLabel; roundTrips: boolean };
}

/** Reads and decodes the task's file; undefined (with the error in `out`) when it cannot. */
function readTask(task: Task, out: Outcome): Read | undefined {
  let buf: Buffer;
  let before: Stats;
  try {
    ({ buf, stat: before } = readFile(task.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    out.errors.push(code === 'ENOENT' ? 'no such file (deleted during the run?)' : `cannot read (${code ?? String(e)})`);
    return undefined;
  }
  out.bytes = buf.length;
  const decoded = decodeBytes(buf);
  if ('error' in decoded) {
    out.errors.push(decoded.error);
    return undefined;
  }
  out.encoding = decoded.encoding;
  return { task, out, before, decoded };
}

/** With --fix, the fix rounds and the write; then the file's counts and its part of the output. */
function finish(r: Read, analysed: readonly Finding[]): Outcome {
  const { task, out, before, decoded } = r;
  let text = decoded.text;
  let findings = keep(text, analysed, task);
  if (task.fix) {
    let applied = 0;
    const original = text;
    const originalFindings = findings;
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const edits = pickSafeEdits(text, findings);
      if (edits.fixes === 0) break;
      const next = applyEdits(text, edits.edits);
      if (next === text) break;
      text = next;
      applied += edits.fixes;
      findings = findingsOf(text, task);
    }
    if (text !== original) {
      if (!decoded.roundTrips) {
        out.errors.push(`not fixed, left unchanged: its ${decoded.encoding} bytes do not survive re-encoding unchanged`);
        text = original;
        findings = originalFindings;
      } else {
        const err = writeAtomically(task.file, text, decoded.encoding, before);
        if (err) {
          out.errors.push(`not fixed, left unchanged: ${err}`);
          text = original;
          findings = originalFindings;
        } else out.fixesApplied = applied;
      }
    }
  }
  out.findingCount = findings.length;
  for (const f of findings) {
    if (f.severity === 'error') out.errorCount++;
    else if (f.severity === 'warning') out.warningCount++;
  }
  if (task.format === 'sarif') out.diagnostics = toDiagnostics(text, findings);
  else out.rendered = render(task, decoded.encoding, out.fixesApplied, text, findings);
  return out;
}

const internalError = (t: Task, e: unknown): Outcome => emptyOutcome(t.display, [`internal error: ${e instanceof Error ? e.message : String(e)}`]);

/** One file through the checker. Never throws: a failure becomes the file's error. */
export function runTask(task: Task): Outcome {
  try {
    const out = emptyOutcome(task.display);
    const r = readTask(task, out);
    if (!r) return out;
    return finish(r, analyze(r.decoded.text, optionsOf(task)).findings);
  } catch (e) {
    return internalError(task, e);
  }
}

function optionsOf(task: Task): AnalyzeOptions {
  return { locale: task.locale, mode: task.mode, rules: task.rules, typos: task.typos };
}

/**
 * Files through the checker, the same outcomes as runTask on each, with the analyses of up to
 * BATCH_SIZE files run stage by stage (analyzeBatch: a stage's code and tables stay in the
 * caches across the files). Never throws; if a batch's analysis fails, its files are checked
 * one by one, so that the failure is only the failing file's.
 */
export function runTasks(tasks: readonly Task[]): Outcome[] {
  const outcomes: Outcome[] = [];
  for (let from = 0; from < tasks.length; from += BATCH_SIZE) {
    const chunk = tasks.slice(from, from + BATCH_SIZE);
    const slots: Array<Outcome | Read> = chunk.map((t) => {
      try {
        const out = emptyOutcome(t.display);
        return readTask(t, out) ?? out;
      } catch (e) {
        return internalError(t, e);
      }
    });
    const reads = slots.filter((x): x is Read => 'decoded' in x);
    let analyses: Analysis[] | undefined;
    try {
      analyses = analyzeBatch(
        reads.map((r) => r.decoded.text),
        reads.map((r) => optionsOf(r.task)),
      );
    } catch {
      analyses = undefined;
    }
    let k = 0;
    for (let i = 0; i < chunk.length; i++) {
      const slot = slots[i] as Outcome | Read;
      if (!('decoded' in slot)) {
        outcomes.push(slot);
        continue;
      }
      const analysis = analyses?.[k++];
      if (!analysis) {
        outcomes.push(runTask(chunk[i] as Task));
        continue;
      }
      try {
        outcomes.push(finish(slot, analysis.findings));
      } catch (e) {
        outcomes.push(internalError(slot.task, e));
      }
    }
  }
  return outcomes;
}
