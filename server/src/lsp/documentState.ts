/**
 * Per-document state: the analysis of the latest version and the diagnostics
 * published for it. Hover and code actions read from here and recompute nothing.
 *
 * Only the analyses of the few most recently used documents are kept (an analysis
 * takes about 25 times the size of its text); the others are dropped, and a request
 * on such a document analyses it again (`current()` in serve.ts). So the memory an
 * open document costs is its text, not its analysis.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/types';
import type { Locale } from '../core/messages';

export interface DocumentState {
  version: number;
  analysis: Analysis;
  /** One per finding of `analysis`, in the same order (code actions rely on it); not capped. */
  diagnostics: Diagnostic[];
  locale: Locale;
}

/** How many analyses are kept: enough for the editors on screen. */
export const KEPT_ANALYSES = 3;

export class DocumentStates {
  // A Map iterates in insertion order: the first key is the least recently used.
  private readonly states = new Map<string, DocumentState>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly kept = KEPT_ANALYSES) {}

  get(uri: string): DocumentState | undefined {
    const s = this.states.get(uri);
    if (s) {
      this.states.delete(uri);
      this.states.set(uri, s);
    }
    return s;
  }

  set(uri: string, state: DocumentState): void {
    this.states.delete(uri);
    this.states.set(uri, state);
    while (this.states.size > this.kept) {
      const oldest = this.states.keys().next().value as string;
      this.states.delete(oldest);
    }
  }

  delete(uri: string): void {
    this.states.delete(uri);
    this.generations.delete(uri);
  }

  /** Starts a new analysis generation; older ones see they are stale and stop. */
  bump(uri: string): number {
    const g = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, g);
    return g;
  }

  isCurrent(uri: string, generation: number): boolean {
    return this.generations.get(uri) === generation;
  }
}
