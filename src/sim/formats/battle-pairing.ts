/**
 * Who battles whom in a round of a day room: a seeded greedy matching by audience size with
 * a preference for fresh pairings (MODEL.md: "Battles pair creators of the same world"; "diverse
 * pairings raise gifting", PACIS 2021). Seats come in order of their creators' followers at the
 * start of the night (most first). Each seat not yet paired takes, among the next
 * `pairingWindow` unpaired seats in that order, the one of least
 *
 *   cost = |ln((1 + followers a) / (1 + followers b))| + freshPreference x rounds the two fought before,
 *
 * equal costs broken at random (the replicate's pairing stream). A seat left without a partner (the
 * last of an odd number) fights an exogenous rival that round. With freshPreference above 0 a
 * pair that has met gives way to a fresh one of similar size; below 0 pairs stick together.
 */
import type { Random } from "../random.js";

/** What the pairing reads of the history of the creators' battles. */
export interface PairingHistory {
  roundsFought(a: number, b: number): number;
}

/**
 * Pairs the `count` seats, given in order of followers: `creator[i]` and `logAudience[i]`
 * (ln(1 + followers)) of the i-th. Writes each seat's partner (an index into the same order),
 * or -1, into `partner`.
 */
export function pairSeats(
  count: number,
  creator: Int32Array,
  logAudience: Float64Array,
  history: PairingHistory,
  freshPreference: number,
  pairingWindow: number,
  random: Random,
  partner: Int32Array,
): void {
  partner.fill(-1, 0, count);
  for (let i = 0; i < count; i++) {
    if (partner[i] >= 0) continue;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let ties = 0;
    for (let j = i + 1, seen = 0; j < count && seen < pairingWindow; j++) {
      if (partner[j] >= 0) continue;
      seen++;
      const cost = Math.abs(logAudience[i] - logAudience[j]) + freshPreference * history.roundsFought(creator[i], creator[j]);
      if (cost < bestCost) {
        best = j;
        bestCost = cost;
        ties = 1;
      } else if (cost === bestCost && random.uniform() * ++ties < 1) best = j;
    }
    if (best < 0) continue;
    partner[i] = best;
    partner[best] = i;
  }
}
