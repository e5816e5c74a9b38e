import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addTallies, emptyTally, sameTally, subtractTallies, tallyEvent, tallyFromWire, tallyToWire } from "../../src/serve/index.js";

const keys = fc.array(fc.tuple(fc.integer({ min: 0, max: (1 << 24) - 1 }), fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 1, max: 100_000 })), {
  minLength: 1,
  maxLength: 50,
});

function tallyOf(events: [number, number, number][]) {
  const tally = emptyTally();
  for (const [namespace, id, coins] of events) tallyEvent(tally, namespace, id, coins);
  return tally;
}

describe("event tallies", () => {
  it("do not depend on the order events were applied in", () => {
    fc.assert(fc.property(keys, (events) => sameTally(tallyOf(events), tallyOf([...events].reverse()))));
  });

  it("change when an event is doubled or lost, even with the count made up by another", () => {
    fc.assert(
      fc.property(keys, (events) => {
        const whole = tallyOf(events);
        const doubled = tallyOf([...events, events[0]]);
        const swapped = tallyOf([...events.slice(1), [events[0][0], events[0][1] + 1, events[0][2]]]);
        return !sameTally(whole, doubled) && (swapped.laneA !== whole.laneA || swapped.laneB !== whole.laneB);
      }),
    );
  });

  it("subtract a reading taken before and survive the JSON wire", () => {
    const before = tallyOf([[1, 2, 3]]);
    const after = addTallies(before, tallyOf([[4, 5, 6], [7, 8, 9]]));
    expect(sameTally(subtractTallies(after, before), tallyOf([[4, 5, 6], [7, 8, 9]]))).toBe(true);
    const wire = tallyToWire(after);
    expect(wire.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(sameTally(tallyFromWire(JSON.parse(JSON.stringify(wire)))!, after)).toBe(true);
    expect(tallyFromWire({ count: 1, coins: 2, checksum: "xyz" })).toBeUndefined();
  });
});
