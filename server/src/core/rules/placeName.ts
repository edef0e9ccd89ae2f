/**
 * place-name: a division name that does not exist but is one character away from a
 * real division of the article's province, with that character of the same sound
 * (云岗区 → 云冈区). Real places, unnamed communities and names too far from any
 * division are never flagged.
 */
import { lookupPlace, placesInProvince, type Place } from '../gazetteer';
import { localized, type Locale } from '../messages';
import type { Region } from '../regions';
import { isHan, toSimplified } from '../text/normalize';
import { sameSound } from '../text/homophone';
import type { Finding } from '../types';

const MESSAGE = { en: '“{0}” is not a division of {1}. Did you mean {2}?', zh: '“{0}”不是{1}的行政区划。是否应为“{2}”?' };
const FIX = { en: 'Replace with {0}', zh: '改为“{0}”' };
const SUFFIXES = ['区', '县', '市'];

/** Common words that end like a division name (中心城区, 主城区, 老城区): not names. */
const GENERIC = new Set(['城区', '市区', '辖区', '社区', '小区', '景区', '园区', '片区', '新区', '郊区', '老区', '山区', '灾区', '矿区', '城市', '县城', '全区', '全县', '全市', '本区', '本县', '本市', '我区', '我县', '我市', '该区', '该县', '该市', '城乡', '地市', '省市', '县市', '市县', '区县']);

const byProvince = new Map<string, Map<string, Place[]>>();

/** Divisions of a province bucketed by length and suffix. */
function bucketsFor(code: string): Map<string, Place[]> {
  let b = byProvince.get(code);
  if (!b) {
    b = new Map();
    for (const p of placesInProvince(code)) {
      const key = `${p.name.length}|${p.name[p.name.length - 1]}`;
      b.set(key, [...(b.get(key) ?? []), p]);
    }
    byProvince.set(code, b);
  }
  return b;
}

export function checkPlaceName(text: string, province: Region | undefined, locale: Locale): Finding[] {
  if (!province?.code) return [];
  const buckets = bucketsFor(province.code);
  const out: Finding[] = [];
  for (let i = 2; i < text.length; i++) {
    const suffix = text[i] as string;
    if (!SUFFIXES.includes(toSimplified(suffix))) continue;
    // 2-character names (云冈区); a preceding Han character is part of another word only
    // when it is a division prefix we cannot judge, so 2 and 3 are tried, longest real first.
    for (const len of [2, 3]) {
      const s = i - len;
      if (s < 0) continue;
      let han = true;
      for (let k = s; k < i; k++) if (!isHan(text.charCodeAt(k))) han = false;
      if (!han) continue;
      const written = text.slice(s, i + 1);
      const name = toSimplified(written);
      // 中心城区: the tail of a longer word, not a name.
      if (GENERIC.has(name.slice(-2)) && s > 0 && isHan(text.charCodeAt(s - 1))) break;
      if (GENERIC.has(name.slice(0, 2)) || GENERIC.has(name.slice(-2)) && len === 3) break;
      if (lookupPlace(name).length > 0) break; // a real place (at this or a shorter length)
      if (len === 3 && lookupPlace(name.slice(1)).length > 0) break;
      const candidates = (buckets.get(`${name.length}|${name[name.length - 1]}`) ?? []).filter((p) => {
        let diff = -1;
        let count = 0;
        for (let k = 0; k < name.length; k++) if (name[k] !== p.name[k]) {
          diff = k;
          count++;
        }
        return count === 1 && diff < name.length - 1 && sameSound(name[diff] as string, p.name[diff] as string);
      });
      if (candidates.length !== 1) continue;
      const right = (candidates[0] as Place).name;
      // only when the article does not also use the written form for something else we cannot judge
      out.push({
        code: 'place-name',
        severity: 'warning',
        start: s,
        end: i + 1,
        message: localized(locale, MESSAGE, written, province.name, right),
        related: [],
        fixes: [{ title: localized(locale, FIX, right), edits: [{ start: s, end: i + 1, newText: right }], safe: false }],
      });
      break;
    }
  }
  return out;
}
