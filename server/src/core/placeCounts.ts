/**
 * Place counts: a number of places said to report ("10市（县）报告新增确诊病例51例"), checked
 * against the places the article then names with their counts (安阳市3例、漯河市3例 … 信阳市16例).
 *
 * The parts of such a group are not figures in the text: each is the number of distinct places
 * one sentence's list names, so 10 = 2 (安阳市、漯河市) + 8 (郑州市 … 信阳市). A place count is read
 * only where the figure it introduces has a breakdown by place that closes (its parts add up to
 * it): then the places named are the ones that reported, and their number must be the count.
 *
 * Not read: the jurisdictions that report a national figure, zeros included ("31个省（自治区、
 * 直辖市）和新疆生产建设兵团报告…", "据31个省…报告"), a count of places with no verb of reporting
 * before the figure, and lists whose items are not all named places (其他地市5例).
 */
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Figure, Group, Span } from './types';

export interface PlaceRun extends Span {
  /** Distinct places this run names that no earlier run named: the run's share of the count. */
  value: number;
  /** The places, as the text names them. */
  places: string[];
}

export interface PlaceCount {
  /** The figure that counts places (the 10 of 10市（县）). */
  count: number;
  /** The figure the places report (51例), and its breakdown by place. */
  figure: number;
  group: number;
  /** Where the place noun ends (市（县）), for the hover and the finding's range. */
  end: number;
  unit: string;
  /** The count as written, with its place noun (10市(县), 3个市; normalised punctuation). */
  written: string;
  parts: PlaceRun[];
}

/** N个市 / N市（县）/ N省（区、市）/ N个地市 … right after the number. */
const PLACE_NOUN = /^个?(省份|省区市|省|地市|市州|市|县市|县区|县|区县|区|州|盟)(?:[（(][^（()）\n]{1,12}[）)])?/;
/** The characters a match of PLACE_NOUN can start with (个 or the first of an alternative). */
const PLACE_NOUN_START = new Set(['个', '省', '地', '市', '县', '区', '州', '盟']);
/** Between the place noun and the figure: a verb of reporting, and no clause break. */
const REPORTS = /^(?:累计|共|新增|今日|当日|均)?(?:报告|出现|发现|有)/;
const CLAUSE_BREAK = /[。；;，,：:\n]/;
const MAX_GAP = 40;

/** "The other cities", "the rest": a part that names no place. */
const UNNAMED = /^(?:其他|其它|其余|另外|另|余下|剩余|此外)/;

/** The place a part names (江西 → 江西省), or undefined when it names none. */
function placeName(f: Figure): string | undefined {
  if (f.label !== undefined && UNNAMED.test(f.label)) return undefined;
  return f.region?.name ?? f.label;
}

export function findPlaceCounts(
  norm: string,
  figures: readonly Figure[],
  groups: readonly Group[],
  statementOf: (f: Figure) => number,
  deadline: Deadline = NO_DEADLINE,
): PlaceCount[] {
  const out: PlaceCount[] = [];
  const byTotal = new Map<number, Group[]>();
  for (const g of groups) {
    if (g.dimension !== 'region' || g.kind !== 'partition') continue;
    const list = byTotal.get(g.total);
    if (list) list.push(g);
    else byTotal.set(g.total, [g]);
  }
  if (byTotal.size === 0) return out;
  for (let i = 0; i < figures.length; i++) {
    deadline.check();
    const n = figures[i] as Figure;
    // A count of places: a whole number, bare (10市) or with 个 (3个市), that counts nothing else.
    const bare = n.unit === '' ? n.kind !== 'count' : n.unit === '个' && n.category === 'none';
    if (!bare || n.approximate || !Number.isInteger(n.value) || n.value < 1) continue;
    // PLACE_NOUN starts with one of these: a figure followed by anything else is no count of places
    if (!PLACE_NOUN_START.has(norm.charAt(n.valueEnd))) continue;
    const noun = PLACE_NOUN.exec(norm.slice(n.valueEnd, n.valueEnd + 24));
    if (!noun) continue;
    const nounEnd = n.valueEnd + noun[0].length;
    // 据31个省…报告 names a source; 31个省…和新疆生产建设兵团 the jurisdictions that report.
    if (norm[n.start - 1] === '据' || /^[和及与]/.test(norm.slice(nounEnd, nounEnd + 1))) continue;
    if (!REPORTS.test(norm.slice(nounEnd, nounEnd + 6))) continue;
    // The figure it introduces: the first count after it in the same clause.
    let target: Figure | undefined;
    for (let j = i + 1; j < figures.length; j++) {
      const f = figures[j] as Figure;
      if (f.start - nounEnd > MAX_GAP) break;
      if (f.kind === 'count') {
        target = f;
        break;
      }
    }
    if (!target || CLAUSE_BREAK.test(norm.slice(nounEnd, target.start))) continue;
    const group = (byTotal.get(target.id) ?? []).find((g) => closes(g, figures, target as Figure));
    if (!group) continue;
    const parts = placeRuns(group, figures, statementOf);
    if (!parts) continue;
    out.push({ count: n.id, figure: target.id, group: group.id, end: nounEnd, unit: noun[1] as string, written: norm.slice(n.start, nounEnd), parts });
  }
  return out;
}

/** The group's parts add up to its total exactly. */
function closes(g: Group, figures: readonly Figure[], total: Figure): boolean {
  if (total.approximate) return false;
  let sum = 0;
  for (let k = 0; k < g.parts.length; k++) {
    const p = figures[g.parts[k] as number] as Figure;
    if (p.approximate) return false;
    sum += p.value * (g.multipliers[k] ?? 1);
  }
  return sum === total.value;
}

/**
 * The places a breakdown names, one run per sentence; a place named again in a later
 * sentence is counted once. Undefined when a part names no place.
 */
function placeRuns(g: Group, figures: readonly Figure[], statementOf: (f: Figure) => number): PlaceRun[] | undefined {
  const runs: PlaceRun[] = [];
  const seen = new Set<string>();
  let statement = Number.NaN;
  for (let k = 0; k < g.parts.length; k++) {
    const p = figures[g.parts[k] as number] as Figure;
    const name = placeName(p);
    if (!name) return undefined;
    const s = statementOf(p);
    const start = p.labelStart ?? p.start;
    let run = runs[runs.length - 1];
    if (!run || s !== statement) {
      run = { start, end: p.end, value: 0, places: [] };
      runs.push(run);
      statement = s;
    }
    run.start = Math.min(run.start, start);
    run.end = Math.max(run.end, p.end);
    // 黄石市、宜昌市5例 (5 each): one part that stands for several places.
    const mult = g.multipliers[k] ?? 1;
    if (!seen.has(name)) {
      seen.add(name);
      run.places.push(name);
      run.value += mult;
    }
  }
  return runs.filter((r) => r.value > 0);
}
