/**
 * Issue 8: no regular expression in the server can backtrack catastrophically.
 * Every regex literal in server/src/**\/*.ts (found with the TypeScript parser) and every
 * `new RegExp(…)` / `RegExp(…)` whose arguments are literals goes through recheck; the test
 * fails with file:line, the pattern and recheck's attack string for each one found vulnerable.
 *
 * recheck runs in-process in its pure-JS backend (RECHECK_SYNC_BACKEND=pure), so the test does
 * not depend on the optional native binary or Java; set RECHECK_SYNC_BACKEND=synckit to use the
 * native agent where installed (faster). Each check is bounded by RECHECK_TIMEOUT_MS (5 s).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';

process.env.RECHECK_SYNC_BACKEND ??= 'pure';
const { checkSync } = require('recheck') as typeof import('recheck');

const TIMEOUT_MS = Number(process.env.RECHECK_TIMEOUT_MS ?? 5000);

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The value of an expression made only of string literals (and + between them). */
function literalString(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = literalString(node.left);
    const r = literalString(node.right);
    return l !== undefined && r !== undefined ? l + r : undefined;
  }
  return undefined;
}

export function collectRegexes(root: string): { found: FoundRegex[]; dynamic: string[] } {
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of tsFiles(join(root, 'server', 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const where = (n: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        found.push({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const args = node.arguments ?? ts.factory.createNodeArray();
        const source = args[0] ? literalString(args[0]) : '';
        const flags = args[1] ? literalString(args[1]) : '';
        if (source !== undefined && flags !== undefined) found.push({ where: where(node), source, flags });
        else if (!(args[0] && ts.isRegularExpressionLiteral(args[0]))) dynamic.push(`${where(node)}: ${node.getText(sf).slice(0, 120)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}

describe('regular expressions are safe from catastrophic backtracking (recheck)', () => {
  const { found, dynamic } = collectRegexes(ROOT);

  it('finds the regexes of the server', () => {
    assert.ok(found.length >= 20, `only ${found.length} regexes found: the collector is broken`);
  });

  it('no regex is vulnerable', () => {
    const started = Date.now();
    const vulnerable: string[] = [];
    const unknown: string[] = [];
    const cache = new Map<string, ReturnType<typeof checkSync>>();
    for (const r of found) {
      // g, y and d change where matching starts or what is reported, not how it backtracks.
      const flags = r.flags.replace(/[gyd]/g, '');
      const key = `${flags}/${r.source}`;
      let d = cache.get(key);
      if (!d) {
        d = checkSync(r.source, flags, { timeout: TIMEOUT_MS, randomSeed: 0 });
        cache.set(key, d);
      }
      if (d.status === 'vulnerable') {
        vulnerable.push(`${r.where}: /${r.source}/${r.flags} is ${d.complexity.summary}; attack: ${d.attack.pattern}`);
      } else if (d.status === 'unknown') {
        unknown.push(`${r.where}: /${r.source}/${r.flags}: ${d.error.kind}${'message' in d.error ? ` (${d.error.message})` : ''}`);
      }
    }
    console.log(
      `recheck: ${found.length} regexes checked (${cache.size} distinct) in ${Date.now() - started} ms, backend ${process.env.RECHECK_SYNC_BACKEND}; ` +
        `${vulnerable.length} vulnerable, ${unknown.length} unknown, ${dynamic.length} built at run time (not checkable)`,
    );
    for (const u of unknown) console.log(`recheck could not decide: ${u}`);
    for (const d of dynamic) console.log(`RegExp built from a non-literal (not checked): ${d}`);
    assert.deepEqual(vulnerable, [], `vulnerable regexes:\n${vulnerable.join('\n')}`);
  });
});
