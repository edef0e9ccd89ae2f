#!/usr/bin/env node
// Runs the end-to-end suite (out/test/e2e/suite/index.js) in a real VS Code:
// code-server (VS Code 1.100 for the browser) with its remote extension host,
// driven by headless Chromium through playwright-core. `npm run test:e2e`.
//
// Steps: check the build, install code-server if needed
// (scripts/setup-code-server.sh), create the test workspace afresh, start
// code-server on a free port, open the workbench with the extension
// development and tests paths in the URL payload, relay the suite's report
// (events.jsonl written by the suite, see test/e2e/suite/relay.ts), take the
// screenshot the suite asks for, and print `e2e: N passed, M failed`.
// The exit code is 0 only when every test passed and VS Code reported success.
//
// Every pass but the untrusted one runs with workspace trust disabled. The
// untrusted pass (BULLETIN_E2E_TRUST=untrusted) starts code-server without
// --disable-workspace-trust, with trust enabled and no startup prompt, so that
// its workspace (prepareUntrustedWorkspace in prepareWorkspace.cjs: a seed and a
// .bulletincheck.json) opens in Restricted Mode; the suite then runs
// untrusted.test.ts alone (see test/e2e/suite/index.ts).
//
// Environment (all optional):
//   BULLETIN_E2E_TIMEOUT_MS        overall limit (default 360000 = 6 minutes)
//   BULLETIN_E2E_CODE_SERVER_DIR   code-server install (default .vscode-test/code-server)
//   BULLETIN_E2E_SCREENSHOT        PNG to write (default .vscode-test/screenshot-diagnostic-hover.png; set it to docs/screenshot-diagnostic-hover.png to refresh the README's; "off" disables)
//   BULLETIN_E2E_SCREENSHOT_DIR    where the suite's named screenshots go (default .vscode-test/screenshots;
//                                  set it to docs to refresh the README's; off when BULLETIN_E2E_SCREENSHOT is "off")
//   BULLETIN_E2E_LOCALE            VS Code's display language for this pass (default en; e.g. zh-cn: code-server --locale)
//   BULLETIN_E2E_TRUST             trusted (default) or untrusted: this pass opens its workspace in Restricted Mode
//                                  and runs the untrusted suite alone (no screenshots)
//   BULLETIN_E2E_LOCALES           several passes, each a child run of this script: a locale, optionally with
//                                  ":untrusted" (BULLETIN_E2E_TRUST=untrusted), e.g. "en,zh-cn,en:untrusted";
//                                  screenshots of a non-English pass get the locale as a suffix (…-zh-cn.png)
//   BULLETIN_E2E_VERBOSE=1         also print VS Code's log and code-server's output
//   BULLETIN_E2E_KEEP=1            keep the run's temp dir (.vscode-test/run-*)
//   CHROMIUM_PATH                  browser binary (default /usr/bin/chromium)
//   BULLETIN_E2E_EXTENSION_PATH, BULLETIN_E2E_TESTS_PATH
//                                  run another extension/suite (for testing this harness)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const env = process.env;
const TIMEOUT_MS = Number(env.BULLETIN_E2E_TIMEOUT_MS) || 6 * 60 * 1000;
const VERBOSE = env.BULLETIN_E2E_VERBOSE === '1';
const KEEP = env.BULLETIN_E2E_KEEP === '1';
const codeServerDir = path.resolve(env.BULLETIN_E2E_CODE_SERVER_DIR || path.join(repoRoot, '.vscode-test', 'code-server'));
const extensionPath = path.resolve(env.BULLETIN_E2E_EXTENSION_PATH || repoRoot);
const testsPath = path.resolve(env.BULLETIN_E2E_TESTS_PATH || path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'));
const LOCALE = (env.BULLETIN_E2E_LOCALE || 'en').toLowerCase();
const TRUST = (env.BULLETIN_E2E_TRUST || 'trusted').toLowerCase();
const UNTRUSTED = TRUST === 'untrusted';
/** A non-English pass writes its screenshots next to the English ones, with the locale as a suffix. */
const localized = (file) => (LOCALE === 'en' ? file : file.replace(/(\.png)?$/, `-${LOCALE}.png`));
// The untrusted pass's workspace lacks the screenshots' files, and its shots would replace the others.
const screenshotsOff = env.BULLETIN_E2E_SCREENSHOT === 'off' || UNTRUSTED;
const screenshotPath = screenshotsOff
  ? undefined
  : localized(path.resolve(env.BULLETIN_E2E_SCREENSHOT || path.join(repoRoot, '.vscode-test', 'screenshot-diagnostic-hover.png')));
const screenshotDir = screenshotsOff
  ? undefined
  : path.resolve(env.BULLETIN_E2E_SCREENSHOT_DIR || path.join(repoRoot, '.vscode-test', 'screenshots'));
const chromiumPath = env.CHROMIUM_PATH || '/usr/bin/chromium';

const startedAt = Date.now();
const log = (msg) => console.log(`[e2e] ${msg}`);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------------------
// State shared with cleanup()
let codeServer; // ChildProcess
let browser; // playwright Browser
let runDir; // .vscode-test/run-*
let cleaningUp;
let finished = false;

// Results gathered from the suite's events.
const results = { passed: 0, failed: 0, end: undefined, failures: [] };

let drainEvents = () => {}; // set once the suite's events file is known
let stopTail = () => {};

function summaryAndExit(code, reason) {
  if (finished) return;
  stopTail();
  try {
    drainEvents();
  } catch {
    /* best effort */
  }
  finished = true;
  let { passed, failed } = results;
  if (results.end) {
    passed = results.end.passed;
    failed = results.end.failed;
  }
  if (reason) {
    console.log(`[e2e] ${code === 0 ? 'warning' : 'FAILED'}: ${reason}`);
  }
  if (!results.end) {
    // The suite never reported its totals: count the unfinished run as a failure.
    failed += 1;
    console.log('[e2e] the suite did not report its results; counted as one failure');
  }
  if (failed > 0 && code === 0) code = 1;
  for (const f of results.failures) {
    console.log(`[e2e] failed: ${f.title}${f.error ? ` -- ${f.error.split('\n')[0]}` : ''}`);
  }
  console.log(`[e2e] wall time ${elapsed()}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  cleanup().finally(() => process.exit(code));
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (browser) {
      const b = browser;
      browser = undefined;
      void b.close().catch(() => {});
      // Poll until it is gone; a browser that hangs on close is killed with code-server's group below.
      await pollUntil('the browser to close', () => !b.isConnected(), 5000, 50).catch(() => {});
    }
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      await killTree(codeServer);
    }
    if (runDir && !KEEP) {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  })();
  return cleaningUp;
}

/** Kills the process group of a detached child: SIGTERM, polling for its exit; SIGKILL if it is still there after 5 s. */
async function killTree(child) {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      try {
        child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  };
  if (exited()) return;
  signal('SIGTERM');
  const gone = await pollUntil('code-server to exit', exited, 5000, 50).then(
    () => true,
    () => false,
  );
  if (!gone) {
    signal('SIGKILL');
    await pollUntil('code-server to exit after SIGKILL', exited, 2000, 50).catch(() => {});
  }
  // Leftover children of the group (extension host, language server).
  signal('SIGKILL');
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => summaryAndExit(130, `interrupted by ${sig}`));
}
process.on('uncaughtException', (err) => summaryAndExit(1, `runner error: ${err.stack || err}`));
process.on('unhandledRejection', (err) => summaryAndExit(1, `runner error: ${err && err.stack ? err.stack : err}`));
process.on('exit', () => {
  // Last resort if we exit without cleanup (synchronous only).
  if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
    try {
      process.kill(-codeServer.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (runDir && !KEEP) {
    try {
      fs.rmSync(runDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
});

// ---------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

async function pollUntil(what, probe, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Tails events.jsonl; calls onEvent for every complete line. */
function eventTail(file, onEvent) {
  let offset = 0;
  let partial = '';
  return function drain() {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // not created yet
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return;
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      offset = size;
      partial += buf.toString('utf8');
      const lines = partial.split('\n');
      partial = lines.pop();
      for (const line of lines) {
        if (!line.trim()) continue;
        let ev;
        try {
          ev = JSON.parse(line);
        } catch {
          console.log(line);
          continue;
        }
        onEvent(ev);
      }
    } finally {
      fs.closeSync(fd);
    }
  };
}

// ---------------------------------------------------------------------------
async function main() {
  // 1. The build.
  if (TRUST !== 'trusted' && TRUST !== 'untrusted') {
    summaryAndExit(1, `BULLETIN_E2E_TRUST must be trusted or untrusted, not ${JSON.stringify(TRUST)}`);
    return;
  }
  const usingRepoExtension = !env.BULLETIN_E2E_EXTENSION_PATH;
  const required = [testsPath];
  if (usingRepoExtension) required.unshift(path.join(repoRoot, 'dist', 'extension.js'));
  const missing = required.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    summaryAndExit(
      1,
      `missing ${missing.map((f) => path.relative(repoRoot, f)).join(', ')}: run \`npm run build\` first (npm test does)`,
    );
    return;
  }

  // 2. code-server (idempotent: returns at once when installed).
  const setup = spawnSync('bash', [path.join(repoRoot, 'scripts', 'setup-code-server.sh'), codeServerDir], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 15 * 60 * 1000,
  });
  if (setup.status !== 0) {
    summaryAndExit(1, `scripts/setup-code-server.sh failed (exit ${setup.status ?? setup.signal})`);
    return;
  }
  const entry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    summaryAndExit(1, `code-server is not installed: ${entry} missing`);
    return;
  }
  if (!fs.existsSync(chromiumPath)) {
    summaryAndExit(1, `no browser at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const timer = setTimeout(
    () => summaryAndExit(1, `overall time limit of ${TIMEOUT_MS / 1000}s reached`),
    TIMEOUT_MS - (Date.now() - startedAt),
  );
  timer.unref();

  // 3. Workspace and per-run directories.
  const { prepareWorkspace, prepareUntrustedWorkspace } = require('./prepareWorkspace.cjs');
  const workspace = UNTRUSTED ? prepareUntrustedWorkspace(repoRoot) : prepareWorkspace(repoRoot);
  const vscodeTest = path.join(repoRoot, '.vscode-test');
  fs.mkdirSync(vscodeTest, { recursive: true });
  runDir = fs.mkdtempSync(path.join(vscodeTest, `run-${process.pid}-`));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const outDir = path.join(runDir, 'out');
  for (const d of [userDataDir, extensionsDir, outDir, path.join(userDataDir, 'User')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        // The untrusted pass: trust on, and the folder opens in Restricted Mode without
        // the modal "Do you trust the authors?" prompt (a fresh user-data dir trusts nothing).
        'security.workspace.trust.enabled': UNTRUSTED,
        ...(UNTRUSTED ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'files.autoSave': 'off',
        'editor.wordWrap': 'on',
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
      },
      null,
      2,
    ),
  );

  if (LOCALE !== 'en') writeStubLanguagePack(userDataDir, LOCALE);

  // 4. code-server.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv = { ...env };
  for (const k of Object.keys(childEnv)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete childEnv[k];
  }
  Object.assign(childEnv, {
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    // No extension gallery: the machine is offline and the tests need none.
    EXTENSIONS_GALLERY: '{}',
    BULLETIN_E2E_OUT_DIR: outDir,
    BULLETIN_E2E_SCREENSHOT: screenshotPath || '',
    BULLETIN_E2E_SCREENSHOT_DIR: screenshotDir || '',
    BULLETIN_E2E_LOCALE: LOCALE,
    BULLETIN_E2E_TRUST: TRUST,
  });
  const csLog = path.join(runDir, 'code-server.log');
  const csLogStream = fs.createWriteStream(csLog);
  log(`starting code-server on ${base} (workspace ${path.relative(repoRoot, workspace)}, ${UNTRUSTED ? 'untrusted: Restricted Mode' : 'trust disabled'})`);
  codeServer = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...(UNTRUSTED ? [] : ['--disable-workspace-trust']),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(LOCALE === 'en' ? [] : ['--locale', LOCALE]),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      workspace,
    ],
    { cwd: repoRoot, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let codeServerExited;
  const codeServerExit = new Promise((resolve) => {
    codeServer.once('exit', (code, signal) => {
      codeServerExited = `code-server exited (${code ?? signal})`;
      resolve(codeServerExited);
    });
  });
  for (const stream of [codeServer.stdout, codeServer.stderr]) {
    stream.on('data', (chunk) => {
      csLogStream.write(chunk);
      if (VERBOSE) process.stdout.write(`[code-server] ${chunk}`);
    });
  }
  const tailCodeServerLog = () => {
    try {
      const text = fs.readFileSync(csLog, 'utf8').trim().split('\n').slice(-30).join('\n');
      if (text) console.log(`[e2e] last lines of code-server's output:\n${text}`);
    } catch {
      /* none */
    }
  };

  await pollUntil(
    'code-server to answer /healthz',
    async () => {
      if (codeServerExited) throw new Error(codeServerExited);
      return (await httpStatus(`${base}/healthz`)) === 200;
    },
    60_000,
  ).catch((err) => {
    tailCodeServerLog();
    throw err;
  });
  log(`code-server is up (${elapsed()})`);

  // 5. Browser.
  const { chromium } = require('playwright-core');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Our own handlers close the browser (playwright's would exit the process
    // before code-server is stopped and the temp dir removed).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: LOCALE === 'en' ? 'en-US' : LOCALE,
    // The copy commands write to the clipboard through the workbench.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();

  let resolveExit;
  const exitFromVSCode = new Promise((resolve) => (resolveExit = resolve));
  // Several named screenshots per run: each request (it arrives twice, through the
  // events file and the console) is taken once, one at a time, in order.
  const requested = new Set();
  let screenshotQueue = Promise.resolve();
  const requestScreenshot = (target, wait) => {
    const file = target || screenshotPath;
    if (requested.has(file)) return;
    requested.add(file);
    screenshotQueue = screenshotQueue.then(() => takeScreenshot(page, file, path.join(outDir, 'screenshot-done'), wait));
  };
  const recentErrors = [];
  const printRecentErrors = () => {
    if (recentErrors.length === 0) return;
    console.log("[e2e] last errors logged by VS Code (BULLETIN_E2E_VERBOSE=1 shows its whole log):");
    for (const e of recentErrors) for (const line of e.split('\n').slice(0, 6)) console.log(`[vscode error] ${line}`);
  };
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
    // Backup trigger: the suite also says SCREENSHOT_READY when it cannot write events.
    const ready = /SCREENSHOT_READY (\S+)(?: wait=(\w+))?/m.exec(text);
    if (ready) requestScreenshot(ready[1].trim(), ready[2]);
    if (VERBOSE) {
      for (const line of text.split('\n')) console.log(`[vscode ${type}] ${line}`);
    } else if (type === 'error') {
      // Kept for the failure report (the workbench logs harmless errors too,
      // e.g. that the extension gallery cannot be reached offline).
      recentErrors.push(text);
      if (recentErrors.length > 20) recentErrors.shift();
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });
  page.on('pageerror', (err) => VERBOSE && console.log(`[page error] ${err.message}`));
  page.on('crash', () => summaryAndExit(1, 'the browser page crashed'));

  // 6. Suite output and the screenshot handshake.
  const handleEvent = (ev) => {
    switch (ev.t) {
      case 'out':
        console.log(ev.text);
        break;
      case 'pass':
        results.passed++;
        break;
      case 'fail':
        results.failed++;
        results.failures.push(ev);
        break;
      case 'end':
        results.end = ev;
        // VS Code should report its exit right after the screenshot step; do
        // not wait for the overall limit if it never does.
        setTimeout(
          () => summaryAndExit(ev.failed > 0 ? 1 : 0, 'VS Code did not report its exit within 120s of the end of the tests'),
          120_000,
        ).unref();
        break;
      case 'screenshot':
        requestScreenshot(ev.path, ev.wait);
        break;
      default:
        console.log(JSON.stringify(ev));
    }
  };
  const drain = eventTail(path.join(outDir, 'events.jsonl'), (ev) => !finished && handleEvent(ev));
  drainEvents = drain;
  const tail = setInterval(drain, 100);
  stopTail = () => clearInterval(tail);

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${testsPath}`],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log('opening the workbench in headless Chromium');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const outcome = await Promise.race([
    exitFromVSCode.then((code) => ({ code })),
    codeServerExit.then((reason) => ({ code: 1, reason })),
  ]);
  clearInterval(tail);
  drain();
  if (outcome.reason) {
    tailCodeServerLog();
    summaryAndExit(1, outcome.reason);
    return;
  }
  log(`VS Code reported exit code ${outcome.code} (${elapsed()})`);
  if (!results.end) {
    printRecentErrors();
    tailCodeServerLog();
  }
  summaryAndExit(outcome.code === 0 ? 0 : 1, outcome.code === 0 ? undefined : `VS Code's extension tests exited with code ${outcome.code}`);
}

/**
 * Waits (bounded) for what the shot shows — the hover (default), a webview
 * (wait=webview: its inner frame has content) or nothing (wait=none) —, takes the
 * screenshot, answers the suite.
 */
async function takeScreenshot(page, target, doneFile, wait = 'hover') {
  let answer = 'ok';
  try {
    if (!target) throw new Error('screenshots are disabled');
    if (wait === 'webview') {
      await pollUntil(
        'a webview with content',
        async () => {
          for (const frame of page.frames()) {
            const n = await frame.evaluate(() => document.querySelectorAll('#figures tbody tr').length).catch(() => 0);
            if (n > 0) return true;
          }
          return false;
        },
        10_000,
      ).catch(() => log('no rendered webview before the screenshot; taking it anyway'));
    } else if (wait !== 'none') {
      await page
        .waitForFunction(
          () => {
            // visible, with text, and done fading in (every ancestor fully opaque)
            const opaque = (el) => {
              for (let e = el; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) < 1) return false;
              return true;
            };
            const hovers = [...document.querySelectorAll('.monaco-hover')];
            return hovers.some((h) => h.offsetParent !== null && /\S/.test(h.textContent || '') && opaque(h));
          },
          undefined,
          { timeout: 10_000, polling: 100 },
        )
        .catch(() => log('no visible hover before the screenshot; taking it anyway'));
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target, timeout: 20_000 });
    log(`screenshot written to ${path.relative(repoRoot, target)}`);
  } catch (err) {
    answer = `error: ${err && err.message ? err.message : err}`;
    log(`screenshot failed: ${answer}`);
  }
  try {
    fs.writeFileSync(doneFile, answer);
  } catch {
    /* the run is over */
  }
}

/**
 * VS Code shows a display language only when a language pack for it is installed,
 * and none can be downloaded here. The server reads the installed packs from
 * <user-data>/languagepacks.json; an entry whose translations are empty makes
 * `locale` the resolved display language (vscode.env.language, the extensions'
 * l10n bundles, package.nls.<locale>.json) while the workbench's own strings fall
 * back to English.
 */
function writeStubLanguagePack(userDataDir, locale) {
  const dir = path.join(userDataDir, 'stub-language-pack');
  fs.mkdirSync(dir, { recursive: true });
  const translations = path.join(dir, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = { [locale]: { hash: `stub-${locale}`, extensions: [{ extensionIdentifier: { id: 'bulletin-check.stub-language-pack' }, version: '0.0.0' }], translations: { vscode: translations }, label: locale } };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
  log(`display language ${locale} (stub language pack in ${path.relative(repoRoot, dir)})`);
}

/**
 * BULLETIN_E2E_LOCALES=en,zh-cn,en:untrusted: one child run of this script per entry, in
 * turn; an entry is a locale, optionally with ":untrusted".
 */
function runPasses(passes) {
  let failed = 0;
  let totalPassed = 0;
  let totalFailed = 0;
  const lines = [];
  for (const pass of passes) {
    const [locale, trust = 'trusted'] = pass.split(':');
    const label = trust === 'trusted' ? locale : `${locale}, ${trust}`;
    console.log(`[e2e] pass ${label}`);
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...env, BULLETIN_E2E_LOCALE: locale, BULLETIN_E2E_TRUST: trust, BULLETIN_E2E_LOCALES: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(r.stdout || '');
    const summary = /^e2e: (\d+) passed, (\d+) failed$/m.exec(r.stdout || '');
    lines.push(`e2e (${label}): ${summary ? `${summary[1]} passed, ${summary[2]} failed` : `no result (exit ${r.status ?? r.signal})`}`);
    if (r.status !== 0) failed++;
    totalPassed += summary ? Number(summary[1]) : 0;
    totalFailed += summary ? Number(summary[2]) : 1;
  }
  for (const l of lines) console.log(l);
  // the plain closing line, over every pass
  console.log(`e2e: ${totalPassed} passed, ${totalFailed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const passes = (env.BULLETIN_E2E_LOCALES || '').split(',').map((x) => x.trim()).filter(Boolean);
if (passes.length > 0) runPasses(passes);
else main().catch((err) => summaryAndExit(1, `runner error: ${err && err.stack ? err.stack : err}`));
