/**
 * invalid-date: dates and times that cannot exist (2月30日, 13月, 25时, 24时30分,
 * 61分, 2月29日 in a common year) are errors; a period that ends before (or when)
 * it starts and an as-of time (截至…) after the publication are warnings.
 *
 * As-of after publication: an as-of time is reported when it is later than the
 * end of the publication day (24时 of that day), i.e. when it falls on a later
 * calendar day. 截至11月28日8时 in a text published 2022年11月27日17时18分 is
 * reported; 截至11月27日24时 is not, even though it is strictly after 17:18,
 * because news pages often carry the time a bulletin was put online rather than
 * issued, and same-day data cut-offs are common. A day-precision as-of time
 * (截至10月30日) stands for the end of that day. Only as-of times whose year is
 * known (written, or inferred from the publication) are compared.
 */
import { endMinutesOf, minutesOf, type DateExpr, type DateInfo, type DateReason } from '../dates';
import { localized, type Locale } from '../messages';
import type { Finding } from '../types';

const MSG = {
  month: { en: 'Impossible date “{0}”: there is no month {1}', zh: '不存在的日期“{0}”:没有{1}月' },
  day: { en: 'Impossible date “{0}”: month {1} has only {2} days', zh: '不存在的日期“{0}”:{1}月只有{2}天' },
  dayAny: { en: 'Impossible date “{0}”: no month has day {1}', zh: '不存在的日期“{0}”:没有{1}日' },
  leap: {
    en: 'Impossible date “{0}”: {1} is not a leap year, so February has only 28 days',
    zh: '不存在的日期“{0}”:{1}年不是闰年,2月只有28天',
  },
  hour: { en: 'Impossible time “{0}”: hours run from 0 to 24, not {1}', zh: '不存在的时间“{0}”:小时应在0至24之间,不能是{1}' },
  minute: { en: 'Impossible time “{0}”: minutes run from 0 to 59, not {1}', zh: '不存在的时间“{0}”:分钟应在0至59之间,不能是{1}' },
  second: { en: 'Impossible time “{0}”: seconds run from 0 to 59, not {1}', zh: '不存在的时间“{0}”:秒应在0至59之间,不能是{1}' },
  after24: {
    en: 'Impossible time “{0}”: 24时 is the end of the day, nothing can follow it',
    zh: '不存在的时间“{0}”:24时即一天的结束,其后不能再有分秒',
  },
  before: { en: 'The period “{0}” ends before it starts', zh: '时段“{0}”的结束早于开始' },
  empty: { en: 'The period “{0}” ends when it starts', zh: '时段“{0}”的结束与开始相同' },
  asof: {
    en: '“{0}” is later than the publication date ({1}): data cannot be counted up to a time after the day the text was published',
    zh: '“{0}”晚于发布日期({1}):统计截止时间不应晚于发布当日',
  },
  asofRelated: { en: 'published {0}', zh: '发布于{0}' },
} as const;

function reasonMessage(expr: DateExpr, r: DateReason, locale: Locale): string {
  const written = expr.text;
  switch (r.part) {
    case 'month':
      return localized(locale, MSG.month, written, r.value);
    case 'day':
      if (r.year !== undefined) return localized(locale, MSG.leap, written, r.year);
      if (r.month !== undefined) return localized(locale, MSG.day, written, r.month, r.max);
      return localized(locale, MSG.dayAny, written, r.value);
    case 'hour':
      return localized(locale, MSG.hour, written, r.value);
    case 'minute':
      return r.after24 ? localized(locale, MSG.after24, written) : localized(locale, MSG.minute, written, r.value);
    case 'second':
      return r.after24 ? localized(locale, MSG.after24, written) : localized(locale, MSG.second, written, r.value);
  }
}

function finding(expr: DateExpr, severity: 'error' | 'warning', message: string): Finding {
  return { code: 'invalid-date', severity, start: expr.start, end: expr.end, message, related: [], fixes: [] };
}

export function checkInvalidDates(info: DateInfo, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const pub = info.publication;
  // the end of the publication day, in minutes
  let pubDayEnd: number | undefined;
  if (pub && pub.from.year !== undefined) {
    const m = minutesOf(pub.from);
    if (m !== undefined) pubDayEnd = m - (m % 1440) + 1440;
  }
  for (const expr of info.dates) {
    if (!expr.valid) {
      if (expr.reason) out.push(finding(expr, 'error', reasonMessage(expr, expr.reason, locale)));
      continue;
    }
    if (expr.kind === 'period' && expr.to) {
      const a = minutesOf(expr.from);
      const b = minutesOf(expr.to);
      // a day written without an hour at the end stands for the whole day
      const bEnd = expr.to.precision === 'minute' ? b : endMinutesOf(expr.to);
      if (a !== undefined && bEnd !== undefined) {
        if (bEnd < a) out.push(finding(expr, 'warning', localized(locale, MSG.before, expr.text)));
        else if (bEnd === a) out.push(finding(expr, 'warning', localized(locale, MSG.empty, expr.text)));
      }
    }
    if (expr.kind === 'asof' && pub && pubDayEnd !== undefined && expr.from.year !== undefined) {
      const at = expr.from.precision === 'minute' ? minutesOf(expr.from) : endMinutesOf(expr.from);
      if (at !== undefined && at > pubDayEnd) {
        const f = finding(expr, 'warning', localized(locale, MSG.asof, expr.text, pub.text));
        f.related.push({ start: pub.start, end: pub.end, message: localized(locale, MSG.asofRelated, pub.text) });
        out.push(f);
      }
    }
  }
  return out;
}
