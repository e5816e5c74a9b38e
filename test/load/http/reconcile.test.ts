import { describe, expect, it } from "vitest";
import { emptyClientTally, reconcile, type ClientTally } from "../../../src/load/index.js";
import { emptyTally, tallyEvent, tallyToWire, type EventTally, type ServiceTotals } from "../../../src/serve/index.js";

function tally(ids: number[]): EventTally {
  const t = emptyTally();
  for (const id of ids) tallyEvent(t, 7, id, 10);
  return t;
}

function totals(gifts: EventTally, audit: "passed" | "failed" = "passed"): ServiceTotals {
  return { tallies: { gifts: tallyToWire(gifts), purchases: tallyToWire(emptyTally()) }, audit: { state: audit, failures: audit === "failed" ? ["x"] : [] } } as ServiceTotals;
}

function client(accepted: number[], unresolved: number[] = []): ClientTally {
  const c = emptyClientTally();
  c.gifts.accepted = tally(accepted);
  c.gifts.unresolved = tally(unresolved);
  return c;
}

describe("reconciliation", () => {
  const before = totals(tally([100, 101]));
  const after = (ids: number[], audit: "passed" | "failed" = "passed") => totals(tally([100, 101, ...ids]), audit);

  it("passes when the server grew by exactly the accepted events", () => {
    const result = reconcile(client([1, 2, 3]), before, after([3, 1, 2]));
    expect(result.state).toBe("passed");
    if (result.state === "passed") expect(result.gifts.unresolvedApplied).toBe("none");
  });

  it("passes when unanswered requests were all applied, or none of them", () => {
    expect(reconcile(client([1, 2], [3]), before, after([1, 2, 3])).state).toBe("passed");
    expect(reconcile(client([1, 2], [3]), before, after([1, 2])).state).toBe("passed");
  });

  it("fails on a lost event, a doubled event or different events", () => {
    const lost = reconcile(client([1, 2, 3]), before, after([1, 2]));
    expect(lost.state).toBe("failed");
    if (lost.state === "failed") expect(lost.problems[0]).toMatch(/gifts: lost 1/);
    const doubled = reconcile(client([1, 2]), before, after([1, 2, 2]));
    expect(doubled.state).toBe("failed");
    if (doubled.state === "failed") expect(doubled.problems[0]).toMatch(/1 extra/);
    expect(reconcile(client([1, 2]), before, after([1, 9])).state).toBe("failed");
  });

  it("is inconclusive when only some unanswered events were applied", () => {
    expect(reconcile(client([1], [2, 3]), before, after([1, 2])).state).toBe("inconclusive");
  });

  it("fails when the server's audit fails, and is unavailable without tallies", () => {
    expect(reconcile(client([1]), before, after([1], "failed")).state).toBe("failed");
    expect(reconcile(client([1]), before, {} as ServiceTotals).state).toBe("unavailable");
  });

  it("is unavailable, not lost or passed, when the server restarted during the run: another instance, or tallies that went down", () => {
    const restarted = reconcile(client([1]), { ...before, instance: "a" }, { ...after([1]), instance: "b" });
    expect(restarted).toMatchObject({ state: "unavailable", reason: expect.stringMatching(/restarted during the run \(instance a before, b after\)/) });
    // A restarted server that took the same events again afresh would otherwise pass.
    expect(reconcile(client([1]), { ...totals(tally([])), instance: "a" }, { ...totals(tally([1])), instance: "b" }).state).toBe("unavailable");
    const reset = reconcile(client([1]), before, totals(tally([1])));
    expect(reset).toMatchObject({ state: "unavailable", reason: expect.stringMatching(/gifts tally went down during the run \(2 before, 1 after\)/) });
    expect(reconcile(client([1]), { ...before, instance: "a" }, { ...after([1]), instance: "a" }).state).toBe("passed");
  });
});
