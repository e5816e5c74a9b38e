/**
 * How a world's gifting people spread their coins over creators (economics.md: "77% of viewers
 * gift only to their top three streamers", Tu et al. 2018): the measure the follow graph is
 * checked against (follow-graph.ts; docs/model.md "Many creators, shared audiences"). Read from
 * the world after a replicate; one pass over the slots.
 */
import type { World } from "./world.js";

/** The spread of gifting people's coins over creators. */
export interface GiftingSpread {
  /** People who gifted at least once. */
  gifters: number;
  /** Share of them whose coins all went to at most three creators. */
  atMostThreeCreators: number;
  /** Share of all gifted coins that went to each giver's own top three creators. */
  topThreeCoinShare: number;
  /** Mean number of creators a gifting person gifted to. */
  meanCreators: number;
}

/** The spread of the world's gifting people over creators. */
export function giftingSpread(world: World): GiftingSpread {
  const { viewers, people } = world;
  const creatorsGifted = new Int32Array(people.count);
  const coins = new Float64Array(people.count);
  // A person's three largest amounts so far (ascending top3[3p] <= top3[3p + 1] <= top3[3p + 2]).
  const top3 = new Float64Array(3 * people.count);
  for (let v = 0; v < viewers.count; v++) {
    const amount = viewers.giftedCoins[v];
    if (amount === 0) continue;
    const p = viewers.person[v];
    creatorsGifted[p]++;
    coins[p] += amount;
    let i = 3 * p;
    if (amount <= top3[i]) continue;
    top3[i] = amount;
    for (; i < 3 * p + 2 && top3[i] > top3[i + 1]; i++) [top3[i], top3[i + 1]] = [top3[i + 1], top3[i]];
  }
  let gifters = 0;
  let fewCreators = 0;
  let creatorSum = 0;
  let total = 0;
  let topThree = 0;
  for (let p = 0; p < people.count; p++) {
    if (creatorsGifted[p] === 0) continue;
    gifters++;
    creatorSum += creatorsGifted[p];
    if (creatorsGifted[p] <= 3) fewCreators++;
    total += coins[p];
    topThree += top3[3 * p] + top3[3 * p + 1] + top3[3 * p + 2];
  }
  return { gifters, atMostThreeCreators: fewCreators / gifters, topThreeCoinShare: topThree / total, meanCreators: creatorSum / gifters };
}
