/**
 * inconsistent-name: one place written two ways in an article (龙保社区 ×3, 龙堡社区 ×1):
 * names with the same place suffix and length that differ in one character of the
 * same sound. The minority form is flagged, with a fix to the majority form (not
 * safe: the majority is usually, not always, right).
 */
import { localized, type Locale } from '../messages';
import { isHan } from '../text/normalize';
import { sameSound } from '../text/homophone';
import type { Finding } from '../types';

const MESSAGE = { en: '“{0}” is written “{1}” {2} times elsewhere in this article', zh: '“{0}”在本文其他地方写作“{1}”({2} 次)' };
const FIX = { en: 'Write “{0}” as elsewhere', zh: '统一写作“{0}”' };
const OTHER = { en: 'written “{0}” here', zh: '此处写作“{0}”' };
const SUFFIXES = ['社区', '街道', '小区', '村', '镇', '乡', '县', '区', '市'];

interface Occurrence {
  start: number;
  end: number;
}

export function checkInconsistentName(text: string, locale: Locale): Finding[] {
  // Names: 2–3 Han characters before a suffix.
  const names = new Map<string, Occurrence[]>();
  const spans = new Set<string>();
  for (const suffix of SUFFIXES) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(suffix, from);
      if (at < 0) break;
      from = at + suffix.length;
      for (const len of [2, 3]) {
        const s = at - len;
        if (s < 0) continue;
        let han = true;
        for (let k = s; k < at; k++) if (!isHan(text.charCodeAt(k))) han = false;
        if (!han) continue;
        const name = text.slice(s, at + suffix.length);
        const span = `${s}:${at + suffix.length}`;
        if (spans.has(span)) continue;
        spans.add(span);
        const list = names.get(name) ?? [];
        list.push({ start: s, end: at + suffix.length });
        names.set(name, list);
      }
    }
  }
  const out: Finding[] = [];
  const keys = [...names.keys()];
  const byShape = new Map<string, string[]>();
  for (const k of keys) {
    // bucket by length and suffix: only names of one shape are compared
    const shape = `${k.length}|${SUFFIXES.find((x) => k.endsWith(x))}`;
    byShape.set(shape, [...(byShape.get(shape) ?? []), k]);
  }
  for (const group of byShape.values()) {
    for (const minor of group) {
      const minorOcc = names.get(minor) as Occurrence[];
      for (const major of group) {
        if (major === minor) continue;
        const majorOcc = names.get(major) as Occurrence[];
        if (majorOcc.length < 2 || majorOcc.length <= minorOcc.length) continue;
        let diff = -1;
        let count = 0;
        for (let k = 0; k < minor.length; k++) if (minor[k] !== major[k]) {
          diff = k;
          count++;
        }
        if (count !== 1 || !sameSound(minor[diff] as string, major[diff] as string)) continue;
        for (const o of minorOcc) {
          out.push({
            code: 'inconsistent-name',
            severity: 'warning',
            start: o.start,
            end: o.end,
            message: localized(locale, MESSAGE, minor, major, majorOcc.length),
            related: majorOcc.slice(0, 5).map((m) => ({ start: m.start, end: m.end, message: localized(locale, OTHER, major) })),
            fixes: [{ title: localized(locale, FIX, major), edits: [{ start: o.start + diff, end: o.start + diff + 1, newText: major[diff] as string }], safe: false }],
          });
        }
      }
    }
  }
  // one finding per place: a 3-character and a 2-character reading of the same span may both match
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((f, k) => k === 0 || !(f.start < (out[k - 1] as Finding).end && f.end > (out[k - 1] as Finding).start));
}
