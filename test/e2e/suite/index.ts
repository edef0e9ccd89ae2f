/**
 * Entry point of the end-to-end suite: VS Code's extension host loads this file
 * (extensionTestsPath) and awaits run(). It runs every `*.test.js` file next to
 * it with mocha's spec reporter, relays the report to the runner (see
 * relay.ts), and rejects when a test failed, which makes VS Code exit with a
 * non-zero code.
 *
 * untrusted.test.js belongs to the untrusted pass alone: with
 * BULLETIN_E2E_TRUST=untrusted (set by runCodeServer.mjs for the window it opens
 * in Restricted Mode) it is the only file run; every other run skips it.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import { emit, out, outDir } from './relay';
import { prepareScreenshot } from './screenshot';

/** The suite of the untrusted pass (see above). */
const UNTRUSTED_SUITE = 'untrusted.test.js';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    slow: 5_000,
    forbidOnly: true,
    forbidPending: true,
  });

  // The spec reporter prints through Base.consoleLog; send it through the relay.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalConsoleLog = base.consoleLog;
  let failures = 0;
  base.consoleLog = (...args: unknown[]) => out(util.format(...args));

  try {
    const untrusted = process.env.BULLETIN_E2E_TRUST === 'untrusted';
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.js') && (f === UNTRUSTED_SUITE) === untrusted)
      .sort();
    if (files.length === 0) {
      throw new Error(`no ${untrusted ? UNTRUSTED_SUITE : '*.test.js files'} in ${__dirname}`);
    }
    for (const f of files) {
      mocha.addFile(path.join(__dirname, f));
    }

    const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
      try {
        const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
        runner.on('pass', (test) => emit({ t: 'pass', title: test.fullTitle() }));
        runner.on('fail', (test, err: unknown) =>
          emit({ t: 'fail', title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) }),
        );
      } catch (err) {
        reject(err);
      }
    });

    emit({
      t: 'end',
      passed: stats.passes,
      failed: stats.failures,
      pending: stats.pending,
      total: stats.tests,
    });

    if (outDir && process.env.BULLETIN_E2E_SCREENSHOT) {
      // Never let the screenshot decide the outcome, and never hang on it.
      try {
        await withTimeout(prepareScreenshot(process.env.BULLETIN_E2E_SCREENSHOT), 90_000, 'the screenshot step');
      } catch (err) {
        out(`screenshot step failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }

    failures = stats.failures;
  } catch (err) {
    out(`e2e suite error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    throw err;
  } finally {
    base.consoleLog = originalConsoleLog;
  }
  if (failures > 0) {
    throw new Error(`${failures} end-to-end test(s) failed`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 1 };
}
