/** breakdown-sum: the parts of an exhaustive group must add up to its total. */
import { formatLike } from '../numbers';
import { t, type Locale } from '../messages';
import type { Figure, Finding, Fix, Group } from '../types';

export function term(p: Figure, mult: number): string {
  return mult === 1 ? fmt(p.value) : `${mult}×${fmt(p.value)}`;
}

export function sumLine(total: Figure, parts: Figure[], mults: number[]): { text: string; ok: boolean; sum: number } {
  const m = (i: number) => mults[i] ?? 1;
  const sum = parts.reduce((a, p, i) => a + p.value * m(i), 0);
  const low = parts.reduce((a, p, i) => a + p.low * m(i), 0);
  const high = parts.reduce((a, p, i) => a + p.high * m(i), 0);
  const ok = !(total.high < low || total.low > high);
  const terms = parts.map((p, i) => term(p, m(i))).join(' + ');
  const text = ok ? `${terms} = ${fmt(sum)}` : `${terms} = ${fmt(sum)} ≠ ${fmt(total.value)}`;
  return { text, ok, sum };
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

/**
 * sumLine's `ok` for a group, without the parts array and the text: the same bounds, summed in
 * the same order, so the same floating-point values. Most breakdowns close; only the others
 * need sumLine's text.
 */
function closes(total: Figure, g: Group, figures: Figure[]): boolean {
  let low = 0;
  let high = 0;
  for (let i = 0; i < g.parts.length; i++) {
    const p = figures[g.parts[i] as number] as Figure;
    const m = g.multipliers[i] ?? 1;
    low = low + p.low * m;
    high = high + p.high * m;
  }
  return !(total.high < low || total.low > high);
}

export function checkBreakdownSum(groups: Group[], figures: Figure[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) {
    if (g.kind !== 'partition') continue;
    const total = figures[g.total] as Figure;
    if (closes(total, g, figures)) continue;
    const parts = g.parts.map((id) => figures[id] as Figure);
    const line = sumLine(total, parts, g.multipliers);
    if (line.ok) continue;
    const fixes: Fix[] = [];
    const exact = !total.approximate && parts.every((p) => !p.approximate && p.low === p.high) && total.low === total.high;
    // A fix may change a figure only if every other breakdown it takes part in still closes.
    const closesAll = (id: number, value: number): boolean =>
      groups.every((o) => {
        if (o === g || (o.total !== id && !o.parts.includes(id))) return true;
        const v = (x: number) => (x === id ? value : (figures[x] as Figure).value);
        const sum = o.parts.reduce((a, x, i) => a + v(x) * (o.multipliers[i] ?? 1), 0);
        return o.kind === 'partition' ? sum === v(o.total) : sum <= v(o.total);
      });
    if (exact && Number.isInteger(line.sum)) {
      const newTotal = formatLike(line.sum, total);
      if (closesAll(total.id, line.sum)) {
        fixes.push({
          title: t(locale, 'fix.total', newTotal),
          edits: [{ start: total.valueStart, end: total.valueEnd, newText: newTotal }],
          safe: false,
        });
      }
      parts.forEach((p, i) => {
        const mult = g.multipliers[i] ?? 1;
        const v = (total.value - (line.sum - p.value * mult)) / mult;
        if (v < 0 || !Number.isInteger(v) || !closesAll(p.id, v)) return;
        const text = formatLike(v, p);
        fixes.push({
          title: t(locale, 'fix.part', text),
          edits: [{ start: p.valueStart, end: p.valueEnd, newText: text }],
          safe: false,
          appliesTo: { start: p.start, end: p.end },
        });
      });
    }
    out.push({
      code: 'breakdown-sum',
      severity: 'error',
      start: total.start,
      end: total.end,
      message: t(locale, 'breakdown-sum', line.text),
      related: parts.map((p) => ({
        start: p.start,
        end: p.end,
        message: t(locale, 'breakdown-sum.related.part', `${p.label ?? ''} ${p.literal}`.trim()),
      })),
      fixes,
    });
  }
  return out;
}
