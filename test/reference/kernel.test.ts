/**
 * The Linux kernel, built as namespaces from each reference topology, has the reachability the
 * topology is meant to have: this checks the expectations that Trame is held to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelReachability, referencePolicy, removeLeftovers } from './kernel-net.ts';
import { compareReport, expectedReachability } from './matrix.ts';
import { REFERENCE_CASES } from './topologies.ts';

const policy = referencePolicy();
if (!policy.run && !policy.availability.ok) {
  console.warn(`Linux kernel reference skipped: ${policy.availability.reason}`);
}

describe.skipIf(!policy.run)('Linux kernel reference', () => {
  beforeAll(() => {
    if (!policy.availability.ok)
      throw new Error(`Linux kernel reference unavailable: ${policy.availability.reason}`);
    removeLeftovers();
  });
  afterAll(removeLeftovers);

  for (const { topology, reaches } of REFERENCE_CASES) {
    it(`${topology.name}: reachability as expected`, { timeout: 30_000 }, async () => {
      const kernel = await kernelReachability(topology);
      const expected = expectedReachability(topology, reaches);
      expect(kernel, compareReport('kernel', kernel, 'expected', expected)).toEqual(expected);
    });
  }
});
