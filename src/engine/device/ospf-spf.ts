/**
 * OSPF's routing table calculation for one area (RFC 2328 16.1, 16.4): Dijkstra's shortest
 * path tree over the router and network LSAs from this router, with equal-cost paths kept (as
 * IOS's four by default), then the stub networks the tree's routers announce, then AS
 * external routes through the AS boundary routers it reaches.
 */
import {
  LINK_P2P,
  LINK_STUB,
  LINK_TRANSIT,
  LSA_EXTERNAL,
  LSA_NETWORK,
  LSA_ROUTER,
  type Lsa,
  type RouterLink,
} from '../wire/ospf-lsa.ts';
import type { L3Interface } from './l3-interface.ts';
import { type LsaEntry, MAX_AGE } from './ospf-lsdb.ts';

/** IOS's `maximum-paths` default for OSPF. */
export const MAX_PATHS = 4;

/** E2 metrics are compared after every E1 and intra-area cost (RFC 2328 16.4: "larger than any"). */
const LS_INFINITY = 0xff_ffff;

export interface NextHop {
  readonly iface: L3Interface;
  /** The neighbour to send to; undefined: the destination is on the interface's network. */
  readonly gateway: number | undefined;
}

export interface SpfRoute {
  readonly net: number;
  readonly len: number;
  readonly cost: number;
  /** 'O' within the area, or an external route of type 1 or 2. */
  readonly kind: 'O' | 'E1' | 'E2';
  readonly hops: readonly NextHop[];
  /** External routes: the cost to their AS boundary router, which breaks E2 ties. */
  readonly asbrCost: number;
}

interface Vertex {
  readonly key: string;
  readonly lsa: Lsa;
  dist: number;
  hops: NextHop[];
  done: boolean;
}

const routerKey = (rid: number): string => `R${rid >>> 0}`;
const networkKey = (id: number): string => `N${id >>> 0}`;

function prefixLen(mask: number): number {
  let len = 0;
  for (let m = mask >>> 0; m & 0x8000_0000; m = (m << 1) >>> 0) len++;
  return len;
}

/** The interface of ours whose address is `addr`. */
type IfaceByAddr = (addr: number) => L3Interface | undefined;

/** Whether router LSA `lsa` has a link back to vertex `to` (RFC 2328 16.1 (2)(b)). */
function linksBack(lsa: Lsa, to: Vertex): boolean {
  const b = lsa.body;
  if (to.lsa.header.type === LSA_NETWORK) {
    if (b.kind !== 'router') return false;
    return b.links.some((l) => l.type === LINK_TRANSIT && l.id >>> 0 === to.lsa.header.id >>> 0);
  }
  if (b.kind === 'network') return b.routers.some((r) => r >>> 0 === to.lsa.header.advRouter >>> 0);
  if (b.kind !== 'router') return false;
  return b.links.some((l) => l.type === LINK_P2P && l.id >>> 0 === to.lsa.header.advRouter >>> 0);
}

/**
 * The address router `w`'s LSA gives on the link back to `parent` (its interface there); of
 * several point-to-point links back, the one on the subnet of `via` (the interface used).
 */
function addressToward(w: Lsa, parent: Lsa, via?: L3Interface): number | undefined {
  if (w.body.kind !== 'router') return undefined;
  const want = parent.header.type === LSA_NETWORK ? LINK_TRANSIT : LINK_P2P;
  const id = parent.header.type === LSA_NETWORK ? parent.header.id : parent.header.advRouter;
  const back = w.body.links.filter((l: RouterLink) => l.type === want && l.id >>> 0 === id >>> 0);
  if (via !== undefined && back.length > 1) {
    const onLink = back.find((l) => ((l.data ^ via.net) & via.mask) === 0);
    if (onLink !== undefined) return onLink.data;
  }
  return back[0]?.data;
}

/** Calculates an area's routes from router `root`; externals come from `externals` (type 5). */
export function spf(
  root: number,
  area: Iterable<LsaEntry>,
  externals: Iterable<LsaEntry>,
  ifaceByAddr: IfaceByAddr,
  now: number,
  ageOf: (e: LsaEntry, now: number) => number,
): SpfRoute[] {
  const routers = new Map<string, Lsa>();
  const networks = new Map<string, Lsa>();
  for (const e of area) {
    if (ageOf(e, now) >= MAX_AGE) continue;
    const h = e.lsa.header;
    if (h.type === LSA_ROUTER && e.lsa.body.kind === 'router') routers.set(routerKey(h.advRouter), e.lsa);
    else if (h.type === LSA_NETWORK && e.lsa.body.kind === 'network') networks.set(networkKey(h.id), e.lsa);
  }
  const rootLsa = routers.get(routerKey(root));
  if (rootLsa === undefined) return [];
  const vertices = new Map<string, Vertex>();
  const rootV: Vertex = { key: routerKey(root), lsa: rootLsa, dist: 0, hops: [], done: false };
  vertices.set(rootV.key, rootV);

  const candidate = (key: string, lsa: Lsa, dist: number, hops: NextHop[]): void => {
    const v = vertices.get(key);
    if (v === undefined) {
      vertices.set(key, { key, lsa, dist, hops, done: false });
      return;
    }
    if (v.done || dist > v.dist) return;
    if (dist < v.dist) {
      v.dist = dist;
      v.hops = hops;
      return;
    }
    // A new array: hop lists are shared with the vertices that inherit them.
    const merged = [...v.hops];
    for (const h of hops) {
      if (merged.length >= MAX_PATHS) break;
      if (!merged.some((x) => x.iface === h.iface && x.gateway === h.gateway)) merged.push(h);
    }
    v.hops = merged;
  };

  for (let v: Vertex | undefined = rootV; v !== undefined; v = nextVertex(vertices)) {
    v.done = true;
    const body = v.lsa.body;
    if (body.kind === 'router') {
      for (const l of body.links) {
        if (l.type !== LINK_P2P && l.type !== LINK_TRANSIT) continue;
        const key = l.type === LINK_P2P ? routerKey(l.id) : networkKey(l.id);
        const w = l.type === LINK_P2P ? routers.get(key) : networks.get(key);
        if (w === undefined || vertices.get(key)?.done === true || !linksBack(w, v)) continue;
        candidate(key, w, v.dist + l.metric, hopsTo(v, rootV, l, w, ifaceByAddr));
      }
    } else if (body.kind === 'network') {
      for (const rid of body.routers) {
        const key = routerKey(rid);
        const w = routers.get(key);
        if (w === undefined || vertices.get(key)?.done === true || !linksBack(w, v)) continue;
        candidate(key, w, v.dist, hopsTo(v, rootV, undefined, w, ifaceByAddr));
      }
    }
  }

  const out = new Map<string, SpfRoute>();
  const offer = (r: SpfRoute): void => {
    if (r.hops.length === 0) return;
    const key = `${r.net}/${r.len}`;
    const old = out.get(key);
    if (old === undefined || better(r, old)) out.set(key, r);
    else if (sameCost(r, old)) {
      const hops = [...old.hops];
      for (const h of r.hops)
        if (hops.length < MAX_PATHS && !hops.some((x) => x.iface === h.iface && x.gateway === h.gateway))
          hops.push(h);
      out.set(key, { ...old, hops });
    }
  };
  for (const v of vertices.values()) {
    if (!v.done) continue;
    const body = v.lsa.body;
    if (body.kind === 'network') {
      const len = prefixLen(body.mask);
      offer({
        net: (v.lsa.header.id & body.mask) >>> 0,
        len,
        cost: v.dist,
        kind: 'O',
        hops: v.hops,
        asbrCost: 0,
      });
    } else if (body.kind === 'router' && v !== rootV) {
      for (const l of body.links) {
        if (l.type !== LINK_STUB) continue;
        const len = prefixLen(l.data);
        offer({
          net: (l.id & l.data) >>> 0,
          len,
          cost: v.dist + l.metric,
          kind: 'O',
          hops: v.hops,
          asbrCost: 0,
        });
      }
    }
  }
  for (const e of externals) {
    if (ageOf(e, now) >= MAX_AGE) continue;
    const h = e.lsa.header;
    const b = e.lsa.body;
    if (h.type !== LSA_EXTERNAL || b.kind !== 'external' || h.advRouter >>> 0 === root >>> 0) continue;
    if (b.metric >= LS_INFINITY) continue;
    const asbr = vertices.get(routerKey(h.advRouter));
    if (asbr === undefined || !asbr.done) continue;
    const len = prefixLen(b.mask);
    const net = (h.id & b.mask) >>> 0;
    const r: SpfRoute = b.e2
      ? { net, len, cost: b.metric, kind: 'E2', hops: asbr.hops, asbrCost: asbr.dist }
      : { net, len, cost: asbr.dist + b.metric, kind: 'E1', hops: asbr.hops, asbrCost: asbr.dist };
    offer(r);
  }
  return [...out.values()];
}

/**
 * Intra-area before external, E1 before E2, then the lower cost, then for E2 routes the
 * closer AS boundary router (RFC 2328 16.4 (6)).
 */
function better(a: SpfRoute, b: SpfRoute): boolean {
  const rank = (r: SpfRoute): number => (r.kind === 'O' ? 0 : r.kind === 'E1' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.kind === 'E2' && a.asbrCost < b.asbrCost;
}

function sameCost(a: SpfRoute, b: SpfRoute): boolean {
  return a.kind === b.kind && a.cost === b.cost && (a.kind !== 'E2' || a.asbrCost === b.asbrCost);
}

function nextVertex(vertices: Map<string, Vertex>): Vertex | undefined {
  let best: Vertex | undefined;
  for (const v of vertices.values()) {
    if (v.done) continue;
    // Networks before routers at equal distance (RFC 2328 16.1 (3)), so a router behind a
    // network inherits the network's next hops.
    if (
      best === undefined ||
      v.dist < best.dist ||
      (v.dist === best.dist && v.lsa.header.type === LSA_NETWORK && best.lsa.header.type === LSA_ROUTER)
    )
      best = v;
  }
  return best;
}

/** RFC 2328 16.1.1: the next hops of `w`, reached from `parent` by link `l` (a router's). */
function hopsTo(
  parent: Vertex,
  root: Vertex,
  l: RouterLink | undefined,
  w: Lsa,
  ifaceByAddr: IfaceByAddr,
): NextHop[] {
  if (parent === root && l !== undefined) {
    const iface = ifaceByAddr(l.data);
    if (iface === undefined) return [];
    // A network on one of our interfaces is reached directly; a router over a
    // point-to-point link through the address its LSA gives for that link.
    return [{ iface, gateway: l.type === LINK_TRANSIT ? undefined : addressToward(w, root.lsa, iface) }];
  }
  if (parent.lsa.header.type === LSA_NETWORK && parent.hops.some((h) => h.gateway === undefined)) {
    // A router on a network this router is on: through its address there.
    const gateway = addressToward(w, parent.lsa);
    return parent.hops.map((h) => ({ iface: h.iface, gateway: h.gateway ?? gateway }));
  }
  return parent.hops;
}
