/**
 * `giftsim serve` and `giftsim load http` as users run them: the built binary, loopback
 * only, short bounded runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emptyClientTally, reconcile } from "../../../src/load/index.js";
import { tallyFromWire, type ServiceTotals } from "../../../src/serve/index.js";
import { request } from "undici";
import { runCli } from "../../cli.js";
import { startServe, type ServeProcess } from "../processes.js";

async function accepted(url: string): Promise<number> {
  const answer = await request(`${url}/v1/totals`);
  return ((await answer.body.json()) as ServiceTotals).requests.accepted;
}

const running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function serve(args: string[] = []): Promise<ServeProcess> {
  const server = await startServe(["--viewers", "20000", "--creators", "200", ...args]);
  running.push(server);
  return server;
}

describe("giftsim serve + giftsim load http (built binary)", () => {
  it("runs an open-model load end to end, reconciles it and passes its thresholds", async () => {
    const server = await serve();
    const json = await runCli(["load", "http", "--target", server.url, "--rate", "150", "--duration", "1s", "--gifts-per-request", "8", "--threshold", "p99<5s", "--threshold", "errors<1%", "--json"]);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.schema).toBe("giftsim.http-load-summary/1");
    expect(summary.requests).toMatchObject({ due: 150, ok: 150, failed: 0, dropped: 0 });
    expect(summary.reconciliation.state).toBe("passed");
    expect(summary.reconciliation.gifts.server).toEqual(summary.reconciliation.gifts.accepted);
    expect(summary.thresholds.map((t: { ok: boolean }) => t.ok)).toEqual([true, true]);

    const text = await runCli(["load", "http", "--target", server.url, "--stages", "500ms:100,500ms:200", "--gifts-per-request", "4"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/latency\s+p50 [\d.]+ ms\s+p90 [\d.]+ ms\s+p99 [\d.]+ ms\s+p99\.9 [\d.]+ ms\s+max/);
    expect(text.stdout).toMatch(/reconciliation\s+passed: every accepted event applied exactly once/);
    const { exit, stopped } = await running.pop()!.stop();
    expect(exit.code).toBe(0);
    expect(stopped.totals.tallies.gifts.count).toBe(150 * 8 + 75 * 4 + 25 * 4 + 0);
    expect(stopped.totals.audit.state).toBe("passed");
  });

  it("exits 1 when a threshold is broken and 2 on bad input, naming the flag, the value and what was expected", async () => {
    const server = await serve();
    const broken = await runCli(["load", "http", "--target", server.url, "--rate", "50", "--duration", "200ms", "--threshold", "p50<1us"]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/threshold\s+BROKEN p50<1us/);
    expect(broken.stderr).toMatch(/thresholds broken: p50<1us \(measured [\d.]+ms\)/);

    const bad = await Promise.all([
      runCli(["load", "http", "--target", server.url, "--threshold", "p99 fast"]),
      runCli(["load", "http", "--target", server.url, "--workers", "2"]),
      runCli(["load", "http", "--target", "http://127.0.0.1:1", "--duration", "1s"]),
      runCli(["serve", "--port", "70000", "--max-inflight", "0", "--body-timeout", "0s"]),
      runCli(["load", "http", "--target", server.url, "--duration", "2s", "--warmup", "2s"]),
      // The page's folder was made after the whole load had run, and /proc hung or traced there.
      runCli(["load", "http", "--target", server.url, "--duration", "1s", "--html", "/proc/giftsim-x/load.html"]),
      runCli(["load", "http", "--target", server.url, "--duration", "1s", "--html", "/dev/null"]),
      runCli(["load", "http", "--target", server.url, "--seed"]),
      runCli(["serve", "--seed", ""]),
      runCli(["load", "--seed", "--events", "1000"]),
      // A host that does not resolve was blamed on --port.
      runCli(["serve", "--host", "no-such-host.invalid", "--port", "0"]),
    ]);
    expect(bad.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(bad[10].stderr).toMatch(/^giftsim: --host: cannot listen on no-such-host\.invalid:0 \(\w+\), expected an address of this machine\n$/);
    expect(bad[0].stderr).toContain('--threshold: got "p99 fast", expected metric operator value');
    expect(bad[1].stderr).toContain("Unknown argument: workers");
    expect(bad[2].stderr).toContain("--target: http://127.0.0.1:1 did not answer");
    expect(bad[3].stderr).toContain("--port: got 70000, expected an integer 0..65535");
    expect(bad[3].stderr).toContain("--max-inflight: got 0, expected an integer 1..");
    expect(bad[3].stderr).toContain("--body-timeout: got 0, expected an integer 1..");
    expect(bad[4].stderr).toContain("--warmup: got 2000, expected a duration from 0 to under the arrivals' 2000 ms");
    expect(bad[5].stderr).toBe('giftsim: --html: got "/proc/giftsim-x/load.html", expected a folder giftsim can create and write (ENOENT); nothing was written\n');
    expect(bad[6].stderr).toBe('giftsim: --html: got "/dev/null", expected a new or regular file, not a device; nothing was written\n');
    for (const r of bad.slice(7, 10)) expect(r.stderr).toMatch(/--seed: got (""|missing), expected a value after --seed/);
    for (const r of bad) expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("under overload gets 429/503 with Retry-After, retries, and loses nothing accepted", async () => {
    const server = await serve(["--rate-limit", "500", "--max-inflight", "2"]);
    const result = await runCli(["load", "http", "--target", server.url, "--rate", "120", "--duration", "1s", "--gifts-per-request", "10", "--connections", "8", "--retries", "2", "--grace", "3s", "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    const refused = (summary.requests.byStatus["429"] ?? 0) + (summary.requests.byStatus["503"] ?? 0);
    expect(refused).toBeGreaterThan(0);
    expect(summary.requests.retries).toBeGreaterThan(0);
    expect(summary.requests.ok).toBeGreaterThan(0);
    expect(summary.reconciliation.state).toBe("passed");
    const { stopped } = await running.pop()!.stop();
    expect(stopped.totals.requests.rateLimited + stopped.totals.requests.overloaded).toBe(refused);
    expect(stopped.totals.tallies.gifts.count).toBe(summary.events.giftsAccepted);
  });

  it("on SIGTERM during a load finishes in-flight requests, exits 0 and loses no accepted event", async () => {
    const server = await serve();
    const load = runCli(["load", "http", "--target", server.url, "--rate", "200", "--duration", "3s", "--gifts-per-request", "5", "--retries", "1", "--grace", "2s", "--json"]);
    // Stop the server once the load is well under way (process start-up takes a while on a busy machine).
    for (let i = 0; i < 300 && (await accepted(server.url)) < 40; i++) await new Promise((r) => setTimeout(r, 20));
    const { exit, stopped } = await running.pop()!.stop();
    expect(exit.code).toBe(0);
    expect(stopped.event).toBe("stopped");
    const result = await load;
    const summary = JSON.parse(result.stdout);
    // Everything the server had accepted before SIGTERM was answered, not cut.
    expect(summary.requests.ok).toBeGreaterThanOrEqual(40);
    expect(summary.requests.ok).toBeLessThan(summary.requests.due);
    expect(summary.reconciliation.state).toBe("unavailable");
    expect(result.code).toBe(1);
    // Reconcile the client's tallies against the totals the server printed as it stopped.
    const client = emptyClientTally();
    for (const kind of ["gifts", "purchases"] as const) {
      client[kind].accepted = tallyFromWire(summary.client[kind].accepted)!;
      client[kind].unresolved = tallyFromWire(summary.client[kind].unresolved)!;
    }
    const zero = { count: 0, coins: 0, checksum: "0000000000000000" };
    const fresh = { tallies: { gifts: zero, purchases: zero }, audit: { state: "passed", failures: [] } } as unknown as ServiceTotals;
    const reconciliation = reconcile(client, fresh, stopped.totals);
    expect(reconciliation.state).toBe("passed");
    expect(stopped.totals.tallies.gifts.count).toBeGreaterThanOrEqual(summary.events.giftsAccepted);
  });
});

describe("giftsim load http against a server that dies (built binary)", () => {
  it("exits 1 with reconciliation unavailable when the server is killed by SIGKILL mid-run: an unproven run does not pass", async () => {
    const server = await serve();
    running.pop();
    const load = runCli(["load", "http", "--target", server.url, "--rate", "100", "--duration", "2s", "--gifts-per-request", "5", "--retries", "1", "--grace", "1s", "--json"]);
    for (let i = 0; i < 300 && (await accepted(server.url)) < 20; i++) await new Promise((r) => setTimeout(r, 20));
    process.kill(server.pid, "SIGKILL");
    expect((await server.exited).signal).toBe("SIGKILL");
    const result = await load;
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.requests.ok).toBeGreaterThanOrEqual(20);
    expect(summary.reconciliation).toMatchObject({ state: "unavailable", reason: expect.stringContaining("the target stopped answering during the run") });
    expect(summary.passed).toBe(false);
    expect(result.stderr).toMatch(/reconciliation unavailable: the target stopped answering during the run \(GET \/v1\/totals: .*ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
