// The language server as VS Code for the Web runs it: dist/web/server.js in a web
// worker of headless Chromium (playwright-core, /usr/bin/chromium). A page served
// on 127.0.0.1 loads the worker, sends initialize and didOpen of a seed bulletin,
// and reads back the diagnostics, a hover and the outline.
//   node --test --test-reporter=spec test/web/   (after npm run build)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SERVED = new Map([
  ['/', path.join(root, 'test', 'web', 'index.html')],
  ['/dist/web/server.js', path.join(root, 'dist', 'web', 'server.js')],
]);

function seed(prefix) {
  const dir = path.join(root, 'test', 'fixtures', 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

describe('the language server in a web worker (dist/web/server.js)', () => {
  let server;
  let browser;
  let page;
  const pageErrors = [];

  before(async () => {
    assert.ok(fs.existsSync(path.join(root, 'dist', 'web', 'server.js')), 'dist/web/server.js is missing: run npm run build');
    server = http.createServer((req, res) => {
      const file = SERVED.get(new URL(req.url, 'http://x').pathname);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  it('initializes in the worker with every capability of the Node server', async () => {
    const init = await page.evaluate(() =>
      window.lsp.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { locale: 'en' } }),
    );
    assert.equal(init.error, undefined, JSON.stringify(init.error));
    const caps = init.result.capabilities;
    assert.equal(init.result.serverInfo.name, 'bulletin-check');
    for (const k of ['hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'inlayHintProvider', 'codeLensProvider', 'semanticTokensProvider']) {
      assert.ok(caps[k], `missing ${k}`);
    }
    await page.evaluate(() => window.lsp.notify('initialized', {}));
  });

  it('publishes the diagnostics of a seed opened in the worker: the broken sum and the typo', async () => {
    const text = seed('000_').replace('平城区3例', '平城区4例');
    await page.evaluate((t) => window.lsp.notify('textDocument/didOpen', { textDocument: { uri: 'memfs:/mutated-000.txt', languageId: 'plaintext', version: 1, text: t } }), text);
    const diags = await page
      .waitForFunction(
        () => {
          const p = window.lsp.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'memfs:/mutated-000.txt').pop();
          return p && p.params.diagnostics.length > 0 ? p.params.diagnostics : undefined;
        },
        undefined,
        { timeout: 20_000, polling: 50 },
      )
      .then((h) => h.jsonValue());
    const sum = diags.find((d) => d.code === 'breakdown-sum');
    assert.ok(sum, JSON.stringify(diags.map((d) => d.code)));
    assert.ok(sum.message.includes('4 + 6 = 10 ≠ 9'), sum.message);
    assert.ok(diags.some((d) => d.code === 'typo'));
    const errors = await page.evaluate(() => window.lsp.received.filter((m) => m.workerError).map((m) => m.workerError));
    assert.deepEqual(errors, []);
    assert.deepEqual(pageErrors, []);
  });

  it('answers hover and documentSymbol with the same handlers as the Node server', async () => {
    const text = seed('000_').replace('平城区3例', '平城区4例');
    const lines = text.slice(0, text.indexOf('平城区4例') + 3).split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const hover = await page.evaluate((pos) => window.lsp.request('textDocument/hover', { textDocument: { uri: 'memfs:/mutated-000.txt' }, position: pos }), position);
    assert.ok(hover.result.contents.value.includes('4 + 6 = 10'), JSON.stringify(hover));
    const symbols = await page.evaluate(() => window.lsp.request('textDocument/documentSymbol', { textDocument: { uri: 'memfs:/mutated-000.txt' } }));
    assert.equal(symbols.result[0].name, '我市通报疫情防控最新情况');
  });

  it('shuts down cleanly', async () => {
    const r = await page.evaluate(() => window.lsp.request('shutdown', null));
    assert.equal(r.error, undefined);
  });
});
