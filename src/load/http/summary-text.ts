import type { WireTally } from "../../serve/event-tally.js";
import type { LatencySummary } from "../latency-histogram.js";
import type { KindReconciliation } from "./reconcile.js";
import type { HttpLoadSummary, SummaryRenderer } from "./summary.js";

/** A count with thousands separators. */
export const count = (n: number) => n.toLocaleString("en-US");
/** Microseconds as milliseconds, two decimals. */
export const ms = (micros: number) => `${(micros / 1000).toFixed(2)} ms`;
const latency = (l: LatencySummary) =>
  l.count === 0 ? "no answers" : `p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p99 ${ms(l.p99)}  p99.9 ${ms(l.p999)}  max ${ms(l.max)}`;
/** Non-zero counts by reason, or "none". */
export const reasons = (r: Record<string, number | undefined>) => {
  const listed = Object.entries(r).filter(([, n]) => (n ?? 0) > 0);
  return listed.length === 0 ? "none" : listed.map(([reason, n]) => `${reason} ${count(n ?? 0)}`).join(", ");
};
const tally = (t: WireTally) => `${count(t.count)} (coins ${count(t.coins)}, checksum ${t.checksum})`;

/** The arrival profile in words, e.g. "constant 100 req/s for 10 s". */
export function describeArrival(summary: HttpLoadSummary): string {
  const a = summary.options.arrival;
  if (a.kind === "constant") return `constant ${count(a.ratePerSecond)} req/s for ${a.durationMs / 1000} s`;
  if (a.kind === "replay") {
    return `replay of ${a.scenario} (arm ${a.arm}, replicate ${a.replicate}${a.repeat > 1 ? `, x${a.repeat}` : ""}) at ${a.speed >= 100 ? count(Math.round(a.speed)) : a.speed.toPrecision(3)}x simulated time, ${count(a.events)} events over ${(a.durationMs / 1000).toFixed(1)} s`;
  }
  return `ramping from ${count(a.startRatePerSecond)} req/s: ${a.stages.map((s) => `${s.durationMs / 1000} s to ${count(s.targetPerSecond)}`).join(", ")}`;
}

function reconciliationLines(summary: HttpLoadSummary): string[] {
  const r = summary.reconciliation;
  if (r.state === "skipped") return ["  reconciliation   skipped (--no-reconcile)"];
  if (r.state === "unavailable") return [`  reconciliation   unavailable: ${r.reason}`];
  const kind = (name: string, k: KindReconciliation) =>
    `    ${name.padEnd(10)} accepted ${tally(k.accepted)}; server applied ${tally(k.server)}` +
    (k.unresolved.count > 0 ? `; ${count(k.unresolved.count)} unanswered, ${k.unresolvedApplied === "unknown" ? "some" : k.unresolvedApplied} applied` : "");
  const verdict =
    r.state === "passed"
      ? "passed: every accepted event applied exactly once, nothing lost, nothing doubled, audit passed"
      : `${r.state}:${r.problems.map((p) => `\n    ${p}`).join("")}`;
  return [`  reconciliation   ${verdict}`, kind("gifts", r.gifts), kind("purchases", r.purchases)];
}

/** How latency figures were measured: from where, and what the warm-up left out. */
export function latencyBasis(summary: HttpLoadSummary): string {
  const { warmupMs } = summary.options;
  if (warmupMs === 0) return "from intended send";
  return `from intended send; the ${count(summary.requests.warmup)} requests due in the first ${warmupMs / 1000} s (warm-up) left out`;
}

/** The summary for a terminal. */
export const renderSummaryText: SummaryRenderer = (summary) => {
  const { requests, events, rates } = summary;
  const statuses = Object.entries(requests.byStatus)
    .map(([status, n]) => `${status} ${count(n)}`)
    .join(", ");
  const lines = [
    `giftsim load http --target ${summary.target}: ${describeArrival(summary)}, ${summary.options.giftsPerRequest} ${summary.options.arrival.kind === "replay" ? "events" : "gifts"} per request, ${summary.options.connections} connections`,
    `  requests         ${count(requests.due)} due, ${count(requests.sent)} sent, ${count(requests.ok)} ok, ${count(requests.failed)} failed, ${count(requests.dropped)} dropped, ${count(requests.unanswered)} unanswered (${count(requests.settled)} settled after), ${count(requests.retries)} retries`,
    `  answers          ${statuses || "none"}`,
    `  throughput       ${rates.requestsPerSecond.toFixed(1)} req/s ok (target ${rates.targetPerSecond.toFixed(1)}), ${count(Math.round(rates.eventsPerSecond))} events/s accepted, over ${summary.elapsedSeconds.toFixed(2)} s`,
    `  latency          ${latency(summary.latencyMicros)}  (${latencyBasis(summary)})`,
    `  service time     ${latency(summary.serviceTimeMicros)}  (per attempt, from its dispatch on a connection)`,
    `  send delay       p50 ${ms(summary.sendDelayMicros.p50)}  p99 ${ms(summary.sendDelayMicros.p99)}  max ${ms(summary.sendDelayMicros.max)}  (intended send to a free connection)`,
    `  errors           ${(summary.errorRate * 100).toFixed(3)}%`,
    `  events           gifts ${count(events.giftsAccepted)} of ${count(events.giftsSent)} accepted, purchases ${count(events.purchasesAccepted)} of ${count(events.purchasesSent)}; rejected gifts: ${reasons(events.giftsRejected)}; purchases: ${reasons(events.purchasesRejected)}`,
    ...reconciliationLines(summary),
    ...summary.thresholds.map((t) => `  threshold        ${t.ok ? "ok    " : "BROKEN"} ${t.expression} (measured ${t.actualText})`),
    `  result           ${summary.passed ? "passed" : "FAILED"}`,
    "",
  ];
  return lines.join("\n");
};
