/**
 * Output channel between the suite (running in VS Code's extension host) and
 * the runner that started VS Code.
 *
 * Under @vscode/test-electron the extension host's console output reaches the
 * runner's terminal, so plain console.log is enough. Under code-server the
 * extension host is a process of the server and its console output is not
 * reliably relayed to the browser page, so when the runner sets
 * BULLETIN_E2E_OUT_DIR the suite appends JSON lines to `events.jsonl` in that
 * directory, which the runner tails:
 *
 *   {"t":"out","text":"..."}                 a line of the mocha report
 *   {"t":"pass"|"fail","title":"..."}        one finished test
 *   {"t":"end","passed":N,"failed":M,...}    the run's totals
 *   {"t":"screenshot","path":"..."}          please take a screenshot now
 *
 * The runner answers a screenshot request by creating `screenshot-done` (its
 * content is "ok" or an error message) in the same directory.
 */
import * as fs from 'fs';
import * as path from 'path';

export const outDir: string | undefined = process.env.BULLETIN_E2E_OUT_DIR || undefined;
const eventsFile = outDir ? path.join(outDir, 'events.jsonl') : undefined;

export type RelayEvent =
  | { t: 'out'; text: string }
  | { t: 'pass' | 'fail'; title: string; error?: string }
  | { t: 'end'; passed: number; failed: number; pending: number; total: number }
  | { t: 'screenshot'; path: string };

export function emit(event: RelayEvent): void {
  if (event.t === 'screenshot' && eventsFile) {
    // Also through the console: the runner listens there too.
    console.log(`SCREENSHOT_READY ${event.path}`);
  }
  if (!eventsFile) {
    if (event.t === 'out') {
      console.log(event.text);
    } else if (event.t === 'screenshot') {
      console.log(`SCREENSHOT_READY ${event.path}`);
    }
    return;
  }
  try {
    fs.mkdirSync(path.dirname(eventsFile), { recursive: true });
    // Synchronous appends keep the lines whole and in order.
    fs.appendFileSync(eventsFile, JSON.stringify(event) + '\n', 'utf8');
  } catch (err) {
    console.error('bulletin-check e2e: cannot write to', eventsFile, err);
  }
}

export function out(text: string): void {
  // One event per line so that the runner can print them as they come.
  for (const line of text.split('\n')) {
    emit({ t: 'out', text: line });
  }
}

/** The file the runner creates when it has taken a requested screenshot. */
export const screenshotDoneFile: string | undefined = outDir ? path.join(outDir, 'screenshot-done') : undefined;
