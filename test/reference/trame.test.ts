/**
 * Trame gives each reference topology the reachability it is meant to have, and the same
 * reachability as the Linux kernel built from the same description (where namespaces can be made).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelReachability, referencePolicy, removeLeftovers } from './kernel-net.ts';
import { compareReport, expectedReachability, type Reachability } from './matrix.ts';
import { REFERENCE_CASES } from './topologies.ts';
import type { RefTopology } from './topology.ts';
import { trameReachability } from './trame-net.ts';

const trameResults = new Map<RefTopology, Reachability>();
const trameOf = (t: RefTopology): Reachability => {
  const known = trameResults.get(t);
  if (known) return known;
  const fresh = trameReachability(t);
  trameResults.set(t, fresh);
  return fresh;
};

describe('Trame reference topologies', () => {
  for (const { topology, reaches } of REFERENCE_CASES) {
    it(`${topology.name}: reachability as expected`, () => {
      const trame = trameOf(topology);
      const expected = expectedReachability(topology, reaches);
      expect(trame, compareReport('Trame', trame, 'expected', expected)).toEqual(expected);
    });
  }
});

const policy = referencePolicy();
if (!policy.run && !policy.availability.ok) {
  console.warn(`Trame against the Linux kernel skipped: ${policy.availability.reason}`);
}

describe.skipIf(!policy.run)('Trame against the Linux kernel', () => {
  beforeAll(() => {
    if (!policy.availability.ok)
      throw new Error(`Linux kernel reference unavailable: ${policy.availability.reason}`);
    removeLeftovers();
  });
  afterAll(removeLeftovers);

  for (const { topology } of REFERENCE_CASES) {
    it(`${topology.name}: same reachability as the kernel`, { timeout: 30_000 }, async () => {
      const trame = trameOf(topology);
      const kernel = await kernelReachability(topology);
      expect(trame, compareReport('Trame', trame, 'Linux kernel', kernel)).toEqual(kernel);
    });
  }
});
