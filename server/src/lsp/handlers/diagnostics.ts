/** Analyses a document and publishes its diagnostics and a status summary. */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core/analyze';
import { checkCounts } from '../../core/present/model';
import type { Locale } from '../../core/messages';
import { toDiagnostic } from '../convert';
import type { DocumentStates } from '../documentState';
import type { SettingsCache } from '../settings';

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
): Promise<void> {
  const generation = states.bump(doc.uri);
  const s = await settings.get(doc.uri);
  if (!states.isCurrent(doc.uri, generation)) return; // a newer edit superseded this one
  const mode = doc.languageId === 'bulletin' ? 'always' : s.plainText;
  const analysis = analyze(doc.getText(), { locale, rules: s.rules, mode });
  for (const p of analysis.problems) connection.console.warn(`bulletin-check: ${doc.uri}: ${p.message}`);
  const all = analysis.findings.map((f) => toDiagnostic(doc, f));
  const diagnostics = all.slice(0, s.maxProblems);
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
