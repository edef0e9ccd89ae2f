// Creates the end-to-end test workspace afresh (shared by runCodeServer.mjs and
// runElectron.ts): the five seed bulletins, mutated-000.txt (seed 000 with the
// first "平城区3例" changed to "平城区4例", so its breakdown 4 + 6 no longer
// matches the total 9) and readme-en.txt (English prose, not a bulletin).
// prepareUntrustedWorkspace creates the smaller workspace of the untrusted pass
// (runCodeServer.mjs with BULLETIN_E2E_TRUST=untrusted, test/e2e/suite/untrusted.test.ts).
'use strict';
const fs = require('fs');
const path = require('path');

const README_EN = [
  'Bulletin Check end-to-end workspace',
  '',
  'This folder is created afresh by the test runner before every run.',
  'It holds a few Chinese epidemic bulletins and this short English note,',
  'which the language server should leave alone because it is not a bulletin.',
  'Nothing here is meant to be edited by hand.',
  '',
].join('\n');

/**
 * @param {string} repoRoot absolute path of the repository
 * @param {string} [workspace] where to create it (default <repo>/.vscode-test/workspace)
 * @returns {string} the workspace path
 */
function prepareWorkspace(repoRoot, workspace) {
  const dir = path.resolve(workspace || path.join(repoRoot, '.vscode-test', 'workspace'));
  const seedsDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (seeds.length !== 5) {
    throw new Error(`expected 5 seed bulletins in ${seedsDir}, found ${seeds.length}`);
  }
  const seed000 = seeds.find((f) => f.startsWith('000_'));
  if (!seed000) {
    throw new Error(`no seed 000_*.txt in ${seedsDir}`);
  }

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of seeds) {
    fs.copyFileSync(path.join(seedsDir, f), path.join(dir, f));
  }

  const original = fs.readFileSync(path.join(seedsDir, seed000), 'utf8');
  if (!original.includes('平城区3例')) {
    throw new Error(`seed ${seed000} no longer contains 平城区3例`);
  }
  // String.prototype.replace with a string pattern replaces the first match only.
  fs.writeFileSync(path.join(dir, 'mutated-000.txt'), original.replace('平城区3例', '平城区4例'), 'utf8');
  fs.writeFileSync(path.join(dir, 'readme-en.txt'), README_EN, 'utf8');
  // part-exceeds-total: 平城区13.3万管 of 22万管 becomes 133万管.
  fs.writeFileSync(path.join(dir, 'mutated-subset.txt'), original.replace('平城区13.3万管', '平城区133万管'), 'utf8');
  // conflicting-repeat: the headline says 15, the body says 9 twice.
  fs.writeFileSync(path.join(dir, 'mutated-headline.txt'), original.replace('新增新冠肺炎确诊病例9例、无症状', '新增新冠肺炎确诊病例15例、无症状'), 'utf8');
  // invalid-date: 25时.
  fs.writeFileSync(path.join(dir, 'mutated-date.txt'), original.replace('10月30日0时至24时,大同市', '10月30日0时至25时,大同市'), 'utf8');
  // percent: a share over 100%.
  const seed004 = seeds.find((f) => f.startsWith('004_'));
  const s004 = fs.readFileSync(path.join(seedsDir, seed004), 'utf8');
  fs.writeFileSync(path.join(dir, 'mutated-percent.txt'), s004.replace('单场观影上座率不应超过70%', '单场观影上座率不应超过170%'), 'utf8');
  // Check Workspace: a broken file that no test opens.
  fs.mkdirSync(path.join(dir, 'unopened'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'unopened', 'mutated-unopened.txt'), original.replace('平城区3例', '平城区5例'), 'utf8');
  // Reopen with Encoding: seed 000 in GBK, which VS Code opens as UTF-8.
  fs.mkdirSync(path.join(dir, 'encoding'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'encoding', 'gbk-000.txt'), require('iconv-lite').encode(original, 'gbk'));
  // identity: the NHC national 现有 figure no longer equals 累计 − 治愈 − 死亡.
  const nhc = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', 'nhc_20201013.txt'), 'utf8');
  if (!nhc.includes('现有确诊病例228例')) throw new Error('nhc_20201013.txt no longer contains 现有确诊病例228例');
  fs.writeFileSync(path.join(dir, 'mutated-nhc.txt'), nhc.replace('现有确诊病例228例', '现有确诊病例229例'), 'utf8');
  return dir;
}

/**
 * What the untrusted pass's `.bulletincheck.json` says: each part would change what
 * is reported in seed 000 or mutated-000.txt if the workspace were trusted (the rule
 * that reports the broken breakdown off, the seed's one typo ignored, a typo entry
 * for a correct word of the seed). test/e2e/suite/untrusted.test.ts reads the file.
 */
const UNTRUSTED_CONFIG = {
  rules: { 'breakdown-sum': 'off' },
  ignore: [{ rule: 'typo', text: '奥密戎' }],
  typos: [{ wrong: '新闻发言人', right: '新闻发布人', reason: 'e2e: only a trusted workspace may add this entry' }],
};

/**
 * The workspace of the untrusted pass, created afresh: seed 000, mutated-000.txt (as
 * in prepareWorkspace) and a `.bulletincheck.json` that would change what is
 * reported in both, were it used.
 * @param {string} repoRoot absolute path of the repository
 * @param {string} [workspace] where to create it (default <repo>/.vscode-test/workspace-untrusted)
 * @returns {string} the workspace path
 */
function prepareUntrustedWorkspace(repoRoot, workspace) {
  const dir = path.resolve(workspace || path.join(repoRoot, '.vscode-test', 'workspace-untrusted'));
  const seedsDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
  const seed000 = fs.readdirSync(seedsDir).find((f) => f.startsWith('000_') && f.endsWith('.txt'));
  if (!seed000) {
    throw new Error(`no seed 000_*.txt in ${seedsDir}`);
  }
  const original = fs.readFileSync(path.join(seedsDir, seed000), 'utf8');
  for (const needle of ['平城区3例', '奥密戎', UNTRUSTED_CONFIG.typos[0].wrong]) {
    if (!original.includes(needle)) throw new Error(`seed ${seed000} no longer contains ${needle}`);
  }

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(seedsDir, seed000), path.join(dir, seed000));
  fs.writeFileSync(path.join(dir, 'mutated-000.txt'), original.replace('平城区3例', '平城区4例'), 'utf8');
  fs.writeFileSync(path.join(dir, '.bulletincheck.json'), JSON.stringify(UNTRUSTED_CONFIG, null, 2) + '\n', 'utf8');
  // Workspace settings that would also change what is reported: bulletinCheck.rules is a
  // restricted configuration (package.json), so Restricted Mode must ignore it too.
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'bulletinCheck.rules': { 'breakdown-sum': 'off', typo: 'off' } }, null, 2) + '\n', 'utf8');
  return dir;
}

module.exports = { prepareWorkspace, prepareUntrustedWorkspace };
