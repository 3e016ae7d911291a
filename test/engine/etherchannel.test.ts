/**
 * EtherChannel: members that bundle by mode (on, LACP, PAgP), one spanning tree port for the
 * bundle, learning and flooding as one port, frames spread over the members by the
 * load-balancing hash, failover within the bundle, and members refused for their settings.
 */
import { describe, expect, it } from 'vitest';
import type { EtherChannelStatus } from '../../src/engine/api.ts';
import type { ChannelMode, LoadBalanceMethod } from '../../src/shared/etherchannel.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { stpDefaultCost } from '../../src/shared/spanning-tree.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, marks, type SwitchPortSpec, type SwitchSpec, TestNet } from './net.ts';

const d = deviceId;

interface Pair {
  readonly n: TestNet;
  readonly links: readonly string[];
}

/**
 * S1 and S2 cabled on Fa0/21-24 (the first `count` of them), each port in channel group 1 with
 * the mode given (undefined: no channel group), trunking; PCs on Fa0/1-4 of S1 (10.0.0.1-4) and
 * Fa0/1 of S2 (10.0.0.100). Spanning tree runs, S1 the root.
 */
function pair(
  m1: ChannelMode | undefined,
  m2: ChannelMode | undefined,
  options: {
    count?: number;
    s1?: Partial<SwitchSpec>;
    s2?: Partial<SwitchSpec>;
    port1?: SwitchPortSpec;
  } = {},
): Pair {
  const count = options.count ?? 2;
  const members = ['fa0/21', 'fa0/22', 'fa0/23', 'fa0/24'].slice(0, count);
  const ports = (mode: ChannelMode | undefined, extra?: SwitchPortSpec) =>
    Object.fromEntries(
      members.map((p, i) => [
        p,
        {
          mode: 'trunk' as const,
          ...(mode !== undefined ? { channel: `1 ${mode}` } : {}),
          ...(i === 0 ? extra : {}),
        },
      ]),
    );
  const po = { 1: { mode: 'trunk' as const } };
  const n = new TestNet({ seed: 3 });
  n.switch('S1', {
    stp: { vlans: [{ vlan: 1, priority: 4096 }] },
    ports: ports(m1, options.port1),
    ...(m1 !== undefined ? { portChannels: po } : {}),
    ...options.s1,
  });
  n.switch('S2', {
    stp: {},
    ports: ports(m2),
    ...(m2 !== undefined ? { portChannels: po } : {}),
    ...options.s2,
  });
  const links = members.map((p) => n.link(`S1:${p}`, `S2:${p}`));
  for (let i = 1; i <= 4; i++) {
    n.pc(`PC${i}`, `10.0.0.${i}/24`);
    n.link(`PC${i}:fa0`, `S1:fa0/${i}`);
  }
  n.pc('PC9', '10.0.0.100/24');
  n.link('PC9:fa0', 'S2:fa0/1');
  return { n, links };
}

const channel = (n: TestNet, sw: string, group = 1): EtherChannelStatus => {
  const c = n.sim.etherChannels(d(sw)).channels.find((x) => x.group === group);
  if (c === undefined) throw new Error(`no channel ${group} on ${sw}`);
  return c;
};

/** "Fa0/21(P) Fa0/22(P)"-like summary of a channel's members. */
const flags = (n: TestNet, sw: string): string =>
  channel(n, sw)
    .members.map((m) => `${m.port.replace('FastEthernet', 'Fa')}(${m.flag})`)
    .join(' ');

const stpPorts = (n: TestNet, sw: string): Record<string, string> => {
  const inst = n.sim.spanningTree(d(sw)).find((i) => i.vlan === 1)!;
  return Object.fromEntries(
    inst.ports.map((p) => [p.port, `${p.role} ${p.state} ${p.cost} ${p.priority}.${p.number}`]),
  );
};

describe('EtherChannel', () => {
  it('bundles LACP active with passive into one spanning tree port that forwards', () => {
    const { n } = pair('active', 'passive');
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
    expect(flags(n, 'S2')).toBe('Fa0/21(P) Fa0/22(P)');
    const c = channel(n, 'S1');
    expect(c).toMatchObject({ name: 'Port-channel1', protocol: 'lacp', up: true, bandwidth: 200_000_000 });
    expect(c.members[0]!.partner).toMatchObject({
      hostname: 'S2',
      port: 'FastEthernet0/21',
      mode: 'passive',
      group: 1,
    });
    // One port for spanning tree, with the bundle's cost (12 for 2 x 100 Mb/s) and number (128.64).
    expect(stpPorts(n, 'S2')).toEqual({
      'Port-channel1': 'root forwarding 12 128.64',
      'FastEthernet0/1': 'designated forwarding 19 128.1',
    });
    // Listed after the ports, by port number, as IOS lists them.
    expect(Object.keys(stpPorts(n, 'S2'))).toEqual(['FastEthernet0/1', 'Port-channel1']);
    expect(n.sim.trunks(d('S1')).map((t) => t.port)).toEqual(['Port-channel1']);
    const po = n.sim.interfaces(d('S1')).find((i) => i.name === 'Port-channel1')!;
    expect(po).toMatchObject({
      status: 'up',
      protocol: 'up',
      bandwidth: 200_000_000,
      switchportOperMode: 'trunk',
    });
    n.run(seconds(5));
    expect(marks(n.ping('PC1', '10.0.0.100'))).toMatch(/!!!$/);
    // Addresses beyond the bundle are learned on the Port-channel.
    const learned = n.sim
      .macTable(d('S1'))
      .filter((e) => e.type === 'DYNAMIC')
      .map((e) => e.port);
    expect(learned).toContain('Port-channel1');
    expect(learned.filter((p) => p === 'FastEthernet0/21' || p === 'FastEthernet0/22')).toEqual([]);
  });

  it('logs the Port-channel coming up with its members', () => {
    const { n } = pair('on', 'on');
    const changes = n.sim.interfaceChanges(d('S1'), 0).changes.filter((c) => c.interface === 'Port-channel1');
    expect(changes.map((c) => (c.kind === 'status' ? `link ${c.status}` : `protocol ${c.protocol}`))).toEqual(
      ['link up', 'protocol up'],
    );
  });

  it.each([
    ['on', 'on', 'P', 'P'],
    ['active', 'active', 'P', 'P'],
    ['active', 'passive', 'P', 'P'],
    ['passive', 'passive', 'I', 'I'],
    ['desirable', 'auto', 'P', 'P'],
    ['desirable', 'desirable', 'P', 'P'],
    ['auto', 'auto', 'I', 'I'],
    ['active', 'desirable', 'I', 'I'],
    ['active', undefined, 'I', undefined],
  ] as const)('%s facing %s: %s and %s', (m1, m2, f1, f2) => {
    const { n } = pair(m1, m2);
    expect(flags(n, 'S1')).toBe(`Fa0/21(${f1}) Fa0/22(${f1})`);
    if (f2 !== undefined) expect(flags(n, 'S2')).toBe(`Fa0/21(${f2}) Fa0/22(${f2})`);
    const inst = n.sim.spanningTree(d('S2')).find((i) => i.vlan === 1)!;
    const uplinks = inst.ports.filter((p) => p.port !== 'FastEthernet0/1');
    if (f1 === 'P') expect(uplinks.map((p) => p.port)).toEqual(['Port-channel1']);
    // Stand-alone members are ports of their own: spanning tree blocks one of the two.
    else
      expect(uplinks.map((p) => `${p.port} ${p.state}`)).toEqual([
        'FastEthernet0/21 forwarding',
        'FastEthernet0/22 blocking',
      ]);
  });

  it('floods a broadcast over one member only', () => {
    const { n, links } = pair('active', 'active');
    n.run(seconds(5));
    const seen = new Map<string, number>();
    n.sim.onWire((_t, link, f) => {
      if (f.payload.proto === 'arp' && f.dst === 0xffffffffffff) seen.set(link, (seen.get(link) ?? 0) + 1);
    });
    n.ping('PC1', '10.0.0.100', { count: 1 });
    const onMembers = links.map((l) => seen.get(l) ?? 0);
    expect(onMembers.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it.each([
    ['src-mac', 2],
    ['dst-mac', 1],
  ] as const)('spreads frames over the members by %s', (method: LoadBalanceMethod, used) => {
    const { n, links } = pair('active', 'active', { s1: { loadBalance: method } });
    n.run(seconds(5));
    // Echo requests to PC9 from the four PCs, on each member.
    const requests = new Map<string, number>();
    n.sim.onWire((_t, link, f) => {
      if (f.payload.proto === 'ipv4' && f.payload.dst === ip('10.0.0.100'))
        requests.set(link, (requests.get(link) ?? 0) + 1);
    });
    for (let i = 1; i <= 4; i++) n.ping(`PC${i}`, '10.0.0.100', { count: 2 });
    const sent = links.map((l) => requests.get(l) ?? 0);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(8);
    // Four sources with consecutive addresses fall on both members; one destination on one.
    expect(sent.filter((x) => x > 0)).toHaveLength(used);
    expect(n.sim.etherChannels(d('S1')).loadBalance).toBe(method);
  });

  it('keeps forwarding over the members left when one goes down, without spanning tree reconverging', () => {
    const { n, links } = pair('active', 'passive');
    n.run(seconds(5));
    expect(marks(n.ping('PC1', '10.0.0.100', { count: 2 }))).toMatch(/!$/);
    const onPo = () => n.sim.macTable(d('S2')).filter((e) => e.port === 'Port-channel1').length;
    const learned = onPo();
    expect(learned).toBe(4);
    n.sim.setLinkUp(links[0]! as never, false);
    expect(flags(n, 'S1')).toBe('Fa0/21(D) Fa0/22(P)');
    // The bundle keeps what it learned, through this refresh and the next ones (PC9's cable).
    expect(onPo()).toBe(learned);
    n.sim.setLinkUp('L7' as never, false);
    n.sim.setLinkUp('L7' as never, true);
    expect(onPo()).toBe(learned);
    // PC9's port listens and learns again.
    n.run(seconds(31));
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'FastEthernet0/21')!.switchportOperMode).toBe(
      'down',
    );
    expect(stpPorts(n, 'S2')['Port-channel1']).toBe('root forwarding 19 128.64');
    for (let i = 1; i <= 4; i++) expect(marks(n.ping(`PC${i}`, '10.0.0.100', { count: 2 }))).toMatch(/!$/);
    n.sim.setLinkUp(links[1]! as never, false);
    expect(channel(n, 'S1').up).toBe(false);
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'Port-channel1')!.status).toBe('down');
  });

  it('suspends a member whose settings differ from the bundle, and says why', () => {
    const { n } = pair('active', 'active', {
      count: 3,
      port1: { mode: 'trunk', native: 99, channel: '1 active' },
    });
    expect(flags(n, 'S1')).toBe('Fa0/21(s) Fa0/22(P) Fa0/23(P)');
    // Its partner hears no agreement from it: not bundled on that side either.
    expect(flags(n, 'S2')).toBe('Fa0/21(s) Fa0/22(P) Fa0/23(P)');
    const events = n.sim.etherChannelEvents(d('S1'), 0).events;
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'incompatible',
        port: 'FastEthernet0/21',
        with: 'Port-channel1',
        mismatch: { attribute: 'native-vlan', mine: '99', theirs: '1' },
      }),
    ]);
  });

  it('suspends a member running at another speed', () => {
    const { n } = pair('on', 'on', { port1: { mode: 'trunk', channel: '1 on', speed: 10 } });
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(s)');
    const e = n.sim.etherChannelEvents(d('S1'), 0).events[0];
    expect(e).toMatchObject({ kind: 'incompatible', port: 'FastEthernet0/22', with: 'FastEthernet0/21' });
    expect(e?.kind === 'incompatible' && e.mismatch).toEqual({
      attribute: 'speed',
      mine: '100M',
      theirs: '10M',
    });
  });

  it('takes a shut-down Port-channel and its members down', () => {
    const { n } = pair('active', 'active', {
      s1: { portChannels: { 1: { mode: 'trunk', shutdown: true } } },
    });
    expect(flags(n, 'S1')).toBe('Fa0/21(D) Fa0/22(D)');
    // Its members are shut down: their cables go down at the far end too.
    expect(flags(n, 'S2')).toBe('Fa0/21(D) Fa0/22(D)');
    expect(channel(n, 'S1')).toMatchObject({ up: false, adminUp: false });
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'Port-channel1')!.status).toBe(
      'administratively down',
    );
  });

  it('carries access VLANs: an access Port-channel in show vlan', () => {
    const access = { mode: 'access' as const, access: 10 };
    const spec = (mode: ChannelMode) => ({
      vlans: [10],
      ports: { 'fa0/21': { ...access, channel: `1 ${mode}` }, 'fa0/22': { ...access, channel: `1 ${mode}` } },
      portChannels: { 1: access },
    });
    const n = new TestNet({ seed: 3 });
    n.switch('S1', spec('desirable')).switch('S2', spec('auto'));
    n.link('S1:fa0/21', 'S2:fa0/21');
    n.link('S1:fa0/22', 'S2:fa0/22');
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
    expect(n.sim.vlanPorts(d('S1')).get(10)).toEqual(['Po1']);
  });
});

describe('EtherChannel guard', () => {
  it('error-disables a bundle in mode on whose far end does not bundle', () => {
    const { n } = pair('on', undefined);
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
    n.run(seconds(29));
    expect(n.sim.etherChannelEvents(d('S1'), 0).events).toEqual([]);
    n.run(seconds(2));
    expect(n.sim.etherChannelEvents(d('S1'), 0).events).toEqual([
      expect.objectContaining({
        kind: 'misconfig',
        channel: 'Port-channel1',
        ports: ['FastEthernet0/21', 'FastEthernet0/22'],
      }),
    ]);
    expect(flags(n, 'S1')).toBe('Fa0/21(D) Fa0/22(D)');
    const members = n.sim.interfaces(d('S1')).filter((i) => /0\/2[12]$/.test(i.name));
    expect(members.map((i) => i.errDisabled)).toEqual(['channel-misconfig', 'channel-misconfig']);
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'Port-channel1')!.status).toBe('down');
    // Cut off: the PC beyond answers no ARP request (Windows: destination host unreachable).
    expect(marks(n.ping('PC1', '10.0.0.100', { count: 2 }))).toBe('HH');
  });

  it('leaves a bundle in mode on facing one in mode on', () => {
    const { n } = pair('on', 'on');
    n.run(seconds(60));
    expect(n.sim.etherChannelEvents(d('S1'), 0).events).toEqual([]);
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
  });

  it('needs spanning tree at the far end: no BPDUs, nothing to tell', () => {
    const { n } = pair('on', undefined, { s2: { stp: { vlans: [{ vlan: 1, disabled: true }] } } });
    n.run(seconds(60));
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
  });

  it('hears nothing through BPDU filtering, at either end', () => {
    const filtered = { mode: 'trunk' as const, stp: { bpdufilter: 'enable' as const } };
    const far = pair('on', undefined, { s2: { ports: { 'fa0/21': filtered, 'fa0/22': filtered } } });
    far.n.run(seconds(60));
    expect(flags(far.n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
    const near = pair('on', undefined, { s1: { portChannels: { 1: filtered } } });
    near.n.run(seconds(60));
    expect(flags(near.n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
  });

  it('is off with no spanning-tree etherchannel guard misconfig', () => {
    const { n } = pair('on', undefined, {
      s1: { stp: { vlans: [{ vlan: 1, priority: 4096 }], etherchannelGuard: false } },
    });
    n.run(seconds(60));
    expect(flags(n, 'S1')).toBe('Fa0/21(P) Fa0/22(P)');
  });
});

describe('a Port-channel’s spanning tree cost', () => {
  it.each([
    [100e6, 19],
    [200e6, 12],
    [300e6, 9],
    [400e6, 8],
    [1e9, 4],
    [2e9, 3],
    [10e9, 2],
  ])('at %d b/s is %d', (bps, cost) => {
    expect(stpDefaultCost(bps)).toBe(cost);
  });
});

describe('a Port-channel in the MAC table', () => {
  it('clears what was learned on it by its name', () => {
    const { n } = pair('active', 'active');
    n.run(seconds(5));
    n.ping('PC1', '10.0.0.100', { count: 1 });
    const onPo = () => n.sim.macTable(d('S1')).filter((e) => e.port === 'Port-channel1').length;
    expect(onPo()).toBe(1);
    n.sim.clearMacTable(d('S1'), { port: 'FastEthernet0/21' });
    expect(onPo()).toBe(1);
    n.sim.clearMacTable(d('S1'), { port: 'Port-channel1' });
    expect(onPo()).toBe(0);
  });
});

describe('spanning tree on a Port-channel', () => {
  it('takes the Port-channel’s settings, not its members’', () => {
    const { n } = pair('active', 'active', {
      s2: { portChannels: { 1: { mode: 'trunk', stp: { cost: 100 } } } },
    });
    expect(stpPorts(n, 'S2')['Port-channel1']).toBe('root forwarding 100 128.64');
  });

  it('error-disables the whole bundle for BPDU guard', () => {
    const { n } = pair('active', 'active', {
      s2: { portChannels: { 1: { mode: 'trunk', stp: { portfast: 'trunk', bpduguard: 'enable' } } } },
    });
    n.run(seconds(3));
    const members = n.sim.interfaces(d('S2')).filter((i) => /0\/2[12]$/.test(i.name));
    expect(members.map((i) => i.errDisabled)).toEqual(['bpduguard', 'bpduguard']);
    expect(channel(n, 'S2').up).toBe(false);
  });
});

describe('an EtherChannel cabled to two switches', () => {
  it('bundles the members facing one partner; the other switch does not bundle the link it was refused', () => {
    const n = new TestNet({ seed: 3 });
    const member = { mode: 'trunk' as const, channel: '1 active' };
    const po = { 1: { mode: 'trunk' as const } };
    n.switch('S1', {
      stp: { vlans: [{ vlan: 1, priority: 4096 }] },
      ports: { 'fa0/23': member, 'fa0/24': member },
      portChannels: po,
    });
    n.switch('S2', { stp: {}, ports: { 'fa0/23': member }, portChannels: po });
    n.switch('S3', { stp: {}, ports: { 'fa0/24': member }, portChannels: po });
    n.link('S1:fa0/23', 'S2:fa0/23');
    n.link('S1:fa0/24', 'S3:fa0/24');
    n.run(seconds(1));
    expect(flags(n, 'S1')).toBe('Fa0/23(P) Fa0/24(s)');
    expect(flags(n, 'S2')).toBe('Fa0/23(P)');
    expect(flags(n, 'S3')).toBe('Fa0/24(s)');
    expect(channel(n, 'S3').up).toBe(false);
  });
});

describe('a bundle in the trace', () => {
  it('names the member a frame came in by, and the Port-channel an address is learned on', () => {
    const { n, links } = pair('active', 'active');
    n.run(seconds(5));
    const arrivals = new Map<string, string>();
    n.sim.onWire((_t, link, f) => {
      if (f.payload.proto === 'ipv4' && f.payload.dst === ip('10.0.0.1')) arrivals.set(link, 'seen');
    });
    n.sim.clearMacTable(d('S1'));
    const from = n.sim.trace.events.length;
    n.ping('PC9', '10.0.0.1', { count: 1 });
    const events = n.sim.trace.events.slice(from);
    const member =
      links.indexOf([...arrivals.keys()].find((l) => links.includes(l))!) === 0
        ? 'FastEthernet0/21'
        : 'FastEthernet0/22';
    const forwards = events.filter(
      (e) => e.kind === 'forward' && e.device === 'S1' && e.to.includes('FastEthernet0/1'),
    );
    expect(forwards.length).toBeGreaterThan(0);
    for (const e of forwards) expect(e.kind === 'forward' && e.from).toBe(member);
    const learned = events.filter(
      (e) => e.kind === 'mac-learned' && e.device === 'S1' && e.port !== 'FastEthernet0/1',
    );
    expect(learned.length).toBeGreaterThan(0);
    for (const e of learned) expect(e.kind === 'mac-learned' && e.port).toBe('Port-channel1');
  });
});

describe('a static MAC entry naming a Port-channel', () => {
  it('sends frames for the address over the bundle, whichever member is up', () => {
    const probe = pair('active', 'active');
    const pc9 = probe.n.sim.interfaces(d('PC9'))[0]!.mac;
    const { n, links } = pair('active', 'active', {
      s1: { staticMacs: [{ vlan: 1, mac: pc9, interfaces: ['Port-channel1'] }] },
    });
    n.run(seconds(5));
    expect(n.sim.macTable(d('S1')).find((e) => e.mac === pc9)).toMatchObject({
      port: 'Port-channel1',
      type: 'STATIC',
    });
    expect(marks(n.ping('PC1', '10.0.0.100', { count: 2 }))).toMatch(/!$/);
    n.sim.setLinkUp(links[0]! as never, false);
    expect(marks(n.ping('PC1', '10.0.0.100', { count: 2 }))).toBe('!!');
  });
});
