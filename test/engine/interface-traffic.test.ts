/**
 * What `show interfaces` reads of an interface's traffic besides its counters: when it last
 * took in and sent a frame, and `clear counters` (counters from zero, "Last clearing").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterfaceStatus } from '../../src/engine/api.ts';
import type { TraceEvent } from '../../src/engine/trace.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { isGroupMac, MAC_BROADCAST, type MacAddr } from '../../src/shared/mac.ts';
import { seconds } from '../../src/shared/time.ts';
import { fullName, ip, marks, TestNet, trunkLan } from './net.ts';

const d = deviceId;

const lan = (): TestNet => trunkLan().settle();

/** Counters of `frames` frames and `bytes` bytes in, and as many out. */
const eachWay = (frames: number, bytes: number) => ({
  rxFrames: frames,
  txFrames: frames,
  rxBytes: bytes,
  txBytes: bytes,
});

const view = (n: TestNet, device: string, name: string): InterfaceStatus => {
  const v = n.sim.interfaces(d(device)).find((i) => i.name === fullName(name));
  if (v === undefined) throw new Error(`no ${device} ${name}`);
  return v;
};

/** When the trace last saw a frame `kind` ('rx' or 'tx') on each port, by "device port". */
function lastSeen(n: TestNet, kind: 'rx' | 'tx'): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of n.sim.trace.events)
    if (e.kind === kind && e.t >= n.sim.bootTime(e.device)) out.set(`${e.device} ${e.port}`, e.t);
  return out;
}

/** Every port's last input and output are the last rx and tx the trace recorded there since its boot. */
function expectMatchesTrace(n: TestNet): void {
  const rx = lastSeen(n, 'rx');
  const tx = lastSeen(n, 'tx');
  for (const device of ['PC1', 'PC2', 'S1', 'R1']) {
    for (const v of n.sim.interfaces(d(device))) {
      if (!v.cabled || v.name.includes('.') || v.name.startsWith('Vlan')) continue;
      expect([device, v.name, v.lastInput]).toEqual([device, v.name, rx.get(`${device} ${v.name}`)]);
      expect([device, v.name, v.lastOutput]).toEqual([device, v.name, tx.get(`${device} ${v.name}`)]);
    }
  }
}

describe('last input and output', () => {
  it('are never before any traffic', () => {
    const n = new TestNet();
    // Without an address the PC has nothing to announce.
    n.switch('S1').pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.run(seconds(5));
    expect(view(n, 'S1', 'fa0/1')).toMatchObject({ lastInput: undefined, lastOutput: undefined });
    expect(view(n, 'PC1', 'fa0')).toMatchObject({ lastInput: undefined, lastOutput: undefined });
  });

  it('are when each port last took in and sent a frame, as the trace saw them', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    expectMatchesTrace(n);
    n.run(seconds(30));
    n.ping('PC1', '10.0.0.254');
    expectMatchesTrace(n);
    // The switch's own interface took in PC1's echoes and sent the replies.
    const svi = view(n, 'S1', 'vlan10');
    const pc = view(n, 'PC1', 'fa0');
    expect(svi.lastInput).toBeLessThan(pc.lastInput!);
    expect(svi.lastOutput).toBeGreaterThan(pc.lastOutput!);
    expect(svi.lastOutput).toBeLessThan(pc.lastInput!);
  });

  it('keep what the line got before it went down, and never take a new cable end’s old frames', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    const before = view(n, 'S1', 'fa0/1');
    n.sim.setLinkUp(linkId('L1'), false);
    n.run(seconds(10));
    expect(view(n, 'S1', 'fa0/1')).toMatchObject({
      lastInput: before.lastInput,
      lastOutput: before.lastOutput,
    });
    // PC2 last sent long ago, to R1: cabled to S1 now, nothing of that reached S1. (Without
    // its address, it does not probe for one on the new cable.)
    n.host('PC2');
    n.sim.disconnect(linkId('L3'));
    n.sim.disconnect(linkId('L1'));
    n.sim.connect(
      linkId('L9'),
      { device: d('PC2'), port: 'FastEthernet0' },
      { device: d('S1'), port: 'FastEthernet0/1' },
    );
    n.run(seconds(10));
    expect(view(n, 'S1', 'fa0/1').lastInput).toBe(before.lastInput);
    n.host('PC2', '10.0.0.20/24');
    n.ping('PC2', '10.0.0.254');
    expect(view(n, 'S1', 'fa0/1').lastInput).toBeGreaterThan(before.lastInput!);
    expectMatchesTrace(n);
  });

  it('count from the last boot', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    n.run(seconds(5));
    const at = n.sim.now();
    n.sim.reload(d('R1'));
    // Nothing before the boot; since, only the gratuitous ARP of its interfaces coming up.
    expect(view(n, 'R1', 'g0/1')).toMatchObject({ lastInput: undefined, lastOutput: at });
    expect(view(n, 'PC2', 'fa0').lastInput).toBeDefined();
  });
});

describe('clear counters', () => {
  it('counts every interface from zero again, from now', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    n.run(seconds(5));
    const at = n.sim.now();
    expect(n.sim.clearCounters(d('R1'))).toBe(true);
    for (const v of n.sim.interfaces(d('R1'))) {
      expect(v.countersCleared).toBe(at);
      expect(v.counters).toEqual({
        rxFrames: 0,
        txFrames: 0,
        rxBytes: 0,
        txBytes: 0,
        rxBroadcasts: 0,
        rxMulticasts: 0,
        txBroadcasts: 0,
        txMulticasts: 0,
        drops: 0,
      });
    }
    // What came before is still when it came.
    expect(view(n, 'R1', 'g0/1').lastInput).toBeLessThan(at);
    n.ping('PC1', '10.1.0.10', { count: 2 });
    // Two echoes and two replies: 78-byte frames on the trunk (their 802.1Q tag included),
    // 74-byte ones to PC2.
    expect(view(n, 'R1', 'g0/0.10').counters).toMatchObject(eachWay(2, 156));
    expect(view(n, 'R1', 'g0/1').counters).toMatchObject(eachWay(2, 148));
  });

  it('clears one interface alone, and again from its last clearing', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    const total = view(n, 'S1', 'g0/1').counters;
    expect(n.sim.clearCounters(d('S1'), 'FastEthernet0/1')).toBe(true);
    expect(view(n, 'S1', 'fa0/1').counters.rxFrames).toBe(0);
    expect(view(n, 'S1', 'g0/1')).toMatchObject({ counters: total, countersCleared: undefined });
    n.ping('PC1', '10.1.0.10', { count: 1 });
    expect(view(n, 'S1', 'fa0/1').counters).toMatchObject({ rxFrames: 1, txFrames: 1 });
    n.run(seconds(3));
    expect(n.sim.clearCounters(d('S1'), 'FastEthernet0/1')).toBe(true);
    n.ping('PC1', '10.1.0.10', { count: 1 });
    expect(view(n, 'S1', 'fa0/1').counters).toMatchObject(eachWay(1, 74));
  });

  it('changes nothing for an interface the device does not have', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    const before = n.sim.interfaces(d('S1'));
    expect(n.sim.clearCounters(d('S1'), 'FastEthernet0/99')).toBe(false);
    expect(n.sim.interfaces(d('S1'))).toEqual(before);
  });

  it('starts a subinterface made again from zero', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    n.sim.clearCounters(d('R1'));
    n.ping('PC1', '10.1.0.10');
    n.reconfigure('R1', { interfaces: { 'g0/0': {}, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.reconfigure('R1', {
      interfaces: { 'g0/0': {}, 'g0/0.10': { dot1q: 10, ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } },
    });
    // From zero, then the two gratuitous ARP replies it sends as it comes up.
    expect(view(n, 'R1', 'g0/0.10')).toMatchObject({
      countersCleared: undefined,
      counters: { rxFrames: 0, txFrames: 2 },
    });
  });

  it('a reload clears them too, as from the boot', () => {
    const n = lan();
    n.ping('PC1', '10.1.0.10');
    n.sim.clearCounters(d('S1'));
    n.ping('PC1', '10.1.0.10');
    n.sim.reload(d('S1'));
    for (const v of n.sim.interfaces(d('S1'))) {
      expect(v.countersCleared).toBeUndefined();
      expect(v.counters.rxFrames).toBe(0);
    }
  });

  it('counters never go below zero, and stay what they were once cleared, whatever happens', () => {
    const ops = fc.array(
      fc.oneof(
        fc.constant('ping' as const),
        fc.constant('flap' as const),
        fc.constant('clear' as const),
        fc.constant('clear-one' as const),
        fc.constant('reload' as const),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(ops, (script) => {
        const n = lan();
        const totals = () => n.sim.interfaces(d('S1'));
        for (const op of script) {
          if (op === 'ping') n.ping('PC1', '10.1.0.10', { count: 1 });
          else if (op === 'flap') {
            n.sim.setLinkUp(linkId('L2'), false);
            n.sim.setLinkUp(linkId('L2'), true);
          } else if (op === 'clear') n.sim.clearCounters(d('S1'));
          else if (op === 'clear-one') n.sim.clearCounters(d('S1'), 'GigabitEthernet0/1');
          else n.sim.reload(d('S1'));
          for (const v of totals())
            for (const c of Object.values(v.counters)) expect(c).toBeGreaterThanOrEqual(0);
          n.run(seconds(1));
        }
        expectMatchesTrace(n);
      }),
      { numRuns: 25 },
    );
  });
});

describe('frames by destination', () => {
  type Kind = 'Broadcasts' | 'Multicasts';
  const kindOf = (dst: number): Kind | undefined =>
    dst === MAC_BROADCAST ? 'Broadcasts' : isGroupMac(dst as MacAddr) ? 'Multicasts' : undefined;

  /** What the trace saw each port take in and send, by destination, as "device port rxKind" keys. */
  function seen(n: TestNet): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of n.sim.trace.events) {
      if (e.kind !== 'rx' && e.kind !== 'tx') continue;
      const kind = kindOf(e.frame.dst);
      if (kind === undefined) continue;
      const key = `${e.device} ${e.port} ${e.kind}${kind}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  }

  /** The LAN with a default route on R1, out of g0/1. */
  function withDefaultRoute(): TestNet {
    const n = lan();
    n.reconfigure('R1', {
      interfaces: {
        'g0/0': {},
        'g0/0.10': { dot1q: 10, ip: '10.0.0.1/24' },
        'g0/1': { ip: '10.1.0.1/24' },
      },
      routes: ['0.0.0.0/0 via 10.1.0.10'],
    });
    return n;
  }

  it('counts broadcasts and multicasts each way, as the trace saw them, and a router routes no group', () => {
    // A default route would take any destination out of g0/1, were a group routed by it.
    const n = withDefaultRoute();
    n.ping('PC1', '10.0.0.255', { count: 1 });
    n.ping('PC1', '255.255.255.255', { count: 1 });
    const group = n.ping('PC1', '224.0.0.1', { count: 2 });
    n.ping('PC1', '10.1.0.10', { count: 1 });
    // Nothing answers an echo to a group; Windows sends it to 01-00-5E-00-00-01.
    expect(marks(group)).toBe('..');
    const trace = seen(n);
    for (const device of ['PC1', 'PC2', 'S1', 'R1']) {
      for (const v of n.sim.interfaces(d(device))) {
        if (!v.cabled || v.name.includes('.') || v.name.startsWith('Vlan')) continue;
        for (const key of ['rxBroadcasts', 'rxMulticasts', 'txBroadcasts', 'txMulticasts'] as const) {
          expect([device, v.name, key, v.counters[key]]).toEqual([
            device,
            v.name,
            key,
            trace.get(`${device} ${v.name} ${key}`) ?? 0,
          ]);
        }
      }
    }
    expect(view(n, 'PC1', 'fa0').counters.txMulticasts).toBe(2);
    // S1 floods them to the router, which keeps them on their link.
    expect(view(n, 'R1', 'g0/0').counters.rxMulticasts).toBe(2);
    const toGroup = (e: TraceEvent) =>
      e.kind === 'tx' && e.device === d('R1') && (e.frame.payload as Ipv4Packet).dst === ip('224.0.0.1');
    expect(n.sim.trace.events.filter(toGroup)).toEqual([]);
  });

  it('an IOS device sends to a group out of every addressed interface, whatever its routes', () => {
    // R1's default route leads out of g0/1 alone; the group goes out of both interfaces.
    const n = withDefaultRoute();
    const since = n.sim.trace.events.length;
    // No device here has joined 224.0.0.1 (no routing protocol, PIM or IGMP): nobody answers.
    expect(marks(n.ping('R1', '224.0.0.1', { count: 1 }))).toBe('.');
    type Tx = Extract<TraceEvent, { kind: 'tx' }>;
    const sent = n.sim.trace.events
      .slice(since)
      .filter((e): e is Tx => e.kind === 'tx' && e.device === d('R1'))
      .map((e) => {
        const pkt = e.frame.payload as Ipv4Packet;
        return [e.port, e.frame.dst, pkt.src, pkt.dst];
      })
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sent).toEqual([
      [fullName('g0/0'), 0x01005e000001, ip('10.0.0.1'), ip('224.0.0.1')],
      [fullName('g0/1'), 0x01005e000001, ip('10.1.0.1'), ip('224.0.0.1')],
    ]);
    // S1 floods it in VLAN 10, to PC1.
    expect(view(n, 'S1', 'fa0/1').counters.txMulticasts).toBe(1);
  });
});
