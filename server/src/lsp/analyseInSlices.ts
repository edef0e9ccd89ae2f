/**
 * Runs the core's analysis in slices: between its stages the server goes back to the
 * event loop, so that a newer edit can arrive and cancel this (now stale) analysis
 * through `isCancelled`. The core itself stays synchronous and pure.
 */
import { analysisSteps, type AnalyzeOptions } from '../core/analyze';
import type { Analysis } from '../core/types';

const clock = (): number => performance.now();

/** Let other messages in (setImmediate in Node; a zero timeout in a web worker). */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * @param sliceMs how long to run before letting other messages in; small documents
 * finish in one slice and never wait.
 */
export async function analyseInSlices(text: string, options: AnalyzeOptions, sliceMs = 10): Promise<Analysis> {
  const steps = analysisSteps(text, options);
  let sliceStart = clock();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (clock() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      sliceStart = clock();
    }
  }
}
