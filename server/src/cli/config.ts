/**
 * `.bulletincheck.json`: the nearest one in the file's folder or a parent folder
 * applies (else the one in the current directory). Schema:
 * schemas/bulletincheck.schema.json. A broken file is reported once per problem,
 * naming the key or the parse position; whatever else in it is valid still
 * applies, and the run continues (and exits 2 at the end).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_NAME, parseConfig, rulesForPath, type RuleSettings, type WorkspaceConfig } from '../core/config';

export { CONFIG_NAME };


export type { IgnoreEntry, RuleSettings } from '../core/config';

export interface Config extends WorkspaceConfig {
  /** Folder of the config file (override and ignore globs are relative to it). */
  dir: string;
}

export function loadConfig(path: string, report: (m: string) => void): Config {
  const dir = dirname(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    report(`cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)}); using defaults`);
    text = '{}';
  }
  return { ...parseConfig(text, report), dir };
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

/** The path of a file relative to its configuration file's folder, with "/". */
export function relativeToConfig(cfg: Config, file: string): string {
  return relative(cfg.dir, resolve(file)).split(sep).join('/');
}

/** Rule severities for one file: config rules, then matching overrides in order. */
export function rulesFor(cfg: Config | null, file: string): RuleSettings {
  return cfg ? rulesForPath(cfg, relativeToConfig(cfg, file)) : {};
}
