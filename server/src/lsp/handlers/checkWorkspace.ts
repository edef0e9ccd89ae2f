/**
 * "Check Workspace": analyses files that are not open (the client lists them,
 * honouring files.exclude and bulletinCheck.include/exclude) and publishes their
 * diagnostics to the Problems panel, with work-done progress the user can cancel.
 * Files are read and decoded here (GB18030/GBK/Big5/UTF-16/UTF-8), so this runs in
 * the Node server only. The loop yields between files, so the editor's own requests
 * are served while it runs; open documents are left to the live analysis.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core/analyze';
import { filterFindings, ignoresForPath, rulesForPath } from '../../core/config';
import type { Locale } from '../../core/messages';
import { LineIndex } from '../../core/text/lineIndex';
import { decodeBytes } from '../../cli/encoding';
import { yieldToEventLoop } from '../analyseInSlices';
import { toPlainDiagnostic } from '../convert';
import type { SettingsCache } from '../settings';
import type { WorkspaceConfigs } from '../workspaceConfig';

export const CHECK_WORKSPACE_REQUEST = 'bulletinCheck/checkWorkspace';

export interface CheckWorkspaceParams {
  uris: string[];
}

export interface CheckWorkspaceResult {
  files: number;
  analysed: number;
  withProblems: number;
  problems: number;
  unreadable: number;
  cancelled: boolean;
}

const YIELD_EVERY = 20;


export function onCheckWorkspace(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  settings: SettingsCache,
  configs: WorkspaceConfigs,
  locale: () => Locale,
) {
  return async (params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> => {
    const uris = Array.isArray(params?.uris) ? params.uris.filter((u) => typeof u === 'string') : [];
    const result: CheckWorkspaceResult = { files: uris.length, analysed: 0, withProblems: 0, problems: 0, unreadable: 0, cancelled: false };
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Bulletin Check', 0, `0 / ${uris.length}`, true);
    const s = uris.length > 0 ? await settings.get(uris[0] as string) : undefined;
    const started = Date.now();
    try {
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested || progress.token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        if (i % YIELD_EVERY === 0) {
          progress.report(Math.floor((100 * i) / Math.max(1, uris.length)), `${i} / ${uris.length} · ${result.problems} problems`);
          await yieldToEventLoop();
        }
        const uri = uris[i] as string;
        if (documents.get(uri)) continue; // open: the live analysis owns it
        let text: string;
        try {
          const decoded = decodeBytes(await readFile(fileURLToPath(uri)));
          if ('error' in decoded) {
            result.unreadable++;
            continue;
          }
          text = decoded.text;
        } catch {
          result.unreadable++;
          continue;
        }
        const ws = configs.forDocument(uri);
        const mode = uri.toLowerCase().endsWith('.bulletin') ? 'always' : (s?.plainText ?? 'auto');
        const analysis = analyze(text, {
          locale: locale(),
          mode,
          rules: { ...rulesForPath(ws?.config, ws?.relPath ?? ''), ...(s?.rules ?? {}) },
          typos: ws?.config.typos ?? [],
          ...(s ? { maxLength: s.maxFileSize, timeBudgetMs: s.timeBudgetMs } : {}),
        });
        result.analysed++;
        const findings = ws ? filterFindings(text, analysis.findings, ignoresForPath(ws.config, ws.relPath), ws.config.accept) : analysis.findings;
        if (findings.length === 0) continue;
        result.withProblems++;
        result.problems += findings.length;
        const lines = new LineIndex(text);
        const at = { uri, positionAt: (offset: number) => lines.positionAt(offset) };
        const diagnostics = findings.slice(0, s?.maxProblems ?? 1000).map((f) => toPlainDiagnostic(at, f));
        await connection.sendDiagnostics({ uri, diagnostics });
      }
    } finally {
      const seconds = (Date.now() - started) / 1000;
      progress.done();
      connection.console.info(
        `bulletin-check: checked ${result.analysed} of ${result.files} files in ${seconds.toFixed(1)} s: ${result.problems} problems in ${result.withProblems} files` +
          (result.cancelled ? ' (cancelled)' : ''),
      );
    }
    return result;
  };
}
