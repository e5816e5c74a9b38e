import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

describe("giftsim load (built binary)", () => {
  it("pushes a seeded synthetic stream through the core and reports rate, latency, memory, rejections and audit", async () => {
    const result = await runCli(["load", "--events", "300000", "--viewers", "300000", "--creators", "50", "--gifts", "64", "--batch", "50000", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.giftEvents).toBe(300_000);
    expect(report.purchaseEvents).toBeGreaterThan(0);
    expect(report.coreEventsPerSecond).toBeGreaterThan(0);
    expect(report.batchLatencyMicros.count).toBe(6);
    for (const p of ["p50", "p90", "p99", "p999", "max"]) expect(report.batchLatencyMicros[p]).toBeGreaterThan(0);
    expect(report.peakRssBytes).toBeGreaterThan(0);
    expect(report.audit.state).toBe("passed");
    expect(Object.values(report.rejected).every((n) => n === 0)).toBe(true);
    expect(report.audit.totals.coinsSpent).toBeGreaterThan(0);
  });

  it("gives the same ledger for the same seed and a different one for another seed", async () => {
    const digest = async (seed: string) => JSON.parse((await runCli(["load", "--events", "20000", "--viewers", "500", "--seed", seed, "--json"])).stdout).ledgerDigest;
    expect(await digest("7")).toBe(await digest("7"));
    expect(await digest("7")).not.toBe(await digest("8"));
  });

  it("runs the synthetic mode by name as it runs by default", async () => {
    const digest = async (mode: string[]) => JSON.parse((await runCli(["load", ...mode, "--events", "20000", "--viewers", "500", "--json"])).stdout).ledgerDigest;
    expect(await digest(["synthetic"])).toBe(await digest([]));
  });

  it("prints a readable summary by default", async () => {
    const result = await runCli(["load", "--events", "20000", "--viewers", "500"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/core gifts\s+[\d.]+ [Mk]\/s/);
    expect(result.stdout).toMatch(/batch latency\s+p50 \d+ us\s+p90 \d+ us\s+p99 \d+ us\s+p99\.9 \d+ us/);
    expect(result.stdout).toMatch(/audit\s+passed/);
  });

  it("refuses bad options with exit 2, naming the option, the value and what was expected, without a stack trace", async () => {
    const result = await runCli(["load", "--events", "-5", "--viewers", "0", "--gifts", "2.5"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--events: got -5, expected an integer 1..");
    expect(result.stderr).toContain("--viewers: got 0, expected an integer 1..");
    expect(result.stderr).toContain("--gifts: got 2.5, expected an integer 1..");
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("refuses an unknown preset and an unknown option with exit 2", async () => {
    expect((await runCli(["load", "--preset", "myspace"])).code).toBe(2);
    const unknown = await runCli(["load", "--evnets", "5"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown argument/);
  });
});

describe("giftsim bench (built binary)", () => {
  it("measures the core against the idiomatic baseline in the same run and reports the ratio", async () => {
    const result = await runCli(["bench", "--events", "200000", "--viewers", "20000", "--creators", "100", "--batch", "100000", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.tasks).toHaveLength(2);
    expect(report.tasks[0].eventsPerSecond).toBeGreaterThan(0);
    expect(report.tasks[1].eventsPerSecond).toBeGreaterThan(0);
    expect(report.speedup).toBeCloseTo(report.tasks[0].eventsPerSecond / report.tasks[1].eventsPerSecond, 6);
    // Both sides credited coins to creators: the work was done and observed.
    expect(report.creditedCoins.core).toBeGreaterThan(0);
    expect(report.creditedCoins.baseline).toBeGreaterThan(0);
  });

  it("prints --help with examples", async () => {
    const result = await runCli(["load", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Examples:");
  });
});
