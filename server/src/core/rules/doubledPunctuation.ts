/**
 * doubled-punctuation: runs like ",," "、," ",。" left by scrapers. The run is
 * replaced by its strongest mark (。 > ; > : > 、 > ,), keeping the width of that mark.
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import { t, type Locale } from '../messages';
import type { Finding } from '../types';
import { compileMessage } from './pinyinResidue';

const STRENGTH: Record<string, number> = {
  ',': 1, '，': 1,
  '、': 2,
  ':': 3, '：': 3,
  ';': 4, '；': 4,
  '。': 5,
};

/** Two or more of the marks of STRENGTH in a row. The regex engine finds the (rare) runs far faster than a loop over every character. */
const RUN = /[,，、:：;；。]{2,}/g;

// The shared messages, with their slots left in place, compiled once.
const SLOTS = ['{0}', '{1}', '{2}', '{3}', '{4}', '{5}', '{6}', '{7}', '{8}', '{9}'];
const MESSAGE = compileMessage({ en: t('en', 'doubled-punctuation', ...SLOTS), zh: t('zh-cn', 'doubled-punctuation', ...SLOTS) });
const FIX = compileMessage({ en: t('en', 'fix.doubled', ...SLOTS), zh: t('zh-cn', 'fix.doubled', ...SLOTS) });

export function checkDoubledPunctuation(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  // Each match is a whole run: a mark before it would have started the match earlier, and {2,} is greedy.
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    deadline.check();
    const run = m[0];
    const i = m.index;
    const j = i + run.length;
    let best = run[0] as string;
    for (const ch of run) if ((STRENGTH[ch] as number) > (STRENGTH[best] as number)) best = ch;
    // "1,000" style digits never reach here (digits break runs); ":;" in code-like text is rare in bulletins.
    out.push({
      code: 'doubled-punctuation',
      severity: 'warning',
      start: i,
      end: j,
      message: MESSAGE(locale, run),
      related: [],
      fixes: [{ title: FIX(locale, run, best), edits: [{ start: i, end: j, newText: best }], safe: true }],
    });
  }
  return out;
}
