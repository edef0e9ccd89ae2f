/** Random incremental edits for the LSP soak test: a seeded PRNG and small edits at valid positions. */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const INSERTS: readonly string[] = [
  '1', '2', '9', '0', '13', '456', '例', '人', '万', '、', ',', ',', '。', '其中', '(', ')', '新增', '确诊病例',
  '平城区', '无症状感染者', '分别为', '各', '奥密戎', ',,', '\n', '\r\n', ' ', '😷', '截至', '24时',
];

export interface RandomEdit {
  change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
  kind: 'insert' | 'delete' | 'replace';
}

/** One random edit of doc: insert, delete or replace a few characters at a random valid position. */
export function randomEdit(doc: TextDocument, rnd: () => number, maxLength: number): RandomEdit {
  const text = doc.getText();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const tooLong = text.length > maxLength;
  const r = rnd();
  const kind: RandomEdit['kind'] = text.length === 0 ? 'insert' : tooLong || r < 0.3 ? 'delete' : r < 0.7 ? 'insert' : 'replace';
  const start = Math.floor(rnd() * (text.length + 1));
  let end = start;
  let newText = '';
  if (kind !== 'insert') end = Math.min(text.length, start + 1 + Math.floor(rnd() * (tooLong ? 40 : 4)));
  if (kind !== 'delete') newText = rnd() < 0.3 ? String(Math.floor(rnd() * 1000)) : pick(INSERTS);
  return { kind, change: { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: newText } };
}

/** Applies changes to a local copy exactly as the server's TextDocuments does. */
export function applyChanges(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  return TextDocument.update(doc, changes, version);
}

/** The resident set size of a process in kB (Linux), or undefined. */
export async function rssKb(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
