/** Command-line parsing for `bulletin-check check` and `facts`. */
import { availableParallelism } from 'node:os';
import { toLocale, type Locale } from '../core/messages';
import { RULE_CODES, type Severity } from '../core/types';
import { isRuleCode, SEVERITY_SETTINGS, type RuleSettings } from '../core/config';

/**
 * Automatic --jobs: below this many bytes in total, one thread. Measured with
 * scripts/bench-cli.mjs on the project's machine (2 cores), 2026-11-23, with the
 * machine nearly idle (load 1.3): the pool (this thread + 1 worker) gave 0.74× at
 * 2 MB, 0.84× at 4 MB, 0.98× at 8 MB and 1.26× at 20 MB — each worker's warm-up
 * (cold JIT, lazily built tables: about 1.2 s of CPU) is amortised from about
 * 10 MB. Once the analysis got twice as fast (same day, later), the main thread's
 * share (reading, decoding, JSON output) grew and the pool gave 0.95× at 20 MB and
 * never more than 1.05× up to 8 MB. Workers now start on their own from 40 MB (not
 * measured beyond 20 MB); --jobs N forces them. 2026-12-04, after the output got
 * rendered per file (workers send bytes, not diagnostics) and workers get work only
 * once loaded: on the same machine, but shared with another benchmark (load 3–5),
 * the pool still never won up to 8 MB (0.46–0.78×) and gave 0.88× at 20 MB, so the
 * threshold stays; worth measuring again on an idle machine.
 */
export const WORKER_THRESHOLD_BYTES = 40_000_000;

export const USAGE = `usage: bulletin-check check [options] <files, folders, globs or - …>
       bulletin-check facts [--csv] <files, folders, globs or - …>

Paths: files; folders (recursive: *.txt, *.bulletin); glob patterns with *, ?
and ** (quote them: 'corpus/**/*.txt'); - reads a list of paths from stdin,
one per line. Encodings are detected per file: UTF-8 (with or without BOM),
UTF-16LE/BE (with BOM), GB18030/GBK, Big5.

check options:
  --format text|json|sarif   output (default text: path:line:col: severity code message)
  --lang en|zh-cn            message language (default en)
  --fix                      apply every safe fix, write the files back in place
                             (same encoding, BOM and line endings), print a summary
  --rules code=severity,…    override rule severities: error, warning, information,
                             hint or off (after .bulletincheck.json)
  --severity level           report only findings at or above error, warning,
                             information or hint (default hint: everything)
  --jobs N                   analyse on N threads: this one and N-1 worker threads
                             (1: no workers; default: one per core from ${WORKER_THRESHOLD_BYTES / 1e6} MB of input)
  -h, --help                 this text

Configuration: the nearest .bulletincheck.json in the file's folder or above
(else in the current directory); schema: schemas/bulletincheck.schema.json.
Exit codes: 0 no errors, 1 errors found, 2 usage, input, configuration or write
problem (reported on stderr; everything else is still checked).`;

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  format: Format;
  locale: Locale;
  fix: boolean;
  rules: RuleSettings;
  minSeverity: Severity;
  /** undefined: automatic (workers only for large inputs). */
  jobs?: number;
  paths: string[];
}

export type Parsed<T> = { ok: T } | { error: string };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function parseRules(spec: string): Parsed<RuleSettings> {
  const rules: RuleSettings = {};
  for (const item of spec.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    const code = (eq < 0 ? item : item.slice(0, eq)).trim();
    const sev = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!isRuleCode(code)) return { error: `--rules: unknown rule "${code}" (rules: ${RULE_CODES.join(', ')})` };
    if (!(SEVERITY_SETTINGS as readonly string[]).includes(sev)) return { error: `--rules: ${code}=${sev}: severity must be error, warning, information, hint or off` };
    rules[code] = sev as RuleSettings[typeof code];
  }
  return { ok: rules };
}

export function parseCheckArgs(rest: readonly string[]): Parsed<CheckArgs> {
  const out: CheckArgs = { format: 'text', locale: 'en', fix: false, rules: {}, minSeverity: 'hint', paths: [] };
  let format = 'text';
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (onlyPaths || a === '-' || !a.startsWith('-')) {
      out.paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takesValue = ['--format', '--lang', '--rules', '--severity', '--jobs'].includes(name);
    let value: string | undefined;
    if (takesValue) {
      value = eq > 0 ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) return { error: `${name} needs a value` };
    } else if (eq > 0) return { error: `unknown option ${a}` };
    switch (name) {
      case '--format':
        format = value as string;
        break;
      case '--lang':
        out.locale = toLocale(value);
        break;
      case '--fix':
        out.fix = true;
        break;
      case '--rules': {
        const r = parseRules(value as string);
        if ('error' in r) return r;
        Object.assign(out.rules, r.ok);
        break;
      }
      case '--severity':
        if (!(SEVERITIES as readonly string[]).includes(value as string)) return { error: `--severity must be error, warning, information or hint` };
        out.minSeverity = value as Severity;
        break;
      case '--jobs': {
        const v = value as string;
        const n = v === 'auto' ? undefined : /^[0-9]+$/.test(v) ? Number(v) : NaN;
        if (n !== undefined && !(n >= 1 && n <= 256)) return { error: `--jobs must be a number from 1 to 256 (or auto)` };
        out.jobs = n;
        break;
      }
      default:
        return { error: `unknown option ${a}` };
    }
  }
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return { error: `--format must be text, json or sarif` };
  out.format = format;
  if (out.paths.length === 0) return { error: 'no files given' };
  return { ok: out };
}

export function defaultJobs(): number {
  return availableParallelism();
}
