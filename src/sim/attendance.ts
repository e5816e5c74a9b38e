/**
 * Across streams (MODEL.md "Attendance", "Across streams"). At each held stream every follower
 * decides whether to come: P(attend) = logistic(intercept + habit x b_habit + affinity x
 * b_affinity + regularity x b_regularity + satisfaction x b_satisfaction - weeks since last
 * attended x perWeekAway + the previous stream's format return bonus, if they watched it + the
 * series bonus - the saturation penalty for each stream the creator held in the last seven days
 * beyond saturation.freeStreams). Those who come arrive early (exponential, mean arrivalMeanMinutes); those who
 * miss it lose habit. Followers unfollow with their own churn hazard, more when dissatisfied. After a visit,
 * satisfaction moves towards the visit's experience (visitExperience) and habit grows; a newcomer
 * who stayed long enough follows with a probability rising with satisfaction and affinity.
 */
import type { SimConfig } from "./config.js";
import { exponential } from "./random.js";
import { unfollows } from "./unfollow.js";
import { DAY_BASE, SATISFACTION_START } from "./viewers.js";
import { addFollower, type World } from "./world.js";

/** Weeks away assumed for a follower who never attended. */
const NEVER_ATTENDED_WEEKS = 2;

/**
 * Decides which followers of creator `c` attend today's stream and calls `arrive(time, viewer)`
 * for each. `previousFormatBonus` is the return bonus of the creator's previous stream.
 */
export function scheduleFollowers(
  world: World,
  c: number,
  day: number,
  durationSec: number,
  daysSincePrevious: number,
  previousFormatBonus: number,
  previousOrdinal: number,
  arrive: (time: number, viewer: number) => void,
): void {
  const { config, viewers, creators } = world;
  const random = world.streams.attendance;
  const a = config.attendance;
  const series = config.creators.tactics.series;
  const seriesBonus = series.enabled ? series.attendanceBoost : 0;
  const saturation = a.saturation.perStream * Math.max(0, streamsInLastWeek(world, c, daysSincePrevious) - a.saturation.freeStreams);
  const base = a.intercept + a.regularity * creators.regularity[c] + seriesBonus - saturation;
  const weeksSincePrevious = daysSincePrevious / 7;
  const arrivalRate = 1 / Math.max(1, a.arrivalMeanMinutes * 60);
  const list = creators.followers[c];
  let count = creators.followerCount[c];
  for (let i = 0; i < count; ) {
    const v = list[i];
    world.tally.events++;
    // Keyed by (viewer, day): a follower decides alike in two arms wherever their states agree.
    random.rekey(v, day);
    const satisfaction = viewers.satisfaction[v];
    if (unfollows(random.uniform(), viewers.churnHazard[v], weeksSincePrevious, satisfaction)) {
      viewers.follower[v] = 0;
      list[i] = list[--count];
      continue;
    }
    const last = viewers.lastAttendDay[v];
    const weeksAway = last === 0 ? NEVER_ATTENDED_WEEKS : (day + DAY_BASE - last) / 7;
    const sawPrevious = viewers.lastStreamOrdinal[v] === previousOrdinal + 1 ? previousFormatBonus : 0;
    const logit = base + a.habit * viewers.habit[v] + a.affinity * viewers.affinity[v] + a.satisfaction * satisfaction - a.perWeekAway * weeksAway + sawPrevious;
    if (random.uniform() * (1 + Math.exp(-logit)) < 1) {
      const time = exponential(random, arrivalRate);
      if (time < durationSec) arrive(time, v);
    } else {
      viewers.habit[v] *= 1 - a.habitDecayMissed;
    }
    i++;
  }
  creators.followerCount[c] = count;
}

/** Bits 1-7 of Creators.recentStreamDays: the seven days before the latest stream. */
const WEEK_BEFORE = 0b1111_1110;

/**
 * Streams creator `c` held in the seven days before today's (its previous one `daysSincePrevious`
 * days ago), recording today's. Audience saturation: a follower's evenings are few, and a
 * creator who streams often competes with itself for them.
 */
function streamsInLastWeek(world: World, c: number, daysSincePrevious: number): number {
  const days = world.creators.recentStreamDays;
  let week = daysSincePrevious < 8 ? (days[c] << daysSincePrevious) & WEEK_BEFORE : 0;
  days[c] = week | 1;
  let streams = 0;
  for (; week !== 0; week &= week - 1) streams++;
  return streams;
}

/** A scheduled slot the creator did not hold: followers' habit decays, regularity falls. */
export function missSlot(world: World, c: number): void {
  const { creators, viewers, config } = world;
  const list = creators.followers[c];
  const decay = 1 - config.attendance.habitDecayMissed;
  for (let i = 0; i < creators.followerCount[c]; i++) viewers.habit[list[i]] *= decay;
  creators.regularity[c] = 0.8 * creators.regularity[c];
}

/** A held slot raises the creator's regularity. */
export function holdSlot(world: World, c: number): void {
  world.creators.regularity[c] = 0.8 * world.creators.regularity[c] + 0.2;
}

/**
 * The experience of a visit, in [0, 1], towards which the viewer's satisfaction moves:
 * SATISFACTION_START + watchExperienceWeight x (performance x watch share - neutralWatchShare) +
 * payoff, with watch share = min(1, watch / expected watch) and the creator's performance
 * (creator-effort.ts; 1 when rested): a tired creator's stream is a worse visit. A visit without payoffs watched for the neutral
 * share has the start value as its experience (satisfaction moves towards it), a longer one raises it and a shorter one lowers
 * it, so a format is not favoured merely for having payoffs (goal reached, round won, question
 * answered, shout-out), which add on top. neutralWatchShare 1 is the earlier rule (0.5 x watch
 * share), under which every payoff-free visit short of the full expected watch lowered
 * satisfaction.
 */
export function visitExperience(a: SimConfig["attendance"], watchSec: number, expectedSec: number, performance: number, payoff: number): number {
  const watchShare = Math.min(1, watchSec / expectedSec);
  return Math.min(1, Math.max(0, SATISFACTION_START + a.watchExperienceWeight * (performance * watchShare - a.neutralWatchShare) + payoff));
}

/**
 * Updates a viewer after a visit of `watchSec` (expected `expectedSec`) to a stream the creator
 * performed at `performance` (creator-effort.ts), with payoff `bonus`; returns 1 if they
 * started following.
 */
export function afterVisit(world: World, config: SimConfig, c: number, v: number, watchSec: number, expectedSec: number, performance: number, bonus: number): number {
  const viewers = world.viewers;
  const a = config.attendance;
  const experience = visitExperience(a, watchSec, expectedSec, performance, bonus);
  const satisfaction = viewers.satisfaction[v] + a.satisfactionLearningRate * (experience - viewers.satisfaction[v]);
  viewers.satisfaction[v] = satisfaction;
  viewers.habit[v] += a.habitGain * (1 - viewers.habit[v]);
  if (viewers.follower[v] === 1 || watchSec < config.discovery.followMinMinutes * 60) return 0;
  if (world.streams.follow.uniform() >= config.discovery.followProbability * (satisfaction + viewers.affinity[v])) return 0;
  addFollower(world, c, v);
  return 1;
}
