/**
 * Frame and byte counters that a frame's path updates, kept as V8 small integers. A number
 * field that ever holds more than a small integer (2^30 in Chrome) becomes a heap number of its
 * own, a cache line away from the object the frame's path has just read. So such a counter is
 * two fields: a low part that wraps at COUNTER_WRAP, and the count of its wraps.
 */

/** Where the low part of a counter wraps. */
export const COUNTER_WRAP = 2 ** 30;

/** The counter's value from its two parts. */
export const counterValue = (high: number, low: number): number => high * COUNTER_WRAP + low;
