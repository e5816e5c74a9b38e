/**
 * Every behavioural constant of the model in one table: its dotted path into SimConfig, the
 * plausible range [low, high] a strategist could defend, and where its value comes from (a
 * passage of a source, a calibration fact it was tuned to, or a stated assumption). The
 * defaults are read from DEFAULT_SIM_CONFIG, never written twice. Model-uncertainty runs,
 * sensitivity analysis and calibration draw from these ranges, so each range is one every
 * config may take: each end, alone or together with the others, resolves and runs (tested).
 *
 * What is not behavioural (the study's design, a creator's decisions, switches and modes, the
 * audience's composition, units and guards) is listed in EXCLUDED_PATHS with the reason. Every
 * leaf of the config is in one of the two (test/sim/constants.test.ts), so a new parameter
 * needs one line here: a row, or an exclusion.
 */
import { DEFAULT_SIM_CONFIG, type SimConfig } from "./config.js";

/** The files a `source` passage may quote: economics.md and MODEL.md, and the creator guides in sources/. */
export const SOURCE_FILES = {
  economics: "economics.md",
  model: "MODEL.md",
  monetizeGuide: "sources/how-to-monetize-tiktok-live-streams.txt",
  growthGuide: "sources/tiktok-coins-earn-buy-and-turn-live-gifts-into-growth.txt",
  topUpGuide: "sources/mastering-tiktok-live-coins-top-up.txt",
} as const;

/** A source a constant may cite (a key of SOURCE_FILES). */
export type SourceRef = keyof typeof SOURCE_FILES;

/**
 * Where a constant's value comes from: a source that states it (quoted; the test finds the
 * passage there), a calibration fact (a CALIBRATION_FACTS id) it was tuned to, or an
 * assumption, with the passage it rests on where a source gives the direction but not the size.
 */
export type ConstantSource =
  | { kind: "source"; quote: Quote }
  | { kind: "tuned"; fact: string; how: string }
  | { kind: "assumption"; why: string; quote?: Quote };

/** A passage quoted verbatim (up to whitespace) from a source file. */
export interface Quote {
  ref: SourceRef;
  text: string;
}

/** One behavioural constant: its path, default (read from DEFAULT_SIM_CONFIG), range and source. */
export interface ModelConstant {
  /** Dotted path into SimConfig, e.g. "formats.challenge.sizeTilt". */
  path: string;
  default: number;
  /** Inclusive plausible range; low <= default <= high. */
  range: readonly [low: number, high: number];
  /** Whether only whole numbers are valid (a sampler must round). */
  integer: boolean;
  source: ConstantSource;
}

type Row = Omit<ModelConstant, "path" | "default">;

const source = (ref: SourceRef, text: string): ConstantSource => ({ kind: "source", quote: { ref, text } });
const tuned = (fact: string, how: string): ConstantSource => ({ kind: "tuned", fact, how });
/** An assumption; `ref` and `text` quote the passage that gives its direction, where one does. */
const assumption = (why: string, ref?: SourceRef, text?: string): ConstantSource =>
  ref === undefined || text === undefined ? { kind: "assumption", why } : { kind: "assumption", why, quote: { ref, text } };
const range = (low: number, high: number, from: ConstantSource): Row => ({ range: [low, high], integer: false, source: from });
const wholeRange = (low: number, high: number, from: ConstantSource): Row => ({ range: [low, high], integer: true, source: from });

/** The table, by path, one line a constant. */
const ROWS: Record<string, Row> = {
  "population.payerShare": range(0.04, 0.13, source("model", "payer | Bernoulli(0.08)")),
  "population.budget.medianUsd": range(4, 16, assumption("the US payer's median: MODEL.md's $5 is the whole audience's, so the US figure is $5 / the default region mix's mean budget factor (0.604); the range spans $2.5-$10 for the mix", "model", "payers: lognormal(median $5, sigma 1.5)")),
  "population.budget.sigma": range(1, 2, source("model", "payers: lognormal(median $5, sigma 1.5)")),
  "population.budget.whaleShare": range(0.003, 0.03, source("model", "with prob. 0.01 a whale: Pareto(x_m $200, alpha 1.3)")),
  "population.budget.whaleMinUsd": range(165, 660, assumption("the US whale's minimum: MODEL.md's $200 over the default region mix's mean budget factor (0.604); the range spans $100-$400 for the mix", "model", "with prob. 0.01 a whale: Pareto(x_m $200, alpha 1.3)")),
  "population.budget.regionFactor.EU": range(0.5, 0.75, assumption("budgets scale with the region's income: EU against US between GDP per head at market rates (about 0.5) and at purchasing power (about 0.7); not in economics.md", "model", "budgets scale with the region's income")),
  "population.budget.regionFactor.BR": range(0.12, 0.3, assumption("as EU: Brazil about 0.12 of US GDP per head at market rates, 0.25 at purchasing power", "model", "budgets scale with the region's income")),
  "population.budget.regionFactor.ID": range(0.06, 0.2, assumption("as EU: Indonesia about 0.06 of US GDP per head at market rates, 0.19 at purchasing power", "model", "budgets scale with the region's income")),
  "population.budget.startSpentShare": range(0, 1, assumption("a day-0 viewer k days into their month has spent this share of the month's pro-rated budget; 0.5 makes week 1's gifts per active viewer match weeks 2-4 (casual, 8 weeks, 60 replicates: 0.121 against 0.120-0.124)")),
  "population.budget.whaleAlpha": range(1.1, 2, source("model", "with prob. 0.01 a whale: Pareto(x_m $200, alpha 1.3)")),
  "population.generosity.alpha": range(1, 4, source("model", "generosity | Beta(2,5)")),
  "population.generosity.beta": range(3, 8, source("model", "generosity | Beta(2,5)")),
  "population.affinity.alpha": range(1, 4, source("model", "affinity | Beta(2,3)")),
  "population.affinity.beta": range(2, 5, source("model", "affinity | Beta(2,3)")),
  "population.socialProof.alpha": range(1, 4, source("model", "social-proof sensitivity | Beta(2,2)")),
  "population.socialProof.beta": range(1, 4, source("model", "social-proof sensitivity | Beta(2,2)")),
  "population.competitiveness.alpha": range(1, 3, source("model", "competitiveness | Beta(1.5,3)")),
  "population.competitiveness.beta": range(2, 5, source("model", "competitiveness | Beta(1.5,3)")),
  "population.curiosity.alpha": range(1, 4, source("model", "curiosity | Beta(2,2)")),
  "population.curiosity.beta": range(1, 5, source("model", "curiosity | Beta(2,2)")),
  "population.churn.alpha": range(0.5, 2, assumption("weekly unfollow hazard Beta(1, 19), mean 5%: a few fickle followers churn most; no source gives a rate")),
  "population.churn.beta": range(9, 39, assumption("weekly unfollow hazard Beta(1, 19); the range spans means of 2.5% to 10% a week")),
  "population.patience.medianMinutes": range(4, 16, source("model", "mean watch time lognormal(median 8 min, sigma 0.8)")),
  "population.patience.sigma": range(0.4, 1.2, source("model", "mean watch time lognormal(median 8 min, sigma 0.8)")),
  "creators.reachElasticity": range(0.5, 2, source("model", "Poisson with rate proportional to creator quality")),
  "creators.schedule.reliability": range(0.8, 1, assumption("a creator holds 95% of its scheduled slots; the guides ask for fixed days but give no rate")),
  "creators.tactics.goalBar.gamma": range(0.5, 3, assumption("the goal gradient's strength; MODEL.md gives the shape, not gamma", "model", "boost 1 + gamma x progress^4 until the goal is met (goal gradient)")),
  "creators.tactics.goalBar.payoffSatisfaction": range(0.05, 0.3, assumption("a reached goal's payoff lifts the satisfaction of everyone present a little", "growthGuide", "Pin a gift goal ticker and tie it to a payoff")),
  "creators.tactics.shoutOuts.satisfaction": range(0, 0.2, assumption("being thanked by name lifts satisfaction a little", "growthGuide", "First-time gifters get a shoutout")),
  "creators.tactics.shoutOuts.hazardBoost": range(0.1, 0.6, assumption("an acknowledged first-time gifter gifts 1.3x as readily from the next day (gifter retention)", "growthGuide", "First-time gifters get a shoutout")),
  "creators.tactics.topGifterPerk.hazardBoost": range(0.2, 1, assumption("competing for the perk raises the top gifters' hazard 1.5x", "growthGuide", "Top gifter chooses tomorrow")),
  "creators.tactics.topGifterPerk.satisfaction": range(0.05, 0.4, assumption("winning the perk lifts the winner's satisfaction", "growthGuide", "Top gifter chooses tomorrow")),
  "creators.reinvestment.qualityPerLogUsd": range(0.01, 0.1, assumption("reinvested payouts raise quality concavely: +5% per log-unit of reinvested USD", "growthGuide", "Use a portion of Diamond payouts for better lighting, microphones, editing")),
  "creators.reinvestment.scaleUsd": range(50, 200, assumption("$100 reinvested is the first meaningful upgrade (a microphone, a light)")),
  "attendance.intercept": range(-4.5, -2.5, assumption("about a third of followers attend a stream (next-stream return 0.3-0.4), which keeps the follower base stable over a month")),
  "attendance.habit": range(1.5, 4.5, assumption("habit dominates the attendance log-odds", "economics", "Scheduling 2-4 fixed days a week builds habit")),
  "attendance.affinity": range(0.5, 2.5, assumption("affinity second to habit in the attendance log-odds")),
  "attendance.regularity": range(0, 2, assumption("a creator who holds its slots is attended more", "monetizeGuide", "Schedule regular live sessions: Consistency helps your audience know when to tune in.")),
  "attendance.satisfaction": range(0.5, 2.5, assumption("satisfied followers come back: as strong as affinity")),
  "attendance.perWeekAway": range(0.2, 1, assumption("a week away costs half a log-odds unit")),
  "attendance.arrivalMeanMinutes": range(2, 10, source("model", "they arrive early (exponential, mean 5 min)")),
  "attendance.habitGain": range(0.1, 0.5, assumption("habit moves a quarter of the way to 1 per visit")),
  "attendance.habitDecayMissed": range(0.05, 0.3, assumption("a missed stream costs 15% of habit")),
  "attendance.satisfactionLearningRate": range(0.2, 0.6, assumption("satisfaction moves 40% of the way to a visit's experience")),
  "attendance.saturation.perStream": range(0, 0.5, assumption("each stream in a week beyond the free ones costs a follower 0.1 log-odds of attending", "model", "a follower's chance to attend falls with how often the creator streams")),
  "attendance.saturation.freeStreams": wholeRange(2, 7, assumption("streams a week a follower takes without tiring of them: the guide's upper 4; the top of the range (7, no saturation) is an assumption", "growthGuide", "Go live at exact times 2–4 days per week")),
  "creators.fatigue.performanceLossPerHour": range(0, 1, assumption("daily 90-minute streams leave a creator about 10% below rested; a happier broadcaster raises tips (Lin, Yao and Chen) gives the direction", "model", "fatigue lowers the creator's performance (and so satisfaction and gifting) when streams come too often")),
  "creators.fatigue.toleranceHours": range(0, 3, assumption("about one stream's worth of unrecovered effort costs nothing")),
  "creators.fatigue.recoveryHalfLifeDays": range(0.5, 4, assumption("a night's rest recovers half of the unrecovered effort", "model", "and recovers with rest")),
  "promotion.unnatural.naturalRatio": range(0.5, 3, assumption("promoted arrivals up to the organic discovery rate look natural", "growthGuide", "mimic natural momentum")),
  "promotion.unnatural.reachPenalty": range(0, 0.3, assumption("each multiple of the organic rate beyond natural costs 5% of later organic discovery (log scale)", "growthGuide", "without sudden spikes that can look unnatural")),
  "promotion.unnatural.penaltyHalfLifeDays": range(1, 28, assumption("ranking forgets a spike within weeks")),
  "attendance.neutralWatchShare": range(0.3, 1, assumption("a visit as long as the viewer's own departure clock makes it on average is neutral: 1 - 1/e = E[min(1, X/m)] for an exponential stay; 1 is the earlier rule, under which every payoff-free visit lowered satisfaction")),
  "attendance.watchExperienceWeight": range(0.25, 1, assumption("a full expected watch is worth half the satisfaction scale, the earlier rule's slope")),
  "discovery.arrivalsPerHour": range(300, 1200, assumption("newcomers per live hour of a mid-size creator: with the followers, a peak concurrency of about 400-500")),
  "discovery.clipThrough": range(0.2, 0.8, assumption("newcomers per viewer of the previous stream's peak, spread over the stream", "growthGuide", "Post short clips that preview your Live value")),
  "discovery.followProbability": range(0.04, 0.16, assumption("a newcomer who stayed follows with probability 0.08 x (satisfaction + affinity)")),
  "discovery.followMinMinutes": range(2, 10, assumption("a newcomer must stay 5 minutes before following")),
  "promotion.affinity.alpha": range(0.5, 2, source("model", "promoted arrivals have lower affinity (Beta(1,4))")),
  "promotion.affinity.beta": range(2, 6, source("model", "promoted arrivals have lower affinity (Beta(1,4))")),
  "gifting.baseRatePerHour": range(8, 25, tuned("paying-share", "about 4-5% of a month's active viewers gift (DouYu 4.6%)")),
  "gifting.budgetElasticity": range(0, 0.6, tuned("gifting-concentration", "richer viewers gift more often, not only bigger: without it budgets never bind and whales give no Inke-like concentration")),
  "gifting.budgetPacing": range(0.5, 2, assumption("viewers pace a monthly budget: without it most payers spent the month in its first week", "topUpGuide", "Budget Your Coins: Set a monthly limit on how many coins you buy.")),
  "gifting.kappa": range(0.25, 1, assumption("the price scale of gift choice (MODEL.md's kappa, no value given): half of the coins still affordable this month")),
  "gifting.catalogExponent": range(0.15, 0.5, tuned("gifting-concentration", "tuned down from 0.6, with which whales sent mostly 1-coin gifts and the top 20% of gifters held under 0.80 of coins")),
  "gifting.contagion.strength": range(0.25, 0.75, tuned("bursts", "gap CV about 1.7-2.1 (band > 1.3) with stable results; 1 made the process near-critical, as the top of the range is with challenge visibility 2")),
  "gifting.contagion.decaySeconds": range(30, 120, assumption("a gift excites others for about a minute (the Hawkes kernel's time constant)", "economics", "seeing others gift raises the chance of gifting")),
  "gifting.contagion.sizeWeight": range(0, 1, assumption("bigger gifts excite more, by log10 of their coins")),
  "gifting.herding.elasticity": range(0, 0.3, assumption("mild herding, saturating in the crowd (the +1% per extra viewer is not converted to an elasticity)", "economics", "about +1% of mean tips per extra viewer per minute (Lu et al., Marketing Science 2021)")),
  "gifting.herding.scaleViewers": range(20, 200, assumption("herding saturates: the factor is (1 + N / 50)^elasticity")),
  "gifting.crowdingOut": range(0, 0.5, source("model", "the defaults show mild herding")),
  "gifting.combo.maxPriceCoins": wholeRange(1, 10, assumption("TikTok tap streaks: gifts of at most 5 coins come in combos")),
  "gifting.combo.meanExtra": range(0.5, 4, assumption("a combo is 1 + geometric(mean 2) gifts")),
  "gifting.engagedDepartureFactor": range(0.25, 0.8, assumption("an engaged viewer's departure clock is accepted half the time", "model", "lowered while the viewer is engaged")),
  "formats.qa.hazardBase": range(0.5, 1.1, source("model", "| Q&A | 0.8 + 0.8 curiosity | 1 | 1.15 |")),
  "formats.qa.hazardPerCuriosity": range(0.4, 1.2, source("model", "| Q&A | 0.8 + 0.8 curiosity | 1 | 1.15 |")),
  "formats.qa.dwell": range(1, 1.3, source("model", "| Q&A | 0.8 + 0.8 curiosity | 1 | 1.15 |")),
  "formats.qa.askProbability": range(0.1, 0.5, assumption("a viewer asks on arrival with probability 0.3 x curiosity", "growthGuide", "queue viewer questions")),
  "formats.qa.answerSeconds": range(30, 120, assumption("one answer a minute")),
  "formats.qa.answeredSatisfaction": range(0.1, 0.5, assumption("an answered question lifts satisfaction by 0.3", "model", "gifted questions answered first: satisfaction up for those gifters")),
  "formats.qa.queueJumpBoost": range(0, 1, assumption("a viewer whose free question waits gifts 1.5x as readily, to jump the queue", "model", "gifted questions answered first")),
  "formats.battle.freshPreference": range(-2, 2, assumption("one earlier meeting weighs as much as a 1.6x follower ratio in the matchmaker's choice; the direction is the sources'", "economics", "diverse pairings raise gifting")),
  "formats.battle.pairingWindow": wholeRange(1, 16, assumption("a matchmaker offers a few opponents of similar size; 1 is always the next in size")),
  "formats.challenge.hazardBoost": range(0.3, 1, source("model", "1 + 0.6 exp(-t / 40 min) (fatigue)")),
  "formats.challenge.fatigueMinutes": range(20, 80, source("model", "1 + 0.6 exp(-t / 40 min) (fatigue)")),
  "formats.challenge.sizeTilt": range(0.1, 1, assumption("one action per gift whatever its price leans the choice to small gifts; no source gives a size: 0.35 is near the log-middle of the range, 1 (no tilt) its top", "growthGuide", "10 push-ups per gift")),
  "formats.challenge.dwell": range(1, 1.15, source("model", "1 + 0.6 exp(-t / 40 min) (fatigue) | tilt to small | 1.05 |")),
  "formats.challenge.visibility": range(1, 2, assumption("a gift seen as an action excites others 1.5x as much", "model", "one action per gift, so gifts are visible and contagious")),
  "formats.challenge.actionSeconds": range(2, 10, assumption("each gift unit queues a few seconds of performing", "growthGuide", "10 push-ups per gift")),
  "formats.challenge.backlogToleranceSeconds": range(120, 600, assumption("a backlog of 5 minutes of performing halves gifting")),
  "formats.battle.surgeAmplitude": range(3, 12, assumption("PK rounds end in surges: with 3 the last 30 s of a round held 15% of gifts (uniform 10%), so 8")),
  "formats.battle.freshBoost": range(0, 0.6, assumption("a fresh pairing raises gifting over the whole round by 30%", "economics", "diverse pairings raise gifting")),
  "formats.battle.surgeSeconds": range(15, 60, source("model", "1 + A competitiveness exp(-(round end - t) / 30 s)")),
  "formats.battle.sizeTiltAtEnd": range(0.5, 4, assumption("the surge tilts choice to large gifts, by 2 per unit of surge", "model", "tilt to large near round end")),
  "formats.battle.dwell": range(1, 1.25, source("model", "tilt to large near round end | 1.1 |")),
  "formats.battle.rivalPool": wholeRange(20, 200, assumption("50 rivals a creator can be matched with, which sets how often pairings repeat")),
  "formats.battle.rematchProbability": range(0.1, 0.5, assumption("about a third of rounds are rematches")),
  "formats.battle.repeatDecay": range(0.5, 0.9, assumption("each earlier meeting of the pair cools the surge and the fresh boost by 30%", "economics", "repeating the same pairing lowers it")),
  "formats.battle.pride": range(0, 1, assumption("a team behind gifts 1.5x as readily", "economics", "rivalry raises it")),
  "formats.battle.winSatisfaction": range(0, 0.2, assumption("a won round lifts everyone present a little", "growthGuide", "Friendly creator Battles ignite community pride.")),
  "formats.battle.rivalStrengthMedian": range(0.3, 1.2, assumption("a rival scores 0.6 of the creator's typical coins a second: the creator wins most rounds")),
  "formats.battle.rivalStrengthSigma": range(0.2, 1, assumption("rivals vary lognormally, sigma 0.5")),
  "formats.battle.engagedSeconds": range(30, 120, assumption("viewers stay for the last minute of a round")),
  "formats.behind-the-scenes.giftHazard": range(0.4, 0.9, source("model", "| behind-the-scenes | 0.6 | 1 | 1.5 | return probability up |")),
  "formats.behind-the-scenes.dwell": range(1.2, 2, source("model", "| behind-the-scenes | 0.6 | 1 | 1.5 | return probability up |")),
  "formats.behind-the-scenes.returnBoost": range(0.2, 1, assumption("watching a build adds 0.6 log-odds to attending the next stream", "model", "return probability up")),
  "formats.behind-the-scenes.durationFactor": range(1, 2, assumption("a build session runs 1.5x a scheduled stream", "growthGuide", "Behind-the-scenes build sessions")),
  "creators.tactics.series.gamma": range(0.5, 3, assumption("the series goal's gradient, as the goal bar's", "model", "boost 1 + gamma x progress^4 until the goal is met (goal gradient)")),
  "creators.tactics.series.payoffSatisfaction": range(0.1, 0.5, assumption("a series' payoff (a week's deliverable) lifts satisfaction more than one stream's goal", "growthGuide", "Each week unlocks a new deliverable")),
  "creators.tactics.series.attendanceBoost": range(0, 0.8, assumption("announcing the series adds 0.4 log-odds to attending", "growthGuide", "Recap each episode as short-form clips that promote next week’s Live.")),
};

/** Why a study's design is not sampled: it is what a scenario asks about, not how viewers behave. */
const STUDY_DESIGN = "the study's design (its length, size, calendar or schedule), set by the scenario, not a behaviour";
/** Why a creator's decision is not sampled: studies compare decisions as arms. */
const DECISION = "a creator's decision (a tactic's target, a promotion's size and timing, a share to reinvest), which studies compare as arms, not an uncertain behaviour";
/** Why a switch or a mode is not sampled. */
const SWITCH = "a switch or a choice of mode, not a number";
/** Why the audience's composition is not sampled. */
const COMPOSITION = "the audience's market and device mix, a description of the market studied; what it does to money is the economy's";

/**
 * Leaves of SimConfig that are not behavioural constants, by path (a path covers everything
 * below it), each with the reason.
 */
export const EXCLUDED_PATHS: Readonly<Record<string, string>> = {
  platform: "the economy (price book, fees, payout rules): its figures carry their sources in the economy presets",
  horizonWeeks: STUDY_DESIGN,
  monthDays: "the calendar's month, over which budgets are set",
  "population.poolSize": "the size of the creator studied (mid-size by default), a study's design",
  "population.initialFollowers": "the size of the creator studied (mid-size by default), a study's design",
  "population.regions": COMPOSITION,
  "population.channels": COMPOSITION,
  "population.budget.regionFactor.US": "the reference region of the budget factors: the medians are US figures",
  "population.budget.maxUsd": "a numerical guard: a budget drawn beyond it is an artefact of the Pareto tail, not a viewer",
  "creators.count": STUDY_DESIGN,
  "creators.quality": "the unit of creator quality: reach scales with quality relative to it, so only the spread and reinvestment move it",
  "creators.qualitySigma": "the spread of creators' quality in a platform study, part of its design (0 for one reference creator)",
  "creators.schedule.days": STUDY_DESIGN,
  "creators.schedule.startHourUtc": STUDY_DESIGN,
  "creators.schedule.durationMinutes": STUDY_DESIGN,
  "creators.formats": DECISION,
  "creators.tactics.goalBar.enabled": SWITCH,
  "creators.tactics.goalBar.goalCoins": DECISION,
  "creators.tactics.shoutOuts.enabled": SWITCH,
  "creators.tactics.topGifterPerk.enabled": SWITCH,
  "creators.tactics.topGifterPerk.topK": DECISION,
  "creators.reinvestment.share": DECISION,
  "promotion.enabled": SWITCH,
  "promotion.mode": SWITCH,
  "promotion.arrivalsPerStream": DECISION,
  "promotion.dripHours": DECISION,
  "promotion.spikeMinutes": DECISION,
  "promotion.spikeStartMinute": DECISION,
  "promotion.geoRegion": DECISION,
  "promotion.streams": DECISION,
  "formats.casual": "casual chat is the unit the other formats' factors are measured against (MODEL.md: casual chat = 1); gifting and patience carry its uncertainty",
  "formats.battle.opponents": SWITCH,
  "formats.battle.roundSeconds": "the format's rule (MODEL.md: 5-minute rounds), not a behaviour",
  "creators.tactics.series.enabled": SWITCH,
  "creators.tactics.series.weeks": DECISION,
  "creators.tactics.series.goalCoins": DECISION,
  "payouts.everyDays": "the payout cadence, a rule of the platform's payout process",
  "audience.communitySize": "how the studied world is cut into closed communities of creators (community.ts), a study's design",
};

/** The behavioural constants, in table order, each with its default read from DEFAULT_SIM_CONFIG. */
export const MODEL_CONSTANTS: readonly ModelConstant[] = Object.entries(ROWS).map(([path, row]) => ({ path, default: constantAt(DEFAULT_SIM_CONFIG, path), ...row }));

/** The paths of MODEL_CONSTANTS, in table order. */
export const CONSTANT_PATHS: readonly string[] = MODEL_CONSTANTS.map((c) => c.path);

/** The number at a dotted path of a config (array elements by index); throws if there is none. */
export function constantAt(config: SimConfig, path: string): number {
  let node: unknown = config;
  for (const key of path.split(".")) node = isBranch(node) ? (node as Record<string, unknown>)[key] : undefined;
  if (typeof node !== "number") throw new Error(`no number at config path ${path}`);
  return node;
}

/**
 * A copy of the config with the number at `path` replaced by `value` (the input untouched;
 * only the branches along the path are copied). Throws if the path holds no number.
 */
export function withConstant(config: SimConfig, path: string, value: number): SimConfig {
  constantAt(config, path);
  return replaceAt(config, path.split("."), value) as SimConfig;
}

function replaceAt(node: unknown, keys: readonly string[], value: number): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string, unknown>;
  copy[key] = replaceAt(copy[key], rest, value);
  return copy;
}

function isBranch(node: unknown): node is object {
  return typeof node === "object" && node !== null;
}
