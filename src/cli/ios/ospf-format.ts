/**
 * OSPF's show commands as IOS 15 prints them on an ISR G2 (captures of 1941s with 15.2(4)M,
 * IOL and IOSv 15.x; the column stops of IOS's tables measured on them): `show ip ospf
 * neighbor [detail]`, `show ip ospf interface [brief]`, `show ip ospf`, `show ip ospf
 * database`, the OSPF section of `show ip protocols`, and %OSPF-5-ADJCHG. Pure: they read the
 * engine's status and the configuration, and print what IOS prints for it; lines that
 * describe what Trame does not model (LLS, NSF, flood queues) are IOS's defaults.
 */
import type {
  OspfEvent,
  OspfInterfaceStatus,
  OspfLsaStatus,
  OspfNeighborStatus,
  OspfProcessStatus,
} from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, lenFromMask } from '../../shared/ipv4.ts';
import {
  formatOspfArea,
  OSPF_ADMIN_DISTANCE,
  type OspfArea,
  type OspfProcessConfig,
} from '../../shared/ospf.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import { ago } from './show/format.ts';

/** hh:mm:ss of a span in seconds under a day, as dead timers and hello timers count down. */
export const clockOf = (secs: number): string =>
  ago((Math.max(0, Math.floor(secs)) * 1e6) as Micros, 0 as Micros);

/**
 * What is left of a timer, in whole seconds: a countdown read just after it was set already
 * shows one second less (IOS never prints a neighbour's full dead interval).
 */
const left = (until: Micros, now: Micros): number => Math.max(0, Math.ceil((until - now) / 1e6) - 1);

/** hh:mm:ss.mmm under a day, then IOS's 1d02h ("Start time", "SPF algorithm last executed"). */
function preciseAgo(span: number): string {
  const ms = Math.max(0, Math.floor(span / 1000));
  if (ms >= 86_400_000) return ago(span as Micros, 0 as Micros);
  return `${clockOf(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
}

const hex = (n: number, digits: number): string =>
  `0x${(n >>> 0).toString(16).toUpperCase().padStart(digits, '0')}`;

/** An area as `show ip ospf` names it: the backbone is "BACKBONE(0)". */
const areaTitle = (a: OspfArea): string =>
  a.id === 0 ? `BACKBONE(${formatOspfArea(a)})` : formatOspfArea(a);

const sameArea = (a: OspfArea, b: OspfArea): boolean => a.id === b.id;

// ---- show ip ospf neighbor ---------------------------------------------------------------

export const NEIGHBOR_HEADER = 'Neighbor ID     Pri   State           Dead Time   Address         Interface';

/** "FULL/DR", "2WAY/DROTHER", and on point-to-point links "FULL/  -". */
const stateOf = (n: OspfNeighborStatus): string => `${n.state}/${n.role === '-' ? '  -' : n.role}`;

function neighborRow(n: OspfNeighborStatus, now: Micros): string {
  const id = formatIpv4(n.routerId).padEnd(15);
  const pri = String(n.priority).padStart(3);
  const dead = clockOf(left(n.deadAt, now)).padEnd(11);
  return `${id} ${pri}   ${stateOf(n).padEnd(15)} ${dead} ${formatIpv4(n.addr).padEnd(15)} ${n.iface}`;
}

export interface NeighborFilter {
  /** Our interface they were heard on. */
  readonly iface?: string;
  /** One neighbour, by router ID (IOS then prints its details). */
  readonly routerId?: Ipv4Addr;
}

const neighborsOf = (processes: readonly OspfProcessStatus[], f: NeighborFilter) =>
  processes.flatMap((p) =>
    p.neighbors
      .filter(
        (n) =>
          (f.iface === undefined || n.iface === f.iface) &&
          (f.routerId === undefined || n.routerId === f.routerId),
      )
      .map((n) => ({ p, n })),
  );

/** `show ip ospf neighbor [INTERFACE]`: a blank line, then the table when there is a neighbour. */
export function showIpOspfNeighbor(
  processes: readonly OspfProcessStatus[],
  now: Micros,
  f: NeighborFilter = {},
): string[] {
  if (processes.length === 0) return [];
  const found = neighborsOf(processes, f);
  if (found.length === 0) return [''];
  return ['', NEIGHBOR_HEADER, ...found.map(({ n }) => neighborRow(n, now))];
}

const REACHED_EXCHANGE = new Set(['EXSTART', 'EXCHANGE', 'LOADING', 'FULL']);
const UP = new Set(['2WAY', ...REACHED_EXCHANGE]);

function neighborBlock(p: OspfProcessStatus, n: OspfNeighborStatus, now: Micros): string[] {
  const iface = p.interfaces.find((i) => i.name === n.iface);
  const onIface = p.neighbors.filter((x) => x.iface === n.iface);
  const index = `${onIface.indexOf(n) + 1}/${p.neighbors.indexOf(n) + 1}`;
  return [
    ` Neighbor ${formatIpv4(n.routerId)}, interface address ${formatIpv4(n.addr)}`,
    `    In the area ${iface === undefined ? '0' : formatOspfArea(iface.area)} via interface ${n.iface}`,
    `    Neighbor priority is ${n.priority}, State is ${n.state}, ${n.stateChanges} state changes`,
    `    DR is ${formatIpv4(n.dr)} BDR is ${formatIpv4(n.bdr)}`,
    '    Options is 0x12 in Hello (E-bit, L-bit)',
    ...(REACHED_EXCHANGE.has(n.state) ? ['    Options is 0x52 in DBD (E-bit, L-bit, O-bit)'] : []),
    '    LLS Options is 0x1 (LR)',
    `    Dead timer due in ${clockOf(left(n.deadAt, now))}`,
    ...(UP.has(n.state) ? [`    Neighbor is up for ${ago(now, n.since)}`] : []),
    `    Index ${index}, retransmission queue length 0, number of retransmission 0`,
    '    First 0x0(0)/0x0(0) Next 0x0(0)/0x0(0)',
    '    Last retransmission scan length is 0, maximum is 0',
    '    Last retransmission scan time is 0 msec, maximum is 0 msec',
  ];
}

/** `show ip ospf neighbor [INTERFACE|ROUTER-ID] detail` (and `show ip ospf neighbor ROUTER-ID`). */
export function showIpOspfNeighborDetail(
  processes: readonly OspfProcessStatus[],
  now: Micros,
  f: NeighborFilter = {},
): string[] {
  return neighborsOf(processes, f).flatMap(({ p, n }) => neighborBlock(p, n, now));
}

// ---- show ip ospf interface ----------------------------------------------------------------

/** `show ip ospf interface`'s words for the states `brief` abbreviates. */
const LONG_STATE: Record<OspfInterfaceStatus['state'], string> = {
  DOWN: 'DOWN',
  LOOP: 'LOOPBACK',
  WAIT: 'WAITING',
  P2P: 'POINT_TO_POINT',
  DROTH: 'DROTHER',
  BDR: 'BDR',
  DR: 'DR',
};

/** "up, line protocol is up": an interface's line as `show interfaces` words it. */
export type LineState = (iface: string) => string | undefined;

/** Its index among its area's interfaces and its process's: IOS lists the newest first. */
function indexOf(p: OspfProcessStatus, i: OspfInterfaceStatus): string {
  const inArea = p.interfaces.filter((x) => sameArea(x.area, i.area));
  return `${inArea.length - inArea.indexOf(i)}/${p.interfaces.length - p.interfaces.indexOf(i)}`;
}

function adjacency(n: OspfNeighborStatus): string {
  const role =
    n.role === 'DR' ? '  (Designated Router)' : n.role === 'BDR' ? '  (Backup Designated Router)' : '';
  return `    Adjacent with neighbor ${formatIpv4(n.routerId)}${role}`;
}

function interfaceBlock(
  p: OspfProcessStatus,
  i: OspfInterfaceStatus,
  now: Micros,
  line: LineState,
): string[] {
  const via = i.byInterfaceCommand ? 'Interface Enable' : 'Network Statement';
  const out = [
    `${i.name} is ${line(i.name) ?? (i.up ? 'up, line protocol is up' : 'down, line protocol is down')}`,
    `  Internet Address ${formatIpv4(i.addr)}/${i.len}, Area ${formatOspfArea(i.area)}, Attached via ${via}`,
    `  Process ID ${p.pid}, Router ID ${formatIpv4(p.routerId)}, Network Type ${i.network}, Cost: ${i.cost}`,
    '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
    `        0           ${String(i.cost).padEnd(10)}no          no            Base`,
  ];
  if (i.byInterfaceCommand) out.push('  Enabled by interface config, including secondary ip addresses');
  if (i.network === 'LOOPBACK') {
    out.push('  Loopback interface is treated as a stub Host');
    return out;
  }
  const state = LONG_STATE[i.state];
  if (i.network === 'POINT_TO_POINT') out.push(`  Transmit Delay is 1 sec, State ${state}`);
  else {
    out.push(
      `  Transmit Delay is 1 sec, State ${state}, Priority ${i.priority}`,
      i.dr === undefined
        ? '  No designated router on this network'
        : `  Designated Router (ID) ${formatIpv4(i.dr.routerId)}, Interface address ${formatIpv4(i.dr.addr)}`,
      i.bdr === undefined
        ? '  No backup designated router on this network'
        : `  Backup Designated router (ID) ${formatIpv4(i.bdr.routerId)}, Interface address ${formatIpv4(i.bdr.addr)}`,
    );
  }
  out.push(
    `  Timer intervals configured, Hello ${i.hello}, Dead ${i.dead}, Wait ${i.dead}, Retransmit 5`,
    `    oob-resync timeout ${i.dead}`,
  );
  if (i.state === 'DOWN') return out;
  if (i.passive) out.push('    No Hellos (Passive interface)');
  else if (i.nextHello !== undefined) out.push(`    Hello due in ${clockOf((i.nextHello - now) / 1e6)}`);
  const scan = i.adjacent > 0 ? 1 : 0;
  out.push(
    '  Supports Link-local Signaling (LLS)',
    '  Cisco NSF helper support enabled',
    '  IETF NSF helper support enabled',
    `  Index ${indexOf(p, i)}, flood queue length 0`,
    '  Next 0x0(0)/0x0(0)',
    `  Last flood scan length is ${scan}, maximum is ${scan}`,
    '  Last flood scan time is 0 msec, maximum is 0 msec',
    `  Neighbor Count is ${i.neighbors}, Adjacent neighbor count is ${i.adjacent}`,
    ...p.neighbors.filter((n) => n.iface === i.name && n.state === 'FULL').map(adjacency),
    '  Suppress hello for 0 neighbor(s)',
  );
  return out;
}

/** `show ip ospf interface [INTERFACE]`: each OSPF interface's block, in the engine's order. */
export function showIpOspfInterface(
  processes: readonly OspfProcessStatus[],
  now: Micros,
  only?: string,
  line: LineState = () => undefined,
): string[] {
  return processes.flatMap((p) =>
    p.interfaces
      .filter((i) => only === undefined || i.name === only)
      .flatMap((i) => interfaceBlock(p, i, now, line)),
  );
}

export const INTERFACE_BRIEF_HEADER =
  'Interface    PID   Area            IP Address/Mask    Cost  State Nbrs F/C';

/** `show ip ospf interface [INTERFACE] brief`: IOS's table, its header even when it is empty. */
export function showIpOspfInterfaceBrief(processes: readonly OspfProcessStatus[], only?: string): string[] {
  if (processes.length === 0) return [];
  const rows = processes.flatMap((p) =>
    p.interfaces
      .filter((i) => only === undefined || i.name === only)
      .map((i) =>
        [
          shortInterfaceName(i.name).padEnd(12),
          String(p.pid).padEnd(5),
          formatOspfArea(i.area).padEnd(15),
          `${formatIpv4(i.addr)}/${i.len}`.padEnd(18),
          String(i.cost).padEnd(5),
          i.state.padEnd(5),
          `${i.adjacent}/${i.neighbors}`,
        ].join(' '),
      ),
  );
  return [INTERFACE_BRIEF_HEADER, ...rows];
}

// ---- show ip ospf ----------------------------------------------------------------------------

const checksumSum = (lsas: readonly OspfLsaStatus[]): string =>
  hex(
    lsas.reduce((s, l) => s + l.checksum, 0),
    6,
  );

function areaBlock(p: OspfProcessStatus, a: OspfArea, now: Micros): string[] {
  const ifaces = p.interfaces.filter((i) => sameArea(i.area, a));
  const loopbacks = ifaces.filter((i) => i.network === 'LOOPBACK').length;
  const lsas = p.database.filter((d) => d.area !== undefined && sameArea(d.area, a)).flatMap((d) => d.lsas);
  return [
    `    Area ${areaTitle(a)}`,
    `        Number of interfaces in this area is ${ifaces.length}${loopbacks > 0 ? ` (${loopbacks} loopback)` : ''}`,
    // IOS indents the rest of the block with a tab.
    '\tArea has no authentication',
    ...(p.lastSpf === undefined ? [] : [`\tSPF algorithm last executed ${preciseAgo(now - p.lastSpf)} ago`]),
    `\tSPF algorithm executed ${p.spfRuns} times`,
    '\tArea ranges are',
    `\tNumber of LSA ${lsas.length}. Checksum Sum ${checksumSum(lsas)}`,
    '\tNumber of opaque link LSA 0. Checksum Sum 0x000000',
    '\tNumber of DCbitless LSA 0',
    '\tNumber of indication LSA 0',
    '\tNumber of DoNotAge LSA 0',
    '\tFlood list length 0',
  ];
}

const externalsOf = (p: OspfProcessStatus): OspfLsaStatus[] =>
  p.database.filter((d) => d.area === undefined).flatMap((d) => d.lsas);

/** `show ip ospf`: each process's summary; `bootedAt` is when the router last started. */
export function showIpOspf(processes: readonly OspfProcessStatus[], now: Micros, bootedAt: Micros): string[] {
  return processes.flatMap((p) => {
    const ext = externalsOf(p);
    const n = p.areas.length;
    return [
      ` Routing Process "ospf ${p.pid}" with ID ${formatIpv4(p.routerId)}`,
      ` Start time: ${preciseAgo(p.startedAt - bootedAt)}, Time elapsed: ${preciseAgo(now - p.startedAt)}`,
      ' Supports only single TOS(TOS0) routes',
      ' Supports opaque LSA',
      ' Supports Link-local Signaling (LLS)',
      ' Supports area transit capability',
      ' Supports NSSA (compatible with RFC 3101)',
      ' Event-log enabled, Maximum number of events: 1000, Mode: cyclic',
      ...(p.asbr
        ? [' It is an autonomous system boundary router', ' Redistributing External Routes from,']
        : []),
      ' Router is not originating router-LSAs with maximum metric',
      ' Initial SPF schedule delay 5000 msecs',
      ' Minimum hold time between two consecutive SPFs 10000 msecs',
      ' Maximum wait time between two consecutive SPFs 10000 msecs',
      ' Incremental-SPF disabled',
      ' Minimum LSA interval 5 secs',
      ' Minimum LSA arrival 1000 msecs',
      ' LSA group pacing timer 240 secs',
      ' Interface flood pacing timer 33 msecs',
      ' Retransmission pacing timer 66 msecs',
      ` Number of external LSA ${ext.length}. Checksum Sum ${checksumSum(ext)}`,
      ' Number of opaque AS LSA 0. Checksum Sum 0x000000',
      ' Number of DCbitless external and opaque AS LSA 0',
      ' Number of DoNotAge external and opaque AS LSA 0',
      ` Number of areas in this router is ${n}. ${n} normal 0 stub 0 nssa`,
      ' Number of areas transit capable is 0',
      ' External flood list length 0',
      ' IETF NSF helper support enabled',
      ' Cisco NSF helper support enabled',
      ` Reference bandwidth unit is ${p.referenceBandwidth} mbps`,
      ...p.areas.flatMap((a) => areaBlock(p, a, now)),
      '',
    ];
  });
}

// ---- show ip ospf database -----------------------------------------------------------------

const TABLES: Readonly<Record<number, { readonly title: string; readonly last: string }>> = {
  1: { title: 'Router Link States', last: ' Link count' },
  2: { title: 'Net Link States', last: '' },
  5: { title: 'Type-5 AS External Link States', last: ' Tag' },
};

function lsaRow(l: OspfLsaStatus): string {
  const cells = [
    formatIpv4(l.id).padEnd(15),
    formatIpv4(l.advRouter).padEnd(15),
    String(Math.min(l.age, 3600)).padEnd(11),
    hex(l.seq, 8),
    hex(l.checksum, 6),
  ];
  if (l.type === 1) cells.push(String(l.links ?? 0));
  if (l.type === 5) cells.push(String(l.tag ?? 0));
  return cells.join(' ');
}

function lsaTable(type: number, area: OspfArea | undefined, lsas: readonly OspfLsaStatus[]): string[] {
  const t = TABLES[type];
  if (t === undefined || lsas.length === 0) return [];
  const title = area === undefined ? t.title : `${t.title} (Area ${formatOspfArea(area)})`;
  return [
    '',
    `                ${title}`,
    '',
    `Link ID         ADV Router      Age         Seq#       Checksum${t.last}`,
    ...lsas.map(lsaRow),
  ];
}

/** `show ip ospf database`: each process's tables, areas first, then the AS external LSAs. */
export function showIpOspfDatabase(processes: readonly OspfProcessStatus[]): string[] {
  return processes.flatMap((p) => [
    '',
    `            OSPF Router with ID (${formatIpv4(p.routerId)}) (Process ID ${p.pid})`,
    ...p.database.flatMap((d) =>
      [1, 2, 5].flatMap((type) =>
        lsaTable(
          type,
          d.area,
          d.lsas.filter((l) => l.type === type),
        ),
      ),
    ),
  ]);
}

// ---- show ip protocols -------------------------------------------------------------------

/** Where routes come from: the routers whose LSAs the process holds, newest update first. */
function sources(p: OspfProcessStatus, now: Micros): string[] {
  const newest = new Map<Ipv4Addr, number>();
  for (const d of p.database)
    for (const l of d.lsas)
      if (l.advRouter !== p.routerId)
        newest.set(l.advRouter, Math.min(newest.get(l.advRouter) ?? l.age, l.age));
  return [...newest.entries()]
    .sort(([a], [b]) => b - a)
    .map(
      ([id, age]) =>
        `    ${formatIpv4(id).padEnd(15)} ${String(OSPF_ADMIN_DISTANCE).padStart(8)}      ${ago(now, (now - age * 1e6) as Micros)}`,
    );
}

/** The passive interfaces, in the configuration's order. */
const passiveOf = (c: DeviceConfig, proc: OspfProcessConfig): string[] => {
  const listed = proc.passive ?? [];
  if (proc.passiveDefault) return Object.keys(c.interfaces).filter((n) => !listed.includes(n));
  return Object.keys(c.interfaces).filter((n) => listed.includes(n));
};

/** Interfaces `ip ospf N area X` puts in the process, by area. */
function explicitly(c: DeviceConfig, pid: number, status?: OspfProcessStatus): string[] {
  const named = Object.entries(c.interfaces).filter(([, i]) => i.ospf?.area?.pid === pid);
  const areas = [...new Map(named.map(([, i]) => [i.ospf!.area!.area.id, i.ospf!.area!.area])).values()].sort(
    (a, b) => a.id - b.id,
  );
  // The engine lists interfaces as IOS does, newest first; without it, the configuration's order.
  const order = status?.interfaces.map((i) => i.name) ?? [];
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  return areas.flatMap((a) => [
    `  Routing on Interfaces Configured Explicitly (Area ${formatOspfArea(a)}):`,
    ...named
      .filter(([, i]) => i.ospf!.area!.area.id === a.id)
      .map(([n]) => n)
      .sort((x, y) => rank(x) - rank(y))
      .map((n) => `    ${n}`),
  ]);
}

/**
 * The OSPF sections of `show ip protocols`, one per process of the configuration, with what
 * the engine reports of it (a process it does not run has no router ID yet).
 */
export function showIpProtocolsOspf(
  c: DeviceConfig,
  processes: readonly OspfProcessStatus[],
  now: Micros,
): string[] {
  return (c.ospf ?? []).flatMap((proc) => {
    const status = processes.find((p) => p.pid === proc.pid);
    const n = status?.areas.length ?? 0;
    const passive = passiveOf(c, proc);
    return [
      `Routing Protocol is "ospf ${proc.pid}"`,
      '  Outgoing update filter list for all interfaces is not set',
      '  Incoming update filter list for all interfaces is not set',
      `  Router ID ${formatIpv4(status?.routerId ?? (0 as Ipv4Addr))}`,
      // One blank before "Redistributing", as IOS 15 prints it.
      ...(status?.asbr
        ? ['  It is an autonomous system boundary router', ' Redistributing External Routes from,']
        : []),
      `  Number of areas in this router is ${n}. ${n} normal 0 stub 0 nssa`,
      '  Maximum path: 4',
      '  Routing for Networks:',
      ...proc.networks.map(
        (w) =>
          `    ${formatIpv4(w.addr)} ${formatIpv4(w.wildcard as Ipv4Addr)} area ${formatOspfArea(w.area)}`,
      ),
      ...explicitly(c, proc.pid, status),
      ...(passive.length > 0 ? ['  Passive Interface(s):', ...passive.map((p) => `    ${p}`)] : []),
      '  Routing Information Sources:',
      '    Gateway         Distance      Last Update',
      ...(status === undefined ? [] : sources(status, now)),
      `  Distance: (default is ${OSPF_ADMIN_DISTANCE})`,
      '',
    ];
  });
}

// ---- messages ----------------------------------------------------------------------------

/**
 * %OSPF-5-ADJCHG, as IOS logs a neighbour reaching FULL or going DOWN, and the two hello
 * mistakes it logs at every hello (wording from IOS 15 consoles).
 */
export function ospfText(e: OspfEvent): string {
  switch (e.kind) {
    case 'adjacency':
      return `%OSPF-5-ADJCHG: Process ${e.pid}, Nbr ${formatIpv4(e.neighbor)} on ${e.iface} from ${e.from} to ${e.to}, ${e.reason}`;
    case 'backbone-area':
      return `%OSPF-4-ERRRCV: Received invalid packet: mismatched area ID from backbone area from ${formatIpv4(e.src)}, ${e.iface}`;
    case 'duplicate-router-id':
      return `%OSPF-4-DUP_RTRID_NBR: OSPF detected duplicate router-id ${formatIpv4(e.routerId)} from ${formatIpv4(e.src)} on interface ${e.iface}`;
  }
}

/** %OSPF-6-AREACHG: a more specific network statement moved its range to another area. */
export function areaChangeText(
  addr: Ipv4Addr,
  wildcard: number,
  from: OspfArea,
  to: OspfArea,
): string | undefined {
  const len = lenFromMask((~wildcard >>> 0) as Ipv4Addr);
  if (len === undefined) return undefined;
  return `%OSPF-6-AREACHG: ${formatIpv4(addr)}/${len} changed from area ${formatOspfArea(from)} to area ${formatOspfArea(to)}`;
}

// ---- show ip route A.B.C.D -----------------------------------------------------------------

/** What `show ip route A.B.C.D` says of an OSPF route beyond the routing table's entry. */
export interface OspfRouteSource {
  readonly pid: number;
  /** The router whose LSA gave the route ("from 2.2.2.2"). */
  readonly from: Ipv4Addr;
  /** External routes: their LSA's tag. */
  readonly tag?: number;
  /** External type 2 routes: the cost to their ASBR, when it is a neighbour. */
  readonly forward?: number;
}

/**
 * Where an OSPF route came from, read in the processes' databases: an external route from its
 * type 5 LSA, a transit network from its DR's network LSA, anything else from the neighbour
 * that is its next hop.
 */
export function ospfRouteSource(
  r: { readonly prefix: { readonly addr: Ipv4Addr; readonly len: number }; readonly code: string },
  nextHop: Ipv4Addr | undefined,
  iface: string | undefined,
  processes: readonly OspfProcessStatus[],
): OspfRouteSource | undefined {
  const p = processes.find((x) => x.interfaces.some((i) => i.name === iface)) ?? processes[0];
  if (p === undefined) return undefined;
  const lsas = p.database.flatMap((d) => d.lsas);
  const neighbor = p.neighbors.find((n) => n.addr === nextHop && n.iface === iface);
  const inPrefix = (a: Ipv4Addr) =>
    r.prefix.len === 0 || a >>> (32 - r.prefix.len) === r.prefix.addr >>> (32 - r.prefix.len);
  if (r.code.includes('E')) {
    const lsa = lsas.find((l) => l.type === 5 && l.id === r.prefix.addr);
    const from = lsa?.advRouter ?? neighbor?.routerId ?? (0 as Ipv4Addr);
    const cost = p.interfaces.find((i) => i.name === iface)?.cost;
    return {
      pid: p.pid,
      from,
      ...(lsa?.tag !== undefined ? { tag: lsa.tag } : {}),
      ...(r.code.endsWith('2') && neighbor?.routerId === from && cost !== undefined ? { forward: cost } : {}),
    };
  }
  const network = lsas.find((l) => l.type === 2 && inPrefix(l.id));
  return { pid: p.pid, from: network?.advRouter ?? neighbor?.routerId ?? (0 as Ipv4Addr) };
}
