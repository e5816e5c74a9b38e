/**
 * The people of a world: what a person is and has whatever creator they watch (docs/model.md
 * "Many creators, shared audiences"). A viewer (viewers.ts) is one slot of one creator's
 * audience pool, a relationship; `Viewers.person` maps it to its person. A person's traits,
 * wallet, monthly budget and spend month are theirs alone and shared by all their creators; so
 * is whether they are watching a stream now, since a person watches at most one at a time.
 * When pools do not overlap every slot is its own person (the identity map) and the trait
 * columns below are the very arrays of the viewers table.
 */

/** Traits and shared state of every person, one typed array per column (zero: "never", not drawn). */
export interface People {
  readonly count: number;
  /** 1 once the person's traits have been drawn. */
  readonly drawn: Uint8Array;
  /** Region index in the compiled economy. */
  readonly region: Uint8Array;
  /** Channel index in the compiled economy. */
  readonly channel: Uint8Array;
  /** Monthly gifting budget, micro-USD (0 for non-payers): the draw times the region's income factor. */
  readonly budgetMicros: Float64Array;
  /** Days into their own budget month the person is on day 0, in [0, monthDays) (spending.ts budgetMonth). */
  readonly monthPhase: Uint16Array;
  /** 1 when the budget was drawn from the Pareto whale tail. */
  readonly whale: Uint8Array;
  readonly generosity: Float32Array;
  readonly socialProof: Float32Array;
  readonly competitiveness: Float32Array;
  readonly curiosity: Float32Array;
  /** Weekly hazard of unfollowing at satisfaction 0.5. */
  readonly churnHazard: Float32Array;
  /** Mean watch time of a visit before format and affinity, seconds. */
  readonly patienceSec: Float32Array;
  /** Coins in the wallet: the simulation's mirror of the ledger's column (the ledger keeps one wallet per person). */
  readonly wallet: Int32Array;
  /** Spent on bundles in the person's own budget month `spendMonth - 1`, micro-USD, across all their creators. */
  readonly spentMonthMicros: Float64Array;
  readonly spendMonth: Int32Array;
  readonly spentTotalMicros: Float64Array;
  /** Month + 1 in which the person was last counted active / as a gifter. */
  readonly activeMonth: Int32Array;
  readonly gifterMonth: Int32Array;
  /** Day + DAY_BASE on which the person was last counted active. */
  readonly activeDay: Int32Array;
  /** Key (stream id + 1) of the stream the person is present in now, 0 none. */
  readonly presentIn: Int32Array;
}

/** The trait columns, which the viewers table shares (disjoint pools) or copies per slot (overlapping pools). */
export type PersonTraits = Pick<People, "region" | "channel" | "budgetMicros" | "monthPhase" | "whale" | "generosity" | "socialProof" | "competitiveness" | "curiosity" | "churnHazard" | "patienceSec">;

/** Trait columns for `n` people or slots, all zero. */
export function createTraitColumns(n: number): PersonTraits {
  return {
    region: new Uint8Array(n),
    channel: new Uint8Array(n),
    budgetMicros: new Float64Array(n),
    monthPhase: new Uint16Array(n),
    whale: new Uint8Array(n),
    generosity: new Float32Array(n),
    socialProof: new Float32Array(n),
    competitiveness: new Float32Array(n),
    curiosity: new Float32Array(n),
    churnHazard: new Float32Array(n),
    patienceSec: new Float32Array(n),
  };
}

/** Columns for `n` people, all zero. */
export function createPeople(n: number): People {
  return {
    count: n,
    drawn: new Uint8Array(n),
    ...createTraitColumns(n),
    wallet: new Int32Array(n),
    spentMonthMicros: new Float64Array(n),
    spendMonth: new Int32Array(n),
    spentTotalMicros: new Float64Array(n),
    activeMonth: new Int32Array(n),
    gifterMonth: new Int32Array(n),
    activeDay: new Int32Array(n),
    presentIn: new Int32Array(n),
  };
}
