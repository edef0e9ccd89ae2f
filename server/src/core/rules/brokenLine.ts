/**
 * broken-line: a paragraph cut mid-sentence by the page layout — a line that stops without
 * closing punctuation, one or more blank lines, then a line that continues the sentence
 * ("…动态调整核酸检测,优先" / "筛查重点人群。…").
 *
 * Headlines, section titles, bylines and captions also end without punctuation, so the
 * signal is the shape of the two lines, not the missing mark alone:
 *  - the next line must start flush (an indented line opens a new paragraph), with a Han
 *    character or digit, and not with a dateline or credit label (本报讯, 记者, 来源 …);
 *  - the last clause of the first line must not contain a space (titles such as
 *    "推行小区楼长制 筑牢防疫“安全墙”", credits "周 皓 冯克俭 摄", "本报记者 郝晓炜" do;
 *    running Chinese prose does not);
 *  - a first line that already contains sentence punctuation (， 、 ； 。) is body text:
 *    its unfinished end is a cut;
 *  - a first line without any punctuation looks like a title ("云冈区", "平城区迎宾街道"); it
 *    is joined only when the next line begins with a fragment of at most three characters
 *    closed by punctuation ("落实城乡社区工作者关心关" / "爱措施。…").
 *
 * The fix removes the line break(s). It is safe only when the first line ends with a
 * comma or enumeration comma (，、), which cannot end a title or a paragraph; otherwise the
 * join is offered for review, because gluing a title into a paragraph by fix-all would
 * damage the text more than an unjoined line does.
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import type { Finding } from '../types';
import { compileMessage, normalizedCode } from './pinyinResidue';

const MESSAGE = {
  en: 'Sentence broken across paragraphs: “…{0}” continues with “{1}…”',
  zh: '句子被断行拆开:“…{0}”与“{1}…”应相连',
};
const FIX = { en: 'Join the lines', zh: '合并为一行' };

/** Marks after which a line may legitimately end (closing, colon, semicolon). Normalised to ASCII where full-width. */
const CLOSING = new Set([...'。!?…”」』)]】》;:’"\'—．.'].map((c) => c.charCodeAt(0)));
/** Sentence-internal or final punctuation that shows a line is prose. Normalised. */
const PROSE = new Set([...',、;。!?'].map((c) => c.charCodeAt(0)));
/** Marks that certainly continue a sentence. */
const CONTINUING = new Set([...',、'].map((c) => c.charCodeAt(0)));
/** Marks that can close a fragment at the start of the next line. */
const FRAGMENT_END = new Set([...',、;。!?'].map((c) => c.charCodeAt(0)));

const LABELS = ['本报讯', '本报记者', '记者', '通讯员', '来源', '作者', '撰文', '编辑', '责编', '新华社', '图为', '附件', '摄影', '出版', '发布'];

/** The start of a numbered item. */
const ITEM_START = /^(?:[0-9０-９]{1,3}[.、．]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十0-9]{1,3}[)）]|(?:病例|感染者|患者)[0-9０-９]{1,4})/;
/** A date at the start of a line, with the colon of a dated item (9月15日:) when there is one. */
const DATE_START = /^[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]([:：])?/;
/** A line that is only a case header: 病例1, 感染者12: */
const CASE_HEADER = /^\s*(?:病例|感染者|患者|确诊病例|確診病例)[0-9０-９]{1,4}[:：]?\s*$/;

interface Line {
  start: number;
  /** End of the text without trailing blanks. */
  end: number;
  /** Offset of the line break (or text length). */
  brk: number;
}

function isBlankCode(c: number): boolean {
  return c === 0x20 || c === 9 || c === 0x3000 || c === 13;
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf);
}

/** The line that ends at the break `brk`, with `start` its first offset. */
function lineOf(text: string, start: number, brk: number): Line {
  let e = brk;
  while (e > start && isBlankCode(text.charCodeAt(e - 1))) e--;
  return { start, end: e, brk };
}

/**
 * The first line break at or after `from` that is followed by a blank line (only spaces, tabs,
 * U+3000, CRs, then a line break): the least a report needs. Returns the break's offset, and in
 * `afterBlank.at` the offset after the blank line's own break; -1 when there is none.
 *
 * This is the match of /\n[ \t\u3000\r]*\n/g from `from`, found with indexOf: a match starts
 * at a line break; from a break p that does not start one, the blanks after it end at a
 * character that is neither a blank nor a break, so no break lies between p and the end q of
 * those blanks, and the next possible start is the first break at or after q.
 */
function blankLineAt(text: string, from: number, afterBlank: { at: number }, deadline: Deadline): number {
  const n = text.length;
  let q = from;
  for (let p = text.indexOf('\n', from); p >= 0; p = text.indexOf('\n', q)) {
    deadline.check();
    q = p + 1;
    while (q < n && isBlankCode(text.charCodeAt(q))) q++;
    if (q < n && text.charCodeAt(q) === 10) {
      afterBlank.at = q + 1;
      return p;
    }
  }
  return -1;
}

const MESSAGE_OF = compileMessage(MESSAGE);
const FIX_TITLE = { en: compileMessage(FIX)('en'), zh: compileMessage(FIX)('zh-cn') };

export function checkBrokenLine(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  // Every reported pair is a non-blank line L whose break is followed by a blank line: find
  // those breaks, then look for the next non-blank line M. A break found this way whose own
  // line is blank belongs to blank lines at the start of the text (any other blank line is
  // passed over while looking for an M), and is skipped.
  const afterBlank = { at: 0 };
  for (let brk = blankLineAt(text, 0, afterBlank, deadline); brk >= 0; ) {
    deadline.check();
    const L = lineOf(text, brk === 0 ? 0 : text.lastIndexOf('\n', brk - 1) + 1, brk);
    if (L.end <= L.start) {
      brk = blankLineAt(text, brk + 1, afterBlank, deadline);
      continue;
    }
    let M: Line | undefined;
    for (let s = afterBlank.at; ; ) {
      let nl = text.indexOf('\n', s);
      if (nl < 0) nl = n;
      const line = lineOf(text, s, nl);
      if (line.end > line.start) {
        M = line;
        break;
      }
      if (nl >= n) break;
      s = nl + 1;
      deadline.check();
    }
    if (!M) break; // only blank lines to the end
    if (joinable(text, L, M)) {
      const safe = CONTINUING.has(normalizedCode(text.charCodeAt(L.end - 1)));
      const tail = text.slice(Math.max(L.start, L.end - 6), L.end);
      const head = text.slice(M.start, Math.min(M.end, M.start + 6));
      out.push({
        code: 'broken-line',
        severity: 'information',
        start: L.end - 1,
        end: M.start + 1,
        message: MESSAGE_OF(locale, tail, head),
        related: [],
        fixes: [{ title: locale === 'zh-cn' ? FIX_TITLE.zh : FIX_TITLE.en, edits: [{ start: L.end, end: M.start, newText: '' }], safe }],
      });
    }
    brk = blankLineAt(text, M.start, afterBlank, deadline);
  }
  return out;
}

/** Whether the normalised text at `at` starts with `word`. */
function startsWithNormalised(text: string, word: string, at: number): boolean {
  if (at + word.length > text.length) return false;
  for (let q = 0; q < word.length; q++) if (normalizedCode(text.charCodeAt(at + q)) !== word.charCodeAt(q)) return false;
  return true;
}

/**
 * Two lines separated by blank lines: does L stop mid-sentence and M continue it? Read on the
 * normalised text, character by character (normalisation maps each on its own).
 */
function joinable(text: string, L: Line, M: Line): boolean {
  const norm = (k: number): number => normalizedCode(text.charCodeAt(k));
  const last = norm(L.end - 1);
  if (CLOSING.has(last)) return false;
  // The next line starts flush, with a Han character or a digit.
  const first = norm(M.start);
  if (isBlankCode(first)) return false;
  const firstIsDigit = first >= 0x30 && first <= 0x39;
  if (!isHanCode(first) && !firstIsDigit) return false;
  for (const label of LABELS) if (startsWithNormalised(text, label, M.start)) return false;
  // A line that opens an item (1. / 一、 / (二) / 病例3 / 9月15日:) starts anew, and so does a
  // date after a list that ends in 、 (…新亚太国际广场、 / 9月15日:吾饮良品); a case header
  // (病例1) ends its own line.
  const mHead = text.slice(M.start, Math.min(M.end, M.start + 12));
  const dated = DATE_START.exec(mHead);
  if (ITEM_START.test(mHead) || (dated && (dated[1] !== undefined || last === 0x3001))) return false;
  if (CASE_HEADER.test(text.slice(L.start, L.end))) return false;

  // The last clause of L: no spaces (titles, credits, bylines have them).
  let prose = false;
  let k = L.end - 1;
  while (k >= L.start && !PROSE.has(norm(k))) {
    const c = norm(k);
    if (c === 0x20 || c === 9) return false;
    k--;
  }
  if (k >= L.start) prose = true;
  if (!isHanCode(last) && !CONTINUING.has(last) && !(last >= 0x30 && last <= 0x39)) return false;
  if (prose) return true;

  // Title-shaped L: join only before a short fragment closed by punctuation.
  if (firstIsDigit) return false;
  const LIMIT = 3;
  for (let p = M.start; p < M.end && p <= M.start + LIMIT; p++) {
    const c = norm(p);
    if (FRAGMENT_END.has(c)) return p > M.start;
    if (!isHanCode(c)) return false;
  }
  return false;
}
