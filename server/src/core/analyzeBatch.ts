/**
 * Several documents analysed stage by stage: the first stage of every document of the batch,
 * then the second stage of every one, and so on. Each result is what `analyze` returns for
 * that document alone (every stage finishes before the next one starts, and no stage keeps
 * state in the module from one call to the next). What changes is the order of the work: one
 * stage's code and tables stay in the processor's caches across the documents of a batch,
 * where document by document every stage evicts the others'. `npm run bench` prints the gain.
 */
import { analysisSteps, type AnalyzeOptions } from './analyze';
import type { Analysis } from './types';

/** How many documents a batch holds at most: enough to keep caches warm, few enough to keep memory low. */
export const BATCH_SIZE = 32;

/**
 * The analyses of `texts`, in order. `options` is one set for all or one per text. Never
 * throws: the analysis itself turns failures into problems. A time budget (`timeBudgetMs`)
 * runs from a document's first stage, so in a batch it also counts the time of the other
 * documents' stages in between: give none here (the CLI gives none).
 */
export function analyzeBatch(texts: readonly string[], options: AnalyzeOptions | readonly AnalyzeOptions[] = {}): Analysis[] {
  const results: Analysis[] = new Array<Analysis>(texts.length);
  for (let from = 0; from < texts.length; from += BATCH_SIZE) {
    const to = Math.min(texts.length, from + BATCH_SIZE);
    const steps: Array<Generator<string, Analysis, void> | undefined> = [];
    for (let i = from; i < to; i++) {
      const o = Array.isArray(options) ? ((options as readonly AnalyzeOptions[])[i] ?? {}) : (options as AnalyzeOptions);
      steps.push(analysisSteps(texts[i] as string, o));
    }
    // Round robin: one stage of each document in turn until every one is done.
    for (let live = steps.length; live > 0; ) {
      live = 0;
      for (let k = 0; k < steps.length; k++) {
        const s = steps[k];
        if (!s) continue;
        const r = s.next();
        if (r.done) {
          results[from + k] = r.value;
          steps[k] = undefined;
        } else live++;
      }
    }
  }
  return results;
}
