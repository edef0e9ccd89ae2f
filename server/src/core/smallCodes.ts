/**
 * A small set of UTF-16 code units (a few dozen at most) as a perfect hash in a few cache
 * lines. A 64K-entry byte table per set (64 KB) or even a bit set (8 KB, one cache line
 * per 512 units) is read at scattered Han units and falls out of the processor's cache
 * while the other stages run: every lookup is then a miss. Here each member has a slot of
 * its own in a table of 16 to 1024 entries (`Math.imul(c, mul) >>> shift`, the multiplier
 * chosen once, deterministically, when the set is built), and a lookup compares the unit
 * in that slot with the unit asked for: exact, no false positives, no misses.
 *
 * `has` answers false for NaN (charCodeAt out of range): Math.imul(NaN, m) is 0 and no
 * slot holds NaN, as a byte table read at NaN gives undefined.
 */
export class SmallCodes {
  private readonly slots: Int32Array;
  private readonly mul: number;
  private readonly shift: number;

  constructor(units: Iterable<number>) {
    const codes = [...new Set(units)];
    for (const c of codes) if (!(Number.isInteger(c) && c >= 0 && c <= 0xffff)) throw new RangeError(`not a UTF-16 unit: ${c}`);
    let bits = 4;
    while (1 << bits < 2 * codes.length) bits++;
    // a deterministic sequence of odd multipliers; the table grows when none fits
    for (;;) {
      let mul = 0x9e3779b1 | 0;
      for (let attempt = 0; attempt < 4096; attempt++) {
        const shift = 32 - bits;
        const slots = new Int32Array(1 << bits).fill(-1);
        let ok = true;
        for (const c of codes) {
          const h = Math.imul(c, mul) >>> shift;
          if (slots[h] !== -1) {
            ok = false;
            break;
          }
          slots[h] = c;
        }
        if (ok) {
          this.slots = slots;
          this.mul = mul;
          this.shift = shift;
          return;
        }
        mul = (Math.imul(mul, 0x2c1b3c6d) + 0x297a2d39) | 1;
      }
      bits++;
    }
  }

  /** Whether code unit `c` is in the set. */
  has(c: number): boolean {
    return this.slots[Math.imul(c, this.mul) >>> this.shift] === c;
  }
}

/** The set of the first code unit of each string. */
export function smallCodesOf(chars: Iterable<string>): SmallCodes {
  const units: number[] = [];
  for (const s of chars) units.push(s.charCodeAt(0));
  return new SmallCodes(units);
}
