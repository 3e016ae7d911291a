/**
 * Deterministic MAC addresses. Each device gets a block of 128 addresses under Cisco's OUI
 * 00-00-0C, aligned like a Catalyst's (ports count up from the base + 1, SVIs at base + 0x40). The
 * block is a hash of the seed and the device id, so a device keeps its addresses whatever else
 * is added or removed; a collision moves to the next hash.
 *
 * One OUI, and that one, because every address under it is below 2^30: V8 holds such a number
 * as a small integer inside the object that stores it (a frame's destination, a port's
 * address), where any other 48-bit address is a heap number of its own, one more cache line
 * for every frame that reads it. 2^24 addresses leave room for 131,072 devices.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { hashString } from '../sim/rng.ts';

/** Cisco's first OUI, 00-00-0C. */
const CISCO_OUI = 0x00000c;

const BLOCK = 128;
const BLOCKS = 0x1000000 / BLOCK;

/**
 * Blocks IOS uses for virtual addresses, never given to a device: HSRP version 1's
 * 0000.0c07.ac00-acff and version 2's 0000.0c9f.f000-ffff.
 */
const reserved = (block: number): boolean =>
  block === 0x07ac00 / BLOCK ||
  block === 0x07ac80 / BLOCK ||
  (block >= 0x9ff000 / BLOCK && block < 0xa00000 / BLOCK);
/** The blocks a device may get: all but HSRP's 2 + 32. */
const USABLE = BLOCKS - 34;

export class MacAllocator {
  private readonly used = new Set<number>();

  constructor(private readonly seed: number) {}

  /** The base address of a fresh block for `deviceId`; throws when every block is taken. */
  allocate(deviceId: string): MacAddr {
    if (this.used.size === USABLE) throw new RangeError(`no MAC address block left for ${deviceId}`);
    for (let attempt = 0; ; attempt++) {
      const block = hashString(`${deviceId}#${attempt}`, this.seed) % BLOCKS;
      if (this.used.has(block) || reserved(block)) continue;
      this.used.add(block);
      return (CISCO_OUI * 0x1000000 + block * BLOCK) as MacAddr;
    }
  }

  /** A PC's single address: somewhere inside its block, so PCs do not all end in 00 or 80. */
  hostAddress(base: MacAddr, deviceId: string): MacAddr {
    return (base + (hashString(deviceId, this.seed ^ 0x5bd1e995) % BLOCK)) as MacAddr;
  }

  release(base: MacAddr): void {
    this.used.delete(Math.floor((base % 0x1000000) / BLOCK));
  }
}
