// Type-checks every project (tsc -b) and bundles the extension, the server and the CLI with esbuild.
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const e of entries) await (await context({ ...common, ...e })).watch();
  console.log('esbuild: watching');
} else {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { stdio: 'inherit' });
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
  chmodSync('dist/cli.js', 0o755);
  console.log('build: dist/extension.js dist/server.js dist/cli.js');
}
