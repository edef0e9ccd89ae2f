/** Analyses a document and publishes its diagnostics and a status summary. */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { filterFindings, ignoresForPath, rulesForPath } from '../../core/config';
import { localized } from '../../core/messages';
import { checkCounts } from '../../core/present/model';
import type { Locale } from '../../core/messages';
import { analyseInSlices } from '../analyseInSlices';
import { toDiagnostic } from '../convert';
import type { DocumentStates } from '../documentState';
import type { SettingsCache } from '../settings';
import type { WorkspaceConfigs } from '../workspaceConfig';

const CAPPED = {
  en: '{0} more problems are not shown (setting bulletinCheck.maxProblems = {1}).',
  zh: '另有 {0} 个问题未显示(设置 bulletinCheck.maxProblems = {1})。',
};

export const STATUS_NOTIFICATION = 'bulletinCheck/status';

export interface StatusParams {
  uri: string;
  analysed: boolean;
  figures: number;
  totals: number;
  inconsistent: number;
  problems: number;
}

export async function validate(
  connection: Connection,
  doc: TextDocument,
  states: DocumentStates,
  settings: SettingsCache,
  locale: Locale,
  configs?: WorkspaceConfigs,
): Promise<void> {
  const generation = states.bump(doc.uri);
  const s = await settings.get(doc.uri);
  if (!states.isCurrent(doc.uri, generation)) return; // a newer edit superseded this one
  const mode = doc.languageId === 'bulletin' ? 'always' : s.plainText;
  const text = doc.getText();
  // The workspace file first, the user's settings over it.
  const ws = configs?.forDocument(doc.uri);
  const rules = { ...rulesForPath(ws?.config, ws?.relPath ?? ''), ...s.rules };
  const stale = (): boolean => !states.isCurrent(doc.uri, generation);
  const analysis = await analyseInSlices(text, {
    locale,
    rules,
    mode,
    typos: ws?.config.typos ?? [],
    maxLength: s.maxFileSize,
    timeBudgetMs: s.timeBudgetMs,
    isCancelled: stale,
  });
  // A newer edit came in while this ran: it stopped early, and the newer one publishes.
  if (analysis.cancelled || stale()) return;
  if (ws) analysis.findings = filterFindings(text, analysis.findings, ignoresForPath(ws.config, ws.relPath), ws.config.accept);
  for (const p of analysis.problems) connection.console.warn(`bulletin-check: ${doc.uri}: ${p.message}`);
  const all = analysis.findings.map((f) => toDiagnostic(doc, f));
  const diagnostics = all.slice(0, s.maxProblems);
  if (all.length > s.maxProblems) {
    // Say so, rather than drop problems silently.
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      code: 'not-analysed',
      source: 'bulletin-check',
      message: localized(locale, CAPPED, all.length - s.maxProblems, s.maxProblems),
    });
  }
  states.set(doc.uri, { version: doc.version, analysis, diagnostics: all, locale });
  await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  // The same counts as the code lens and the summary view.
  const counts = checkCounts(analysis);
  const status: StatusParams = {
    uri: doc.uri,
    analysed: analysis.isBulletin,
    figures: counts.figures,
    totals: counts.totals,
    inconsistent: counts.inconsistent,
    problems: all.length,
  };
  await connection.sendNotification(STATUS_NOTIFICATION, status);
}
