/**
 * Per-document state: the analysis of the latest version and the diagnostics
 * published for it. Hover and code actions read from here and recompute nothing.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/types';
import type { Locale } from '../core/messages';

export interface DocumentState {
  version: number;
  analysis: Analysis;
  diagnostics: Diagnostic[];
  locale: Locale;
}

export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();
  private readonly generations = new Map<string, number>();

  get(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  set(uri: string, state: DocumentState): void {
    this.states.set(uri, state);
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
