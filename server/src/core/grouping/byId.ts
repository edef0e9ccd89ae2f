/**
 * Tables of the grouping stage kept by figure id, in place of Maps keyed by id.
 *
 * Figure ids are the figures' indices (mergeFigures numbers them 0, 1, …), so a plain array
 * indexed by id answers what a Map<number, …> does without hashing. An id outside 0 … size − 1
 * (never made by the analysis, possible in a hand-made test input) falls back to a Map, so that
 * every answer is the one the Map would give, for any number. (id >>> 0) === id: a whole number
 * in 0 … 2³² − 1; −0 passes too, and a Map treats it as 0 as well.
 */
import type { Figure } from '../types';

/** Whether `id` indexes the dense part of a table of `size` entries. */
function dense(id: number, size: number): boolean {
  return id >>> 0 === id && id < size;
}

/** An array of `size` entries, each `value` (Array.fill: several times faster than pushing them). */
function filled<T>(size: number, value: T): T[] {
  return new Array<T>(size).fill(value);
}

/**
 * A Map<number, T> from figure id, as an array for ids 0 … size − 1, made at the first set (a
 * document without groups needs none).
 */
export class ById<T> {
  private values: Array<T | undefined> | undefined;
  private other: Map<number, T> | undefined;

  constructor(private readonly size: number) {}

  get(id: number): T | undefined {
    if (dense(id, this.size)) return this.values === undefined ? undefined : this.values[id];
    return this.other === undefined ? undefined : this.other.get(id);
  }

  set(id: number, value: T): void {
    if (dense(id, this.size)) (this.values ??= filled<T | undefined>(this.size, undefined))[id] = value;
    else (this.other ??= new Map()).set(id, value);
  }
}

/**
 * The bracket depth of the figures of each sentence, as `depths` in groups.ts reads them: a
 * figure's depth is asked only in its own sentence's context, where a figure the sentence did
 * not record (a figure of another sentence, or any figure of a sentence without brackets)
 * reads as 0. One table for all sentences: each entry is stamped with the sentence that wrote
 * it. That needs each id to be one figure's: with ids that repeat or fall outside 0 … size − 1,
 * `unique` is false and each sentence keeps a Map of its own, as before.
 */
export class DepthTable {
  private readonly depth: number[];
  private readonly stamp: number[];

  constructor(readonly size: number) {
    this.depth = filled(size, 0);
    this.stamp = filled(size, -1);
  }

  /**
   * Whether the table may be used for `figures`: their ids are whole numbers in 0 … size − 1,
   * in increasing order (so distinct), as the analysis numbers them.
   */
  static fits(figures: readonly Figure[], size: number): boolean {
    let last = -1;
    for (const f of figures) {
      const id = f.id;
      if (!dense(id, size) || id <= last) return false;
      last = id;
    }
    return true;
  }

  set(sentence: number, id: number, depth: number): void {
    this.depth[id] = depth;
    this.stamp[id] = sentence;
  }

  get(sentence: number, id: number): number {
    return dense(id, this.size) && this.stamp[id] === sentence ? (this.depth[id] as number) : 0;
  }
}

/** The depths of one sentence's figures: a view of a DepthTable, or a Map of its own, or none (all 0). */
export class SentenceDepths {
  constructor(
    private readonly table: DepthTable | undefined,
    private readonly sentence: number,
    private readonly map: ReadonlyMap<number, number> | undefined,
  ) {}

  /** The depth of figure `id` (0 for one not recorded). */
  get(id: number): number {
    if (this.map !== undefined) return this.map.get(id) ?? 0;
    return this.table === undefined ? 0 : this.table.get(this.sentence, id);
  }
}

/** The depths of a sentence without brackets: every figure at 0. */
export const FLAT: SentenceDepths = new SentenceDepths(undefined, -1, undefined);

/**
 * The runs of parts already recorded for each total (in place of a Set of
 * `${total}:${part ids joined by ,}` strings): a run is new unless the same total had the same
 * ids, in the same order, before. Ids compare as their decimal strings did: as numbers, with
 * NaN equal to NaN.
 */
export class RunsSeen {
  private readonly byOwner: ById<Array<readonly number[]>>;

  constructor(size: number) {
    this.byOwner = new ById(size);
  }

  /**
   * Records the run of `ids` for `owner`; false when it was recorded before. The array is kept
   * as it is, not copied: it must not change after (a group's parts may share it).
   */
  add(owner: number, ids: readonly number[]): boolean {
    let runs = this.byOwner.get(owner);
    if (runs === undefined) {
      runs = [];
      this.byOwner.set(owner, runs);
    } else {
      for (const run of runs) if (sameIds(run, ids)) return false;
    }
    runs.push(ids);
    return true;
  }
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/**
 * A function of a figure's label (labelDimension, asked many times per figure in one
 * findGroups), kept by figure id beside the label it was read from: a label rewritten since
 * (multiplicity, resolveBare) is read again, so the answer is always `read(f.label)`.
 */
export class ByLabel<T> {
  // (made at the first ask)
  private labels: Array<string | undefined> | undefined;
  private values: Array<T | undefined> = [];

  constructor(
    private readonly size: number,
    private readonly read: (label: string | undefined) => T,
  ) {}

  of(f: Figure): T {
    const id = f.id;
    const label = f.label;
    if (!dense(id, this.size)) return this.read(label);
    let labels = this.labels;
    if (labels === undefined) {
      labels = this.labels = filled<string | undefined>(this.size, undefined);
      this.values = filled<T | undefined>(this.size, undefined);
    }
    const known = this.values[id];
    if (known !== undefined && labels[id] === label) return known;
    const value = this.read(label);
    this.values[id] = value;
    labels[id] = label;
    return value;
  }
}
