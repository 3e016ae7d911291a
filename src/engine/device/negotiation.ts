/**
 * Speed and duplex of an Ethernet link from both ends' settings: IEEE 802.3 clause 28
 * auto-negotiation and its parallel detection, as Cisco's "Troubleshooting Cisco Catalyst
 * Switches to NIC Compatibility Issues" tabulates the outcomes.
 *
 * - An end negotiates unless both its speed and its duplex are set; setting one of them only
 *   narrows what it advertises (a Catalyst 2960 or a 1941 keeps negotiating). 1000BASE-T
 *   cannot run without negotiation, so a port set to 1000 Mb/s negotiates too.
 * - Two negotiating ends take the highest speed and the best duplex they both advertise; with
 *   nothing in common the link stays down.
 * - An end that negotiates facing one that does not senses its speed (parallel detection) but
 *   cannot learn its duplex, and runs half duplex unless set otherwise: the classic duplex
 *   mismatch of a port forced to 100/full facing one left on auto.
 * - Two ends that both have everything set run as set, and the link stays down if their
 *   speeds differ.
 */

export type Duplex = 'full' | 'half';

/** One end: the highest speed its port supports, and its `speed` and `duplex` settings. */
export interface EndSettings {
  /** Bits per second. */
  readonly max: number;
  /** Bits per second, undefined for auto. */
  readonly speed?: number | undefined;
  readonly duplex?: Duplex | undefined;
}

/** What one end runs at. */
export interface Mode {
  readonly speed: number;
  readonly duplex: Duplex;
}

const SPEEDS = [10e6, 100e6, 1000e6];
const GIGABIT = 1000e6;

const negotiates = (e: EndSettings): boolean =>
  e.speed === undefined || e.duplex === undefined || e.speed === GIGABIT;
const speeds = (e: EndSettings): number[] =>
  e.speed !== undefined ? [e.speed] : SPEEDS.filter((s) => s <= e.max);
const duplexes = (e: EndSettings): Duplex[] => (e.duplex !== undefined ? [e.duplex] : ['full', 'half']);

/** What ends `a` and `b` run at, or null when the link cannot come up. */
export function negotiate(a: EndSettings, b: EndSettings): { a: Mode; b: Mode } | null {
  // A speed its port cannot run (the console refuses it) keeps the line down.
  if ((a.speed ?? 0) > a.max || (b.speed ?? 0) > b.max) return null;
  const na = negotiates(a);
  const nb = negotiates(b);
  if (na && nb) {
    const bs = speeds(b);
    const common = speeds(a).filter((s) => bs.includes(s));
    const bd = duplexes(b);
    const both = duplexes(a).filter((d) => bd.includes(d));
    if (common.length === 0 || both.length === 0) return null;
    const mode: Mode = { speed: Math.max(...common), duplex: both.includes('full') ? 'full' : 'half' };
    return { a: mode, b: mode };
  }
  if (na || nb) {
    const [auto, forced] = na ? [a, b] : [b, a];
    const speed = forced.speed!;
    if (!speeds(auto).includes(speed)) return null;
    const sensing: Mode = { speed, duplex: auto.duplex ?? 'half' };
    const set: Mode = { speed, duplex: forced.duplex! };
    return na ? { a: sensing, b: set } : { a: set, b: sensing };
  }
  if (a.speed !== b.speed) return null;
  return { a: { speed: a.speed!, duplex: a.duplex! }, b: { speed: b.speed!, duplex: b.duplex! } };
}

export const sameMode = (x: Mode | null, y: Mode | null): boolean =>
  x === y || (x !== null && y !== null && x.speed === y.speed && x.duplex === y.duplex);
