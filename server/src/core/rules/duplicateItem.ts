/**
 * duplicate-item: an enumeration that repeats an item (公安、工信、公安). The repeat is
 * flagged with the first occurrence as related; no fix, since the intended item is
 * unknown (the three are 公安、公卫、工信).
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { isHan } from '../text/normalize';
import type { Finding } from '../types';
import { compileMessage } from './pinyinResidue';

const MESSAGE = { en: '“{0}” is listed twice in this enumeration', zh: '列举中重复出现“{0}”' };
const FIRST = { en: 'first listed here', zh: '首次列出' };
const MAX_ITEM = 10;

function isItemChar(c: number): boolean {
  return isHan(c);
}

const COMMA = 0x3001; // 、

const MESSAGE_OF = compileMessage(MESSAGE);
const FIRST_OF = { en: compileMessage(FIRST)('en'), zh: compileMessage(FIRST)('zh-cn') };

/**
 * The words of one enumeration, each known by the span where it was first met: an
 * open-addressing table of spans hashed on their characters (no strings made). A lookup
 * answers what a Map keyed by the words' text would.
 */
class Spans {
  private slots = new Int32Array(64);
  private starts: number[] = [];
  private lengths: number[] = [];
  private text = '';

  reset(text: string, entries: number): void {
    this.text = text;
    let size = 64;
    while (size < entries * 2) size *= 2;
    if (this.slots.length !== size) this.slots = new Int32Array(size);
    else this.slots.fill(0);
    this.starts.length = 0;
    this.lengths.length = 0;
  }

  /** Forgets the text (the instance outlives the call). */
  release(): void {
    this.text = '';
  }

  private hash(start: number, length: number): number {
    let h = length;
    for (let k = start; k < start + length; k++) h = Math.imul(h ^ this.text.charCodeAt(k), 0x9e3779b1);
    return (h ^ (h >>> 15)) & (this.slots.length - 1);
  }

  /** The start of the span first met with the same characters as [start, start + length), or -1. */
  find(start: number, length: number): number {
    const text = this.text;
    const mask = this.slots.length - 1;
    for (let slot = this.hash(start, length); ; slot = (slot + 1) & mask) {
      const e = (this.slots[slot] as number) - 1;
      if (e < 0) return -1;
      if (this.lengths[e] !== length) continue;
      const s = this.starts[e] as number;
      let k = 0;
      while (k < length && text.charCodeAt(s + k) === text.charCodeAt(start + k)) k++;
      if (k === length) return s;
    }
  }

  /** Adds a span whose characters are not in the table yet. */
  add(start: number, length: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hash(start, length);
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.starts.push(start);
    this.lengths.push(length);
    this.slots[slot] = this.starts.length;
  }
}

const seen = new Spans();

export function checkDuplicateItem(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  const items: number[] = []; // start, end of each item
  // An enumeration of three items has an enumeration comma right after its first item, so the
  // text is read from one 、 to the next: the first item is the run of Han just before it. Runs
  // of Han not followed by 、 cannot start an enumeration; `i` is where the previous one ended
  // (a run that started before it is not a new start).
  let i = 0;
  for (let p = text.indexOf('、', i); p >= 0; p = text.indexOf('、', i)) {
    deadline.check();
    let k = p;
    while (k > i && p - k < MAX_ITEM && isItemChar(text.charCodeAt(k - 1))) k--;
    if (k === p || (k > 0 && isItemChar(text.charCodeAt(k - 1)))) {
      i = p + 1; // no Han before this 、, a longer item, or a run that started before i
      continue;
    }
    // an enumeration: item (、item)+ where every item is 1–10 Han characters
    let count = 0; // items
    let j = k;
    for (;;) {
      const s = j;
      while (j < n && isItemChar(text.charCodeAt(j)) && j - s <= MAX_ITEM) j++;
      if (j === s || j - s > MAX_ITEM) break;
      items[2 * count] = s;
      items[2 * count + 1] = j;
      count++;
      if (text.charCodeAt(j) !== COMMA) break;
      j++;
    }
    if (count >= 3) {
      // The first and last items may carry surrounding words (加强公安、工信、公安协同):
      // compare only inner items, or outer items that equal an inner one exactly.
      // `seen` holds the words met so far (the first item also by its last 2–4 characters),
      // each by the span where it was first met.
      seen.reset(text, count * 4);
      for (let m = 0; m < count; m++) {
        const start = items[2 * m] as number;
        const end = items[2 * m + 1] as number;
        const length = end - start;
        const first = seen.find(start, length);
        if (first >= 0 && (m < count - 1 || length <= 4)) {
          const word = text.slice(start, end);
          out.push({
            code: 'duplicate-item',
            severity: 'warning',
            start,
            end,
            message: MESSAGE_OF(locale, word),
            related: [{ start: first, end: first + length, message: locale === 'zh-cn' ? FIRST_OF.zh : FIRST_OF.en }],
            fixes: [],
          });
        } else if (first < 0) {
          seen.add(start, length);
          // the first item may have leading words glued to it: keep its last 2–4 characters
          // (as words of their own: shorter than the item, none equals it or another)
          if (m === 0) for (let len = 2; len <= 4 && len < length; len++) seen.add(end - len, len);
        }
      }
      seen.release();
    }
    i = Math.max(j, k + 1);
  }
  return out;
}
