// The tables behind the fast paths of the text rules agree with what they stand for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simplifiedCode } from '../../server/src/core/gazetteer';
import { placeSuffixUnits } from '../../server/src/core/rules/placeName';

describe('rule fast paths', () => {
  it('place-name: the suffix units are exactly those that simplify to 区, 县 or 市', () => {
    const targets = new Set(['区', '县', '市'].map((s) => s.charCodeAt(0)));
    const expected: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (targets.has(simplifiedCode(c))) expected.push(c);
    assert.deepEqual(placeSuffixUnits(), expected);
  });
});
