/**
 * Decides cheaply whether a plain-text document is a Chinese bulletin: enough Han
 * characters in its first few kilobytes, and at least one epidemic term.
 */
import { isHan } from './text/normalize';

const SAMPLE = 8192;
const TERMS = ['疫情', '病例', '确诊', '確診', '感染者', '核酸', '新冠', '防控', '隔离', '隔離', '肺炎', '阳性', '陽性', '疫苗', '卫健', '衛生'];

export function looksLikeBulletin(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let han = 0;
  let visible = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c <= 32) continue;
    visible++;
    if (isHan(c)) han++;
  }
  if (visible === 0 || han < 20 || han / visible < 0.3) return false;
  return TERMS.some((term) => sample.includes(term));
}
