/**
 * The entry point of the core: text in, plain data out. Never throws; whatever
 * goes wrong inside becomes a Problem and the rest of the analysis still runs.
 */
import { checkBreakdownSum } from './checks/breakdownSum';
import { clock, Deadline, StageStopped } from './deadline';
import { checkConflictingRepeat } from './checks/conflictingRepeat';
import { checkIdentity, checkOriginSum } from './checks/identity';
import { IdMarks } from './checks/idMarks';
import { checkInvalidDates } from './checks/invalidDate';
import { findDates, type DateInfo } from './dates';
import { checkPartExceedsTotal } from './checks/partExceedsTotal';
import { checkPercent } from './checks/percent';
import { checkPlaceCounts } from './checks/placeCount';
import { findPlaceCounts } from './placeCounts';
import { scanFigures } from './figures';
import { mergeFigures, scanZeros } from './zeros';
import { findGroups } from './groups';
import { looksLikeBulletin } from './looksLikeBulletin';
import { localized, type Locale } from './messages';
import { checkBrokenLine } from './rules/brokenLine';
import { checkDoubledPunctuation } from './rules/doubledPunctuation';
import { checkDuplicateItem } from './rules/duplicateItem';
import { checkInconsistentName } from './rules/inconsistentName';
import { checkMojibake } from './rules/mojibake';
import { checkPinyinResidue } from './rules/pinyinResidue';
import { checkPlaceName } from './rules/placeName';
import { checkPunctuationWidth } from './rules/punctuationWidth';
import { checkSpacedWord } from './rules/spacedWord';
import { checkWebResidue } from './rules/webResidue';
import { BUILTIN_TYPOS, checkTypos, type TypoEntry } from './rules/typo';
import { assignRegions } from './regions';
import { splitSentences } from './statements';
import { normalizeForMatching } from './text/normalize';
import type { Analysis, Figure, Finding, Group, Problem, RuleCode, SeveritySetting, Statement } from './types';

export type PlainTextMode = 'auto' | 'always' | 'off';

export interface AnalyzeOptions {
  locale?: Locale;
  /** Per-rule severity overrides; 'off' disables a rule. */
  rules?: Partial<Record<RuleCode, SeveritySetting>>;
  /** Extra typo entries (user dictionary). */
  typos?: readonly TypoEntry[];
  /**
   * Whether the text must look like a bulletin to be analysed: 'auto' checks,
   * 'always' analyses anything, 'off' analyses nothing.
   */
  mode?: PlainTextMode;
  /** Documents longer than this (UTF-16 units) are not analysed; one information finding says why. */
  maxLength?: number;
  /**
   * Time budget in milliseconds. Stages check it inside their loops: the stage running
   * when it runs out is dropped, the rest are skipped, and one finding says so.
   */
  timeBudgetMs?: number;
  /** Asked while the analysis runs; true stops it as the time budget does (a newer edit came in). */
  isCancelled?: () => boolean;
  /** When given, the milliseconds spent in each stage and check are added to it (for `npm run bench`). */
  timings?: Record<string, number>;
}

export const DEFAULT_MAX_LENGTH = 500_000;

// One combined list per user dictionary, so the typo matcher built for it is reused.
const combinedTypos = new WeakMap<readonly TypoEntry[], readonly TypoEntry[]>();
function withBuiltinTypos(user: readonly TypoEntry[] | undefined): readonly TypoEntry[] {
  if (!user || user.length === 0) return BUILTIN_TYPOS;
  let all = combinedTypos.get(user);
  if (!all) {
    all = [...BUILTIN_TYPOS, ...user];
    combinedTypos.set(user, all);
  }
  return all;
}

/** Replacement characters make up most of the non-ASCII text: decoded with the wrong encoding. */
function wrongEncoding(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let fffd = 0;
  let nonAscii = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) fffd++;
  }
  return fffd >= 8 && fffd >= nonAscii * 0.2;
}

const NOT_ANALYSED = {
  tooLarge: {
    en: 'Not analysed: the document has {0} characters, more than the limit of {1} (setting bulletinCheck.maxFileSize).',
    zh: '未分析:文档有 {0} 个字符,超过上限 {1}(设置 bulletinCheck.maxFileSize)。',
  },
  timeout: {
    en: 'Partly analysed: the analysis stopped after {0} ms (setting bulletinCheck.timeBudgetMs); skipped: {1}.',
    zh: '部分分析:分析在 {0} 毫秒后停止(设置 bulletinCheck.timeBudgetMs);跳过:{1}。',
  },
};

/** The figures that are a total or a part of some group. */
function grouped(groups: readonly Group[], figureCount: number): IdMarks {
  const ids = new IdMarks(figureCount);
  for (const g of groups) {
    ids.add(g.total);
    for (const p of g.parts) ids.add(p);
  }
  return ids;
}

function empty(isBulletin: boolean, problems: Problem[] = []): Analysis {
  return { isBulletin, places: [], home: {}, dates: { dates: [], problems: [] }, figures: [], groups: [], placeCounts: [], statements: [], findings: [], problems };
}

/**
 * Analyses a document in one go. The server uses `analysisSteps` instead, so that it can
 * let other messages in (a newer edit) between stages.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(text, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The analysis as a generator: it yields the name of each stage or check before running
 * it and returns the Analysis. A caller that drives it asynchronously can receive messages
 * between stages; `isCancelled` then stops the rest.
 */
export function* analysisSteps(text: string, options: AnalyzeOptions = {}): Generator<string, Analysis, void> {
  const mode = options.mode ?? 'always';
  if (mode === 'off') return empty(false);
  if (mode === 'auto' && !looksLikeBulletin(text)) {
    // A bulletin opened in the wrong encoding no longer looks like one: say so.
    if (!wrongEncoding(text)) return empty(false);
    const e = empty(true);
    e.findings = checkMojibake(text, options.locale ?? 'en').filter((f) => f.action === 'reopen-with-encoding');
    return e;
  }
  const locale = options.locale ?? 'en';
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    const e = empty(true);
    e.findings.push({
      code: 'not-analysed',
      severity: 'information',
      start: 0,
      end: Math.min(text.length, 1),
      message: localized(locale, NOT_ANALYSED.tooLarge, text.length, maxLength),
      related: [],
      fixes: [],
    });
    return e;
  }
  const deadline = new Deadline(options.timeBudgetMs ?? Number.POSITIVE_INFINITY, options.isCancelled);
  const timings = options.timings;
  const skipped: string[] = [];
  const problems: Problem[] = [];
  const run = <T>(what: string, fn: () => T, fallback: T): T => {
    // The deadline is read before every stage and check, and inside the long loops of each.
    if (deadline.reason()) {
      skipped.push(what);
      return fallback;
    }
    const t0 = timings ? clock() : 0;
    try {
      return fn();
    } catch (e) {
      // A stage stopped by the deadline: the deadline remembers why (reason() below).
      if (e instanceof StageStopped) skipped.push(what);
      else problems.push({ start: 0, end: 0, message: `${what} failed: ${e instanceof Error ? e.message : String(e)}` });
      return fallback;
    } finally {
      if (timings) timings[what] = (timings[what] ?? 0) + clock() - t0;
    }
  };

  yield 'normalisation';
  const norm = run('normalisation', () => normalizeForMatching(text), text);
  yield 'figure scan';
  const figures = run('figure scan', () => mergeFigures(scanFigures(text, norm, deadline), scanZeros(text, norm, deadline)), [] as Figure[]);
  const sentences = run('sentence split', () => splitSentences(norm, deadline), []);
  const statements: Statement[] = [];
  const statementByFigure = new Map<number, number>();
  {
    let k = 0;
    for (const s of sentences) {
      const ids: number[] = [];
      while (k < figures.length && (figures[k] as Figure).start < s.end) {
        const f = figures[k] as Figure;
        if (f.start >= s.start && f.kind === 'count') ids.push(f.id);
        k++;
      }
      if (ids.length > 0) {
        const id = statements.length;
        statements.push({ id, start: s.start, end: s.end, figures: ids });
        for (const f of ids) statementByFigure.set(f, id);
      }
    }
  }
  yield 'places';
  const placeInfo = run('places', () => assignRegions(text, norm, sentences, figures, deadline), { mentions: [], home: {} });
  const places = placeInfo.mentions;
  yield 'dates';
  const dateInfo = run('dates', () => findDates(text, norm, deadline), { dates: [], problems: [] } as DateInfo);
  problems.push(...dateInfo.problems);
  {
    let d = 0;
    for (const f of figures) {
      while (d < dateInfo.dates.length && (dateInfo.dates[d] as { end: number }).end <= f.start) d++;
      if (d > 0 && f.kind === 'count') f.period = d - 1;
    }
  }
  yield 'grouping';
  const groups = run('grouping', () => findGroups(text, norm, sentences, figures, (f) => statementByFigure.get(f.id) ?? -1, deadline), []);

  // Parts split by anything but place share their total's place (发现方式分别为… after 云冈区6例).
  for (const g of groups) {
    if (g.dimension === 'region') continue;
    const total = figures[g.total] as Figure;
    for (const id of g.parts) {
      const p = figures[id] as Figure;
      if (p.label && p.region && p.region.name === p.label) continue;
      p.region = total.region;
    }
  }

  // Counts of places (10市（县）报告…51例) against the places the breakdown of 51 names.
  const placeCounts = run('place counts', () => findPlaceCounts(norm, figures, groups, (f) => statementByFigure.get(f.id) ?? -1, deadline), []);

  const rules = options.rules ?? {};
  const findings: Finding[] = [];
  const typos = withBuiltinTypos(options.typos);
  const checks: Array<[RuleCode, () => Finding[]]> = [
    ['breakdown-sum', () => [...checkBreakdownSum(groups, figures, locale), ...checkPlaceCounts(placeCounts, figures, locale)]],
    ['part-exceeds-total', () => checkPartExceedsTotal(groups, figures, locale)],
    [
      'identity',
      () => [
        ...checkIdentity(norm, statements, sentences, figures, locale),
        ...checkOriginSum(
          figures,
          grouped(groups, figures.length),
          (f) => (f.period !== undefined ? (dateInfo.dates[f.period]?.text ?? '-') : '-').replace(/^截[至止]/, ''),
          locale,
        ),
      ],
    ],
    ['conflicting-repeat', () => checkConflictingRepeat(norm, figures, groups, dateInfo.dates, placeInfo.home.city, locale)],
    ['invalid-date', () => checkInvalidDates(dateInfo, locale)],
    ['percent', () => checkPercent(norm, figures, groups, locale)],
    ['typo', () => checkTypos(text, typos, locale, deadline)],
    ['doubled-punctuation', () => checkDoubledPunctuation(text, locale, deadline)],
    ['pinyin-residue', () => checkPinyinResidue(text, locale, deadline)],
    ['mojibake', () => checkMojibake(text, locale, deadline)],
    ['broken-line', () => checkBrokenLine(text, locale, deadline)],
    ['spaced-word', () => checkSpacedWord(text, locale, deadline)],
    ['web-residue', () => checkWebResidue(text, locale, deadline)],
    ['punctuation-width', () => checkPunctuationWidth(text, locale, deadline)],
    ['duplicate-item', () => checkDuplicateItem(text, locale, deadline)],
    ['inconsistent-name', () => checkInconsistentName(text, locale, deadline)],
    ['place-name', () => checkPlaceName(text, placeInfo.home.province, locale, deadline)],
  ];
  for (const [code, fn] of checks) {
    const setting = rules[code];
    if (setting === 'off') continue;
    yield code;
    for (const f of run(code, fn, [])) {
      if (setting) f.severity = setting;
      findings.push(f);
    }
  }
  if (skipped.length > 0) {
    if (deadline.reason()?.reason === 'cancelled') return { ...empty(true, problems), cancelled: true };
    findings.push({
      code: 'not-analysed',
      severity: 'information',
      start: 0,
      end: Math.min(text.length, 1),
      message: localized(locale, NOT_ANALYSED.timeout, Math.round(deadline.elapsed()), skipped.join(', ')),
      related: [],
      fixes: [],
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { isBulletin: true, places, home: placeInfo.home, dates: dateInfo, figures, groups, placeCounts, statements, findings, problems };
}
