import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendArrival, clearRun, createArrivalRun, nextArrivalPayload, nextArrivalTime, takeArrival } from "../../src/sim/arrival-run.js";
import { createEventQueue, peekPayload, peekTime, popEvent, pushEvent } from "../../src/sim/event-queue.js";
import { createRandom } from "../../src/sim/random.js";
import { createWeightedSet, drawSlot, ensureSlots, setWeight } from "../../src/sim/weighted-set.js";

describe("event queue", () => {
  it("pops events in time order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 3000 }), (times) => {
        const queue = createEventQueue(2);
        times.forEach((t, i) => pushEvent(queue, t, i));
        const popped: number[] = [];
        while (queue.size > 0) {
          const t = peekTime(queue);
          const payload = popEvent(queue);
          expect(times[payload]).toBe(t);
          popped.push(t);
        }
        expect(popped).toEqual([...times].sort((a, b) => a - b));
        expect(peekTime(queue)).toBe(Number.POSITIVE_INFINITY);
      }),
    );
  });

  it("pops events due at the same time in payload order, however pushes and pops interleave (property)", () => {
    // Few distinct times, so most events tie; a pop between pushes changes the heap's layout.
    const step = fc.record({ time: fc.integer({ min: 0, max: 5 }), payload: fc.integer({ min: 0, max: 1 << 20 }), pop: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const queue = createEventQueue(2);
        const pending: [number, number][] = [];
        const byOrder = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
        for (const { time, payload, pop } of steps) {
          pushEvent(queue, time, payload);
          pending.push([time, payload]);
          if (pop) {
            pending.sort(byOrder);
            const [expectedTime, expectedPayload] = pending.shift() ?? [];
            expect(peekTime(queue)).toBe(expectedTime);
            expect(peekPayload(queue)).toBe(expectedPayload);
            expect(popEvent(queue)).toBe(expectedPayload);
          }
        }
      }),
    );
  });
});

describe("arrival run", () => {
  it("reads arrivals back in (time, payload) order, across growth, and is empty once read or cleared", () => {
    const run = createArrivalRun(2);
    const appended: [number, number][] = [
      [0.5, 100],
      [1, 104],
      [1, 101],
      [1, 103],
      [7.25, 102],
      [40, 100],
    ];
    for (const [t, payload] of appended) appendArrival(run, t, payload);
    const read: [number, number][] = [];
    expect(nextArrivalPayload(run)).toBe(100);
    for (let t = nextArrivalTime(run); t < Number.POSITIVE_INFINITY; t = nextArrivalTime(run)) read.push([t, takeArrival(run)]);
    expect(read).toEqual([...appended].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    appendArrival(run, 50, 7);
    clearRun(run);
    expect(nextArrivalTime(run)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("weighted set", () => {
  it("draws slots in proportion to their weights, after growth and updates", () => {
    const set = createWeightedSet(2);
    ensureSlots(set, 5);
    const weights = [1, 0, 3, 0.5, 5.5];
    weights.forEach((w, slot) => setWeight(set, slot, w + 7));
    weights.forEach((w, slot) => setWeight(set, slot, w));
    const random = createRandom("weights");
    const counts = new Array(weights.length).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[drawSlot(set, random.uniform())]++;
    weights.forEach((w, slot) => expect(counts[slot] / draws).toBeCloseTo(w / 10, 2));
    weights.forEach((_, slot) => setWeight(set, slot, 0));
    expect(drawSlot(set, 0.5)).toBe(-1);
  });
});
