import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addKey, createKeySet, hasKey, mergeKeySets } from "../../src/core/key-set.js";

/** Ids cluster near page edges and runs, where marks, words and pages meet. */
const id = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 65_500, max: 65_600 }),
  fc.integer({ min: 131_000, max: 131_100 }),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
);
const keys = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), id), { maxLength: 300 });

function build(list: [number, number][], withRuns: number) {
  const set = createKeySet(2);
  const model = new Set<string>();
  for (let i = 0; i < withRuns; i++) list.push([0, i]);
  const wrong: string[] = [];
  for (const [namespace, key] of list) {
    if (addKey(set, namespace, key) === model.has(`${namespace}:${key}`)) wrong.push(`${namespace}:${key}`);
    model.add(`${namespace}:${key}`);
  }
  expect(wrong).toEqual([]);
  return { set, model };
}

describe("idempotency key set", () => {
  it("answers like a Set, in and out of order", () => {
    fc.assert(
      fc.property(keys, (list) => {
        const { set, model } = build(list, 0);
        expect(set.size).toBe(model.size);
        for (const [namespace, key] of list) expect(hasKey(set, namespace, key)).toBe(true);
        expect(hasKey(set, 0, 2 ** 31 - 2) || model.has(`0:${2 ** 31 - 2}`)).toBe(model.has(`0:${2 ** 31 - 2}`));
      }),
    );
  });

  it("merges into exactly the union, whatever the marks of either side", () => {
    fc.assert(
      fc.property(keys, keys, fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 0, max: 300 }), (a, b, runA, runB) => {
        const left = build(a, runA);
        const right = build(b, runB);
        mergeKeySets(left.set, right.set);
        const union = new Set([...left.model, ...right.model]);
        expect(left.set.size).toBe(union.size);
        const missing = [...union].filter((key) => {
          const [namespace, value] = key.split(":").map(Number);
          return !hasKey(left.set, namespace, value);
        });
        expect(missing).toEqual([]);
        for (const [namespace, value] of [[0, runA + runB + 1], [1, 65_536], [3, 131_072]]) {
          expect(hasKey(left.set, namespace, value)).toBe(union.has(`${namespace}:${value}`));
        }
        // A merged set keeps the same canonical form as one built directly.
        const direct = build([...a, ...b], Math.max(runA, runB));
        expect(Array.from(left.set.marks.subarray(0, 8))).toEqual(Array.from(direct.set.marks.subarray(0, 8)));
      }),
      { numRuns: 30 },
    );
  });
});
