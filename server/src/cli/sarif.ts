/**
 * SARIF 2.1.0 output (https://docs.oasis-open.org/sarif/sarif/v2.1.0/). Lines
 * and columns are 1-based; columns count UTF-16 code units (the run says so with
 * columnKind "utf16CodeUnits"). Paths are relative to %SRCROOT% (the working
 * directory) when they are below it, absolute file: URIs otherwise.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CODES, type RuleCode, type Severity } from '../core/types';
import { IANA_NAME } from './encoding';
import type { Outcome, Range } from './pipeline';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Partial: a rule code added to the core later falls back to its own name. */
export const RULE_DESCRIPTIONS: Partial<Record<RuleCode, string>> & Record<string, string | undefined> = {
  'breakdown-sum': 'The parts of a total do not add up to it.',
  'part-exceeds-total': 'In a subset, a part or the sum of the parts exceeds the total.',
  'conflicting-repeat': 'The same figure (category, qualifier, origin, place, period) is stated twice with different values.',
  identity: '现有确诊 = 累计确诊 − 累计治愈出院 − 累计死亡 does not hold.',
  'invalid-date': 'A date or time that cannot exist, a period that ends before it starts, or an as-of time after publication.',
  percent: 'A share above 100%, or a stated share that disagrees with its figures.',
  typo: 'A misspelling of an epidemic-reporting term.',
  'place-name': 'A misspelt or unknown place name.',
  'inconsistent-name': 'The same name written in different ways.',
  'duplicate-item': 'An item listed twice.',
  'punctuation-width': 'Half-width punctuation inside Chinese text.',
  'doubled-punctuation': 'A run of punctuation left by a scraper.',
  'pinyin-residue': 'A pinyin annotation copied after a character by a scraper.',
  mojibake: 'Text damaged by a wrong decoding.',
  'broken-line': 'A paragraph cut mid-sentence by the page layout.',
  'spaced-word': 'A word letter-spaced by the page layout.',
  'web-residue': 'A line copied from the web page around the article (breadcrumbs, share prompts, credits).',
  'not-analysed': 'The document was too large, or its analysis ran out of time: some checks did not run.',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A relative URI reference (percent-encoded per segment) under %SRCROOT%, or an absolute file: URI. */
function artifactLocation(display: string, cwd: string, index: number) {
  const abs = resolve(cwd, display);
  const rel = isAbsolute(display) ? undefined : display.split(sep).join('/');
  if (rel !== undefined && !rel.startsWith('../') && rel !== '..') {
    return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%', index };
  }
  return { uri: pathToFileURL(abs).href, index };
}

export interface SarifInput {
  cwd: string;
  version?: string;
  outcomes: readonly Outcome[];
  /** Input, write and configuration problems: [message, path?]. */
  notifications: Array<{ message: string; path?: string }>;
}

export function toSarif(input: SarifInput): unknown {
  const ruleIndex = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));
  const artifacts: unknown[] = [];
  const results: unknown[] = [];
  for (const o of input.outcomes) {
    if (o.encoding === undefined) continue;
    const index = artifacts.length;
    const loc = artifactLocation(o.display, input.cwd, index);
    artifacts.push({
      location: loc.uriBaseId ? { uri: loc.uri, uriBaseId: loc.uriBaseId } : { uri: loc.uri },
      length: o.bytes,
      encoding: IANA_NAME[o.encoding],
      properties: { encoding: o.encoding, ...(o.fixesApplied > 0 ? { fixesApplied: o.fixesApplied } : {}) },
    });
    for (const d of o.diagnostics) {
      const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: loc, region: region(d.range) } }],
        properties: { severity: d.severity },
      };
      if (d.related.length > 0) {
        result.relatedLocations = d.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: loc, region: region(r.range) },
        }));
      }
      if (d.fixes.length > 0) {
        result.fixes = d.fixes.map((f) => ({
          description: { text: f.title },
          artifactChanges: [
            {
              artifactLocation: loc,
              replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            },
          ],
        }));
      }
      results.push(result);
    }
  }
  const driver: Record<string, unknown> = {
    name: 'bulletin-check',
    rules: RULE_CODES.map((code) => ({
      id: code,
      name: code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: RULE_DESCRIPTIONS[code] ?? code },
    })),
  };
  if (input.version) driver.version = input.version;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(input.cwd.endsWith(sep) ? input.cwd : input.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
        invocations: [
          {
            executionSuccessful: input.notifications.length === 0,
            toolExecutionNotifications: input.notifications.map((n) => {
              const note: Record<string, unknown> = { level: 'error', message: { text: n.message } };
              if (n.path) {
                const loc = artifactLocation(n.path, input.cwd, -1);
                note.locations = [{ physicalLocation: { artifactLocation: loc.uriBaseId ? { uri: loc.uri, uriBaseId: loc.uriBaseId } : { uri: loc.uri } } }];
              }
              return note;
            }),
          },
        ],
      },
    ],
  };
}
