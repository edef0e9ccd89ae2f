/**
 * `.bulletincheck.json`: the nearest one in the file's folder or a parent folder
 * applies (else the one in the current directory). Schema:
 * schemas/bulletincheck.schema.json. A broken file is reported once per problem,
 * naming the key or the parse position; whatever else in it is valid still
 * applies, and the run continues (and exits 2 at the end).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RULE_CODES, type RuleCode, type SeveritySetting } from '../core/types';
import type { TypoEntry } from '../core/rules/typo';
import { compileRelative } from './glob';

export const CONFIG_NAME = '.bulletincheck.json';

export type RuleSettings = Partial<Record<RuleCode, SeveritySetting>>;

export interface IgnoreEntry {
  rule?: RuleCode;
  text?: string;
}

export interface Config {
  /** Folder of the config file (override globs are relative to it). */
  dir: string;
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
export function sanitizeConfig(raw: unknown, dir: string, report: (m: string) => void): Config {
  const cfg: Config = { dir, rules: {}, ignore: [], typos: [], accept: [], overrides: [] };
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
    for (const k of Object.keys(o)) if (k !== 'rule' && k !== 'text') return report(`${where}.${k}: unknown key; ignoring the entry`);
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
    for (const k of Object.keys(o)) if (!['wrong', 'right', 'reason', 'before', 'after'].includes(k)) return report(`${where}.${k}: unknown key; ignoring the entry`);
    if (!nonEmptyString(o.wrong)) return report(`${where}.wrong: expected a non-empty string; ignoring the entry`);
    if (typeof o.right !== 'string') return report(`${where}.right: expected a string; ignoring the entry`);
    if (o.wrong === o.right) return report(`${where}: "wrong" and "right" are the same; ignoring the entry`);
    const entry: TypoEntry = { wrong: o.wrong, right: o.right };
    if (o.reason !== undefined) {
      if (typeof o.reason !== 'string') return report(`${where}.reason: expected a string; ignoring the entry`);
      entry.reason = o.reason;
    }
    for (const k of ['before', 'after'] as const) {
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

export function loadConfig(path: string, report: (m: string) => void): Config {
  const dir = dirname(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    report(`cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)}); using defaults`);
    return sanitizeConfig({}, dir, report);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    report(`not valid JSON at ${parsePosition(text, e instanceof Error ? e.message : String(e))}; using defaults`);
    return sanitizeConfig({}, dir, report);
  }
  return sanitizeConfig(raw, dir, report);
}

/** Finds and caches the config of each folder. Problems are reported once per config file. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Config | null>();
  private readonly loaded = new Map<string, Config>();
  readonly problems: string[] = [];

  constructor(private readonly cwd: string) {}

  private load(path: string): Config {
    let c = this.loaded.get(path);
    if (!c) {
      const shown = relative(this.cwd, path) || path;
      c = loadConfig(path, (m) => this.problems.push(`${shown}: ${m}`));
      this.loaded.set(path, c);
    }
    return c;
  }

  private nearest(dir: string): Config | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: Config | null = null;
    const candidate = join(dir, CONFIG_NAME);
    let isFile = false;
    try {
      isFile = statSync(candidate).isFile();
    } catch {
      isFile = false;
    }
    if (isFile) found = this.load(candidate);
    else {
      const parent = dirname(dir);
      found = parent !== dir ? this.nearest(parent) : null;
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** The config for a file: the nearest in its folder or above, else the current directory's. */
  forFile(file: string): Config | null {
    return this.nearest(dirname(resolve(file))) ?? this.nearest(this.cwd);
  }
}

/** Rule severities for one file: config rules, then matching overrides in order. */
export function rulesFor(cfg: Config | null, file: string): RuleSettings {
  if (!cfg) return {};
  const rules: RuleSettings = { ...cfg.rules };
  if (cfg.overrides.length > 0) {
    const rel = relative(cfg.dir, resolve(file)).split(sep).join('/');
    for (const o of cfg.overrides) if (o.match(rel)) Object.assign(rules, o.rules);
  }
  return rules;
}
