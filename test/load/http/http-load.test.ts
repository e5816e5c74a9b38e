import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_HTTP_LOAD, parseThreshold, renderSummaryText, runHttpLoad, type HttpLoadOptions } from "../../../src/load/index.js";
import { DEFAULT_SERVE, startGiftServer, type GiftServer } from "../../../src/serve/index.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(): Promise<GiftServer> {
  const server = await startGiftServer({ ...DEFAULT_SERVE, port: 0, viewers: 5_000, creators: 50 });
  closers.push(() => server.close());
  return server;
}

/**
 * A proxy in front of the server that, for every `dropEvery`-th POST, lets the server apply
 * the request and then cuts the client's connection instead of answering: a lost answer (once
 * per request at most).
 * With `delayMs`, every answer is held that long: a stalled server.
 */
async function proxy(upstream: string, options: { dropEvery?: number; delayMs?: number }): Promise<{ url: string; dropped: () => number }> {
  let posts = 0;
  let dropped = 0;
  const droppedBodies = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await request(`${upstream}${req.url}`, { method: req.method as "GET" | "POST", headers: { "content-type": "application/json" }, body: req.method === "POST" ? Buffer.concat(chunks) : undefined });
    const text = await answer.body.text();
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const body = Buffer.concat(chunks).toString();
    // A request's answer is lost once at most, so its retries always get through however the
    // machine's load interleaves the attempts (three drops in a row exhausted --retries).
    if (req.method === "POST" && options.dropEvery && ++posts % options.dropEvery === 0 && !droppedBodies.has(body)) {
      droppedBodies.add(body);
      dropped++;
      res.socket?.destroy();
      return;
    }
    res.writeHead(answer.statusCode, { "content-type": "application/json" });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)).then(() => server.closeAllConnections()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dropped: () => dropped };
}

const options = (target: string, overrides: Partial<HttpLoadOptions> = {}): HttpLoadOptions => ({
  ...DEFAULT_HTTP_LOAD,
  target,
  arrival: { kind: "constant", ratePerSecond: 100, durationMs: 1_000 },
  giftsPerRequest: 5,
  connections: 4,
  graceMs: 5_000,
  ...overrides,
});

describe("giftsim load http (library)", () => {
  it("sends a constant arrival rate and reconciles every accepted event against the server", async () => {
    const server = await serve();
    const summary = await runHttpLoad(options(server.url, { thresholds: [parseThreshold("errors<1%")] }));
    expect(summary.requests).toMatchObject({ due: 100, sent: 100, ok: 100, failed: 0, dropped: 0, unanswered: 0 });
    expect(summary.requests.byStatus).toEqual({ "200": 100 });
    expect(summary.events.giftsAccepted).toBe(500);
    expect(summary.latencyMicros.count).toBe(100);
    expect(summary.reconciliation.state).toBe("passed");
    expect(summary.passed).toBe(true);
    expect(server.totals().tallies.gifts.count).toBe(500);
  });

  it("keeps requests due in the warm-up out of every latency figure (second 0 dominated the run's p99), but in every count", async () => {
    const server = await serve();
    const summary = await runHttpLoad(options(server.url, { warmupMs: 250, thresholds: [parseThreshold("p99<10s")] }));
    expect(summary.requests).toMatchObject({ due: 100, ok: 100, warmup: 25 });
    expect(summary.options.warmupMs).toBe(250);
    for (const figure of [summary.latencyMicros, summary.serviceTimeMicros, summary.sendDelayMicros]) expect(figure.count).toBe(75);
    expect(summary.latencyBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(75);
    // The timeline shows the warm-up: every answer is in it.
    expect(summary.timeline.reduce((sum, s) => sum + s.ok, 0)).toBe(100);
    expect(summary.reconciliation.state).toBe("passed");
    expect(renderSummaryText(summary)).toMatch(/latency\s+p50 .*\(from intended send; the 25 requests due in the first 0\.25 s \(warm-up\) left out\)/);
  });

  it("refuses a warm-up as long as the arrivals, naming --warmup", async () => {
    await expect(runHttpLoad(options("http://127.0.0.1:1", { warmupMs: 1_000 }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("--warmup: got 1000, expected a duration from 0 to under the arrivals' 1000 ms"),
    });
  });

  it("starts with fresh keys on a server that has seen other runs, and ramps like k6", async () => {
    const server = await serve();
    await runHttpLoad(options(server.url, { arrival: { kind: "constant", ratePerSecond: 50, durationMs: 400 } }));
    const summary = await runHttpLoad(options(server.url, { arrival: { kind: "ramping", startRatePerSecond: 0, stages: [{ durationMs: 500, targetPerSecond: 100 }, { durationMs: 500, targetPerSecond: 100 }] } }));
    expect(summary.requests.due).toBe(75);
    expect(summary.events.giftsRejected).toEqual({});
    expect(summary.reconciliation.state).toBe("passed");
    expect(server.totals().tallies.gifts.count).toBe((20 + 75) * 5);
  });

  it("retries lost answers with the same keys: the server applies them once and reconciliation proves it", async () => {
    const server = await serve();
    const lossy = await proxy(server.url, { dropEvery: 4 });
    const summary = await runHttpLoad(options(lossy.url, { arrival: { kind: "constant", ratePerSecond: 80, durationMs: 1_000 } }));
    expect(lossy.dropped()).toBeGreaterThan(10);
    expect(summary.requests.retries).toBeGreaterThan(10);
    expect(summary.requests.byStatus.network).toBeGreaterThan(10);
    // Every event was applied exactly once although a quarter of the answers were lost.
    expect(summary.events.giftsAccepted).toBe(400);
    expect(summary.reconciliation.state).toBe("passed");
    expect(server.totals().tallies.gifts.count).toBe(400);
  });

  it("measures latency from the intended send time, so a stalled server shows, and drops beyond --max-inflight", async () => {
    const server = await serve();
    const stalled = await proxy(server.url, { delayMs: 150 });
    const summary = await runHttpLoad(options(stalled.url, { connections: 1, maxInFlight: 8, arrival: { kind: "constant", ratePerSecond: 40, durationMs: 500 } }));
    expect(summary.requests.dropped).toBeGreaterThan(0);
    // One connection, 150 ms a request, 40 due a second: requests wait their turn, and that wait counts.
    expect(summary.latencyMicros.max).toBeGreaterThan(3 * summary.serviceTimeMicros.p50);
    expect(summary.serviceTimeMicros.p50).toBeGreaterThanOrEqual(150_000);
    expect(summary.errorRate).toBeGreaterThan(0);
    expect(summary.reconciliation.state).toBe("passed");
  });
});
