/**
 * bulletin-check: the command-line checker, on the same core as the server.
 *
 *   bulletin-check check [options] <files, folders, globs or - …>
 *   bulletin-check facts [--csv] <files, folders, globs or - …>
 *
 * Exit codes: 0 no errors, 1 errors found, 2 usage, input, configuration or
 * write problem. The same file is also the worker-thread entry (workerData.bulletinCheckWorker).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ignoresForPath } from './core/config';
import { analyze } from './core/analyze';
import { csvHeader, toCsvRows, toFacts } from './core/facts';
import { defaultJobs, parseCheckArgs, USAGE, WORKER_THRESHOLD_BYTES, type CheckArgs } from './cli/args';
import { ConfigResolver, relativeToConfig, rulesFor } from './cli/config';
import { discover, type InputFile } from './cli/discover';
import { decodeBytes } from './cli/encoding';
import { runAll, serveTasks } from './cli/pool';
import { SEVERITY_RANK, type Outcome, type Task } from './cli/pipeline';
import { Progress } from './cli/progress';
import { jsonDocument } from './cli/render';
import { toSarif } from './cli/sarif';


function usageError(message: string): number {
  process.stderr.write(`bulletin-check: ${message}\n${USAGE}\n`);
  return 2;
}

function toolVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function extMode(file: string): 'always' | 'auto' {
  return file.toLowerCase().endsWith('.bulletin') ? 'always' : 'auto';
}

async function check(args: CheckArgs): Promise<number> {
  const cwd = process.cwd();
  const { files, errors: discoveryErrors } = discover(args.paths, cwd);
  const configs = new ConfigResolver(cwd);
  const tasks: Task[] = files.map((f: InputFile) => {
    const cfg = configs.forFile(f.file);
    return {
      file: f.file,
      display: f.display,
      locale: args.locale,
      mode: extMode(f.file),
      rules: { ...rulesFor(cfg, f.file), ...args.rules },
      typos: cfg?.typos ?? [],
      // without the per-file matchers: tasks travel to worker threads as plain data
      ignore: cfg ? ignoresForPath(cfg, relativeToConfig(cfg, f.file)).map(({ rule, text }) => ({ ...(rule ? { rule } : {}), ...(text ? { text } : {}) })) : [],
      accept: cfg?.accept ?? [],
      minSeverity: args.minSeverity,
      fix: args.fix,
      format: args.format,
    };
  });
  for (const p of configs.problems) process.stderr.write(`bulletin-check: ${p}\n`);

  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  const jobs = args.jobs ?? (totalBytes >= WORKER_THRESHOLD_BYTES ? defaultJobs() : 1);
  const progress = new Progress(tasks.length);
  let outcomes: Outcome[];
  try {
    outcomes = await runAll(tasks, files.map((f) => f.size), jobs, (o) => progress.update(o.bytes, o.findingCount));
  } finally {
    progress.end();
  }

  const notifications: Array<{ message: string; path?: string }> = [];
  for (const e of discoveryErrors) notifications.push({ message: e });
  for (const p of configs.problems) notifications.push({ message: p });
  let errors = 0;
  let warnings = 0;
  let fixes = 0;
  let fixedFiles = 0;
  for (const o of outcomes) {
    for (const e of o.errors) notifications.push({ message: `${o.display}: ${e}`, path: o.display });
    errors += o.errorCount;
    warnings += o.warningCount;
    if (o.fixesApplied > 0) {
      fixes += o.fixesApplied;
      fixedFiles++;
    }
  }
  for (const e of discoveryErrors) process.stderr.write(`bulletin-check: ${e}\n`);
  for (const o of outcomes) for (const e of o.errors) process.stderr.write(`bulletin-check: ${o.display}: ${e}\n`);
  const checked = outcomes.filter((o) => o.encoding !== undefined);

  if (args.format === 'json') {
    // JSON.stringify({files, errors}, null, 2) + '\n', from the files' rendered elements
    const files = checked.map((o) => o.rendered);
    for (const piece of jsonDocument(files, notifications.map((n) => n.message))) process.stdout.write(piece);
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif({ cwd, version: toolVersion(), outcomes: checked, notifications }), null, 2) + '\n');
  } else {
    let parts: Uint8Array[] = [];
    let size = 0;
    for (const o of checked) {
      parts.push(o.rendered);
      size += o.rendered.length;
      if (size >= 1 << 20) {
        process.stdout.write(Buffer.concat(parts));
        parts = [];
        size = 0;
      }
    }
    process.stdout.write(Buffer.concat(parts));
  }
  if (args.fix) {
    for (const o of checked) if (o.fixesApplied > 0) process.stderr.write(`${o.display}: ${o.fixesApplied} fix(es) applied\n`);
    process.stderr.write(`${fixes} fix(es) applied in ${fixedFiles} file(s)\n`);
  }
  if (args.format === 'text') {
    const min = SEVERITY_RANK[args.minSeverity] < SEVERITY_RANK.hint ? ` (${args.minSeverity} and above)` : '';
    process.stderr.write(`${checked.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)${min}\n`);
  }
  if (notifications.length > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/** bulletin-check facts: the model of each document as JSON Lines (or one figure per CSV row). */
function facts(args: readonly string[]): number {
  let csv = false;
  const paths: string[] = [];
  let onlyPaths = false;
  for (const a of args) {
    if (onlyPaths || a === '-' || !a.startsWith('-')) paths.push(a);
    else if (a === '--') onlyPaths = true;
    else if (a === '--csv') csv = true;
    else return usageError(`unknown option ${a}`);
  }
  if (paths.length === 0) return usageError('no files given');
  const { files, errors } = discover(paths, process.cwd());
  const inputErrors = [...errors];
  if (csv) process.stdout.write(csvHeader() + '\n');
  for (const f of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(f.file);
    } catch (e) {
      inputErrors.push(`${f.display}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    const decoded = decodeBytes(buf);
    if ('error' in decoded) {
      inputErrors.push(`${f.display}: ${decoded.error}`);
      continue;
    }
    const model = toFacts(f.display, decoded.text, analyze(decoded.text, { mode: 'always' }));
    if (csv) for (const row of toCsvRows(model)) process.stdout.write(row + '\n');
    else process.stdout.write(JSON.stringify(model) + '\n');
  }
  for (const e of inputErrors) process.stderr.write(`bulletin-check: ${e}\n`);
  return inputErrors.length > 0 ? 2 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
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
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const parsed = parseCheckArgs(rest);
  if ('error' in parsed) return usageError(parsed.error);
  return check(parsed.ok);
}

if (!isMainThread && (workerData as { bulletinCheckWorker?: boolean } | undefined)?.bulletinCheckWorker && parentPort) {
  serveTasks(parentPort);
} else {
  // A closed pipe (| head) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bulletin-check: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
