/**
 * A scenario replay as users run it: `giftsim load replay` (built binary, loopback only): in process, and
 * over HTTP against `giftsim serve` with the HTML summary.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../cli.js";
import { startServe, type ServeProcess } from "../processes.js";

const running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

describe("giftsim load replay and load http --scenario (built binary)", () => {
  it("replays a scenario's stream in process, twice over, and proves the books are twice the simulation's", async () => {
    const json = await runCli(["load", "replay", "--scenario", "scenarios/battle-night.yaml", "--arm", "battle-rematch", "--replicate", "2", "--repeat", "2", "--json"]);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ mode: "scenario", source: { scenario: "battle-night", arm: "battle-rematch", replicate: 2, masterSeed: "7" }, audit: { state: "passed" } });
    expect(report.simulation).toMatchObject({ state: "equal", repeat: 2 });
    expect(report.giftEvents).toBe(2 * report.stream.gifts);

    const text = await runCli(["load", "replay", "--scenario", "scenarios/battle-night.yaml", "--seed", "11"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/giftsim load \(scenario battle-night, arm casual, replicate 0, seed 11\)/);
    expect(text.stdout).toMatch(/simulation\s+equal: every wallet, purchase and creator credit is the simulation's own ledger/);
  });

  it("replays it over HTTP at a scaled speed, reconciles, and writes the HTML summary", async () => {
    const server = await startServe(["--viewers", "20000", "--creators", "10"]);
    running.push(server);
    const html = join(mkdtempSync(join(tmpdir(), "giftsim-load-")), "summary.html");
    const result = await runCli([
      "load", "http", "--target", server.url, "--scenario", "scenarios/battle-night.yaml", "--arm", "battle-fresh",
      "--event-rate", "6000", "--connections", "1", "--threshold", "p99<10s", "--html", html,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/replay of battle-night \(arm battle-fresh, replicate 0\) at [\d,]+x simulated time/);
    expect(result.stdout).toMatch(/rejected gifts: none/);
    expect(result.stdout).toMatch(/reconciliation\s+passed/);
    const page = readFileSync(html, "utf8");
    expect(page.match(/<svg /g)?.length).toBe(5);
    expect(page).toContain("replay of battle-night");
  });

  it("exits 2 naming the flag when replay flags are mixed with the wrong mode", async () => {
    const bad = await Promise.all([
      runCli(["load", "replay", "--scenario", "scenarios/battle-night.yaml", "--events", "1000"]),
      runCli(["load", "--repeat", "3"]),
      runCli(["load", "replay", "--scenario", "scenarios/battle-night.yaml", "--speed", "10"]),
      runCli(["load", "replay", "--scenario", "scenarios/battle-night.yaml", "--arm", "nope"]),
      runCli(["load", "--html", "x.html"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:9", "--scenario", "scenarios/battle-night.yaml"]),
      runCli(["load", "replay"]),
    ]);
    expect(bad.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(bad[5].stderr).toContain("--speed: got null, expected with --scenario, exactly one of --speed");
    expect(bad[0].stderr).toContain("Unknown argument: events");
    expect(bad[1].stderr).toContain("Unknown argument: repeat");
    expect(bad[2].stderr).toContain("Unknown argument: speed");
    expect(bad[3].stderr).toContain('--arm: got "nope", expected an arm of');
    expect(bad[4].stderr).toContain("Unknown argument: html");
    expect(bad[6].stderr).toContain("Missing required argument: scenario");
    for (const r of bad) expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("gives --rate and --batch one meaning each: a scenario over HTTP is paced by --event-rate and sized by --events-per-request", async () => {
    const scenario = ["--scenario", "scenarios/battle-night.yaml"];
    const bad = await Promise.all([
      runCli(["load", "http", "--target", "http://127.0.0.1:9", ...scenario, "--rate", "100"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:9", ...scenario, "--gifts-per-request", "5"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:9", ...scenario, "--event-rate", "100", "--batch", "5"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:9", "--event-rate", "100"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:9", ...scenario, "--event-rate", "100", "--events-per-request", "0"]),
    ]);
    expect(bad.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(bad[0].stderr).toContain("--rate: got 100, expected not with --scenario");
    expect(bad[1].stderr).toContain("--gifts-per-request: got 5, expected not with --scenario");
    expect(bad[2].stderr).toContain("Unknown argument: batch");
    expect(bad[3].stderr).toContain("--event-rate: got 100, expected only with --scenario");
    expect(bad[4].stderr).toContain("--events-per-request: got 0, expected an integer 1..100000");
  });
});
