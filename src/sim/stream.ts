/**
 * One live stream, event by event (MODEL.md "Within a stream"). Arrivals (followers who decided
 * to come, discovery, promotion) are drawn up front into a binary heap; each present viewer holds
 * one departure clock in the heap. Gifts are not per-viewer clocks: the stream holds one
 * candidate gift time drawn from a bound on the total gift hazard of everyone present,
 *
 *   bound = W x herding(N) x goal boosts x format bound x (1 + contagionStrength x c(now)),
 *   W = sum of present viewers' weights w(v) (a Fenwick tree),
 *
 * and at the candidate time a viewer is drawn in proportion to w(v) and accepted with the
 * ratio of their actual hazard to the bound (thinning). The contagion c(t) is a self-exciting
 * sum of recent gifts decaying with decaySeconds (Hawkes-type): it only decays between events,
 * so its current value bounds it. The candidate is redrawn only when the bound may have been
 * exceeded: after a gift candidate, a timer, or the arrival of someone who can gift; herding is
 * bounded at a few more viewers than are present, so arrivals of non-payers (most arrivals)
 * keep the bound until the crowd outgrows that margin. A departure only lowers the total, so
 * the candidate stands and its acceptance ratio is scaled by bound total / current total.
 * Exponential clocks are memoryless, so both redrawing and keeping a valid bound are exact.
 * Departures are thinned the same way while a viewer is engaged. Work is therefore
 * proportional to arrivals, departures and gift candidates, never to viewers x seconds.
 */
import { errors } from "../errors.js";
import { afterVisit, scheduleFollowers } from "./attendance.js";
import { SIM_LIMITS } from "./config.js";
import { clearQueue, peekTime, popEvent, pushEvent } from "./event-queue.js";
import { bufferGift } from "./money.js";
import { RETENTION_MINUTES, STREAM_COLUMNS } from "./metric-names.js";
import { exponential } from "./random.js";
import { concentration } from "./concentration.js";
import { canGift, chooseGift, remainingBudget } from "./spending.js";
import type { StreamContext } from "./stream-context.js";
import { addGifter, addHerdingBin, appendRow } from "./tally.js";
import { DAY_BASE, drawViewer } from "./viewers.js";
import { clearWeights, drawSlot, ensureSlots, setWeight } from "./weighted-set.js";
import type { World } from "./world.js";

const ARRIVE_FOLLOWER = 0;
const ARRIVE_DISCOVERY = 1;
const ARRIVE_PROMOTED = 2;
const DEPART = 3;

/** Viewer flags for the current stream. */
const FLAG_GIFTED = 4;
const FLAG_EXHAUSTED = 8;
const FLAG_TOP = 16;
const FLAG_SHOUTED = 32;
const FLAG_PURCHASED = 64;

/** Largest factor by which the standing gift-candidate bound may overstate herding. */
const HERDING_SLACK = 1.02;
/** Width of the herding regression's bins, seconds. */
const BIN_SECONDS = 300;
/** A viewer is engaged by the goal bar when the goal is this close. */
const GOAL_ENGAGED_PROGRESS = 0.8;
/** Gap statistics are taken from streams with at least this many gifts. */
const MIN_GIFTS_FOR_GAPS = 10;
/** Days within which a second gift counts a gifter as retained. */
const RETENTION_DAYS = 30;

/**
 * Runs creator `c`'s stream on `day` in format `formatIndex` (into FORMAT_IDS), appending its
 * row to the stream table.
 */
export function runStream(world: World, c: number, day: number, formatIndex: number, daysSincePrevious: number): void {
  const { config, random, viewers, tally, queue, weights, creators, money, spending, catalog } = world;
  const format = world.formats[formatIndex] ?? missingFormat(formatIndex);
  const { gifting, creators: creatorConfig } = config;
  const tactics = creatorConfig.tactics;
  const durationSec = creatorConfig.schedule.durationMinutes * 60 * format.durationFactor;
  const startSecond = Math.round(creatorConfig.schedule.startHourUtc * 3600);
  const streamId = world.nextStreamId++;
  const streamKey = streamId + 1;
  const ordinal = creators.streamsHeld[c]++;
  const month = Math.floor(day / config.monthDays);
  const dayKey = day + DAY_BASE;
  const poolStart = creators.poolStart[c];
  const poolSize = creators.poolStart[c + 1] - poolStart;
  const baseRate = gifting.baseRatePerHour / 3600;
  const budgetMedianMicros = config.population.budget.medianUsd * 1e6;
  const budgetElasticity = gifting.budgetElasticity;
  const budgetPacing = gifting.budgetPacing;
  const channelCount = world.economy.channelIds.length;
  const contagionStrength = gifting.contagion.strength;
  const contagionDecay = gifting.contagion.decaySeconds;
  const price = catalog.price;
  const { slotOf, arrivalTime, payoffAtArrival, streamCoins, seenInStream, flags } = world;

  // Goal bar (creator tactic, or the format's own ticker) and the cumulative series goal.
  const goalActive = tactics.goalBar.enabled || format.goalTicker;
  const goalSize = tactics.goalBar.goalCoins;
  let goalProgress = 0;
  const series = config.series;
  const seriesIndex = Math.floor(day / (7 * series.weeks));
  if (creators.seriesIndex[c] !== seriesIndex) {
    creators.seriesIndex[c] = seriesIndex;
    creators.seriesCoins[c] = 0;
  }

  const topK = tactics.topGifterPerk.enabled ? tactics.topGifterPerk.topK : 0;
  const topViewer = new Int32Array(Math.max(topK, 1));
  let topSize = 0;

  let present = 0;
  let peak = 0;
  let unique = 0;
  let followerViewers = 0;
  let newcomerViewers = 0;
  let promotedViewers = 0;
  let visits = 0;
  let gifts = 0;
  let coins = 0;
  let gifters = 0;
  let firstTimeGifters = 0;
  let purchases = 0;
  let spendMicros = 0;
  let feeBpsMicros = 0;
  let newFollowers = 0;
  let payers = 0;
  let streamGifterCount = 0;
  const retained = new Float64Array(RETENTION_MINUTES.length);
  let seq = 0;
  let gapCount = 0;
  let binGifts = 0;
  // The loop's running doubles are fields of one object: V8 updates a double field in place,
  // while every write of a double to a variable that closures share boxes a new heap number.
  const loop = {
    lastTime: 0,
    binEnd: BIN_SECONDS,
    binViewerSeconds: 0,
    watchSeconds: 0,
    lastGiftTime: -1,
    gapSum: 0,
    gapSquares: 0,
    contagionValue: 0,
    contagionTime: 0,
    timer: Number.POSITIVE_INFINITY,
    giftTime: Number.POSITIVE_INFINITY,
    boundProduct: 0,
    /** Total weight W when the candidate was drawn; departures since have lowered the total. */
    boundTotal: 0,
    /** Viewers present up to which the candidate's herding bound holds. */
    presentLimit: 0,
    goalBoost: 1,
  };
  // With herding falling in N a departure would raise the hazard: then redraw after every event.
  const herdingElasticity = gifting.herding.elasticity;
  const lazyBound = herdingElasticity >= 0;
  // Room for more viewers before a redraw, as a share of (scaleViewers + present): as much as
  // raises the herding bound by at most HERDING_SLACK, i.e. at most that many more rejected candidates.
  const slackShare = herdingElasticity > 0 ? Math.pow(HERDING_SLACK, 1 / herdingElasticity) - 1 : 1;

  const ctx: StreamContext = {
    config,
    random,
    viewers,
    creator: c,
    durationSec,
    now: 0,
    present: 0,
    viewerSeconds: 0,
    coins: 0,
    typicalCoinsPerSecond: creators.liveSeconds[c] > 0 ? creators.coins[c] / creators.liveSeconds[c] : 0,
    payoffSum: 0,
    boundUntil: Number.POSITIVE_INFINITY,
    isPresent: (v) => slotOf[v] !== 0,
    refreshWeight: (v) => {
      if (slotOf[v] !== 0) setWeight(weights, slotOf[v] - 1, weightOf(v));
    },
    battle: tally.battle,
    streamBattleRounds: 0,
    streamBattleWins: 0,
    streamBattleRepeats: 0,
    goalsReached: 0,
  };

  function weightOf(v: number): number {
    if (viewers.budgetMicros[v] === 0 && viewers.wallet[v] === 0) return 0;
    if ((flags[v] & FLAG_EXHAUSTED) !== 0) return 0;
    const budget = viewers.budgetMicros[v];
    let w = baseRate * viewers.generosity[v] * Math.pow(budget / budgetMedianMicros, budgetElasticity) * format.viewerHazard(ctx, v);
    if (budgetPacing > 0 && budget > 0) {
      // Viewers pace a monthly budget: the less of it is left (wallet included), the rarer a gift.
      const group = viewers.region[v] * channelCount + viewers.channel[v];
      const left = Math.min(1, (remainingBudget(viewers, v, month) + viewers.wallet[v] * catalog.microsPerCoin[group]) / budget);
      w *= Math.pow(Math.max(0, left), budgetPacing);
    }
    if (viewers.acknowledgedDay[v] !== 0 && viewers.acknowledgedDay[v] < dayKey) w *= 1 + tactics.shoutOuts.hazardBoost;
    if ((flags[v] & FLAG_TOP) !== 0) w *= 1 + tactics.topGifterPerk.hazardBoost;
    return w;
  }

  // --- arrivals drawn up front ---
  clearQueue(queue);
  clearWeights(weights);
  world.freeCount = 0;
  world.slotsUsed = 0;
  const previousFormat = creators.previousFormat[c];
  const returnBonus = previousFormat >= 0 ? (world.formats[previousFormat]?.returnBoost ?? 0) : 0;
  scheduleFollowers(world, c, day, durationSec, daysSincePrevious, returnBonus, ordinal - 1, (time, v) => pushEvent(queue, time, v * 4 + ARRIVE_FOLLOWER));
  const reach = Math.pow(creators.quality[c] / creatorConfig.quality, creatorConfig.reachElasticity);
  const discoveryRate = (config.discovery.arrivalsPerHour * reach) / 3600 + (config.discovery.clipThrough * creators.previousPeak[c]) / durationSec;
  scheduleUniform(0, durationSec, discoveryRate * durationSec, ARRIVE_DISCOVERY);
  const promotion = config.promotion;
  if (promotion.enabled && world.promotedStreams < promotion.streams) {
    world.promotedStreams++;
    if (promotion.mode === "drip") scheduleUniform(0, Math.min(durationSec, promotion.dripHours * 3600), promotion.arrivalsPerStream, ARRIVE_PROMOTED);
    else scheduleUniform(promotion.spikeStartMinute * 60, Math.min(durationSec, (promotion.spikeStartMinute + promotion.spikeMinutes) * 60), promotion.arrivalsPerStream, ARRIVE_PROMOTED);
  }

  /** Poisson arrivals of `expected` pool viewers spread evenly over [from, to). */
  function scheduleUniform(from: number, to: number, expected: number, kind: number): void {
    if (!(to > from) || !(expected > 0)) return;
    // The queue would hold them all at once: refuse before allocating, not after.
    if (expected > SIM_LIMITS.streamArrivals) throw errors.replicateRunaway("arrivals queued for one stream", expected, SIM_LIMITS.streamArrivals);
    if (tally.events + expected > world.eventBudget) throw errors.replicateRunaway("events", tally.events + expected, world.eventBudget);
    const rate = expected / (to - from);
    for (let t = from + exponential(random, rate); t < to; t += exponential(random, rate)) {
      pushEvent(queue, t, (poolStart + Math.floor(random.uniform() * poolSize)) * 4 + kind);
    }
  }

  // --- the event loop ---
  loop.timer = format.startStream(ctx);
  let giftReal = false;
  redraw(0);

  for (;;) {
    const queueTime = peekTime(queue);
    const next = Math.min(queueTime, loop.giftTime, loop.timer);
    if (next >= durationSec) break;
    advance(next);
    if (++tally.events > world.eventBudget) throw errors.replicateRunaway("events", tally.events, world.eventBudget);
    ctx.now = next;
    let boundStale = true;
    // A timer first: a bound may hold only until the timer (a round's end) fires.
    if (next === loop.timer) {
      loop.timer = format.onTimer(ctx, next);
    } else if (next === loop.giftTime) {
      if (giftReal) tryGift(next);
    } else {
      const payload = popEvent(queue);
      const v = payload >>> 2;
      const kind = payload & 3;
      if (kind === DEPART) {
        departureCandidate(v, next);
        boundStale = !lazyBound;
      } else {
        const weight = arrive(v, kind, next);
        boundStale = !lazyBound || weight > 0 || present > loop.presentLimit;
      }
    }
    if (boundStale) redraw(next);
  }
  advance(durationSec);
  for (let slot = 0; slot < world.slotsUsed; slot++) {
    const v = world.slotViewer[slot];
    if (v >= 0 && slotOf[v] === slot + 1) leave(v, durationSec);
  }
  closeBin(durationSec - (loop.binEnd - BIN_SECONDS));
  format.endStream(ctx, durationSec);
  if (topK > 0 && topSize > 0) {
    const winner = topViewer[0];
    viewers.satisfaction[winner] = Math.min(1, viewers.satisfaction[winner] + tactics.topGifterPerk.satisfaction);
  }
  finishStream();

  function redraw(t: number): void {
    const total = weights.total;
    loop.boundTotal = total;
    // The margin is capped (at the crowd again, plus 64) so the memoised herding table stays small.
    loop.presentLimit = lazyBound ? present + Math.min(present + 64, Math.floor((gifting.herding.scaleViewers + present) * slackShare)) : present;
    if (!(total > 0)) {
      loop.giftTime = Number.POSITIVE_INFINITY;
      return;
    }
    loop.goalBoost = 1;
    if (goalActive) {
      const p = goalProgress / goalSize;
      loop.goalBoost *= 1 + tactics.goalBar.gamma * p * p * p * p;
    }
    if (series.enabled && creators.seriesCoins[c] < series.goalCoins) {
      const p = creators.seriesCoins[c] / series.goalCoins;
      loop.goalBoost *= 1 + series.gamma * p * p * p * p;
    }
    const formatBound = format.hazardBound(ctx, t);
    const contagionNow = loop.contagionValue * Math.exp(-(t - loop.contagionTime) / contagionDecay);
    loop.boundProduct = herdingAt(loop.presentLimit) * loop.goalBoost * formatBound * (1 + contagionStrength * contagionNow);
    const candidate = t + exponential(random, total * loop.boundProduct);
    if (candidate > ctx.boundUntil) {
      loop.giftTime = ctx.boundUntil;
      giftReal = false;
    } else {
      loop.giftTime = candidate;
      giftReal = true;
    }
  }

  /** Herding factor for n viewers present, memoised: it is needed after every event. */
  function herdingAt(n: number): number {
    let table = world.herding;
    if (n >= table.length) {
      const grown = new Float64Array(Math.max(2 * table.length, n + 1)).fill(Number.NaN);
      grown.set(table);
      world.herding = table = grown;
    }
    let value = table[n];
    if (value !== value) value = table[n] = Math.pow(1 + n / gifting.herding.scaleViewers, gifting.herding.elasticity);
    return value;
  }

  function advance(t: number): void {
    while (t >= loop.binEnd) {
      loop.binViewerSeconds += present * (loop.binEnd - loop.lastTime);
      ctx.viewerSeconds += present * (loop.binEnd - loop.lastTime);
      loop.lastTime = loop.binEnd;
      closeBin(BIN_SECONDS);
      loop.binEnd += BIN_SECONDS;
    }
    loop.binViewerSeconds += present * (t - loop.lastTime);
    ctx.viewerSeconds += present * (t - loop.lastTime);
    loop.lastTime = t;
  }

  function closeBin(seconds: number): void {
    addHerdingBin(tally, loop.binViewerSeconds, seconds, binGifts);
    loop.binViewerSeconds = 0;
    binGifts = 0;
  }

  /** A viewer arrives (if not already present); returns their gift weight. */
  function arrive(v: number, kind: number, t: number): number {
    if (slotOf[v] !== 0) return 0;
    const promoted = kind === ARRIVE_PROMOTED;
    if (viewers.drawn[v] === 0) drawViewer(viewers, v, config, world.tables, random, world.promotedRegion, promoted);
    let slot: number;
    if (world.freeCount > 0) slot = world.freeSlots[--world.freeCount];
    else {
      slot = world.slotsUsed++;
      if (slot >= world.slotViewer.length) {
        const grown = new Int32Array(world.slotViewer.length * 2);
        grown.set(world.slotViewer);
        world.slotViewer = grown;
        world.freeSlots = new Int32Array(grown.length);
      }
      ensureSlots(weights, slot + 1);
    }
    world.slotViewer[slot] = v;
    slotOf[v] = slot + 1;
    present++;
    ctx.present = present;
    if (present > peak) peak = present;
    arrivalTime[v] = t;
    payoffAtArrival[v] = ctx.payoffSum;
    if (seenInStream[v] !== streamKey) firstVisitThisStream(v, promoted);
    if (viewers.budgetMicros[v] > 0 && !canGift(spending, v, month)) flags[v] |= FLAG_EXHAUSTED;
    format.onArrival(ctx, v);
    const weight = weightOf(v);
    setWeight(weights, slot, weight);
    pushEvent(queue, t + exponential(random, departureRate(v)), v * 4 + DEPART);
    return weight;
  }

  function firstVisitThisStream(v: number, promoted: boolean): void {
    seenInStream[v] = streamKey;
    streamCoins[v] = 0;
    const follower = viewers.follower[v] === 1;
    flags[v] = 0;
    unique++;
    if (follower) followerViewers++;
    else newcomerViewers++;
    if (promoted) promotedViewers++;
    if (viewers.activeDay[v] === 0) tally.uniqueViewers++;
    if (viewers.activeDay[v] !== dayKey) {
      viewers.activeDay[v] = dayKey;
      tally.dayActive++;
    }
    if (viewers.activeMonth[v] !== month + 1) {
      viewers.activeMonth[v] = month + 1;
      tally.activeByMonth[month]++;
    }
    if (viewers.lastStreamOrdinal[v] === ordinal) creators.returners[c]++;
    viewers.lastStreamOrdinal[v] = ordinal + 1;
    viewers.lastAttendDay[v] = dayKey;
  }

  function departureRate(v: number): number {
    return 1 / (viewers.patienceSec[v] * (0.6 + 0.8 * viewers.affinity[v]) * format.dwell);
  }

  function departureCandidate(v: number, t: number): void {
    const engaged = format.engaged(ctx, v, t) || (goalActive && goalProgress >= GOAL_ENGAGED_PROGRESS * goalSize);
    if (engaged && random.uniform() >= gifting.engagedDepartureFactor) {
      pushEvent(queue, t + exponential(random, departureRate(v)), v * 4 + DEPART);
      return;
    }
    leave(v, t);
  }

  function leave(v: number, t: number): void {
    const slot = slotOf[v] - 1;
    setWeight(weights, slot, 0);
    slotOf[v] = 0;
    world.slotViewer[slot] = -1;
    world.freeSlots[world.freeCount++] = slot;
    present--;
    ctx.present = present;
    const watch = t - arrivalTime[v];
    visits++;
    loop.watchSeconds += watch;
    for (let i = 0; i < RETENTION_MINUTES.length && watch >= RETENTION_MINUTES[i] * 60; i++) {
      tally.retained[i]++;
      retained[i]++;
    }
    let bonus = ctx.payoffSum - payoffAtArrival[v] + format.satisfactionBonus(ctx, v);
    if ((flags[v] & FLAG_SHOUTED) !== 0) bonus += tactics.shoutOuts.satisfaction;
    const expected = 1 / departureRate(v);
    newFollowers += afterVisit(world, config, c, v, watch, expected, bonus);
  }

  function tryGift(t: number): void {
    const slot = drawSlot(weights, random.uniform());
    if (slot < 0 || weights.weight[slot] === 0) return;
    const v = world.slotViewer[slot];
    const contagionNow = loop.contagionValue * Math.exp(-(t - loop.contagionTime) / contagionDecay);
    const crowding = 1 / (1 + gifting.crowdingOut * contagionNow);
    const actual = herdingAt(present) * loop.goalBoost * crowding * format.hazard(ctx, v, t) * (1 + viewers.socialProof[v] * contagionStrength * contagionNow);
    // The candidate came at rate boundTotal x boundProduct; v was drawn from today's smaller total.
    if (random.uniform() * loop.boundProduct * (loop.boundTotal / weights.total) >= actual) return;

    const timeSecond = startSecond + t;
    const choice = chooseGift(spending, v, format.sizeTilt(ctx, t), month, c, day, timeSecond);
    if (choice < 0) {
      flags[v] |= FLAG_EXHAUSTED;
      setWeight(weights, slot, 0);
      return;
    }
    const gift = choice >>> 16;
    const count = choice & 0xffff;
    const amount = price[gift] * count;
    bufferGift(money, v, c, gift, count, streamId, seq++, day, timeSecond);
    tally.events++;
    if (spending.purchases > 0) {
      purchases++;
      if ((flags[v] & FLAG_PURCHASED) === 0) {
        flags[v] |= FLAG_PURCHASED;
        payers++;
      }
      spendMicros += spending.purchaseMicros;
      feeBpsMicros += spending.purchaseFeeBpsMicros;
      tally.events++;
      if (viewers.spentTotalMicros[v] === spending.purchaseMicros) tally.payers++;
    }

    gifts++;
    coins += amount;
    ctx.coins = coins;
    binGifts++;
    const bucket = catalog.bucket[gift];
    tally.giftsByBucket[bucket]++;
    tally.coinsByBucket[bucket] += amount;
    if (loop.lastGiftTime >= 0) {
      const gap = t - loop.lastGiftTime;
      loop.gapSum += gap;
      loop.gapSquares += gap * gap;
      gapCount++;
    }
    loop.lastGiftTime = t;
    loop.contagionValue = contagionNow + format.visibility * (1 + gifting.contagion.sizeWeight * Math.log10(amount));
    loop.contagionTime = t;

    viewers.giftedCoins[v] += amount;
    if (viewers.firstGiftDay[v] === 0) {
      viewers.firstGiftDay[v] = dayKey;
      addGifter(tally, v);
      firstTimeGifters++;
      if (tactics.shoutOuts.enabled) {
        viewers.acknowledgedDay[v] = dayKey;
        flags[v] |= FLAG_SHOUTED;
      }
    } else if (viewers.retainedGifter[v] === 0 && dayKey > viewers.firstGiftDay[v] && dayKey - viewers.firstGiftDay[v] <= RETENTION_DAYS) {
      viewers.retainedGifter[v] = 1;
    }
    if (viewers.gifterMonth[v] !== month + 1) {
      viewers.gifterMonth[v] = month + 1;
      tally.giftersByMonth[month]++;
    }
    if ((flags[v] & FLAG_GIFTED) === 0) {
      flags[v] |= FLAG_GIFTED;
      gifters++;
      if (streamGifterCount === world.streamGifters.length) {
        const grown = new Int32Array(2 * world.streamGifters.length);
        grown.set(world.streamGifters);
        world.streamGifters = grown;
      }
      world.streamGifters[streamGifterCount++] = v;
    }
    streamCoins[v] += amount;

    if (goalActive) {
      goalProgress += amount;
      while (goalProgress >= goalSize) {
        goalProgress -= goalSize;
        ctx.goalsReached++;
        ctx.payoffSum += tactics.goalBar.payoffSatisfaction;
      }
    }
    if (series.enabled) {
      const before = creators.seriesCoins[c];
      creators.seriesCoins[c] = before + amount;
      if (before < series.goalCoins && before + amount >= series.goalCoins) {
        ctx.goalsReached++;
        ctx.payoffSum += series.payoffSatisfaction;
      }
    }
    if (topK > 0) updateTop(v);
    format.onGift(ctx, v, amount, count, t);
    // Always: the gift spent budget, which paces the next one.
    setWeight(weights, slot, weightOf(v));
  }

  /** Keeps the stream's top-K gifters (by coins) sorted, flagging who holds a place. */
  function updateTop(v: number): void {
    let at = -1;
    for (let i = 0; i < topSize; i++) if (topViewer[i] === v) at = i;
    if (at < 0) {
      if (topSize < topK) at = topSize++;
      else if (streamCoins[v] > streamCoins[topViewer[topK - 1]]) {
        const evicted = topViewer[topK - 1];
        flags[evicted] &= ~FLAG_TOP;
        ctx.refreshWeight(evicted);
        at = topK - 1;
      } else return;
      topViewer[at] = v;
      flags[v] |= FLAG_TOP;
    }
    while (at > 0 && streamCoins[topViewer[at - 1]] < streamCoins[v]) {
      topViewer[at] = topViewer[at - 1];
      topViewer[--at] = v;
    }
  }

  function finishStream(): void {
    const liveHours = durationSec / 3600;
    const meanWatch = visits > 0 ? loop.watchSeconds / visits / 60 : 0;
    let gapCv = Number.NaN;
    if (gapCount + 1 >= MIN_GIFTS_FOR_GAPS) {
      const mean = loop.gapSum / gapCount;
      const variance = Math.max(0, loop.gapSquares / gapCount - mean * mean);
      gapCv = mean > 0 ? Math.sqrt(variance) / mean : Number.NaN;
      if (Number.isFinite(gapCv)) {
        tally.gapCvSum += gapCv;
        tally.gapCvStreams++;
      }
    }
    tally.streams++;
    tally.liveSeconds += durationSec;
    tally.visits += visits;
    tally.watchSeconds += loop.watchSeconds;
    tally.peak = Math.max(tally.peak, peak);
    tally.peakSum += peak;
    tally.viewerSeconds += ctx.viewerSeconds;
    tally.newFollowers += newFollowers;
    tally.goalsReached += ctx.goalsReached;
    tally.dayStreams++;
    tally.dayLiveMinutes += durationSec / 60;
    tally.dayGifts += gifts;
    tally.dayCoins += coins;
    tally.daySpendMicros += spendMicros;

    const previousRow = creators.previousRow[c];
    if (previousRow >= 0 && creators.previousViewers[c] > 0) {
      tally.streamRows[previousRow * STREAM_COLUMNS.length + NEXT_RETURN_COLUMN] = creators.returners[c] / creators.previousViewers[c];
      tally.returnsNumerator += creators.returners[c];
      tally.returnsDenominator += creators.previousViewers[c];
    }
    const giftedByGifter = new Float64Array(streamGifterCount);
    for (let i = 0; i < streamGifterCount; i++) giftedByGifter[i] = streamCoins[world.streamGifters[i]];
    const spread = concentration(giftedByGifter);
    const diamonds = coins * money.diamondsPerCoin;
    const earnings = diamonds * world.economy.diamondValueMicros;
    const storeFee = Math.floor(feeBpsMicros / 10_000);
    const retention: Record<string, number> = {};
    RETENTION_MINUTES.forEach((m, i) => {
      retention[`retention${m}m`] = visits > 0 ? retained[i] / visits : Number.NaN;
    });
    const row = appendRow(tally.streamRows, STREAM_COLUMNS, {
      ...retention,
      streamId,
      day,
      creator: c,
      format: formatIndex,
      startSecond,
      durationMinutes: durationSec / 60,
      uniqueViewers: unique,
      followerViewers,
      newcomerViewers,
      promotedViewers,
      peakConcurrency: peak,
      meanConcurrency: ctx.viewerSeconds / durationSec,
      meanWatchMinutes: meanWatch,
      gifts,
      giftedCoins: coins,
      coinsPerLiveHour: coins / liveHours,
      gifters,
      firstTimeGifters,
      purchases,
      viewerSpendMicros: spendMicros,
      storeFeeMicros: storeFee,
      creatorDiamonds: diamonds,
      creatorEarningsMicros: earnings,
      platformNetMicros: spendMicros - feeBpsMicros / 10_000 - earnings,
      viewerToGifterConversion: unique > 0 ? gifters / unique : Number.NaN,
      payers,
      arppuMicros: payers > 0 ? spendMicros / payers : Number.NaN,
      top1GifterShare: spread.top1,
      top10GifterShare: spread.top10,
      gini: spread.gini,
      newFollowers,
      goalsReached: ctx.goalsReached,
      battleRounds: ctx.streamBattleRounds,
      battleRoundsWon: ctx.streamBattleWins,
      battleRepeatRounds: ctx.streamBattleRepeats,
      gapCv,
    });
    creators.previousRow[c] = row;
    creators.previousViewers[c] = unique;
    creators.returners[c] = 0;
    creators.previousPeak[c] = peak;
    creators.previousFormat[c] = formatIndex;
    creators.coins[c] += coins;
    creators.liveSeconds[c] += durationSec;
  }
}

const NEXT_RETURN_COLUMN = STREAM_COLUMNS.indexOf("nextStreamReturnRate");

/** World creation makes a runtime for every format of the rotation; reaching here is a bug. */
function missingFormat(formatIndex: number): never {
  throw new Error(`format ${formatIndex} has no runtime`);
}
