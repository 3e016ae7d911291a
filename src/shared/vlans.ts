/**
 * Sets of VLAN ids (1..4094) as sorted, non-overlapping, non-adjacent inclusive ranges,
 * with the IOS list syntax "1,10-20,30".
 */
export type VlanRanges = ReadonlyArray<readonly [number, number]>;

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;
export const ALL_VLANS: VlanRanges = [[VLAN_MIN, VLAN_MAX]];
export const NO_VLANS: VlanRanges = [];

export const isVlanId = (n: number): boolean => Number.isInteger(n) && n >= VLAN_MIN && n <= VLAN_MAX;

export function normalizeVlans(ranges: Iterable<readonly [number, number]>): VlanRanges {
  const sorted = [...ranges].map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
  sorted.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Parses "1,10-20,30" (spaces allowed around separators). Undefined if any id is out of range. */
export function parseVlanList(s: string): VlanRanges | undefined {
  const parts = s.split(',').map((p) => p.trim());
  const ranges: [number, number][] = [];
  for (const p of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(p);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (!isVlanId(a) || !isVlanId(b)) return undefined;
    ranges.push([a, b]);
  }
  return normalizeVlans(ranges);
}

export const formatVlanList = (v: VlanRanges): string =>
  v.length === 0 ? 'none' : v.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');

export const hasVlan = (v: VlanRanges, id: number): boolean => v.some(([a, b]) => id >= a && id <= b);

export const addVlans = (v: VlanRanges, add: VlanRanges): VlanRanges => normalizeVlans([...v, ...add]);

export function removeVlans(v: VlanRanges, remove: VlanRanges): VlanRanges {
  let out: [number, number][] = v.map(([a, b]) => [a, b]);
  for (const [ra, rb] of remove) {
    const next: [number, number][] = [];
    for (const [a, b] of out) {
      if (rb < a || ra > b) next.push([a, b]);
      else {
        if (a < ra) next.push([a, ra - 1]);
        if (b > rb) next.push([rb + 1, b]);
      }
    }
    out = next;
  }
  return out;
}

export const isAllVlans = (v: VlanRanges): boolean =>
  v.length === 1 && v[0]![0] === VLAN_MIN && v[0]![1] === VLAN_MAX;
