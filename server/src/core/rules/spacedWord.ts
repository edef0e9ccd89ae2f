/**
 * spaced-word: a word letter-spaced by the page layout, "阳 曲 县", "记 者 袁剑锋", "编 者 按".
 * A candidate is a run of two or more single Han characters separated by single spaces
 * (U+0020 or U+3000). It is reported when
 *   - it starts with a byline word (记者, 编者按, 通讯员, 摄影, 编辑 …), or
 *   - it is the whole line (a letter-spaced heading), or
 *   - it has three or more characters and the line is not a credit line.
 * Two-character personal names spaced to align with three-character ones in credits
 * ("周 皓 冯克俭 摄", "记 者 王 丹 通讯员 王思宇") are typesetting and are left alone: in a
 * credit line (it ends with 摄, or names 记者/通讯员/摄影/编辑) only byline words are reported.
 * The fix removes the spaces; it is never safe (the spacing may be deliberate).
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { isHan, normalizeForMatching } from '../text/normalize';
import type { Finding, TextEdit } from '../types';
import { compileMessage } from './pinyinResidue';

const MESSAGE = { en: 'Letter-spaced word “{0}” (reads “{1}”)', zh: '字间插入了空格:“{0}”(应为“{1}”)' };
const FIX = { en: 'Remove the spaces: “{0}”', zh: '删除空格:“{0}”' };
const MESSAGE_OF = compileMessage(MESSAGE);
const FIX_OF = compileMessage(FIX);

/** Byline words that the layout letter-spaces; simplified. */
const BYLINE_WORDS = ['编者按', '通讯员', '记者', '编者', '摄影', '编辑', '责编', '撰文', '作者', '来源', '本报讯'];

const CREDIT_MARKERS = ['记者', '通讯员', '摄影', '编辑', '撰文'];

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

interface Token {
  start: number;
  end: number;
}

function isCreditLine(simplifiedNoSpaces: string): boolean {
  if (simplifiedNoSpaces.endsWith('摄')) return true;
  return CREDIT_MARKERS.some((m) => simplifiedNoSpaces.includes(m));
}

function report(
  text: string,
  singles: Token[],
  from: number,
  to: number,
  locale: Locale,
  out: Finding[],
): void {
  const first = singles[from] as Token;
  const last = singles[to - 1] as Token;
  const start = first.start;
  const end = last.end;
  const edits: TextEdit[] = [];
  let joined = '';
  for (let k = from; k < to; k++) {
    const t = singles[k] as Token;
    joined += text.slice(t.start, t.end);
    if (k + 1 < to) edits.push({ start: t.end, end: (singles[k + 1] as Token).start, newText: '' });
  }
  const literal = text.slice(start, end);
  out.push({
    code: 'spaced-word',
    severity: 'hint',
    start,
    end,
    message: MESSAGE_OF(locale, literal, joined),
    related: [],
    fixes: [{ title: FIX_OF(locale, joined), edits, safe: false }],
  });
}

/** Length (in single characters) of the byline word that the run starts with, or 0. `norm` is the normalised line from `ls`. */
function bylinePrefix(norm: string, ls: number, singles: Token[], from: number, to: number): number {
  let best = 0;
  for (const w of BYLINE_WORDS) {
    if (w.length > to - from || w.length <= best) continue;
    let ok = true;
    for (let k = 0; k < w.length && ok; k++) ok = norm[(singles[from + k] as Token).start - ls] === w[k];
    if (ok) best = w.length;
  }
  return best;
}

function checkLine(text: string, ls: number, le: number, locale: Locale, out: Finding[]): void {
  // Tokens split by single spaces; a run of single-Han tokens separated by exactly one space.
  const tokens: Token[] = [];
  let i = ls;
  while (i < le) {
    while (i < le && isSpace(text.charCodeAt(i))) i++;
    if (i >= le) break;
    const s = i;
    while (i < le && !isSpace(text.charCodeAt(i))) i++;
    tokens.push({ start: s, end: i });
  }
  if (tokens.length < 2) return;
  const lineNorm = normalizeForMatching(text.slice(ls, le));
  const compact = lineNorm.replace(/[ \u3000]/g, '').trim();
  const credit = isCreditLine(compact);
  const isSingle = (t: Token): boolean => t.end - t.start === 1 && isHan(text.charCodeAt(t.start));

  let k = 0;
  while (k < tokens.length) {
    if (!isSingle(tokens[k] as Token)) {
      k++;
      continue;
    }
    let m = k + 1;
    while (
      m < tokens.length &&
      isSingle(tokens[m] as Token) &&
      (tokens[m] as Token).start - (tokens[m - 1] as Token).end === 1
    )
      m++;
    // singles k..m-1
    if (m - k >= 2) {
      let from = k;
      let to = m;
      // A trailing 摄 is the credit verb, not part of a name.
      if (credit && lineNorm[(tokens[to - 1] as Token).start - ls] === '摄') to--;
      const wholeLine = k === 0 && m === tokens.length;
      let pre = bylinePrefix(lineNorm, ls, tokens, from, to);
      while (pre >= 2) {
        report(text, tokens, from, from + pre, locale, out);
        from += pre;
        pre = to - from >= 2 ? bylinePrefix(lineNorm, ls, tokens, from, to) : 0;
      }
      if (to - from >= 2 && !credit && (wholeLine || to - from >= 3)) report(text, tokens, from, to, locale, out);
    }
    k = m;
  }
}

/**
 * Two single Han characters with one space between ("阳 曲"), the least any report needs.
 * The regex engine finds these (rare) spots far faster than a loop over every character.
 */
const PAIR = /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff][ \u3000][\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]/g;

/** Whether the Han character at x is a whole token: a space or the start of its line before it. */
function tokenStartsAt(text: string, x: number): boolean {
  if (x === 0) return true;
  const c = text.charCodeAt(x - 1);
  return c === 10 || isSpace(c);
}

/** Whether the Han character ending at x is a whole token: a space or the end of its line (a CR before LF is not part of a line) after it. */
function tokenEndsAt(text: string, x: number): boolean {
  if (x >= text.length) return true;
  const c = text.charCodeAt(x);
  if (c === 10 || isSpace(c)) return true;
  return c === 13 && (x + 1 === text.length || text.charCodeAt(x + 1) === 10);
}

export function checkSpacedWord(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  // Only lines holding two single-character tokens in a row can be reported: find those
  // first, then read each such line once.
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) {
    deadline.check();
    const x = m.index;
    if (!tokenStartsAt(text, x) || !tokenEndsAt(text, x + 3)) {
      PAIR.lastIndex = x + 1; // "阳阳 曲 县": the next pair overlaps this one
      continue;
    }
    const ls = text.lastIndexOf('\n', x) + 1;
    let nl = text.indexOf('\n', x);
    if (nl < 0) nl = n;
    let le = nl;
    if (le > ls && text.charCodeAt(le - 1) === 13) le--;
    checkLine(text, ls, le, locale, out);
    PAIR.lastIndex = nl + 1;
  }
  return out;
}
