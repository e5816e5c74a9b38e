/**
 * A scenario's gift stream as HTTP traffic, open model: each event's intended send time is
 * its simulated time scaled by `speed` (simulated idle gaps longer than `maxGapSeconds`, the
 * nights between streams, shortened first), so a battle round's end-of-round surge arrives
 * as a burst of requests. Consecutive events are grouped into requests of at most
 * `eventsPerRequest` events spanning at most BATCH_WINDOW_MS; a request is due when its last
 * event happens, as a gateway batching events would send it. Copies of the stream follow one
 * another, each on fresh stream ids and order ids from the target's first unused ones.
 *
 * Requests race on concurrent connections, so a gift funded by a purchase in an earlier
 * request still in flight can arrive first and be rejected (insufficient coins): the summary
 * counts it; reconciliation counts accepted events only, so it stays exact.
 */
import { bundleGroupCoins } from "../../economy/index.js";
import { errors, type Problem } from "../../errors.js";
import { eventsBody, giftJson, purchaseJson, type ServiceConfig } from "../../serve/http-api.js";
import type { ArrivalSchedule, ReplayArrival } from "../http/arrival-schedule.js";
import type { LoadRequest } from "../http/event-source.js";
import type { Traffic, TrafficFactory } from "../http/traffic.js";
import { checkKeySpace } from "./replay-load.js";
import { validateReplayHttp, type ReplayHttpOptions, type ReplayTiming } from "./replay-options.js";
import { GIFT, captureReplayStream, type ReplayStream } from "./replay-stream.js";

/** Events closer in real time than this may share a request. */
export const BATCH_WINDOW_MS = 20;

/** Requests planned ahead: when each is due and which events it carries. */
interface RequestPlan {
  /** First event (global index over copies) of request i; entry `count` is the end. */
  start: Float64Array;
  dueMs: Float64Array;
  count: number;
}

/** A scenario replay over HTTP from its options: validated, the replicate's stream captured, its requests planned. */
export function replayHttpTraffic(options: ReplayHttpOptions): { arrival: ReplayArrival; traffic: TrafficFactory } {
  validateReplayHttp(options);
  return replayTraffic(captureReplayStream(options), options);
}

/** The replay as an arrival profile (for the summary) and a traffic factory (for the driver). */
export function replayTraffic(stream: ReplayStream, timing: ReplayTiming): { arrival: ReplayArrival; traffic: TrafficFactory } {
  const { repeat, maxGapSeconds } = timing;
  const length = stream.timeline.length;
  if (length === 0) throw errors.invalidInput("load options", [{ path: "--scenario", value: stream.source.file, expected: "a scenario whose replicate has purchases or gifts to replay" }]);
  // Simulated time of each event of one copy, idle gaps shortened.
  const compressed = new Float64Array(length);
  for (let e = 1; e < length; e++) compressed[e] = compressed[e - 1] + Math.min(stream.timeSec[e] - stream.timeSec[e - 1], maxGapSeconds);
  const copySpan = compressed[length - 1] + Math.min(1, maxGapSeconds);
  const events = length * repeat;
  const simulatedTotal = (repeat - 1) * copySpan + compressed[length - 1];
  const speed = timing.speed ?? (simulatedTotal > 0 ? ((timing.eventsPerSecond ?? 1) * simulatedTotal) / events : 1);
  const realMs = (g: number) => (((Math.floor(g / length) * copySpan + compressed[g % length]) / speed) * 1000);
  const plan = planRequests(events, timing.eventsPerRequest, realMs);
  const arrival: ReplayArrival = {
    kind: "replay",
    scenario: stream.source.scenario,
    arm: stream.source.arm,
    replicate: stream.source.replicate,
    repeat,
    speed,
    maxGapSeconds,
    events,
    durationMs: plan.count > 0 ? plan.dueMs[plan.count - 1] : 0,
  };
  return { arrival, traffic: (config, keys) => makeTraffic(stream, plan, arrival, config, keys.stream, keys.order) };
}

function planRequests(events: number, eventsPerRequest: number, realMs: (g: number) => number): RequestPlan {
  const start: number[] = [0];
  const dueMs: number[] = [];
  let first = realMs(0);
  let last = first;
  for (let g = 1; g < events; g++) {
    const at = realMs(g);
    if (g - start[start.length - 1] >= eventsPerRequest || at - first > BATCH_WINDOW_MS) {
      dueMs.push(last);
      start.push(g);
      first = at;
    }
    last = at;
  }
  dueMs.push(last);
  start.push(events);
  return { start: Float64Array.from(start), dueMs: Float64Array.from(dueMs), count: dueMs.length };
}

/** Checks the target can take the stream's events and maps the scenario's regions and channels onto its own. */
function makeTraffic(stream: ReplayStream, plan: RequestPlan, arrival: ReplayArrival, config: ServiceConfig, streamBase: number, orderBase: number): Traffic {
  checkKeySpace(stream, arrival.repeat, streamBase, orderBase);
  const { economy, gifts, purchases, timeline } = stream;
  const problems: Problem[] = [];
  const hint = `a target serving the scenario's economy, e.g. giftsim serve --preset ${stream.source.preset} --viewers ${stream.viewers} --creators ${stream.creators} --gifts ${economy.giftPriceCoins.length}`;
  if (config.viewers < stream.viewers) problems.push({ path: "target viewers", value: config.viewers, expected: `at least ${stream.viewers}: ${hint}` });
  if (config.creators < stream.creators) problems.push({ path: "target creators", value: config.creators, expected: `at least ${stream.creators}: ${hint}` });
  for (let g = 0; g < economy.giftPriceCoins.length; g++) {
    if (config.giftPriceCoins[g] !== economy.giftPriceCoins[g]) {
      problems.push({ path: `target giftPriceCoins[${g}]`, value: config.giftPriceCoins[g], expected: `${economy.giftPriceCoins[g]} coins: ${hint}` });
      break;
    }
  }
  const regionOf = economy.regionIds.map((id) => config.regions.indexOf(id));
  const channelOf = economy.channelIds.map((id) => config.channels.indexOf(id));
  for (let r = 0; r < regionOf.length && problems.length === 0; r++) {
    for (let c = 0; c < channelOf.length; c++) {
      const ours = bundleGroupCoins(economy, r, c);
      const theirs = regionOf[r] < 0 || channelOf[c] < 0 ? undefined : config.bundleCoins[regionOf[r]]?.[channelOf[c]];
      if (theirs === undefined || theirs.join() !== ours.join()) {
        problems.push({ path: `target bundleCoins of ${economy.regionIds[r]}/${economy.channelIds[c]}`, value: theirs ?? null, expected: `${JSON.stringify(ours)}: ${hint}` });
        break;
      }
    }
  }
  if (problems.length > 0) throw errors.invalidInput("target for this scenario", problems);

  const length = timeline.length;
  let request = 0;
  const schedule: ArrivalSchedule = { total: plan.count, durationMs: arrival.durationMs, dueMs: (i) => plan.dueMs[i] };
  return {
    schedule,
    next(): LoadRequest {
      const from = plan.start[request];
      const to = plan.start[request + 1];
      request++;
      const giftStream: number[] = [];
      const giftSeq: number[] = [];
      const giftCoins: number[] = [];
      const order: number[] = [];
      const purchaseCoins: number[] = [];
      let giftsText = "";
      let purchasesText = "";
      for (let g = from; g < to; g++) {
        const copy = Math.floor(g / length);
        const ref = timeline[g % length];
        const i = ref >>> 1;
        if ((ref & 1) === GIFT) {
          const s = streamBase + copy * stream.streamSpan + gifts.stream[i];
          const coins = config.giftPriceCoins[gifts.gift[i]] * gifts.count[i];
          giftsText += `${giftsText === "" ? "" : ","}${giftJson(gifts.viewer[i], gifts.creator[i], gifts.gift[i], gifts.count[i], s, gifts.seq[i])}`;
          giftStream.push(s);
          giftSeq.push(gifts.seq[i]);
          giftCoins.push(coins);
        } else {
          const o = orderBase + copy * stream.orderSpan + purchases.order[i];
          const region = regionOf[purchases.region[i]];
          const channel = channelOf[purchases.channel[i]];
          purchasesText += `${purchasesText === "" ? "" : ","}${purchaseJson(purchases.viewer[i], region, channel, purchases.tier[i], o)}`;
          order.push(o);
          purchaseCoins.push(config.bundleCoins[region][channel][purchases.tier[i]]);
        }
      }
      return {
        body: eventsBody(purchasesText, giftsText),
        giftStream: Int32Array.from(giftStream),
        giftSeq: Int32Array.from(giftSeq),
        giftCoins: Float64Array.from(giftCoins),
        order: Int32Array.from(order),
        purchaseCoins: Float64Array.from(purchaseCoins),
      };
    },
  };
}
