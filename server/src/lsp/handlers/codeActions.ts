/**
 * Quick fixes. The fixes are taken from the server's analysis of the current version
 * (published diagnostics carry none: see DiagnosticData), for the findings at the
 * diagnostics the client sends and at the cursor; fixes that apply to another span
 * (a part of a sum) are offered when the cursor is on that span.
 * Also: "fix all of this kind" on each finding whose rule has safe fixes, the
 * `source.fixAll.bulletin` action (every safe fix; also on save), and "ignore in
 * this file" / "add to accepted words", which the client writes to .bulletincheck.json.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, toFixes, type FixData } from '../convert';
import type { ServerContext } from '../serve';
import { rangesIntersect, toOffset, toRange } from '../positions';
import { safeEdits } from '../../core/fixAll';
import { localized } from '../../core/messages';
import type { Finding, RuleCode } from '../../core/types';
import type { WorkspaceConfigs } from '../workspaceConfig';

export const FIX_ALL_KIND = 'source.fixAll.bulletin';
export const ADD_TO_CONFIG_COMMAND = 'bulletinCheck.addToConfig';

const T = {
  fixAllKind: { en: 'Fix all “{0}” problems in this document ({1})', zh: '修复本文档中所有“{0}”问题({1} 处)' },
  fixAll: { en: 'Fix all safe problems in this document', zh: '修复本文档中所有可安全修复的问题' },
  ignore: { en: 'Ignore “{0}” ({1}) in this file', zh: '在此文件中忽略“{0}”({1})' },
  accept: { en: 'Add “{0}” to the accepted words', zh: '将“{0}”加入接受的词语' },
};

/** What the client's addToConfig command writes to .bulletincheck.json. */
export interface AddToConfigArgs {
  folder: string;
  section: 'ignore' | 'accept';
  entry: { rule: RuleCode; text: string; files: string[] } | string;
}

/** Rules whose findings are about a word or a name, which a user may accept. */
const WORD_RULES = new Set<RuleCode>(['typo', 'place-name', 'inconsistent-name', 'spaced-word', 'duplicate-item']);

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Whether a diagnostic the client sent has this range and code (its data is never read). */
function isAt(d: Diagnostic, code: RuleCode, range: Range): boolean {
  const r = d.range as Partial<Range> | undefined;
  return d.code === code && !!r?.start && !!r.end && samePosition(r.start, range.start) && samePosition(r.end, range.end);
}

function editsOf(doc: TextDocument, findings: readonly Finding[], code?: RuleCode) {
  return safeEdits(findings, code ? new Set([code]) : undefined).map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
}

/** VS Code's encoding ids for what the file's bytes are; undefined when it cannot be told. */
export type DetectEncoding = (uri: string) => string | undefined;

const REOPEN = { en: 'Reopen with Encoding {0}', zh: '以 {0} 编码重新打开' };
const ENCODING_NAMES: Record<string, string> = { gbk: 'GBK', gb18030: 'GB18030', cp950: 'Big5', big5hkscs: 'Big5-HKSCS' };

export function onCodeAction(ctx: Pick<ServerContext, 'current'>, configs?: WorkspaceConfigs, detectEncoding?: DetectEncoding) {
  return async (params: CodeActionParams): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    // The analysis of the current version (analysed again if it was dropped to save memory).
    const cur = await ctx.current(uri);
    if (!cur) return [];
    const { doc, state: state0 } = cur;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => k === kind || kind.startsWith(k + '.') || k === CodeActionKind.Empty);
    const findings = state0.analysis.findings;
    const locale = state0.locale;
    // Fix-all (explicitly asked for, or on save): every safe fix, one round of non-overlapping edits.
    if (only && !wants(CodeActionKind.QuickFix)) {
      if (!wants(FIX_ALL_KIND)) return [];
      const edits = editsOf(doc, findings);
      return edits.length > 0 ? [{ title: localized(locale, T.fixAll), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } }] : [];
    }
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    const push = (d: Diagnostic, fix: FixData, key: string) => {
      if (fix.edits.length === 0 || seen.has(key)) return;
      seen.add(key);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false, edit: { changes: { [uri]: fix.edits } } });
    };
    // The cursor in offsets: findings and the spans their fixes apply to are compared there.
    const cursor = params.range as Partial<Range> | undefined;
    const from = cursor?.start ? toOffset(doc, cursor.start) : -1;
    const to = cursor?.end ? toOffset(doc, cursor.end) : -1;
    const atCursor = (start: number, end: number) => from >= 0 && end >= from && start <= to;
    const sent = (params.context?.diagnostics ?? []).filter((d) => d?.source === SOURCE);
    findings.forEach((f, i) => {
      const published = state0.diagnostics[i] as Diagnostic;
      // Fixes on their own finding: offered at a diagnostic the client sent, or at the cursor.
      const asked = sent.find((d) => isAt(d, f.code, published.range));
      const own = asked !== undefined || atCursor(f.start, f.end);
      const elsewhere = f.fixes.some((x) => x.appliesTo && atCursor(x.appliesTo.start, x.appliesTo.end));
      if (!own && !elsewhere) return;
      const fixes = toFixes(doc, f);
      f.fixes.forEach((x, k) => {
        const fix = fixes[k] as FixData;
        const offered = x.appliesTo ? atCursor(x.appliesTo.start, x.appliesTo.end) : own;
        // The same edits reached from two findings are offered once; a document-wide fix once per finding.
        if (offered) push(asked ?? published, fix, x.scope === 'document' ? `${fix.title}@${i}` : fix.title + JSON.stringify(fix.edits));
      });
    });
    // A file opened in the wrong encoding: reopen it in the one its bytes are in (else offer GBK and Big5).
    for (const d of [...sent, ...state0.diagnostics]) {
      if (d.source !== SOURCE || (d.data as { action?: unknown } | undefined)?.action !== 'reopen-with-encoding') continue;
      if (!rangesIntersect(d.range, params.range)) continue;
      // Only an encoding the bytes were found to be in (not in the browser, where files cannot be read).
      const detected = detectEncoding?.(uri);
      for (const encoding of detected ? [detected] : []) {
        const title = localized(locale, REOPEN, ENCODING_NAMES[encoding] ?? encoding);
        if (seen.has(title)) continue;
        seen.add(title);
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title, command: 'bulletinCheck.reopenWithEncoding', arguments: [{ uri, encoding }] } });
      }
    }
    // Typo and punctuation fixes first; sum fixes are alternatives, none preferred.
    const single = actions.filter((a) => a.diagnostics?.[0]?.code !== 'breakdown-sum');
    for (const a of single) a.isPreferred = true;
    // For each finding at the cursor: fix all of its kind, ignore it, accept its word.
    const ws = configs?.forDocument(uri);
    const text = doc.getText();
    const done = new Set<string>();
    for (const [i, f] of findings.entries()) {
      if (!atCursor(f.start, f.end)) continue;
      const diagnostics = [state0.diagnostics[i] as Diagnostic];
      if (!done.has(`fix:${f.code}`) && f.fixes.some((x) => x.safe)) {
        done.add(`fix:${f.code}`);
        const sameKind = findings.filter((x) => x.code === f.code && x.fixes.some((y) => y.safe));
        const edits = editsOf(doc, findings, f.code);
        if (sameKind.length > 1 && edits.length > 0) {
          actions.push({ title: localized(locale, T.fixAllKind, f.code, sameKind.length), kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: edits } } });
        }
      }
      if (!ws) continue;
      const word = text.slice(f.start, f.end);
      if (word.length === 0 || word.length > 40 || word.includes('\n')) continue;
      const ignoreArgs: AddToConfigArgs = { folder: ws.folder, section: 'ignore', entry: { rule: f.code, text: word, files: [ws.relPath] } };
      actions.push({ title: localized(locale, T.ignore, word, f.code), kind: CodeActionKind.QuickFix, diagnostics, command: { title: 'ignore', command: ADD_TO_CONFIG_COMMAND, arguments: [ignoreArgs] } });
      if (WORD_RULES.has(f.code) && !done.has(`accept:${word}`)) {
        done.add(`accept:${word}`);
        const acceptArgs: AddToConfigArgs = { folder: ws.folder, section: 'accept', entry: word };
        actions.push({ title: localized(locale, T.accept, word), kind: CodeActionKind.QuickFix, diagnostics, command: { title: 'accept', command: ADD_TO_CONFIG_COMMAND, arguments: [acceptArgs] } });
      }
    }
    return actions;
  };
}
