/**
 * `npm run bench:http`: requests/s of `giftsim load http` against `giftsim serve`,
 * compared with autocannon against the same server in the same run.
 *
 * The server runs in its own process (its own core); each client runs in this process, one
 * after the other, with the same connection count and the same bodies (fresh idempotency keys
 * per request, from the same event source), so the server does the same work for both.
 * autocannon is a closed loop: each connection sends its next request when the last is
 * answered, so it reports the server's capacity. giftsim load is an open model, so it is run
 * at a rate above that capacity (--overdrive) and what it gets answered per second is its
 * capacity figure; a second run at a sustainable rate gives the latency a user would see,
 * measured from intended send times. Rounds alternate which tool goes first.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { request } from "undici";
import { createEventSource, DEFAULT_HTTP_LOAD, runHttpLoad, type HttpLoadSummary } from "../src/load/index.js";
import type { ServiceConfig, ServiceTotals } from "../src/serve/index.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "16" },
    batch: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    overdrive: { type: "string", default: "1.5" },
    json: { type: "boolean", default: false },
  },
});
const durationSec = Number(values.duration);
const connections = Number(values.connections);
const batch = Number(values.batch);
const rounds = Number(values.rounds);
const overdrive = Number(values.overdrive);

const BIN = fileURLToPath(new URL("../../bin/giftsim.js", import.meta.url));
const server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--json", "--max-inflight", "4096"], { stdio: ["ignore", "pipe", "inherit"] });
const url: string = await new Promise((resolve) => createInterface({ input: server.stdout! }).once("line", (line) => resolve(JSON.parse(line).url)));

async function getJson<T>(path: string): Promise<T> {
  return (await (await request(`${url}${path}`)).body.json()) as T;
}

async function runAutocannon(seed: string) {
  const config = await getJson<ServiceConfig>("/v1/config");
  const { next } = await getJson<ServiceTotals>("/v1/totals");
  const source = createEventSource(config, { seed, giftsPerRequest: batch, streamBase: next.stream, orderBase: next.order });
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: durationSec,
    requests: [{ method: "POST", path: "/v1/events", headers: { "content-type": "application/json" }, setupRequest: (req) => ({ ...req, body: source.next().body }) }],
  });
  return { requestsPerSecond: result["2xx"] / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

async function runGiftsim(ratePerSecond: number, seed: string) {
  const summary: HttpLoadSummary = await runHttpLoad({
    ...DEFAULT_HTTP_LOAD,
    target: url,
    arrival: { kind: "constant", ratePerSecond, durationMs: durationSec * 1000 },
    giftsPerRequest: batch,
    connections,
    seed,
  });
  return {
    requestsPerSecond: summary.requests.ok / Math.max(durationSec, summary.elapsedSeconds),
    targetPerSecond: ratePerSecond,
    p50Ms: summary.latencyMicros.p50 / 1000,
    p99Ms: summary.latencyMicros.p99 / 1000,
    serviceP99Ms: summary.serviceTimeMicros.p99 / 1000,
    dropped: summary.requests.dropped,
    reconciliation: summary.reconciliation.state,
  };
}

/** Share of autocannon's rate for the latency run: well inside capacity on a shared 2-core machine. */
const SUSTAINED_SHARE = 0.5;

// Warm both the server's JIT and this process's before measuring.
await runAutocannon("warm-a").then(() => runGiftsim(500, "warm-g"));
interface Round {
  round: number;
  autocannon: Awaited<ReturnType<typeof runAutocannon>>;
  giftsimSaturated: Awaited<ReturnType<typeof runGiftsim>>;
  giftsimSustained: Awaited<ReturnType<typeof runGiftsim>>;
  ratio: number;
}
const results: Round[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which tool goes first, so neither always meets the server warmer or fuller.
  let cannon: Round["autocannon"];
  let saturated: Round["giftsimSaturated"];
  if (round % 2 === 0) {
    cannon = await runAutocannon(`a${round}`);
    saturated = await runGiftsim(Math.ceil(cannon.requestsPerSecond * overdrive), `g${round}`);
  } else {
    const previous = results[round - 1].autocannon.requestsPerSecond;
    saturated = await runGiftsim(Math.ceil(previous * overdrive), `g${round}`);
    cannon = await runAutocannon(`a${round}`);
  }
  const sustained = await runGiftsim(Math.floor(cannon.requestsPerSecond * SUSTAINED_SHARE), `s${round}`);
  results.push({ round, autocannon: cannon, giftsimSaturated: saturated, giftsimSustained: sustained, ratio: saturated.requestsPerSecond / cannon.requestsPerSecond });
}
server.kill("SIGTERM");
await new Promise((resolve) => server.once("close", resolve));

const mean = (pick: (r: Round) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
const report = {
  options: { durationSec, connections, giftsPerRequest: batch, rounds, overdrive },
  results,
  meanRatio: mean((r) => r.ratio),
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`http bench: giftsim serve, ${connections} connections, ${batch} gifts per request (+ their purchases), ${durationSec} s per run`);
  for (const r of results) {
    const a = r.autocannon;
    const g = r.giftsimSaturated;
    const s = r.giftsimSustained;
    console.log(`  round ${r.round}`);
    console.log(`    autocannon (closed loop)            ${a.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${a.p50Ms.toFixed(2)} ms  p99 ${a.p99Ms.toFixed(2)} ms  errors ${a.errors}`);
    console.log(
      `    giftsim load at ${g.targetPerSecond}/s (saturated)  ${g.requestsPerSecond.toFixed(0).padStart(7)} req/s   service p99 ${g.serviceP99Ms.toFixed(2)} ms  (from intended p99 ${g.p99Ms.toFixed(0)} ms, ${g.dropped} dropped)  reconciliation ${g.reconciliation}`,
    );
    console.log(
      `    giftsim load at ${s.targetPerSecond}/s (50%)        ${s.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${s.p50Ms.toFixed(2)} ms  p99 ${s.p99Ms.toFixed(2)} ms from intended send (service p99 ${s.serviceP99Ms.toFixed(2)} ms)  reconciliation ${s.reconciliation}`,
    );
    console.log(`    ratio giftsim / autocannon          ${r.ratio.toFixed(2)}x`);
  }
  console.log(`  mean ratio (goal >= 0.90x): ${report.meanRatio.toFixed(2)}x`);
}
