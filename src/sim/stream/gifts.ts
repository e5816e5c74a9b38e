/**
 * An accepted gift candidate becomes a gift: the viewer chooses what to send (buying coins if
 * they must), the gift goes to the money feed, and the stream's counters, the contagion, the
 * tactics and the format take note.
 */
import { bufferGift } from "../money.js";
import { chooseGift } from "../spending.js";
import { addGifter } from "../tally.js";
import { setWeight } from "../weighted-set.js";
import { giftWeight } from "./gift-weight.js";
import type { StreamState } from "./state.js";
import { FLAG_EXHAUSTED, FLAG_GIFTED, FLAG_PURCHASED } from "./viewer-flags.js";

/** Days within which a second gift counts a gifter as retained. */
const RETENTION_DAYS = 30;

/** The viewer in `slot` gifts now (s.now), with the contagion at s.contagionNow just before. */
export function sendGift(s: StreamState, slot: number): void {
  const { viewers, tally, spending, flags, weights, dayKey, month, now: t, contagionNow } = s;
  const v = s.slotViewer[slot];
  const p = s.viewers.person[v];
  const timeSecond = s.startSecond + t;
  const choice = chooseGift(spending, v, s.format.sizeTilt(s, t), s.creator, s.day, timeSecond);
  if (choice < 0) {
    flags[v] |= FLAG_EXHAUSTED;
    setWeight(weights, slot, 0);
    return;
  }
  const gift = choice >>> 16;
  const count = choice & 0xffff;
  const amount = s.catalog.price[gift] * count;
  bufferGift(s.money, p, s.creator, gift, count, s.streamId, s.giftSeq++, s.day, timeSecond);
  tally.events++;
  if (spending.purchases > 0) {
    s.purchases++;
    if ((flags[v] & FLAG_PURCHASED) === 0) {
      flags[v] |= FLAG_PURCHASED;
      s.payers++;
    }
    s.spendMicros += spending.purchaseMicros;
    s.feeBpsMicros += spending.purchaseFeeBpsMicros;
    tally.events++;
    if (s.people.spentTotalMicros[p] === spending.purchaseMicros) tally.payers++;
  }

  s.gifts++;
  s.coins += amount;
  s.binGifts++;
  const bucket = s.catalog.bucket[gift];
  tally.giftsByBucket[bucket]++;
  tally.coinsByBucket[bucket] += amount;
  if (s.lastGiftTime >= 0) {
    const gap = t - s.lastGiftTime;
    s.gapSum += gap;
    s.gapSquares += gap * gap;
    s.gapCount++;
  }
  s.lastGiftTime = t;
  s.contagionValue = contagionNow + s.format.visibility * (1 + s.config.gifting.contagion.sizeWeight * Math.log10(amount));
  s.contagionTime = t;

  viewers.giftedCoins[v] += amount;
  const firstGift = viewers.firstGiftDay[v] === 0;
  if (firstGift) {
    viewers.firstGiftDay[v] = dayKey;
    addGifter(tally, v);
    s.firstTimeGifters++;
  } else if (viewers.retainedGifter[v] === 0 && dayKey > viewers.firstGiftDay[v] && dayKey - viewers.firstGiftDay[v] <= RETENTION_DAYS) {
    viewers.retainedGifter[v] = 1;
  }
  if (s.people.gifterMonth[p] !== month + 1) {
    s.people.gifterMonth[p] = month + 1;
    tally.giftersByMonth[month]++;
  }
  if ((flags[v] & FLAG_GIFTED) === 0) {
    flags[v] |= FLAG_GIFTED;
    s.gifters++;
    addStreamGifter(s, v);
  }
  s.streamCoins[v] += amount;

  const tactics = s.tactics.gifted;
  for (let i = 0; i < tactics.length; i++) tactics[i].onGift(s, v, amount, firstGift);
  s.format.onGift(s, v, amount, count, t);
  // Always: the gift spent budget, which paces the next one.
  setWeight(weights, slot, giftWeight(s, v));
}

/** Appends a viewer to the stream's gifters (for its concentration). */
function addStreamGifter(s: StreamState, v: number): void {
  if (s.streamGifterCount === s.streamGifters.length) {
    const grown = new Int32Array(2 * s.streamGifters.length);
    grown.set(s.streamGifters);
    s.streamGifters = s.scratch.streamGifters = grown;
  }
  s.streamGifters[s.streamGifterCount++] = v;
}
