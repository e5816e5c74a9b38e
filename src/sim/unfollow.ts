/**
 * A follower's unfollow decision at a stream (attendance.ts, MODEL.md "Attendance"): with
 * uniform u, they unfollow when
 *
 *   u < (1 - (1 - churnHazard)^weeks) x 2 x (1 - satisfaction),
 *
 * the churn hazard compounded over the weeks since the creator's last stream, doubled when fully
 * dissatisfied, zero when fully satisfied. It is asked of every follower at every stream, and
 * the power is most of its cost, so a cheap bound settles it first: 1 - (1 - h)^w <= h x max(1, w)
 * (for w <= 1, x^w >= x on [0, 1]; for w >= 1, Bernoulli's inequality). A uniform above the
 * bound's threshold, most of them with the default hazards (about 5% a week), stays without
 * the power being taken; the rest take the exact expression. The answer is the exact
 * expression's, bit for bit: the bound carries slack far beyond the power's rounding.
 */

/** Relative and absolute slack on the bound: the power and the products round by a few ulps at most. */
const RELATIVE_SLACK = 1 + 1e-9;
const ABSOLUTE_SLACK = 1e-15;

/** Whether the follower unfollows, for uniform `u` (the expression above, exactly). */
export function unfollows(u: number, churnHazard: number, weeks: number, satisfaction: number): boolean {
  const bound = churnHazard * Math.max(1, weeks) * RELATIVE_SLACK + ABSOLUTE_SLACK;
  if (u >= bound * 2 * (1 - satisfaction) * RELATIVE_SLACK) return false;
  return u < (1 - Math.pow(1 - churnHazard, weeks)) * 2 * (1 - satisfaction);
}
