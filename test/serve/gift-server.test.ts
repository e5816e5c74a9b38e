import { connect } from "node:net";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SERVE, startGiftServer, type GiftServer, type ServeOptions, type ServiceTotals } from "../../src/serve/index.js";

const servers: GiftServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(overrides: Partial<ServeOptions> = {}): Promise<GiftServer> {
  // A generous body timeout, so requests held on purpose wait for the test however busy the machine.
  const server = await startGiftServer({ ...DEFAULT_SERVE, port: 0, viewers: 1_000, creators: 10, shutdownTimeoutMs: 5_000, bodyTimeoutMs: 60_000, ...overrides });
  servers.push(server);
  return server;
}

async function post(server: GiftServer, body: unknown) {
  const answer = await request(`${server.url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: answer.statusCode, headers: answer.headers, json: (await answer.body.json()) as any };
}

async function get(server: GiftServer, path: string) {
  const answer = await request(`${server.url}${path}`);
  return { status: answer.statusCode, json: (await answer.body.json()) as any };
}

const totals = async (server: GiftServer) => (await get(server, "/v1/totals")).json as ServiceTotals;

/** Viewer v buys the 17,500-coin US/app-ios bundle (order `order`) and sends `n` Roses on stream 3. */
function funded(v: number, order: number, n: number, firstSeq = 0) {
  return {
    purchases: [{ viewer: v, region: 0, channel: 0, tier: 6, order }],
    gifts: Array.from({ length: n }, (_, i) => ({ viewer: v, creator: 1, gift: 0, count: 1, stream: 3, seq: firstSeq + i })),
  };
}

/** A request sent over a raw socket with only `sent` bytes of its body, held open until finish() sends the rest (or the server answers). */
async function holdRequest(server: GiftServer, body: string, sent: number) {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  socket.on("data", (d) => (received += d));
  const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(`POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, sent)}`);
  const answer = async () => {
    await ended;
    const [head, text] = received.split("\r\n\r\n");
    return { status: Number(head.split(" ")[1]), head, json: JSON.parse(text) };
  };
  return {
    answer,
    async finish() {
      socket.write(body.slice(sent));
      return answer();
    },
  };
}

async function untilInFlight(server: GiftServer, n: number) {
  for (let i = 0; i < 200 && (await get(server, "/healthz")).json.inFlight < n; i++) await new Promise((r) => setTimeout(r, 5));
}

describe("giftsim serve's HTTP API", () => {
  it("applies purchases before gifts, answers per event, and serves balances, totals and config", async () => {
    const server = await serve();
    const answer = await post(server, { ...funded(4, 0, 2), gifts: [...funded(4, 0, 2).gifts, { viewer: 4, creator: 99, gift: 0, count: 1, stream: 3, seq: 2 }] });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ purchases: { applied: 1, rejected: [] }, gifts: { applied: 2, rejected: [{ index: 2, reason: "unknownCreator" }] } });
    expect((await get(server, "/v1/viewers/4")).json).toMatchObject({ walletCoins: 17_498, coinsBought: 17_500, coinsSpent: 2 });
    expect((await get(server, "/v1/creators/1")).json).toMatchObject({ giftedCoins: 2 });
    expect((await get(server, "/v1/viewers/1000")).status).toBe(404);
    const t = await totals(server);
    expect(t.tallies.gifts).toMatchObject({ count: 2, coins: 2 });
    expect(t.next).toEqual({ stream: 4, order: 1 });
    expect(t.audit.state).toBe("passed");
    expect((await get(server, "/v1/config")).json).toMatchObject({ preset: "tiktok", viewers: 1_000, creators: 10, limits: { maxEventsPerRequest: 10_000 } });
    expect((await get(server, "/nowhere")).status).toBe(404);
  });

  it("applies a duplicated or retried request once: the repeats answer duplicate", async () => {
    const server = await serve();
    const body = funded(7, 10, 5);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(server, body)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.json.gifts.applied === 5)).toHaveLength(1);
    for (const a of answers.filter((x) => x.json.gifts.applied === 0)) {
      expect(a.json.gifts.rejected.map((r: any) => r.reason)).toEqual(Array(5).fill("duplicate"));
      expect(a.json.purchases.rejected).toEqual([{ index: 0, reason: "duplicate" }]);
    }
    const t = await totals(server);
    expect(t.tallies.gifts.count).toBe(5);
    expect(t.tallies.purchases.count).toBe(1);
    expect((await get(server, "/v1/viewers/7")).json.walletCoins).toBe(17_495);
  });

  it("answers malformed bodies 400 with the reason and changes nothing", async () => {
    const server = await serve({ maxEventsPerRequest: 3 });
    await post(server, funded(1, 0, 1));
    const before = await totals(server);
    const bad: [unknown, RegExp][] = [
      ["{not json", /not JSON/],
      ["[]", /\(root\): got \[\], expected an object/],
      [{ gifts: [{ viewer: 1, creator: 1, gift: 0, count: 1, stream: 3 }] }, /gifts\[0\]\.seq: got missing, expected a number/],
      [{ gifts: [{ viewer: "1", creator: 1, gift: 0, count: 1, stream: 3, seq: 5 }] }, /gifts\[0\]\.viewer: got "1", expected a number/],
      [{ purchases: [{ viewer: 1, region: 0, channel: 0, tier: 0, order: null }] }, /purchases\[0\]\.order: got null/],
      [{ gifts: [], refunds: [] }, /no unknown keys \(remove refunds\)/],
      [{ gifts: [{ ...funded(1, 0, 1).gifts[0], seq: 9, note: "hi" }] }, /gifts\[0\]: .*remove note/],
      [funded(1, 5, 3, 20), /at most 3 events/],
      // Regression: 3,000 levels of nesting overflowed the validator's stack and killed the server.
      [`{"gifts":${"[".repeat(3000)}${"]".repeat(3000)}}`, /unreadable structure|expected/],
    ];
    for (const [body, reason] of bad) {
      const answer = await post(server, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error).toBe("INVALID_INPUT");
      expect(answer.json.message).toMatch(reason);
    }
    const after = await totals(server);
    expect(after.ledgerDigest).toBe(before.ledgerDigest);
    expect(after.requests.badRequest).toBe(bad.length);
  });

  it("rejects NaN-like, fractional and huge numbers as rows, never applying them", async () => {
    const server = await serve();
    await post(server, funded(1, 0, 1));
    const before = await totals(server);
    const row = { viewer: 1, creator: 1, gift: 0, count: 1, stream: 3 };
    const answer = await post(server, `{"gifts":[${[
      JSON.stringify({ ...row, seq: 1.5 }),
      JSON.stringify({ ...row, seq: 2 ** 40 }),
      `{"viewer":1,"creator":1,"gift":0,"count":1,"stream":3,"seq":1e400}`,
      JSON.stringify({ ...row, viewer: 1e9, seq: 7 }),
      JSON.stringify({ ...row, count: 0.5, seq: 8 }),
    ].join(",")}]}`);
    expect(answer.status).toBe(200);
    expect(answer.json.gifts.applied).toBe(0);
    expect(answer.json.gifts.rejected.map((r: any) => r.reason)).toEqual(["invalidKey", "invalidKey", "invalidKey", "unknownViewer", "badCount"]);
    const after = await totals(server);
    expect(after.tallies).toEqual(before.tallies);
    expect(after.ledger.coinsSpent).toBe(before.ledger.coinsSpent);
  });

  it("answers 413 to bodies over the limit, declared or streamed", async () => {
    const server = await serve({ maxBodyBytes: 256 });
    const big = JSON.stringify(funded(1, 0, 10));
    expect((await post(server, big)).status).toBe(413);
    const held = await holdRequest(server, big, 100);
    const answer = await held.finish();
    expect(answer.status).toBe(413);
    expect(answer.json.message).toMatch(/body: got \d+, expected at most 256/);
    expect((await totals(server)).tallies.gifts.count).toBe(0);
  });

  it("answers 503 with Retry-After past the in-flight bound, before reading the body, and applies nothing of it", async () => {
    const server = await serve({ maxInFlight: 2 });
    const bodies = [funded(1, 0, 2), funded(2, 1, 2, 2)].map((b) => JSON.stringify(b));
    const held = await Promise.all(bodies.map((b) => holdRequest(server, b, 10)));
    await untilInFlight(server, 2);
    const refused = await post(server, funded(3, 2, 2, 10));
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(refused.json.error).toBe("OVERLOADED");
    expect((await totals(server)).tallies.gifts.count).toBe(0);
    for (const h of held) expect((await h.finish()).status).toBe(200);
    expect((await post(server, funded(3, 2, 2, 10))).status).toBe(200);
    const t = await totals(server);
    expect(t.tallies.gifts.count).toBe(6);
    expect(t.requests.overloaded).toBe(1);
  });

  it("answers 408 to bodies trickling in past --body-timeout and frees their in-flight slots (slow senders held all 256 for 37 s)", async () => {
    const server = await serve({ maxInFlight: 3, bodyTimeoutMs: 200 });
    const body = JSON.stringify(funded(1, 0, 2));
    const slow = await Promise.all([0, 1, 2].map(() => holdRequest(server, body, 10)));
    const answers = await Promise.all(slow.map((h) => h.answer()));
    for (const a of answers) {
      expect(a.status).toBe(408);
      expect(a.json.error).toBe("BODY_TIMEOUT");
      expect(a.json.message).toContain("within 200 ms");
      expect(a.head.toLowerCase()).toContain("connection: close");
    }
    expect((await get(server, "/healthz")).json.inFlight).toBe(0);
    expect((await post(server, funded(2, 1, 2, 10))).status).toBe(200);
    const t = await totals(server);
    expect(t.requests.bodyTimedOut).toBe(3);
    expect(t.tallies.gifts.count).toBe(2);
  });

  it("answers 429 with Retry-After past the rate limit and applies nothing of the refused request", async () => {
    const server = await serve({ rateLimitEventsPerSecond: 10 });
    expect((await post(server, funded(1, 0, 7))).status).toBe(200);
    const refused = await post(server, funded(2, 1, 7, 10));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused.json.error).toBe("RATE_LIMITED");
    const t = await totals(server);
    expect(t.tallies.gifts.count).toBe(7);
    expect(t.tallies.purchases.count).toBe(1);
    expect(t.requests.rateLimited).toBe(1);
  });

  it("on close (SIGTERM) stops accepting, finishes in-flight requests and loses nothing accepted", async () => {
    const server = await serve();
    expect((await post(server, funded(1, 0, 3))).status).toBe(200);
    const held = await holdRequest(server, JSON.stringify(funded(2, 1, 4, 10)), 20);
    await untilInFlight(server, 1);
    const stopped = server.close();
    await expect(post(server, funded(3, 2, 1, 20))).rejects.toThrow();
    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(answer.head.toLowerCase()).toContain("connection: close");
    const report = await stopped;
    expect(report.totals.tallies.gifts.count).toBe(7);
    expect(report.totals.requests.accepted).toBe(2);
    expect(report.totals.audit.state).toBe("passed");
    expect(report.cutRequests).toBe(0);
  });
});
