/**
 * Sets of UTF-16 code units, one bit each (8 KB): read before a 64K-entry table, or
 * instead of one, a set stays in the processor's cache while the other stages run.
 */
export type CodeBits = Int32Array;

export function codeBits(): CodeBits {
  return new Int32Array(0x10000 >> 5);
}

export function addCode(bits: CodeBits, c: number): void {
  (bits[c >> 5] as number) |= 1 << (c & 31);
}

export function hasCode(bits: CodeBits, c: number): boolean {
  return (((bits[c >> 5] as number) >>> (c & 31)) & 1) !== 0;
}
