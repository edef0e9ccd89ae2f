/**
 * The workspace configuration file `.bulletincheck.json` (schema:
 * schemas/bulletincheck.schema.json), shared by the CLI and the language server:
 * parsing and validation (every problem reported by key or parse position, the
 * valid rest kept), and how it applies to a document's findings. No file access
 * here: the CLI reads the file from disk, the editor sends its text.
 */
import { RULE_CODES, type Finding, type RuleCode, type SeveritySetting } from './types';
import type { TypoEntry } from './rules/typo';
import { compileRelative } from './text/globMatch';

export const CONFIG_NAME = '.bulletincheck.json';

export type RuleSettings = Partial<Record<RuleCode, SeveritySetting>>;

export interface IgnoreEntry {
  rule?: RuleCode;
  text?: string;
  /** Only in these files (globs relative to the configuration file); all files when absent. */
  files?: string[];
  match?: (relPath: string) => boolean;
}

export interface WorkspaceConfig {
  rules: RuleSettings;
  ignore: IgnoreEntry[];
  typos: TypoEntry[];
  accept: string[];
  overrides: Array<{ files: string[]; match: (rel: string) => boolean; rules: RuleSettings }>;
}

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;

export function isRuleCode(s: string): s is RuleCode {
  return (RULE_CODES as readonly string[]).includes(s);
}

function isSeverity(s: unknown): s is SeveritySetting {
  return typeof s === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(s);
}

/** "at position 42" in V8's JSON.parse message → line and column. */
function parsePosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  const cut = message.indexOf(' in JSON at position ');
  return `line ${line}, column ${col}: ${cut >= 0 ? message.slice(0, cut) : message}`;
}

function readRules(raw: unknown, where: string, report: (m: string) => void): RuleSettings {
  const out: RuleSettings = {};
  if (raw === undefined) return out;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(`${where}: expected an object of rule → severity; ignoring it`);
    return out;
  }
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!isRuleCode(k)) report(`${where}.${k}: unknown rule; ignoring it`);
    else if (!isSeverity(v)) report(`${where}.${k}: expected error|warning|information|hint|off, got ${JSON.stringify(v)}; using the default`);
    else out[k] = v;
  }
  return out;
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/** Validates a parsed config. Every problem is reported, the valid rest is kept. */
export function sanitizeConfig(raw: unknown, report: (m: string) => void): WorkspaceConfig {
  const cfg: WorkspaceConfig = { rules: {}, ignore: [], typos: [], accept: [], overrides: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(`expected a JSON object at the top level; using defaults`);
    return cfg;
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!['$schema', 'rules', 'ignore', 'typos', 'accept', 'overrides'].includes(key)) report(`${key}: unknown key; ignoring it`);
  }
  cfg.rules = readRules(r.rules, 'rules', report);
  const list = (key: string): unknown[] => {
    const v = r[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      report(`${key}: expected an array; ignoring it`);
      return [];
    }
    return v;
  };
  list('ignore').forEach((e, i) => {
    const where = `ignore[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return report(`${where}: expected an object {"rule", "text"}; ignoring it`);
    const o = e as Record<string, unknown>;
    const entry: IgnoreEntry = {};
    for (const k of Object.keys(o)) if (k !== 'rule' && k !== 'text' && k !== 'files') return report(`${where}.${k}: unknown key; ignoring the entry`);
    if (o.files !== undefined) {
      const files = typeof o.files === 'string' ? [o.files] : o.files;
      if (!Array.isArray(files) || files.length === 0 || !files.every(nonEmptyString)) return report(`${where}.files: expected a glob or an array of globs; ignoring the entry`);
      const matchers = (files as string[]).map(compileRelative);
      entry.files = files as string[];
      entry.match = (rel) => matchers.some((m) => m(rel));
    }
    if (o.rule !== undefined) {
      if (typeof o.rule !== 'string' || !isRuleCode(o.rule)) return report(`${where}.rule: unknown rule ${JSON.stringify(o.rule)}; ignoring the entry`);
      entry.rule = o.rule;
    }
    if (o.text !== undefined) {
      if (!nonEmptyString(o.text)) return report(`${where}.text: expected a non-empty string; ignoring the entry`);
      entry.text = o.text;
    }
    if (entry.rule === undefined && entry.text === undefined) return report(`${where}: needs "rule", "text" or both; ignoring the entry`);
    cfg.ignore.push(entry);
  });
  list('typos').forEach((e, i) => {
    const where = `typos[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return report(`${where}: expected an object {"wrong", "right"}; ignoring it`);
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!['wrong', 'right', 'reason', 'before', 'after', 'notAfter'].includes(k)) return report(`${where}.${k}: unknown key; ignoring the entry`);
    if (!nonEmptyString(o.wrong)) return report(`${where}.wrong: expected a non-empty string; ignoring the entry`);
    if (typeof o.right !== 'string') return report(`${where}.right: expected a string; ignoring the entry`);
    if (o.wrong === o.right) return report(`${where}: "wrong" and "right" are the same; ignoring the entry`);
    const entry: TypoEntry = { wrong: o.wrong, right: o.right };
    if (o.reason !== undefined) {
      if (typeof o.reason !== 'string') return report(`${where}.reason: expected a string; ignoring the entry`);
      entry.reason = o.reason;
    }
    for (const k of ['before', 'after', 'notAfter'] as const) {
      const v = o[k];
      if (v === undefined) continue;
      if (!Array.isArray(v) || !v.every(nonEmptyString)) return report(`${where}.${k}: expected an array of non-empty strings; ignoring the entry`);
      entry[k] = v as string[];
    }
    cfg.typos.push(entry);
  });
  list('accept').forEach((e, i) => {
    if (!nonEmptyString(e)) return report(`accept[${i}]: expected a non-empty string; ignoring it`);
    cfg.accept.push(e);
  });
  list('overrides').forEach((e, i) => {
    const where = `overrides[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return report(`${where}: expected an object {"files", "rules"}; ignoring it`);
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (k !== 'files' && k !== 'rules') return report(`${where}.${k}: unknown key; ignoring the entry`);
    const files = typeof o.files === 'string' ? [o.files] : o.files;
    if (!Array.isArray(files) || files.length === 0 || !files.every(nonEmptyString)) {
      return report(`${where}.files: expected a glob or an array of globs; ignoring the entry`);
    }
    const matchers = (files as string[]).map(compileRelative);
    cfg.overrides.push({ files: files as string[], match: (rel) => matchers.some((m) => m(rel)), rules: readRules(o.rules, `${where}.rules`, report) });
  });
  return cfg;
}


/** Parses the text of a configuration file. A broken file gives the defaults and one message. */
export function parseConfig(text: string, report: (m: string) => void): WorkspaceConfig {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    report(`not valid JSON at ${parsePosition(body, e instanceof Error ? e.message : String(e))}; using defaults`);
    return sanitizeConfig({}, report);
  }
  return sanitizeConfig(raw, report);
}

/** Rule severities for one file (path relative to the configuration file): rules, then matching overrides in order. */
export function rulesForPath(cfg: WorkspaceConfig | null | undefined, relPath: string): RuleSettings {
  if (!cfg) return {};
  const rules: RuleSettings = { ...cfg.rules };
  for (const o of cfg.overrides) if (o.match(relPath)) Object.assign(rules, o.rules);
  return rules;
}

/** The ignore entries that apply to a file (path relative to the configuration file). */
export function ignoresForPath(cfg: WorkspaceConfig | null | undefined, relPath: string): IgnoreEntry[] {
  return cfg ? cfg.ignore.filter((e) => !e.match || e.match(relPath)) : [];
}

/** Findings not ignored (by rule and/or exact text) and not inside an accepted text. */
export function filterFindings(text: string, findings: readonly Finding[], ignore: readonly IgnoreEntry[], accept: readonly string[]): Finding[] {
  if (ignore.length === 0 && accept.length === 0) return [...findings];
  const accepted: Array<[number, number]> = [];
  for (const a of accept) for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) accepted.push([i, i + a.length]);
  return findings.filter((f) => {
    for (const ig of ignore) {
      if (ig.rule !== undefined && ig.rule !== f.code) continue;
      if (ig.text !== undefined && text.slice(f.start, f.end) !== ig.text) continue;
      return false;
    }
    for (const [s, e] of accepted) if (f.start >= s && f.end <= e) return false;
    return true;
  });
}
