/**
 * Arrivals, all drawn up front when the stream starts: followers who decided
 * to come (attendance.ts), discovery (the creator's reach plus clips of its previous peak) and
 * a promotion while it lasts. Each arrival is one event; presence.ts handles it. Discovery
 * arrivals are drawn in time order, so they go to the stream's arrival run (arrival-run.ts);
 * followers' and promoted arrivals go to the event heap. A promotion that looks unnatural costs
 * the creator later discovery (unnaturalExcess).
 */
import { errors } from "../../errors.js";
import { appendArrival } from "../arrival-run.js";
import { scheduleFollowers } from "../attendance.js";
import { SIM_LIMITS } from "../config.js";
import { pushEvent } from "../event-queue.js";
import { exponential } from "../random.js";
import type { StreamState } from "./state.js";
import { ARRIVE_DISCOVERY, ARRIVE_FOLLOWER, ARRIVE_PROMOTED, eventPayload } from "./stream-events.js";

/** Queues every arrival of the stream. */
export function scheduleArrivals(s: StreamState, daysSincePrevious: number): void {
  const { world, config, creators, creator: c, durationSec, queue } = s;
  const previousFormat = creators.previousFormat[c];
  const returnBonus = previousFormat >= 0 ? (world.formats[previousFormat]?.returnBoost ?? 0) : 0;
  scheduleFollowers(world, c, s.day, durationSec, daysSincePrevious, returnBonus, s.ordinal - 1, (time, v) => pushEvent(queue, time, eventPayload(v, ARRIVE_FOLLOWER)));
  const creatorConfig = config.creators;
  const reach = Math.pow(creators.quality[c] / creatorConfig.quality, creatorConfig.reachElasticity);
  const organicRate = (config.discovery.arrivalsPerHour * reach) / 3600 + (config.discovery.clipThrough * creators.previousPeak[c]) / durationSec;
  const unnatural = config.promotion.unnatural;
  const penalty = creators.discoveryPenalty[c] * Math.pow(0.5, daysSincePrevious / unnatural.penaltyHalfLifeDays);
  creators.discoveryPenalty[c] = penalty;
  scheduleUniform(s, 0, durationSec, organicRate * Math.exp(-penalty) * durationSec, ARRIVE_DISCOVERY);
  const promotion = config.promotion;
  if (promotion.enabled && world.promotedStreams < promotion.streams) {
    world.promotedStreams++;
    const from = promotion.mode === "drip" ? 0 : promotion.spikeStartMinute * 60;
    const to = Math.min(durationSec, promotion.mode === "drip" ? promotion.dripHours * 3600 : (promotion.spikeStartMinute + promotion.spikeMinutes) * 60);
    scheduleUniform(s, from, to, promotion.arrivalsPerStream, ARRIVE_PROMOTED);
    creators.discoveryPenalty[c] += unnatural.reachPenalty * unnaturalExcess(promotion.arrivalsPerStream, to - from, organicRate, unnatural.naturalRatio);
  }
}

/**
 * How far a promotion of `arrivals` over `windowSec` outpaces the stream's organic discovery
 * rate (its natural momentum): the ratio of the two rates beyond `naturalRatio`, 0 within it.
 * The creator guide's reason for drip-feed ("Roll out promotions gradually over hours or days
 * to mimic natural momentum ... without sudden spikes that can look unnatural"): the same reach
 * in a spike is many times the organic rate, drip-fed it is not. A stream without organic
 * discovery has no momentum to compare with, and no promotion is counted unnatural there.
 */
function unnaturalExcess(arrivals: number, windowSec: number, organicRate: number, naturalRatio: number): number {
  if (!(windowSec > 0) || !(organicRate > 0)) return 0;
  return Math.max(0, arrivals / windowSec / organicRate - naturalRatio);
}

/** Poisson arrivals of `expected` pool viewers spread evenly over [from, to), in time order. */
function scheduleUniform(s: StreamState, from: number, to: number, expected: number, kind: number): void {
  if (!(to > from) || !(expected > 0)) return;
  const { world, queue, discovery } = s;
  const random = world.streams.arrivals;
  // The queue would hold them all at once: refuse before allocating, not after.
  if (expected > SIM_LIMITS.streamArrivals) throw errors.replicateRunaway("arrivals queued for one stream", expected, SIM_LIMITS.streamArrivals);
  if (s.tally.events + expected > world.eventBudget) throw errors.replicateRunaway("events", s.tally.events + expected, world.eventBudget);
  const poolStart = s.creators.poolStart[s.creator];
  const poolSize = s.creators.poolStart[s.creator + 1] - poolStart;
  const rate = expected / (to - from);
  for (let t = from + exponential(random, rate); t < to; t += exponential(random, rate)) {
    const payload = eventPayload(poolStart + Math.floor(random.uniform() * poolSize), kind);
    if (kind === ARRIVE_DISCOVERY) appendArrival(discovery, t, payload);
    else pushEvent(queue, t, payload);
  }
}
