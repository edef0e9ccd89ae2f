import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pinyin } from 'pinyin-pro';
import { analyze } from '../../server/src/core/analyze';
import common from '../../server/src/core/data/commonHan.json';
import { lookupPlace } from '../../server/src/core/gazetteer';
import { BUILTIN_TYPOS } from '../../server/src/core/rules/typo';
import { allReal, allSeeds, seed } from '../support/fixtures';

const codes = (text: string, code: string) => analyze(text).findings.filter((f) => f.code === code);

describe('duplicate-item', () => {
  it('finds 公安、工信、公安 in seed 003 and nothing else in the fixtures', () => {
    const text = seed('003');
    const f = codes(text, 'duplicate-item');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '公安');
    assert.ok(text.slice(f[0]!.start - 6, f[0]!.end).endsWith('公安、工信、公安'));
    assert.deepEqual(f[0]!.fixes, []);
    for (const { name, text: t } of [...allSeeds(), ...allReal()]) if (!name.startsWith('003')) assert.deepEqual(codes(t, 'duplicate-item'), [], name);
  });
});

describe('inconsistent-name', () => {
  it('flags the minority 龙堡社区 against 龙保社区 in seed 003, with a fix to the majority', () => {
    const text = seed('003');
    const f = codes(text, 'inconsistent-name');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '龙堡社区');
    assert.equal(f[0]!.fixes[0]!.edits[0]!.newText, '保');
    assert.ok(f[0]!.related.length >= 3);
    for (const { name, text: t } of [...allSeeds(), ...allReal()]) if (!name.startsWith('003')) assert.deepEqual(codes(t, 'inconsistent-name'), [], name);
  });
});

describe('place-name', () => {
  it('suggests the real division of the article’s province (云岗区 → 云冈区) and is silent on the fixtures', () => {
    const text = seed('000').replace('云冈区6例', '云岗区6例');
    const f = codes(text, 'place-name');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '云岗区');
    assert.equal(f[0]!.fixes[0]!.edits[0]!.newText, '云冈区');
    for (const { name, text: t } of [...allSeeds(), ...allReal()]) assert.deepEqual(codes(t, 'place-name'), [], name);
  });
  it('leaves generic words and unnamed places alone', () => {
    assert.deepEqual(codes(seed('001'), 'place-name'), []); // 中心城区
    assert.deepEqual(codes(seed('000').replace('云冈区6例', '某某区6例'), 'place-name'), []);
  });
});

/** A deterministic random generator (LCG), so the injection test is reproducible. */
function rng(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const COMMON: string[] = (common as { chars?: string } & Record<string, unknown>).chars
  ? Array.from(String((common as { chars: string }).chars))
  : Object.values(common as Record<string, unknown>).flatMap((v) => (typeof v === 'string' ? Array.from(v) : Array.isArray(v) ? v.map(String) : []));

function homophoneOf(ch: string, avoid: (c: string) => boolean): string | undefined {
  const r = pinyin(ch, { toneType: 'none' });
  return COMMON.find((c) => c !== ch && c.length === 1 && pinyin(c, { toneType: 'none' }) === r && !avoid(c));
}

describe('injected defects: recall and precision', () => {
  it('finds dictionary typos, place-name typos and doubled punctuation injected into clean fixtures', () => {
    const next = rng(20261123);
    let injected = 0;
    let found = 0;
    let reported = 0;
    let correct = 0;
    const misses: string[] = [];
    const simplified = [...allSeeds(), ...allReal()].filter(({ name }) => !name.startsWith('002') && !/twcdc|hk01|stheadline|cna/.test(name));
    for (const { name, text } of simplified) {
      const base = analyze(text);
      const baseline = new Set(base.findings.map((f) => `${f.code}:${text.slice(f.start, f.end)}`));
      for (let round = 0; round < 4; round++) {
        // one defect of each kind per round, at random places
        const edits: Array<{ at: number; remove: number; insert: string; code: string }> = [];
        const typo = BUILTIN_TYPOS[Math.floor(next() * BUILTIN_TYPOS.length)]!;
        const stops = [...text.matchAll(/。/g)].map((m) => m.index! + 1);
        if (stops.length > 0) edits.push({ at: stops[Math.floor(next() * stops.length)]!, remove: 0, insert: `据悉,${typo.wrong}相关情况已通报。`, code: 'typo' });
        const places = base.places.filter((p) => p.region.level === 'area' && p.end - p.start === 3 && base.home.province && p.region.chain.includes(base.home.province.name));
        if (places.length > 0) {
          const p = places[Math.floor(next() * places.length)]!;
          const k = p.start + Math.floor(next() * 2);
          const h = homophoneOf(text[k]!, (c) => lookupPlace(text.slice(p.start, k) + c + text.slice(k + 1, p.end)).length > 0);
          if (h) edits.push({ at: k, remove: 1, insert: h, code: 'place-name' });
        }
        const commas = [...text.matchAll(/[,，]/g)].map((m) => m.index!);
        if (commas.length > 0) {
          const c = commas[Math.floor(next() * commas.length)]!;
          edits.push({ at: c, remove: 0, insert: text[c]!, code: 'doubled-punctuation' });
        }
        // apply from the end so offsets stay valid; remember where each landed
        edits.sort((a, b) => b.at - a.at);
        let mutated = text;
        for (const e of edits) mutated = mutated.slice(0, e.at) + e.insert + mutated.slice(e.at + e.remove);
        const landed = edits
          .slice()
          .reverse()
          .reduce<Array<{ start: number; end: number; code: string }>>((acc, e, i, arr) => {
            const shift = arr.slice(0, i).reduce((s, x) => s + x.insert.length - x.remove, 0);
            acc.push({ start: e.at + shift, end: e.at + shift + e.insert.length, code: e.code });
            return acc;
          }, []);
        const findings = analyze(mutated).findings.filter(
          (f) => (f.code === 'typo' || f.code === 'place-name' || f.code === 'doubled-punctuation') && !baseline.has(`${f.code}:${mutated.slice(f.start, f.end)}`),
        );
        for (const l of landed) {
          injected++;
          if (findings.some((f) => f.code === l.code && f.start < l.end + 1 && f.end > l.start - 1)) found++;
          else misses.push(`${name} ${l.code} ${mutated.slice(l.start - 3, l.end + 3)}`);
        }
        for (const f of findings) {
          reported++;
          if (landed.some((l) => l.code === f.code && f.start < l.end + 1 && f.end > l.start - 1)) correct++;
        }
      }
    }
    const recall = found / injected;
    const precision = correct / reported;
    console.log(`injected defects: recall ${found}/${injected} = ${(recall * 100).toFixed(1)}%, precision ${correct}/${reported} = ${(precision * 100).toFixed(1)}%`);
    if (misses.length) console.log('missed:\n  ' + misses.slice(0, 20).join('\n  '));
    assert.ok(injected >= 100, `${injected}`);
    assert.ok(recall >= 0.9, `recall ${recall}`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
  });
});
