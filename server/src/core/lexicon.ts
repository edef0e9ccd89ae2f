/**
 * Vocabulary of epidemic bulletins, in simplified characters (text is matched
 * after one-to-one traditional→simplified normalisation).
 */
import type { Category, Dimension, Origin, Qualifier } from './types';

/** Measure words, longest first so 人次 wins over 人. */
export const UNITS: readonly string[] = [
  '个百分点', '人次', '剂次', '万元', '小时', '余人', // 余人 never matches (余 handled before), kept for clarity
  '例', '人', '名', '位', '个', '管', '间', '张', '剂', '户', '宗', '家', '所', '辆', '台', '条', '座', '处',
  '起', '支', '批', '次', '天', '周', '岁', '米', '吨', '元', '份', '只', '件', '项', '类', '轮', '组', '栋',
  '套', '床', '队', '片', '针', '倍', '%', '层', '趟', '架', '艘', '班', '车', '箱', '盒', '袋', '斤',
].filter((u) => u !== '余人');

/** Units that count people, cases or things a bulletin sums. */
export const COUNT_UNITS = new Set([
  '例', '人', '名', '位', '个', '管', '间', '张', '剂', '剂次', '人次', '户', '宗', '家', '所', '辆', '台', '条',
  '座', '处', '起', '支', '批', '份', '只', '件', '项', '组', '栋', '套', '床', '队', '片', '针', '层', '万元', '元',
  '吨', '箱', '盒', '袋', '车', '班', '架', '艘', '趟', '类', '轮', '斤',
]);
export const DURATION_UNITS = new Set(['天', '周', '小时', '岁', '次', '倍', '米']);

/** Category keywords; the first match (longest listed first) wins. */
export const CATEGORY_TERMS: ReadonlyArray<readonly [string, Category]> = [
  ['次密切接触者', 'secondary-contact'],
  ['次密接', 'secondary-contact'],
  ['密切接触者', 'close-contact'],
  ['密接人员', 'close-contact'],
  ['密接', 'close-contact'],
  ['无症状感染者', 'asymptomatic'],
  ['无症状', 'asymptomatic'],
  ['疑似病例', 'suspected'],
  ['疑似', 'suspected'],
  ['确诊病例', 'confirmed'],
  ['确诊', 'confirmed'],
  ['本土病例', 'confirmed'],
  ['输入病例', 'confirmed'],
  // Hong Kong and Taiwan: 本地個案, 輸入個案, 本土個案 are confirmed cases.
  ['本地个案', 'confirmed'],
  ['本土个案', 'confirmed'],
  ['确定病例', 'confirmed'], // Taiwan: 確定病例
  ['输入个案', 'confirmed'],
  // 核酸檢測陽性個案: cases found positive by a test, not tests.
  ['核酸检测阳性', 'positive'],
  ['核酸阳性', 'positive'],
  ['检测阳性', 'positive'],
  ['阳性感染者', 'positive'],
  ['阳性病例', 'positive'],
  ['感染者', 'positive'],
  ['阳性', 'positive'],
  ['治愈出院', 'cured'],
  ['出院', 'cured'],
  ['治愈', 'cured'],
  ['解除医学观察', 'observation'],
  ['医学观察', 'observation'],
  ['死亡', 'death'],
  ['病亡', 'death'],
  ['重症', 'severe'],
  ['危重', 'severe'],
  ['风险区', 'risk-area'],
  ['管控区', 'risk-area'],
  ['封控区', 'risk-area'],
  ['防范区', 'risk-area'],
  ['核酸检测', 'test'],
  ['核酸', 'test'],
  ['检测', 'test'],
  ['疫苗', 'vaccine'],
  ['接种', 'vaccine'],
  ['隔离房间', 'isolation-room'],
  ['床位', 'bed'],
  ['病例', 'confirmed'],
];

export const QUALIFIER_TERMS: ReadonlyArray<readonly [string, Qualifier]> = [
  ['新增', 'new'],
  ['当日', 'new'],
  ['累计', 'cumulative'],
  ['现有', 'current'],
  ['尚在', 'current'],
  ['在院', 'current'],
  ['本轮', 'round'],
  ['转为', 'converted'],
  ['转归', 'converted'],
];

export const ORIGIN_TERMS: ReadonlyArray<readonly [string, Origin]> = [
  ['境外输入', 'imported'],
  ['境外移入', 'imported'], // Taiwan
  ['输入病例', 'imported'],
  ['本土', 'local'],
  ['本地', 'local'],
];

/** Label vocabulary that says along which dimension a list of parts splits its total. Order matters. */
export const DIMENSION_TERMS: ReadonlyArray<readonly [string, Dimension]> = [
  ['发现', 'route'],
  ['筛查', 'route'],
  ['检出', 'route'],
  ['排查', 'route'],
  ['转确诊', 'outcome'],
  ['排除', 'outcome'],
  ['治愈', 'outcome'],
  ['出院', 'outcome'],
  ['死亡', 'outcome'],
  ['病亡', 'outcome'],
  ['现有', 'outcome'],
  ['在院', 'outcome'],
  ['集中隔离', 'disposition'],
  ['居家隔离', 'disposition'],
  ['居家健康监测', 'disposition'],
  ['管控', 'disposition'],
  ['隔离', 'disposition'],
  ['境外输入', 'origin'],
  ['输入', 'origin'],
  ['本土', 'origin'],
  ['本地', 'origin'],
  ['重型', 'severity'],
  ['危重', 'severity'],
  ['重症', 'severity'],
  ['普通型', 'severity'],
  ['轻型', 'severity'],
  ['分型', 'severity'],
  // Hong Kong: 當中22人情況危殆、31人情況嚴重 (not 嚴重 alone: 嚴重急性呼吸綜合症 is a disease name).
  ['危殆', 'severity'],
  ['情况严重', 'severity'],
  ['病情严重', 'severity'],
  ['籍', 'nationality'],
  ['男', 'gender'],
  ['女', 'gender'],
  ['检尽检', 'test-type'],
];

/** Suffixes of place names (administrative and unnamed places). */
export const PLACE_SUFFIXES = ['自治区', '特别行政区', '街道', '社区', '小区', '省', '市', '区', '县', '镇', '乡', '村', '州', '盟', '旗'];

/** Words that introduce the parts of a total. */
export const LIST_CUES = ['按区域分布在', '按区域分布', '分布在', '发现方式分别为', '分别为', '分别是', '则为', '其中', '包括', '现已', '均为'];

/** Clause openings that mark a subset, not a partition. */
export const SUBSET_CUES = ['含', '包含', '其中重症', '其中危重'];
