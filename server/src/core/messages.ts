/**
 * User-visible strings of the core, in English and Simplified Chinese. The LSP
 * server picks the locale from the client; the CLI from --lang.
 */
export type Locale = 'en' | 'zh-cn';

const en = {
  'breakdown-sum': 'Parts do not add up to the total: {0}',
  'breakdown-sum.related.part': 'part: {0}',
  'fix.total': 'Change the total to {0}',
  'fix.part': 'Change this part to {0} (total − others)',
  typo: '“{0}” is a misspelling of “{1}”',
  'fix.typo': 'Replace “{0}” with “{1}”',
  'doubled-punctuation': 'Doubled punctuation “{0}”',
  'fix.doubled': 'Replace “{0}” with “{1}”',
  'hover.counts': 'counts',
  'hover.value': 'value',
  'hover.where': 'where',
  'hover.group': 'breakdown by {0}',
  'hover.total': 'total',
  'hover.part': 'part',
  'hover.subset': 'subset (其中/含: parts ≤ total)',
  'hover.approx': 'approximate: between {0} and {1}',
  'hover.notCount': 'not a count ({0})',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'breakdown-sum': '分项之和与总数不符:{0}',
  'breakdown-sum.related.part': '分项:{0}',
  'fix.total': '将总数改为 {0}',
  'fix.part': '将此分项改为 {0}(总数减其余分项)',
  typo: '“{0}”是“{1}”的错写',
  'fix.typo': '将“{0}”改为“{1}”',
  'doubled-punctuation': '重复的标点“{0}”',
  'fix.doubled': '将“{0}”改为“{1}”',
  'hover.counts': '计数',
  'hover.value': '数值',
  'hover.where': '地区',
  'hover.group': '按{0}分项',
  'hover.total': '总数',
  'hover.part': '分项',
  'hover.subset': '子集(其中/含:分项 ≤ 总数)',
  'hover.approx': '约数:介于 {0} 与 {1} 之间',
  'hover.notCount': '非计数({0})',
};

const CATEGORY_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    confirmed: 'confirmed cases', asymptomatic: 'asymptomatic infections', suspected: 'suspected cases',
    positive: 'positive infections', 'close-contact': 'close contacts', 'secondary-contact': 'secondary contacts',
    cured: 'cured / discharged', death: 'deaths', severe: 'severe cases', observation: 'under medical observation',
    'risk-area': 'risk areas', test: 'tests', vaccine: 'vaccine doses', 'isolation-room': 'isolation rooms',
    bed: 'beds', none: 'unspecified',
    new: 'new', cumulative: 'cumulative', current: 'current', round: 'this round', converted: 'converted',
    local: 'local', imported: 'imported',
    region: 'region', route: 'discovery route', disposition: 'destination', outcome: 'outcome', origin: 'origin',
    severity: 'severity', nationality: 'nationality', gender: 'gender', 'test-type': 'test type', category: 'category',
    other: 'item',
  },
  'zh-cn': {
    confirmed: '确诊病例', asymptomatic: '无症状感染者', suspected: '疑似病例', positive: '阳性感染者',
    'close-contact': '密切接触者', 'secondary-contact': '次密切接触者', cured: '治愈出院', death: '死亡',
    severe: '重症', observation: '医学观察', 'risk-area': '风险区', test: '检测', vaccine: '疫苗接种',
    'isolation-room': '隔离房间', bed: '床位', none: '未说明',
    new: '新增', cumulative: '累计', current: '现有', round: '本轮', converted: '转归',
    local: '本土', imported: '境外输入',
    region: '区域', route: '发现方式', disposition: '去向', outcome: '转归', origin: '来源', severity: '病情',
    nationality: '国籍', gender: '性别', 'test-type': '检测类型', category: '类别', other: '项目',
  },
};

export function t(locale: Locale, key: Key, ...args: Array<string | number>): string {
  const table: Record<Key, string> = locale === 'zh-cn' ? zh : en;
  return table[key].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** A message defined next to the rule that uses it: pick the locale, fill {0}, {1} … */
export function localized(locale: Locale, texts: { en: string; zh: string }, ...args: Array<string | number>): string {
  const template = locale === 'zh-cn' ? texts.zh : texts.en;
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export function termName(locale: Locale, term: string): string {
  return CATEGORY_NAMES[locale][term] ?? term;
}

export function toLocale(value: string | undefined): Locale {
  return value !== undefined && value.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
