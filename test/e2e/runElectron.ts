/**
 * Runs the end-to-end suite in a downloaded VS Code (Electron) with
 * @vscode/test-electron: `npm run test:electron`. For machines that can
 * download VS Code; elsewhere use `npm run test:e2e` (code-server).
 *
 * Environment: VSCODE_VERSION (default "stable"), VSCODE_EXECUTABLE_PATH (use
 * an installed VS Code instead of downloading one).
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

// Compiled to out/test/e2e/runElectron.js: the repository is three levels up.
const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface PrepareWorkspaceModule {
  prepareWorkspace(repoRoot: string, workspace?: string): string;
}

async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
  for (const required of [path.join(repoRoot, 'dist', 'extension.js'), extensionTestsPath]) {
    if (!fs.existsSync(required)) {
      console.error(`e2e: ${path.relative(repoRoot, required)} is missing: run \`npm run build\` first`);
      return 1;
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prepareWorkspace } = require(path.join(repoRoot, 'test', 'e2e', 'prepareWorkspace.cjs')) as PrepareWorkspaceModule;
  const workspace = prepareWorkspace(repoRoot);
  const userDataDir = path.join(repoRoot, '.vscode-test', 'electron-user-data');
  fs.rmSync(userDataDir, { recursive: true, force: true });

  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
    });
    console.log('e2e (electron): passed');
    return 0;
  } catch (err) {
    console.error('e2e (electron): failed:', err instanceof Error ? err.message : err);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
