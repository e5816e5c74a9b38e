/**
 * Reconciliation: proof, from the server's own books, that every event the client saw
 * accepted was applied exactly once. The server's tallies (count, coins, key checksum of
 * applied events) are read before and after the run; what they grew by must be exactly the
 * client's accepted events: fewer means events were lost, more means events were doubled (or
 * another client wrote meanwhile: reconciliation needs the run to be the server's only
 * writer), and an equal count with another checksum means different events. Requests that
 * never got an answer are allowed to have been applied all together or not at all; a mix
 * cannot be told apart from totals and is inconclusive. The server's audit must pass too.
 * Totals that cannot be read after the run, or that a restart started afresh, leave nothing
 * to reconcile: unavailable. Only "passed" proves anything: every other state fails the run
 * (unless reconciliation was skipped on purpose).
 */
import { addTallies, sameTally, subtractTallies, tallyFromWire, tallyToWire, type EventTally, type WireTally } from "../../serve/event-tally.js";
import type { ServiceTotals } from "../../serve/http-api.js";
import type { ClientTally, KindTally } from "./client-tally.js";

export interface KindReconciliation {
  /** Events the client saw accepted. */
  accepted: WireTally;
  /** Events of requests that never got an answer. */
  unresolved: WireTally;
  /** What the server's tally grew by during the run. */
  server: WireTally;
  /** None of the unresolved events were applied, all of them, or (inconclusive) it cannot be told. */
  unresolvedApplied: "none" | "all" | "unknown";
}

export type Reconciliation =
  | { state: "passed"; gifts: KindReconciliation; purchases: KindReconciliation; audit: "passed" }
  | { state: "failed" | "inconclusive"; problems: string[]; gifts: KindReconciliation; purchases: KindReconciliation; audit: "passed" | "failed" }
  | { state: "unavailable"; reason: string }
  | { state: "skipped" };

function kind(name: string, client: KindTally, before: EventTally, after: EventTally, problems: string[], doubts: string[]): KindReconciliation {
  const server = subtractTallies(after, before);
  const { accepted, unresolved } = client;
  const both = addTallies(accepted, unresolved);
  let unresolvedApplied: KindReconciliation["unresolvedApplied"] = "unknown";
  if (sameTally(server, accepted)) unresolvedApplied = "none";
  else if (unresolved.count > 0 && sameTally(server, both)) unresolvedApplied = "all";
  else if (server.count < accepted.count) {
    problems.push(`${name}: lost ${accepted.count - server.count}: the server applied ${server.count} but answered ${accepted.count} as applied`);
  } else if (server.count > both.count) {
    problems.push(
      `${name}: ${server.count - both.count} extra: the server applied ${server.count}, more than ${accepted.count} accepted + ${unresolved.count} unanswered (doubled events, or another client wrote during the run)`,
    );
  } else if (unresolved.count > 0) {
    doubts.push(`${name}: the server applied ${server.count}, between the ${accepted.count} accepted and ${both.count} with all unanswered; which unanswered ones cannot be told from totals`);
  } else {
    problems.push(`${name}: the server applied ${server.count} events but not the accepted ones (coins ${server.coins} vs ${accepted.coins}, checksums differ)`);
  }
  return { accepted: tallyToWire(accepted), unresolved: tallyToWire(unresolved), server: tallyToWire(server), unresolvedApplied };
}

/** Reconciles the client's tally against the server's totals read before and after the run. */
export function reconcile(client: ClientTally, before: ServiceTotals, after: ServiceTotals): Reconciliation {
  const read = (totals: ServiceTotals, which: "gifts" | "purchases") => tallyFromWire(totals?.tallies?.[which]);
  const tallies = [read(before, "gifts"), read(after, "gifts"), read(before, "purchases"), read(after, "purchases")];
  if (tallies.some((t) => t === undefined)) return { state: "unavailable", reason: "the target's /v1/totals has no event tallies" };
  const [giftsBefore, giftsAfter, purchasesBefore, purchasesAfter] = tallies as EventTally[];
  if (before.instance !== undefined && after.instance !== undefined && before.instance !== after.instance) {
    return { state: "unavailable", reason: `the target restarted during the run (instance ${before.instance} before, ${after.instance} after): its tallies started afresh, so they cannot show what became of the accepted events` };
  }
  const shrunk = ([["gifts", giftsBefore, giftsAfter], ["purchases", purchasesBefore, purchasesAfter]] as const).find(([, b, a]) => a.count < b.count);
  if (shrunk !== undefined) {
    const [name, b, a] = shrunk;
    return { state: "unavailable", reason: `the target's ${name} tally went down during the run (${b.count} before, ${a.count} after): it restarted or was reset, so its tallies cannot cover the run` };
  }
  const problems: string[] = [];
  const doubts: string[] = [];
  const gifts = kind("gifts", client.gifts, giftsBefore, giftsAfter, problems, doubts);
  const purchases = kind("purchases", client.purchases, purchasesBefore, purchasesAfter, problems, doubts);
  const audit = after.audit?.state === "passed" ? "passed" : "failed";
  if (audit === "failed") problems.push(`server audit failed: ${(after.audit?.failures ?? []).join("; ") || "no detail"}`);
  if (problems.length > 0) return { state: "failed", problems: [...problems, ...doubts], gifts, purchases, audit };
  if (doubts.length > 0) return { state: "inconclusive", problems: doubts, gifts, purchases, audit };
  return { state: "passed", gifts, purchases, audit: "passed" };
}
