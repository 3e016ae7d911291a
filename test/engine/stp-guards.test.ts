/**
 * Cisco's spanning tree guards and BPDU filtering on PVST+: root guard keeping the root where
 * it is, loop guard keeping an alternate port blocked when its BPDUs stop, and BPDU filtering
 * per port and by default on PortFast ports.
 */
import { describe, expect, it } from 'vitest';
import type { SpanningTreeEvent, StpPortStatus } from '../../src/engine/api.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { PortStpConfig, SpanningTreeConfig } from '../../src/shared/spanning-tree.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, type SwitchSpec, switchTriangle, TestNet } from './net.ts';

const d = deviceId;
const G1 = 'GigabitEthernet0/1';
const G2 = 'GigabitEthernet0/2';

const S1_ROOT: SpanningTreeConfig = { vlans: [{ vlan: 1, priority: 4096 }] };
const S2_STP: SpanningTreeConfig = { vlans: [{ vlan: 1, priority: 28672 }] };

interface Specs {
  readonly s1?: SwitchSpec;
  readonly s2?: SwitchSpec;
  readonly s3?: SwitchSpec;
}

/**
 * S1 (the root), S2 and S3 in a triangle on their gigabit ports: S1 g0/1 to S2 g0/1, S1 g0/2 to
 * S3 g0/1, S2 g0/2 to S3 g0/2, which S3 blocks (alternate). PC2 on S2, PC3 on S3.
 */
function triangle(specs: Specs = {}): TestNet {
  return switchTriangle(
    7,
    specs.s1 ?? { stp: S1_ROOT },
    specs.s2 ?? { stp: S2_STP },
    specs.s3 ?? { stp: {} },
  );
}

const at = (n: TestNet, s: number): void => {
  n.sim.runUntil(seconds(s) as Micros);
};

function port(n: TestNet, sw: string, name: string): StpPortStatus {
  const p = n.sim
    .spanningTree(d(sw))
    .find((i) => i.vlan === 1)
    ?.ports.find((x) => x.port === name);
  if (p === undefined) throw new Error(`${name} is in no instance of VLAN 1 on ${sw}`);
  return p;
}

/** Role, state and inconsistency, as `show spanning-tree` has them. */
function row(n: TestNet, sw: string, name: string): string {
  const p = port(n, sw, name);
  return `${p.role} ${p.state}${p.inconsistent === undefined ? '' : ` ${p.inconsistent}`}`;
}

const rootOf = (n: TestNet, sw: string): number => n.sim.spanningTree(d(sw))[0]!.rootPriority;

const events = (n: TestNet, sw: string): string[] =>
  n.sim
    .spanningTreeEvents(d(sw), 0)
    .events.map((e: SpanningTreeEvent) => `${e.kind} ${e.port}${e.vlan > 0 ? ` ${e.vlan}` : ''}`);

const pingOk = (n: TestNet, from: string, to: string): boolean =>
  marks(n.ping(from, to, { count: 2 })).endsWith('!');

const withPort = (spec: SwitchSpec, name: string, stp: PortStpConfig): SwitchSpec => ({
  ...spec,
  ports: { ...spec.ports, [name]: { ...spec.ports?.[name], stp } },
});

describe('root guard', () => {
  const guardedS1: SwitchSpec = withPort(withPort({ stp: S1_ROOT }, 'g0/1', { guard: 'root' }), 'g0/2', {
    guard: 'root',
  });

  it('keeps the root where it is when a bridge beyond its ports claims to be better', () => {
    const n = triangle({ s1: guardedS1 });
    at(n, 10);
    // S3 is given the best priority: its BPDUs reach S1 directly and through S2.
    n.reconfigure('S3', { stp: { vlans: [{ vlan: 1, priority: 0 }] } });
    at(n, 12);
    expect(row(n, 'S1', G2)).toBe('designated broken root');
    expect(row(n, 'S1', G1)).toBe('designated broken root');
    // S1 stays the root of VLAN 1; S2 and S3 follow S3, cut off from S1.
    expect(rootOf(n, 'S1')).toBe(4097);
    expect(rootOf(n, 'S2')).toBe(1);
    expect(events(n, 'S1')).toEqual([`rootguard-block ${G2} 1`, `rootguard-block ${G1} 1`]);
    // The held ports forward nothing: PC2 and PC3 still reach each other through S2 and S3.
    at(n, 60);
    expect(row(n, 'S1', G1)).toBe('designated broken root');
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
  });

  it('lets its ports go once the superior BPDUs stop, through listening and learning', () => {
    const n = triangle({ s1: guardedS1 });
    at(n, 10);
    n.reconfigure('S3', { stp: { vlans: [{ vlan: 1, priority: 0 }] } });
    at(n, 20);
    n.reconfigure('S3', { stp: {} });
    // S3 follows S1 at S1's next hello (its held port keeps sending BPDUs), and its root port
    // sends none back: S1's port goes when the last superior BPDU reaches its max age (20 s).
    at(n, 22.5);
    expect(row(n, 'S3', G1)).toBe('root forwarding');
    expect(row(n, 'S1', G2)).toBe('designated broken root');
    at(n, 40.5);
    expect(row(n, 'S1', G2)).toBe('designated listening');
    expect(events(n, 'S1')).toContain(`rootguard-unblock ${G2} 1`);
    // S2 keeps S3's old information until its max age, then hears S1 again.
    at(n, 120);
    expect(row(n, 'S1', G1)).toBe('designated forwarding');
    expect(row(n, 'S1', G2)).toBe('designated forwarding');
    expect(rootOf(n, 'S2')).toBe(4097);
    expect(rootOf(n, 'S3')).toBe(4097);
    expect(
      events(n, 'S1')
        .filter((e) => e.startsWith('rootguard-unblock'))
        .sort(),
    ).toEqual([`rootguard-unblock ${G1} 1`, `rootguard-unblock ${G2} 1`]);
  });

  it('takes a root port out of the selection as it is configured, and gives it back when removed', () => {
    const n = triangle();
    at(n, 10);
    n.reconfigure('S3', withPort({ stp: {} }, 'g0/1', { guard: 'root' }));
    at(n, 10.1);
    expect(row(n, 'S3', G1)).toBe('designated broken root');
    expect(n.sim.spanningTree(d('S3'))[0]!.rootPort).toBe(G2);
    expect(events(n, 'S3')).toEqual([`rootguard-on ${G1}`, `rootguard-block ${G1} 1`]);
    n.reconfigure('S3', { stp: {} });
    at(n, 10.2);
    expect(events(n, 'S3').slice(2)).toEqual([`rootguard-off ${G1}`, `rootguard-unblock ${G1} 1`]);
    expect(row(n, 'S3', G1)).toBe('designated listening');
    // S1's next hello makes it the root port again, listening on.
    at(n, 12.5);
    expect(row(n, 'S3', G1)).toBe('root listening');
  });

  it('says nothing of its configuration as a switch boots with another one', () => {
    const n = triangle({ s3: withPort({ stp: {} }, 'g0/1', { guard: 'root' }) });
    at(n, 10);
    n.sim.powerOff(d('S3'));
    n.reconfigure('S3', { stp: {} });
    n.sim.powerOn(d('S3'));
    at(n, 12);
    expect(events(n, 'S3').filter((e) => e.startsWith('rootguard-o'))).toEqual([]);
  });

  it('holds nothing at time 0 but what a running network would show, without messages', () => {
    const n = triangle({ s1: guardedS1, s3: { stp: { vlans: [{ vlan: 1, priority: 0 }] } } });
    expect(row(n, 'S1', G2)).toBe('designated broken root');
    expect(events(n, 'S1')).toEqual([]);
  });
});

describe('loop guard', () => {
  it('keeps an alternate port blocking when its BPDUs stop, and lets it go when they come again', () => {
    const n = triangle({ s3: withPort({ stp: {} }, 'g0/2', { guard: 'loop' }) });
    at(n, 10);
    expect(row(n, 'S3', G2)).toBe('alternate blocking');
    // S2 stops sending BPDUs on the link, as a link failing one way would.
    n.reconfigure('S2', withPort({ stp: S2_STP }, 'g0/2', { bpdufilter: 'enable' }));
    at(n, 40);
    expect(row(n, 'S3', G2)).toBe('designated broken loop');
    expect(events(n, 'S3')).toEqual([`loopguard-block ${G2} 1`]);
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    n.reconfigure('S2', { stp: S2_STP });
    at(n, 43);
    expect(row(n, 'S3', G2)).toBe('alternate blocking');
    expect(events(n, 'S3')).toEqual([`loopguard-block ${G2} 1`, `loopguard-unblock ${G2} 1`]);
  });

  it('without it, the same port becomes designated and forwards into a loop', () => {
    const n = triangle();
    at(n, 10);
    n.reconfigure('S2', withPort({ stp: S2_STP }, 'g0/2', { bpdufilter: 'enable' }));
    at(n, 40);
    expect(row(n, 'S3', G2)).toBe('designated listening');
    at(n, 65);
    expect(row(n, 'S3', G2)).toBe('designated forwarding');
    expect(row(n, 'S2', G2)).toBe('designated forwarding');
  });

  it('runs by default on ports with no guard of their own, not on edge ports nor with guard none', () => {
    const n = triangle({ s3: { stp: { loopguardDefault: true } } });
    at(n, 10);
    n.reconfigure('S2', withPort({ stp: S2_STP }, 'g0/2', { bpdufilter: 'enable' }));
    at(n, 40);
    expect(row(n, 'S3', G2)).toBe('designated broken loop');

    const m = triangle({ s3: withPort({ stp: { loopguardDefault: true } }, 'g0/2', { guard: 'none' }) });
    at(m, 10);
    m.reconfigure('S2', withPort({ stp: S2_STP }, 'g0/2', { bpdufilter: 'enable' }));
    at(m, 40);
    expect(row(m, 'S3', G2)).toBe('designated listening');
  });

  it('turned off, lets its port go to listening', () => {
    const n = triangle({ s3: withPort({ stp: {} }, 'g0/2', { guard: 'loop' }) });
    at(n, 10);
    n.reconfigure('S2', withPort({ stp: S2_STP }, 'g0/2', { bpdufilter: 'enable' }));
    at(n, 40);
    n.reconfigure('S3', { stp: {} });
    at(n, 40.1);
    expect(row(n, 'S3', G2)).toBe('designated listening');
    expect(events(n, 'S3').at(-1)).toBe(`loopguard-unblock ${G2} 1`);
  });
});

describe('BPDU filtering', () => {
  it('on a port: it sends none and drops those that arrive, so spanning tree sees no loop there', () => {
    const n = triangle({ s3: withPort({ stp: {} }, 'g0/2', { bpdufilter: 'enable' }) });
    at(n, 30);
    const p = port(n, 'S3', G2);
    expect(p.bpdusSent).toBe(0);
    expect(p.bpdusReceived).toBe(0);
    // Neither end hears the other: both forward, and the triangle loops.
    expect(row(n, 'S3', G2)).toBe('designated forwarding');
    expect(row(n, 'S2', G2)).toBe('designated forwarding');
  });

  it('on a port: wins over BPDU guard, which never sees a BPDU', () => {
    const n = triangle({ s3: withPort({ stp: {} }, 'g0/2', { bpdufilter: 'enable', bpduguard: 'enable' }) });
    at(n, 10);
    const g2 = n.sim.interfaces(d('S3')).find((i) => i.name === G2)!;
    expect(g2.errDisabled).toBeUndefined();
  });

  it('by default: a PortFast port sends 11 BPDUs as its link comes up, then none', () => {
    const spec = withPort({ stp: { bpdufilterDefault: true } }, 'fa0/1', { portfast: 'on' });
    const n = triangle({ s3: withPort(spec, 'fa0/2', { portfast: 'on' }) });
    n.pc('PC4', '10.0.0.4/24');
    at(n, 5);
    n.link('PC4:fa0', 'S3:fa0/2');
    const opened = port(n, 'S3', 'FastEthernet0/1').bpdusSent;
    at(n, 80);
    const p = port(n, 'S3', 'FastEthernet0/2');
    expect(p.edge).toBe(true);
    expect(p.bpdusSent).toBe(11);
    // A port up as the network was opened sent its few long ago (as it settled): none since.
    expect(port(n, 'S3', 'FastEthernet0/1').bpdusSent).toBe(opened);
  });

  it('by default: two PortFast ports facing each other at time 0 heard each other, and block a loop', () => {
    const spec = (priority: number): SwitchSpec => ({
      stp: { portfastDefault: true, bpdufilterDefault: true, vlans: [{ vlan: 1, priority }] },
    });
    const n = new TestNet({ seed: 7 });
    n.switch('S1', spec(4096)).switch('S2', spec(32768));
    n.link('S1:fa0/1', 'S2:fa0/1');
    n.link('S1:fa0/2', 'S2:fa0/2');
    at(n, 10);
    expect(row(n, 'S2', 'FastEthernet0/1')).toBe('root forwarding');
    expect(row(n, 'S2', 'FastEthernet0/2')).toBe('alternate blocking');
    expect(port(n, 'S2', 'FastEthernet0/2').edge).toBe(false);
  });

  it('by default: a BPDU takes a PortFast port back into spanning tree until its link goes down', () => {
    const spec = withPort({ stp: { bpdufilterDefault: true } }, 'g0/2', { portfast: 'on' });
    const n = triangle({ s3: spec });
    // S2's first BPDU made the port an ordinary one, which blocks as the alternate.
    expect(port(n, 'S3', G2).edge).toBe(false);
    expect(row(n, 'S3', G2)).toBe('alternate blocking');
    at(n, 10);
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
  });
});
