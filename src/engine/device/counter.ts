/**
 * Frame and byte counters that a frame's path updates, kept as V8 small integers. A number
 * field that ever holds more than a small integer (2^30 in Chrome) becomes a heap number of its
 * own, a cache line away from the object the frame's path has just read. So such a counter is
 * two fields: a low part that wraps at COUNTER_WRAP, and the count of its wraps. Adding `n`:
 *
 *     if (wraps(low, n)) high++;
 *     low = plus(low, n);
 */

/** Where the low part of a counter wraps. */
export const COUNTER_WRAP = 2 ** 30;
const LOW_BITS = COUNTER_WRAP - 1;

/** Whether adding `n` (below COUNTER_WRAP) to the low part `low` wraps it. */
export const wraps = (low: number, n: number): boolean => low + n > LOW_BITS;

/** The low part after adding `n` (below COUNTER_WRAP) to `low`. */
export const plus = (low: number, n: number): number => (low + n) & LOW_BITS;

/** The counter's value from its two parts. */
export const counterValue = (high: number, low: number): number => high * COUNTER_WRAP + low;
