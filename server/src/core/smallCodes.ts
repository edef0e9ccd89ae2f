/** What an empty slot holds: no UTF-16 unit, and no "no character" value (-1, NaN). */
const EMPTY = 0x7fffffff;

/**
 * A small set of UTF-16 code units (a few dozen at most) as a perfect hash in a few cache
 * lines. A 64K-entry byte table per set (64 KB) or even a bit set (8 KB, one cache line
 * per 512 units) is read at scattered Han units and falls out of the processor's cache
 * while the other stages run: every lookup is then a miss. Here each member has a slot of
 * its own in a table of 16 entries or more (a few dozen members take 64 to 256), slot
 * `(c ^ (c >>> shift)) & mask` (the shift and the mask chosen once, deterministically, when
 * the set is built: the smallest table in which the members fall in distinct slots), and a
 * lookup compares the unit in that slot
 * with the unit asked for: exact, no false positives. (A multiplicative hash was tried:
 * the multiplication made every lookup half again as slow.)
 *
 * `has` answers false for NaN (charCodeAt out of range): NaN ^ 0 & mask is slot 0, and no
 * slot holds NaN, as a byte table read at NaN gives undefined. An empty slot holds EMPTY,
 * which no unit and no "no character" value (-1, NaN) equals.
 */
export class SmallCodes {
  /**
   * The table and its hash, for a loop over every character of a text: copied into
   * module-level constants there, `slots[(c ^ (c >>> shift)) & mask] === c` is as fast as
   * a bit-set test (a method call reads the three fields from the object for every unit).
   */
  readonly slots: Int32Array;
  readonly shift: number;
  readonly mask: number;

  constructor(units: Iterable<number>) {
    const codes = [...new Set(units)];
    for (const c of codes) if (!(Number.isInteger(c) && c >= 0 && c <= 0xffff)) throw new RangeError(`not a UTF-16 unit: ${c}`);
    // (shift 16: the low bits alone; units have 16 bits)
    for (let bits = 4; bits <= 16; bits++) {
      if (1 << bits < codes.length) continue;
      const mask = (1 << bits) - 1;
      for (const shift of [16, 8, 4, 12, 6, 10, 3, 5, 7, 9, 11, 13]) {
        const slots = new Int32Array(mask + 1).fill(EMPTY);
        let ok = true;
        for (const c of codes) {
          const h = (c ^ (c >>> shift)) & mask;
          if (slots[h] !== EMPTY) {
            ok = false;
            break;
          }
          slots[h] = c;
        }
        if (ok) {
          this.slots = slots;
          this.shift = shift;
          this.mask = mask;
          return;
        }
      }
    }
    // unreachable: with 16 bits and shift 16 every unit has its own slot
    throw new Error('SmallCodes: no table');
  }

  /** Whether code unit `c` is in the set. */
  has(c: number): boolean {
    return this.slots[(c ^ (c >>> this.shift)) & this.mask] === c;
  }

  /** The number of slots: `slotOf` gives 0 to size - 1 (for tables beside the set). */
  get size(): number {
    return this.slots.length;
  }

  /** The slot of code unit `c` (distinct for each member), or -1 when `c` is not in the set. */
  slotOf(c: number): number {
    const h = (c ^ (c >>> this.shift)) & this.mask;
    return this.slots[h] === c ? h : -1;
  }
}

/** The set of the first code unit of each string. */
export function smallCodesOf(chars: Iterable<string>): SmallCodes {
  const units: number[] = [];
  for (const s of chars) units.push(s.charCodeAt(0));
  return new SmallCodes(units);
}
