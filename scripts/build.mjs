// Type-checks every project (tsc -b) and bundles with esbuild:
//   dist/extension.js, dist/server.js, dist/cli.js      (Node: desktop VS Code, the CLI)
//   dist/web/extension.js, dist/web/server.js            (VS Code for the Web: the client, the server in a web worker)
// The summary view's script and style (client/media/) are inlined into the client bundles as text.
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const watch = process.argv.includes('--watch');

/** `import script from 'webview:summary.js'` → the text of client/media/summary.js. */
const webviewText = {
  name: 'webview-text',
  setup(b) {
    b.onResolve({ filter: /^webview:/ }, (args) => ({ path: resolve('client/media', args.path.slice('webview:'.length)), namespace: 'webview-text' }));
    b.onLoad({ filter: /.*/, namespace: 'webview-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text', watchFiles: [args.path] }));
  },
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
};
const browser = {
  ...node,
  platform: 'browser',
  target: 'es2022',
  // The core must not need Node; these are the only Node names a dependency may reach for.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  mainFields: ['browser', 'module', 'main'],
};
const entries = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [webviewText] },
  { ...node, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [webviewText] },
  { ...browser, format: 'iife', entryPoints: ['server/src/lsp/browserServer.ts'], outfile: 'dist/web/server.js' },
];

if (watch) {
  for (const e of entries) await (await context(e)).watch();
  console.log('esbuild: watching');
} else {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { stdio: 'inherit' });
  await Promise.all(entries.map((e) => build(e)));
  chmodSync('dist/cli.js', 0o755);
  console.log('build: dist/extension.js dist/server.js dist/cli.js dist/web/extension.js dist/web/server.js');
}
