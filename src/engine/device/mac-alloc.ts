/**
 * Deterministic MAC addresses. Each device gets a block of 128 addresses under a Cisco OUI,
 * aligned like a Catalyst's (ports count up from the base, SVIs at base + 0x40). The block is
 * a hash of the seed and the device id, so a device keeps its addresses whatever else is added
 * or removed; a collision moves to the next hash.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { hashString } from '../sim/rng.ts';

/** OUIs registered to Cisco Systems. */
const CISCO_OUIS = [
  0x00000c, 0x000142, 0x000216, 0x0003e4, 0x00055e, 0x000a41, 0x000ccf, 0x00602f, 0x00900c, 0x00d0ba,
  0x00e0f7, 0x0019e8,
];

const BLOCK = 128;
const BLOCKS_PER_OUI = 0x1000000 / BLOCK;

export class MacAllocator {
  private readonly used = new Set<number>();

  constructor(private readonly seed: number) {}

  /** The base address of a fresh block for `deviceId`. */
  allocate(deviceId: string): MacAddr {
    for (let attempt = 0; ; attempt++) {
      const h = hashString(`${deviceId}#${attempt}`, this.seed);
      const oui = CISCO_OUIS[h % CISCO_OUIS.length]!;
      const block = Math.floor(h / CISCO_OUIS.length) % BLOCKS_PER_OUI;
      const key = oui * BLOCKS_PER_OUI + block;
      if (this.used.has(key)) continue;
      this.used.add(key);
      return (oui * 0x1000000 + block * BLOCK) as MacAddr;
    }
  }

  /** A PC's single address: somewhere inside its block, so PCs do not all end in 00 or 80. */
  hostAddress(base: MacAddr, deviceId: string): MacAddr {
    return (base + (hashString(deviceId, this.seed ^ 0x5bd1e995) % BLOCK)) as MacAddr;
  }

  release(base: MacAddr): void {
    const oui = Math.floor(base / 0x1000000);
    const block = Math.floor((base % 0x1000000) / BLOCK);
    this.used.delete(oui * BLOCKS_PER_OUI + block);
  }
}
