/**
 * The gift stream a scenario produces, captured for replay. One replicate of one arm is
 * simulated exactly as `giftsim run` seeds it (same file and master seed: same stream), its
 * event log is kept in memory, and the purchases and gifts are put in simulated time order:
 * day x 86,400 + second, purchases before gifts at an equal time. Viewers belong to one
 * creator's audience pool and a creator holds one stream a day, so this order keeps every
 * viewer's own events in the order the simulation applied them, and moving a purchase ahead
 * can only make a wallet fuller: every gift stays affordable.
 *
 * The simulation's own ledger is kept too (payouts included), so a replay can prove it built
 * the same books.
 */
import type { GiftBatch, Ledger, PurchaseBatch } from "../../core/index.js";
import type { CompiledEconomy } from "../../economy/index.js";
import { errors } from "../../errors.js";
import { seedOf } from "../../run/chunk.js";
import { workerContext } from "../../run/run.js";
import { loadScenario } from "../../scenario/index.js";
import { communityCount, type EventLogChunk, type EventLogSink, type GiftLogColumn, type PurchaseLogColumn } from "../../sim/index.js";
// runReplicate returns outputs only; the replay also needs the ledger the replicate built.
import { simulate } from "../../sim/replicate.js";

export interface ReplayStreamOptions {
  /** Scenario file (YAML or JSON). */
  file: string;
  /** Arm name; default the first arm. The first sweep point of the arm is used. */
  arm?: string;
  /** Replicate index, as `giftsim run --replicate K`. */
  replicate: number;
  /** Master seed; default the file's. */
  seed?: string;
}

/** Where a replay stream came from: enough to reproduce it with `giftsim run`. */
export interface ReplaySource {
  file: string;
  scenario: string;
  arm: string;
  /** Platform preset of the arm's economy (its overrides aside). */
  preset: string;
  pointIndex: number;
  replicate: number;
  masterSeed: string;
  /** The replicate's own seed, derived as `giftsim run` derives it. */
  replicateSeed: string;
}

/** Gift columns, in event-log order: a gift batch without its status column. */
export type ReplayGifts = Omit<GiftBatch, "status">;

/** Purchase columns, in event-log order: a purchase batch without its status column. */
export type ReplayPurchases = Omit<PurchaseBatch, "status">;

export interface ReplayStream {
  source: ReplaySource;
  economy: CompiledEconomy;
  viewers: number;
  creators: number;
  gifts: ReplayGifts;
  purchases: ReplayPurchases;
  /** Every event in simulated time order: index x 2 + kind (0 purchase, 1 gift). */
  timeline: Uint32Array;
  /** Simulated seconds of each timeline entry (day x 86,400 + second of day). */
  timeSec: Float64Array;
  /** One past the largest stream id and order id used: the key space one copy of the stream spans. */
  streamSpan: number;
  orderSpan: number;
  /** The ledger the simulation built, payouts included. */
  simulationLedger: Ledger;
}

export const PURCHASE = 0;
export const GIFT = 1;

const SECONDS_PER_DAY = 86_400;

/** Runs the replicate and captures its purchases and gifts in simulated time order. */
export function captureReplayStream(options: ReplayStreamOptions): ReplayStream {
  const plan = loadScenario(options.file, { seed: options.seed });
  const arm = options.arm ?? plan.scenario.arms[0].name;
  const cell = plan.scenario.cells.find((c) => c.arm === arm);
  if (cell === undefined) {
    throw errors.invalidInput("load options", [{ path: "--arm", value: arm, expected: `an arm of ${options.file}: ${plan.scenario.arms.map((a) => a.name).join(", ")}` }]);
  }
  if (!Number.isInteger(options.replicate) || options.replicate < 0 || options.replicate >= plan.replicates) {
    throw errors.invalidInput("load options", [{ path: "--replicate", value: options.replicate, expected: `a replicate index from 0 to ${plan.replicates - 1}` }]);
  }
  if (communityCount(cell.config) > 1) {
    // A replay pushes one ledger's events; a world cut into communities has a ledger per community.
    throw errors.invalidInput("load options", [{ path: "--scenario", value: options.file, expected: "a scenario of one community (model.audience.communitySize 0, or at least creators.count)" }]);
  }
  const seed = seedOf(workerContext(plan), options.replicate);
  const capture = createCapture();
  const { world, output } = simulate(cell.config, seed, { eventLog: capture.sink });
  if (output.audit.state === "failed") throw errors.auditFailed(output.audit.failures.map((f) => `simulation of ${arm} replicate ${options.replicate}: ${f}`));
  const { gifts, purchases, giftTime, purchaseTime } = capture.finish();
  const { timeline, timeSec } = timeOrder(purchaseTime, giftTime);
  let streamSpan = 0;
  for (let i = 0; i < gifts.length; i++) streamSpan = Math.max(streamSpan, gifts.stream[i] + 1);
  let orderSpan = 0;
  for (let i = 0; i < purchases.length; i++) orderSpan = Math.max(orderSpan, purchases.order[i] + 1);
  return {
    source: { file: options.file, scenario: plan.scenario.name, arm, preset: cell.config.platform.preset, pointIndex: cell.pointIndex, replicate: options.replicate, masterSeed: plan.seed, replicateSeed: seed },
    economy: world.economy,
    viewers: world.viewers.count,
    creators: world.creators.count,
    gifts,
    purchases,
    timeline,
    timeSec,
    streamSpan,
    orderSpan,
    simulationLedger: world.money.ledger,
  };
}

/** A growable integer or float column. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public values: T) {}
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new (this.values.constructor as new (n: number) => T)(Math.max(1024, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  trimmed(): T {
    return this.values.slice(0, this.length) as T;
  }
}

const ints = () => new Column(new Int32Array(0));
const floats = () => new Column(new Float64Array(0));

/** A sink copying the applied purchases and gifts out of the log's reused chunks. */
function createCapture() {
  const g = { viewer: ints(), creator: ints(), gift: ints(), count: ints(), stream: ints(), seq: ints(), time: floats() };
  const p = { viewer: ints(), region: ints(), channel: ints(), tier: ints(), order: ints(), time: floats() };
  const sink: EventLogSink = {
    gifts(chunk: EventLogChunk<GiftLogColumn>) {
      const c = chunk.columns;
      for (let i = 0; i < chunk.length; i++) {
        g.viewer.push(c.viewer[i]);
        g.creator.push(c.creator[i]);
        g.gift.push(c.gift[i]);
        g.count.push(c.count[i]);
        g.stream.push(c.stream[i]);
        g.seq.push(c.seq[i]);
        g.time.push(c.day[i] * SECONDS_PER_DAY + c.timeSecond[i]);
      }
    },
    purchases(chunk: EventLogChunk<PurchaseLogColumn>) {
      const c = chunk.columns;
      for (let i = 0; i < chunk.length; i++) {
        p.viewer.push(c.viewer[i]);
        p.region.push(c.region[i]);
        p.channel.push(c.channel[i]);
        p.tier.push(c.tier[i]);
        // The log has no order column: the simulation numbers orders 0, 1, 2... as it applies
        // them and never has one rejected (its audit would fail), so an order id is its log position.
        p.order.push(p.order.length);
        p.time.push(c.day[i] * SECONDS_PER_DAY + c.timeSecond[i]);
      }
    },
  };
  return {
    sink,
    finish() {
      const gifts: ReplayGifts = {
        length: g.viewer.length,
        viewer: g.viewer.trimmed(),
        creator: g.creator.trimmed(),
        gift: g.gift.trimmed(),
        count: g.count.trimmed(),
        stream: g.stream.trimmed(),
        seq: g.seq.trimmed(),
      };
      const purchases: ReplayPurchases = {
        length: p.viewer.length,
        viewer: p.viewer.trimmed(),
        region: p.region.trimmed(),
        channel: p.channel.trimmed(),
        tier: p.tier.trimmed(),
        order: p.order.trimmed(),
      };
      return { gifts, purchases, giftTime: g.time.trimmed(), purchaseTime: p.time.trimmed() };
    },
  };
}

/** Purchases and gifts merged by (time, kind, log position): a total order, so the same on every run. */
function timeOrder(purchaseTime: Float64Array, giftTime: Float64Array): { timeline: Uint32Array; timeSec: Float64Array } {
  const total = purchaseTime.length + giftTime.length;
  if (total >= 2 ** 31) throw errors.tooLarge("--scenario", total, 2 ** 31 - 1, "events one replicate may produce for a replay");
  const timeline = new Uint32Array(total);
  for (let i = 0; i < purchaseTime.length; i++) timeline[i] = i * 2 + PURCHASE;
  for (let i = 0; i < giftTime.length; i++) timeline[purchaseTime.length + i] = i * 2 + GIFT;
  const time = (ref: number) => ((ref & 1) === GIFT ? giftTime[ref >>> 1] : purchaseTime[ref >>> 1]);
  timeline.sort((a, b) => time(a) - time(b) || (a & 1) - (b & 1) || (a >>> 1) - (b >>> 1));
  const timeSec = new Float64Array(total);
  for (let i = 0; i < total; i++) timeSec[i] = time(timeline[i]);
  return { timeline, timeSec };
}
