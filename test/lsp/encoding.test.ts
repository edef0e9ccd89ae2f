/** A GBK file opened as UTF-8 gets one finding and the action to reopen it in GBK. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { seed } from '../support/fixtures';
import { startServer } from '../support/lspClient';

describe('wrong encoding', () => {
  it('offers "Reopen with Encoding GBK" for a GBK file shown as UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-enc-'));
    const file = join(dir, 'gbk.txt');
    const bytes = iconv.encode(seed('000'), 'gbk');
    writeFileSync(file, bytes);
    const uri = pathToFileURL(file).toString();
    const shownAsUtf8 = bytes.toString('utf8'); // what an editor shows without guessing
    const server = await startServer({ plainText: 'always' });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: shownAsUtf8 } });
    const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'mojibake'));
    const wrong = diags.filter((x) => x.code === 'mojibake');
    assert.equal(wrong.length, 1, 'one finding for the file, not one per character');
    const d = wrong[0] as Diagnostic;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const reopen = actions.find((a) => a.command?.command === 'bulletinCheck.reopenWithEncoding');
    assert.ok(reopen, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(reopen.title, 'Reopen with Encoding GBK');
    assert.deepEqual(reopen.command!.arguments, [{ uri, encoding: 'gbk' }]);
    assert.equal(await server.stop(), 0);
  });
});
