/**
 * bulletin-check: the command-line checker, on the same core as the server.
 *
 *   bulletin-check check [--format text|json] [--lang en|zh-cn] <files or folders…>
 *   bulletin-check facts [--csv] <files or folders…>
 *
 * Exit codes: 0 no errors, 1 errors found, 2 usage or input problem.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { analyze } from './core/analyze';
import { toLocale, type Locale } from './core/messages';
import { LineIndex } from './core/text/lineIndex';
import type { Finding } from './core/types';
import { csvHeader, toCsvRows, toFacts } from './core/facts';

const USAGE = `usage: bulletin-check check [--format text|json] [--lang en|zh-cn] <files or folders…>
       bulletin-check facts [--csv] <files or folders…>`;
const EXTENSIONS = new Set(['.txt', '.bulletin']);

interface FileResult {
  path: string;
  diagnostics: Array<{
    code: string;
    severity: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
  }>;
}

function collect(path: string, out: string[], errors: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    errors.push(`${path}: no such file or folder`);
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = join(path, name);
      let cst;
      try {
        cst = statSync(child);
      } catch {
        continue;
      }
      if (cst.isDirectory()) collect(child, out, errors);
      else if (EXTENSIONS.has(extname(name).toLowerCase())) out.push(child);
    }
  } else out.push(path);
}

function decode(buf: Buffer): { text: string } | { error: string } {
  if (buf.includes(0)) return { error: 'binary file (NUL bytes); not analysed' };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    (command === undefined ? process.stderr : process.stdout).write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === 'facts') return facts(rest);
  if (command !== 'check') {
    process.stderr.write(`bulletin-check: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  let format = 'text';
  let locale: Locale = 'en';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--format') format = rest[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--lang') locale = toLocale(rest[++i]);
    else if (a.startsWith('--lang=')) locale = toLocale(a.slice(7));
    else if (a.startsWith('-')) {
      process.stderr.write(`bulletin-check: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`bulletin-check: --format must be text or json\n`);
    return 2;
  }
  if (paths.length === 0) {
    process.stderr.write(`bulletin-check: no files given\n${USAGE}\n`);
    return 2;
  }
  const files: string[] = [];
  const inputErrors: string[] = [];
  for (const p of paths) collect(p, files, inputErrors);
  const results: FileResult[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      inputErrors.push(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    const decoded = decode(buf);
    if ('error' in decoded) {
      inputErrors.push(`${file}: ${decoded.error}`);
      continue;
    }
    const mode = extname(file).toLowerCase() === '.bulletin' ? 'always' : 'auto';
    const analysis = analyze(decoded.text, { locale, mode });
    const lines = new LineIndex(decoded.text);
    const diagnostics = analysis.findings.map((f: Finding) => {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      return {
        code: f.code,
        severity: f.severity,
        range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
        message: f.message,
      };
    });
    results.push({ path: relative(process.cwd(), file) || file, diagnostics });
  }
  for (const e of inputErrors) process.stderr.write(`bulletin-check: ${e}\n`);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        process.stdout.write(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    process.stderr.write(`${results.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  if (inputErrors.length > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/** bulletin-check facts: the model of each document as JSON Lines (or one figure per CSV row). */
function facts(args: string[]): number {
  let csv = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--csv') csv = true;
    else if (a.startsWith('-')) {
      process.stderr.write(`bulletin-check: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    process.stderr.write(`bulletin-check: no files given\n${USAGE}\n`);
    return 2;
  }
  const files: string[] = [];
  const inputErrors: string[] = [];
  for (const p of paths) collect(p, files, inputErrors);
  if (csv) process.stdout.write(csvHeader() + '\n');
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      inputErrors.push(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    const decoded = decode(buf);
    if ('error' in decoded) {
      inputErrors.push(`${file}: ${decoded.error}`);
      continue;
    }
    const path = relative(process.cwd(), file) || file;
    const f = toFacts(path, decoded.text, analyze(decoded.text, { mode: 'always' }));
    if (csv) for (const row of toCsvRows(f)) process.stdout.write(row + '\n');
    else process.stdout.write(JSON.stringify(f) + '\n');
  }
  for (const e of inputErrors) process.stderr.write(`bulletin-check: ${e}\n`);
  return inputErrors.length > 0 ? 2 : 0;
}

// A closed pipe (| head) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = main(process.argv.slice(2));
