/**
 * What a load client knows about the events it sent, from the answers it got:
 * - accepted: the server answered that the event was applied, or answered `duplicate` to a
 *   retry after an earlier attempt of the same request went unanswered (that attempt was
 *   applied: requests are applied whole and fund their own gifts);
 * - rejected: answered with a reason, counted by reason;
 * - unresolved: the request never got an answer, so its events may or may not be applied.
 * Accepted and unresolved events are tallied (count, coins, key checksum) for reconciliation.
 */
import { REJECTION_REASONS, type RejectionReason } from "../../core/index.js";
import { emptyTally, tallyEvent, type EventTally } from "../../serve/event-tally.js";
import type { BatchOutcome, EventsResponse } from "../../serve/http-api.js";
import type { LoadRequest } from "./event-source.js";

export interface KindTally {
  accepted: EventTally;
  unresolved: EventTally;
  rejected: Record<RejectionReason, number>;
}

export interface ClientTally {
  gifts: KindTally;
  purchases: KindTally;
}

function emptyKind(): KindTally {
  return { accepted: emptyTally(), unresolved: emptyTally(), rejected: Object.fromEntries(REJECTION_REASONS.map((r) => [r, 0])) as Record<RejectionReason, number> };
}

/** A client tally of no events. */
export function emptyClientTally(): ClientTally {
  return { gifts: emptyKind(), purchases: emptyKind() };
}

/** True if `value` has the shape of a 200 answer for a request of these sizes. */
export function isEventsResponse(value: unknown, gifts: number, purchases: number): value is EventsResponse {
  const ok = (outcome: unknown, rows: number) =>
    outcome !== null &&
    typeof outcome === "object" &&
    Array.isArray((outcome as BatchOutcome).rejected) &&
    (outcome as BatchOutcome).rejected.every((r) => Number.isInteger(r?.index) && r.index >= 0 && r.index < rows && REJECTION_REASONS.includes(r.reason));
  return value !== null && typeof value === "object" && ok((value as EventsResponse).gifts, gifts) && ok((value as EventsResponse).purchases, purchases);
}

function recordKind(kind: KindTally, namespaces: Int32Array | number, ids: Int32Array, coins: Float64Array, outcome: BatchOutcome, answeredBefore: boolean): void {
  if (outcome.rejected.length === 0) {
    // The common answer, kept free of allocation: everything applied.
    for (let i = 0; i < ids.length; i++) tallyEvent(kind.accepted, typeof namespaces === "number" ? namespaces : namespaces[i], ids[i], coins[i]);
    return;
  }
  const reasons = new Map<number, RejectionReason>();
  for (const { index, reason } of outcome.rejected) reasons.set(index, reason);
  for (let i = 0; i < ids.length; i++) {
    const reason = reasons.get(i);
    if (reason === undefined || (reason === "duplicate" && !answeredBefore)) {
      tallyEvent(kind.accepted, typeof namespaces === "number" ? namespaces : namespaces[i], ids[i], coins[i]);
    } else kind.rejected[reason]++;
  }
}

/**
 * Records a 200 answer. `allAttemptsAnswered` is false when an earlier attempt of this request
 * went unanswered, so a `duplicate` means that attempt applied the event.
 */
export function recordAnswer(tally: ClientTally, request: LoadRequest, response: EventsResponse, allAttemptsAnswered: boolean): void {
  recordKind(tally.purchases, 0, request.order, request.purchaseCoins, response.purchases, allAttemptsAnswered);
  recordKind(tally.gifts, request.giftStream, request.giftSeq, request.giftCoins, response.gifts, allAttemptsAnswered);
}

/** Records a request that never got an answer. */
export function recordUnresolved(tally: ClientTally, request: LoadRequest): void {
  for (let i = 0; i < request.order.length; i++) tallyEvent(tally.purchases.unresolved, 0, request.order[i], request.purchaseCoins[i]);
  for (let i = 0; i < request.giftSeq.length; i++) tallyEvent(tally.gifts.unresolved, request.giftStream[i], request.giftSeq[i], request.giftCoins[i]);
}
