/**
 * Settings under `bulletinCheck.`, read per document (scope: resource) and cached
 * per document URI until the configuration changes. Bad values are replaced by
 * defaults, and each bad key is reported once.
 */
import type { Connection } from 'vscode-languageserver';
import type { PlainTextMode } from '../core/analyze';
import { RULE_CODES, type RuleCode, type SeveritySetting } from '../core/types';

export interface Settings {
  plainText: PlainTextMode;
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  maxProblems: number;
  /** Documents longer than this many characters are not analysed (one information diagnostic says so). */
  maxFileSize: number;
  /** Analysis time budget per document, in milliseconds. */
  timeBudgetMs: number;
  /** Σ hints after each breakdown. */
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = { plainText: 'auto', rules: {}, maxProblems: 1000, maxFileSize: 500_000, timeBudgetMs: 1000, inlayHints: true };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function sanitize(raw: unknown, report: (message: string) => void): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === null || raw === undefined) return out;
  if (typeof raw !== 'object') {
    report(`bulletinCheck: settings must be an object; using defaults`);
    return out;
  }
  const r = raw as Record<string, unknown>;
  if (r.plainText !== undefined) {
    if (r.plainText === 'auto' || r.plainText === 'always' || r.plainText === 'off') out.plainText = r.plainText;
    else report(`bulletinCheck.plainText: expected "auto", "always" or "off", got ${JSON.stringify(r.plainText)}; using "auto"`);
  }
  if (r.maxProblems !== undefined) {
    if (typeof r.maxProblems === 'number' && Number.isFinite(r.maxProblems) && r.maxProblems >= 1) out.maxProblems = Math.floor(r.maxProblems);
    else report(`bulletinCheck.maxProblems: expected a positive number, got ${JSON.stringify(r.maxProblems)}; using 1000`);
  }
  for (const [key, min, fallback] of [['maxFileSize', 1, 500_000], ['timeBudgetMs', 10, 1000]] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min) out[key] = Math.floor(v);
    else report(`bulletinCheck.${key}: expected a number ≥ ${min}, got ${JSON.stringify(v)}; using ${fallback}`);
  }
  if (r.inlayHints !== undefined) {
    if (typeof r.inlayHints === 'boolean') out.inlayHints = r.inlayHints;
    else report(`bulletinCheck.inlayHints: expected true or false, got ${JSON.stringify(r.inlayHints)}; using true`);
  }
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null) report(`bulletinCheck.rules: expected an object; ignoring it`);
    else {
      for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!(RULE_CODES as readonly string[]).includes(k)) report(`bulletinCheck.rules.${k}: unknown rule; ignoring it`);
        else if (typeof v !== 'string' || !SEVERITIES.has(v)) report(`bulletinCheck.rules.${k}: expected error|warning|information|hint|off, got ${JSON.stringify(v)}; using the default`);
        else out.rules[k as RuleCode] = v as SeveritySetting;
      }
    }
  }
  return out;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetch(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private async fetch(uri: string): Promise<Settings> {
    if (!this.canPull()) return DEFAULT_SETTINGS;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'bulletinCheck' });
      return sanitize(raw, (m) => {
        if (this.reported.has(m)) return;
        this.reported.add(m);
        this.connection.console.warn(m);
        void this.connection.window.showWarningMessage(m);
      });
    } catch (e) {
      this.connection.console.error(`bulletinCheck: could not read settings: ${String(e)}`);
      return DEFAULT_SETTINGS;
    }
  }
}
