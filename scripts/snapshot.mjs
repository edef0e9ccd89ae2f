// npm run snapshot -- <out.json> [--compare <baseline.json>]
// Dumps the full analysis (figures, groups, statements, dates, places, findings) of every
// fixture, in both locales, and of 3,000 generated documents (fixed seed), so that a change
// made for speed can be shown to change no output: take a snapshot before, one after, and
// compare. Prints the first differences and exits 1 when there are any.
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyze } = require('../out/server/src/core/analyze.js');
const { allSeeds, allReal } = require('../out/test/support/fixtures.js');
const { documentArbitrary, corpusSentences } = require('../out/test/support/fuzzing.js');
const fc = require('fast-check');

const args = process.argv.slice(2);
const outFile = args[0];
const cmpIdx = args.indexOf('--compare');
const baseline = cmpIdx >= 0 ? args[cmpIdx + 1] : undefined;
if (!outFile) {
  console.error('usage: node scripts/snapshot.mjs <out.json> [--compare <baseline.json>]');
  process.exit(2);
}

const docs = [];
for (const { name, text } of [...allSeeds(), ...allReal()]) {
  docs.push({ name, text, locale: 'en' });
  docs.push({ name: `${name} (zh)`, text, locale: 'zh-cn' });
  // The same article with its lines joined, and with every full-width comma made ASCII.
  docs.push({ name: `${name} (joined)`, text: text.replace(/\n/g, ''), locale: 'en' });
  docs.push({ name: `${name} (ascii)`, text: text.replace(/,/g, ',').replace(/;/g, ';'), locale: 'en' });
}
const generated = fc.sample(documentArbitrary(corpusSentences(), 60), { numRuns: 3000, seed: 20261123 });
generated.forEach((text, i) => docs.push({ name: `generated #${i}`, text, locale: 'en' }));

const result = {};
for (const d of docs) result[d.name] = JSON.parse(JSON.stringify(analyze(d.text, { locale: d.locale })));
writeFileSync(outFile, JSON.stringify(result));
console.log(`snapshot: ${docs.length} documents → ${outFile}`);

// Compared with keys sorted: the order of an object's fields is not output (a field that
// moves because an object is now built in another order is no difference).
const canon = (v) =>
  Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
const stable = (v) => JSON.stringify(canon(v));

if (baseline) {
  const before = JSON.parse(readFileSync(baseline, 'utf8'));
  let differing = 0;
  for (const name of Object.keys(result)) {
    const a = stable(before[name]);
    const b = stable(result[name]);
    if (a === b) continue;
    differing++;
    if (differing > 5) continue;
    for (const key of Object.keys(result[name] ?? {})) {
      const x = stable(before[name]?.[key]) ?? 'undefined';
      const y = stable(result[name][key]);
      if (x === y) continue;
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      console.log(`${name}: ${key} differs at ${i}\n  before: …${x.slice(Math.max(0, i - 80), i + 160)}\n  after:  …${y.slice(Math.max(0, i - 80), i + 160)}`);
    }
  }
  console.log(`compare: ${differing} of ${docs.length} documents differ from ${baseline}`);
  process.exit(differing > 0 ? 1 : 0);
}
