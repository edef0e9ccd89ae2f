/**
 * web-residue: whole lines that a scraper copied from the web page around the article —
 * breadcrumbs ("您当前的位置:首页 / 城管要闻 / 内容页"), editor credits ("(责编:张凯)"),
 * share and print prompts ("分享到", "扫一扫在手机打开当前页"). A line qualifies only when
 * the pattern covers it as a whole (a short line that is nothing but the residue), so a
 * sentence that merely mentions 分享 or 位置 is never touched. Matching runs on the
 * simplified, ASCII-folded copy with scraper pinyin ("當(dāng)前") skipped. The fix deletes
 * the line with its line break.
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import type { Locale } from '../messages';
import { normalizeForMatching } from '../text/normalize';
import type { Finding } from '../types';
import { compileMessage, hanBefore, normalizedCode, pinyinGroupAt } from './pinyinResidue';

const MESSAGE = {
  breadcrumb: { en: 'Web page breadcrumb left in the text: “{0}”', zh: '残留的网页导航:“{0}”' },
  credit: { en: 'Web page editor credit left in the text: “{0}”', zh: '残留的网页编辑署名:“{0}”' },
  share: { en: 'Web page share or print prompt left in the text: “{0}”', zh: '残留的网页分享或打印提示:“{0}”' },
};
const FIX = { en: 'Delete the line', zh: '删除此行' };

type Kind = keyof typeof MESSAGE;
const MESSAGE_OF = { breadcrumb: compileMessage(MESSAGE.breadcrumb), credit: compileMessage(MESSAGE.credit), share: compileMessage(MESSAGE.share) };
const FIX_TITLE = { en: compileMessage(FIX)('en'), zh: compileMessage(FIX)('zh-cn') };

/** Longest line considered (residue lines are short; article paragraphs are not). */
const MAX_LINE = 80;

// All patterns are anchored, with no nested or overlapping quantifiers.
const PATTERNS: Array<{ kind: Kind; re: RegExp }> = [
  // 您当前的位置:首页 > … / 当前位置:… / 您现在的位置是:…
  { kind: 'breadcrumb', re: /^(?:您|你)?(?:当前|现在)(?:的)?(?:所在)?位置(?:是)?\s*[:>]/ },
  // 首页 > 新闻 > 正文 (at least one separator, ends on a typical leaf)
  { kind: 'breadcrumb', re: /^首页\s*(?:>>|>|\/|»|→)[^。,;!?]*$/ },
  // (责编:张凯) (责任编辑:李四) [编辑:王五]
  {
    kind: 'credit',
    re: /^[([【]\s*(?:责任编辑|责编|编辑|审核|校对|来源|作者|实习编辑)\s*[:]\s*[^()[\]【】\s][^()[\]【】]{0,19}[)\]】]$/,
  },
  // 责任编辑:张凯 (a bare credit line)
  { kind: 'credit', re: /^(?:责任编辑|责编)\s*[:]\s*[^\s,。;:]{1,12}$/ },
  // Share, print and page-navigation prompts.
  {
    kind: 'share',
    re: /^(?:分享到|分享至|扫一扫在手机打开当前页|扫一扫在手机上打开当前页|用手机扫描二维码|【?打印本页】?|【?关闭窗口】?|【?打印】?|【?关闭】?|返回顶部|字号\s*(?::\s*)?大\s*中\s*小)[:\s]*$/,
  },
  { kind: 'share', re: /^分享到\s*(?::\s*)?(?:微信|微博|QQ|qq|新浪微博|朋友圈|QQ空间)/ },
  { kind: 'share', re: /^(?:上一篇|下一篇)\s*[:]/ },
];

/**
 * The first character of every pattern above, normalised: 您你当现 (breadcrumb), 首 (首页 >),
 * ( [ 【 (credit), 责 (bare credit), 分扫用打关返字【 (share prompts), 上下 (上一篇). A line whose
 * first character (normalised, after blanks) is none of these is not read further. Keep in step
 * with PATTERNS.
 */
const FIRST = new Set(Array.from('您你当现首([【责分扫用打关返字上下', (c) => c.charCodeAt(0)));

/** JavaScript's \s (and what trim() removes): WhiteSpace and LineTerminator. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether the line [start, end) can be residue at all: its first non-blank character, normalised, starts a pattern. */
function mayBeResidue(text: string, start: number, end: number): boolean {
  let k = start;
  while (k < end && isJsSpace(normalizedCode(text.charCodeAt(k)))) k++;
  return k < end && FIRST.has(normalizedCode(text.charCodeAt(k)));
}

/**
 * The first "(" or "（" of `line` at or after `from`, or -1. Both are searched again at each
 * parenthesis (quadratic in a line's parentheses), which is harmless: only lines of at most
 * MAX_LINE * 3 units are read.
 */
function nextParen(line: string, from: number): number {
  const half = line.indexOf('(', from);
  const full = line.indexOf('（', from);
  return half < 0 ? full : full < 0 ? half : Math.min(half, full);
}

/**
 * Copy of a line with scraper pinyin groups left out, for matching. A group starts at a
 * parenthesis, so the line is copied in slices from one parenthesis to the next (every
 * other character is copied as it is).
 */
function skeleton(line: string): string {
  let out = '';
  let copied = 0; // line[copied, i) is still to be copied
  for (let i = nextParen(line, 0); i >= 0; ) {
    if (hanBefore(line, i)) {
      const g = pinyinGroupAt(line, i);
      if (g) {
        out += line.slice(copied, i);
        copied = g.end;
        i = nextParen(line, g.end);
        continue;
      }
    }
    i = nextParen(line, i + 1);
  }
  out += line.slice(copied);
  return normalizeForMatching(out).replace(/\s+/g, ' ').trim();
}

function classify(line: string): Kind | undefined {
  const s = skeleton(line);
  if (s.length === 0 || s.length > MAX_LINE) return undefined;
  if (s.includes('。')) return undefined; // residue lines are not sentences
  for (const p of PATTERNS) if (p.re.test(s)) return p.kind;
  return undefined;
}

export function checkWebResidue(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  let start = 0;
  while (start < n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    deadline.check();
    const lineEnd = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (lineEnd - start <= MAX_LINE * 3 && mayBeResidue(text, start, lineEnd)) {
      const line = text.slice(start, lineEnd);
      const kind = classify(line);
      if (kind) {
        // Delete the line and its own break; a last line without one takes the break before it.
        let delStart = start;
        let delEnd = nl < n ? nl + 1 : n;
        if (nl >= n && start > 0) {
          delStart = start - 1;
          if (delStart > 0 && text.charCodeAt(delStart - 1) === 13) delStart--;
        }
        out.push({
          code: 'web-residue',
          severity: 'hint',
          start: delStart,
          end: delEnd,
          message: MESSAGE_OF[kind](locale, line.trim()),
          related: [],
          fixes: [{ title: locale === 'zh-cn' ? FIX_TITLE.zh : FIX_TITLE.en, edits: [{ start: delStart, end: delEnd, newText: '' }], safe: false }], // removes content: only when asked
        });
      }
    }
    start = nl + 1;
  }
  return out;
}
