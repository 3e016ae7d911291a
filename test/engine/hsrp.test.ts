/**
 * HSRP version 1 between two routers on a LAN: the election (priority, then address), the
 * active router answering for the virtual address and MAC, hellos on the wire, failover after
 * the hold time, an immediate takeover when the active router resigns, and preemption.
 */
import { describe, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { decodeHsrp } from '../../src/engine/wire/hsrp.ts';
import type { DeviceConfig } from '../../src/shared/config.ts';
import type { HsrpGroupConfig } from '../../src/shared/hsrp.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { formatMacDotted } from '../../src/shared/mac.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { haveTshark, tsharkFields, tsharkProblems, withCapture } from '../wire/tshark-run.ts';
import { ip, marks, type RouterSpec, routerConfig, TestNet } from './net.ts';

const d = deviceId;

/** `spec`'s configuration with HSRP `groups` on interface `iface` (full name). */
function withStandby(
  name: string,
  spec: RouterSpec,
  groups: Record<string, HsrpGroupConfig[]>,
): DeviceConfig {
  const c = routerConfig(name, spec);
  const interfaces = { ...c.interfaces };
  for (const [iface, g] of Object.entries(groups)) interfaces[iface] = { ...interfaces[iface]!, standby: g };
  return { ...c, interfaces };
}

const LAN = 'GigabitEthernet0/0';
const SERVERS = 'GigabitEthernet0/1';

/**
 * PC1 on the LAN (S1) with gateway 192.168.1.254, the virtual address of group 1 between R1
 * (.1) and R2 (.2); SRV behind both on 10.0.1.0/24 (S2), gateway 10.0.1.254 (group 2).
 */
function net(r1: Partial<HsrpGroupConfig> = {}, r2: Partial<HsrpGroupConfig> = {}) {
  const n = new TestNet();
  const spec = (h: number): RouterSpec => ({
    interfaces: { 'g0/0': { ip: `192.168.1.${h}/24` }, 'g0/1': { ip: `10.0.1.${h}/24` } },
  });
  n.router('R1').router('R2').switch('S1').switch('S2');
  n.pc('PC1', '192.168.1.10/24', '192.168.1.254').pc('SRV', '10.0.1.10/24', '10.0.1.254');
  const r1Lan = n.link('R1:g0/0', 'S1:g0/1');
  n.link('R2:g0/0', 'S1:g0/2');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('R1:g0/1', 'S2:g0/1');
  n.link('R2:g0/1', 'S2:g0/2');
  n.link('SRV:fa0', 'S2:fa0/1');
  const configure = (name: string, h: number, extra: Partial<HsrpGroupConfig>) =>
    n.sim.configure(
      d(name),
      withStandby(name, spec(h), {
        [LAN]: [{ group: 1, ip: ip('192.168.1.254'), ...extra }],
        [SERVERS]: [{ group: 2, ip: ip('10.0.1.254'), ...extra }],
      }),
    );
  configure('R1', 1, r1);
  configure('R2', 2, r2);
  const state = (name: string) =>
    n.sim
      .hsrpGroups(d(name))
      .map(
        (g) =>
          `${g.iface} ${g.group} ${g.state} active ${typeof g.active === 'number' ? formatIpv4(g.active) : g.active} standby ${typeof g.standby === 'number' ? formatIpv4(g.standby) : g.standby}`,
      );
  return { n, r1Lan, state, configure };
}

describe('HSRP', () => {
  it('elects by priority, then address, and the active router answers for the virtual address', () => {
    const { n, state } = net({ priority: 150 });
    n.run(seconds(40));
    expect(state('R1')).toEqual([
      'GigabitEthernet0/0 1 Active active local standby 192.168.1.2',
      'GigabitEthernet0/1 2 Active active local standby 10.0.1.2',
    ]);
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Standby active 192.168.1.1 standby local');
    expect(marks(n.ping('PC1', '192.168.1.254'))).toBe('!!!!');
    const arp = n.sim.arpTable(d('PC1')).find((e) => formatIpv4(e.ip) === '192.168.1.254');
    expect(formatMacDotted(arp!.mac!)).toBe('0000.0c07.ac01');
    // The active router lists the virtual address among its own, at the virtual MAC.
    const own = (name: string) =>
      n.sim
        .arpTable(d(name))
        .filter((e) => e.own && formatIpv4(e.ip) === '192.168.1.254')
        .map((e) => formatMacDotted(e.mac!));
    expect(own('R1')).toEqual(['0000.0c07.ac01']);
    expect(own('R2')).toEqual([]);
    // The active router resolves the server's address first, losing the first echo.
    expect(marks(n.ping('PC1', '10.0.1.10'))).toBe('.!!!');
    // Both booted together: each listened for a hold time, spoke for another, and R1 won.
    const changes = (name: string) =>
      n.sim
        .hsrpEvents(d(name), 0)
        .events.filter((e) => e.group === 1)
        .map((e) => `${e.at / 1e6} ${e.from}->${e.to}`);
    // Logged are the changes into or out of Standby and Active: 21 s after the start (1 s
    // before listening, 10 s listening, 10 s speaking), and 10 s later for R2.
    expect(changes('R1')).toEqual(['21 Speak->Standby', '21 Standby->Active']);
    expect(changes('R2')).toEqual(['31 Speak->Standby']);
  });

  it('says hello from the virtual MAC when active, from its own when standby, every 3 s', () => {
    const { n, r1Lan } = net({ priority: 150 });
    n.run(seconds(40));
    const hellos: string[] = [];
    n.sim.onWire((t, link, f) => {
      if (link !== r1Lan || f.payload.proto !== 'ipv4') return;
      const p = f.payload;
      if (p.payload.proto !== 'udp' || p.payload.dstPort !== 1985) return;
      const m = decodeHsrp(p.payload.data);
      if (!m.ok) return;
      hellos.push(
        `${Math.round(t / 1e6)} ${formatMacDotted(f.src)}>${formatMacDotted(f.dst)} ${formatIpv4(p.src)}>${formatIpv4(p.dst)} ttl ${p.ttl} state ${m.value.state} pri ${m.value.priority}`,
      );
    });
    n.run(seconds(6));
    expect(hellos.filter((h) => h.includes('pri 150'))).toEqual([
      '42 0000.0c07.ac01>0100.5e00.0002 192.168.1.1>224.0.0.2 ttl 1 state 16 pri 150',
      '45 0000.0c07.ac01>0100.5e00.0002 192.168.1.1>224.0.0.2 ttl 1 state 16 pri 150',
    ]);
    expect(
      hellos
        .filter((h) => h.includes('pri 100'))
        .every((h) => h.includes('192.168.1.2>224.0.0.2') && h.includes('state 8')),
    ).toBe(true);
  });

  it('fails over after the hold time when the active router stops, and preempts when back', () => {
    const { n, state } = net({ priority: 150, preempt: true });
    n.run(seconds(40));
    n.ping('PC1', '10.0.1.10');
    n.sim.powerOff(d('R1'));
    // R2 gives R1 up 10 s after its last hello (7-10 s from now), then takes over and
    // announces the virtual MAC's new port.
    n.run(seconds(6));
    expect(state('R2')[0]).toMatch(/ Standby /);
    n.run(seconds(5));
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Active active local standby unknown');
    // R2 resolves the server's address and PC1's, a first echo lost each way.
    expect(marks(n.ping('PC1', '10.0.1.10'))).toBe('..!!');
    // R1 comes back: with preempt and the higher priority it takes over at R2's first hello.
    n.sim.powerOn(d('R1'));
    n.run(seconds(12));
    expect(state('R1')[0]).toBe('GigabitEthernet0/0 1 Active active local standby unknown');
    n.run(seconds(12));
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Standby active 192.168.1.1 standby local');
    // R1 restarted with an empty ARP cache: a first echo lost each way again.
    expect(marks(n.ping('PC1', '10.0.1.10'))).toBe('..!!');
  });

  it('hands over at once when the active router resigns (its group removed)', () => {
    const { n, state } = net({ priority: 150 });
    n.run(seconds(40));
    const spec = { interfaces: { 'g0/0': { ip: '192.168.1.1/24' }, 'g0/1': { ip: '10.0.1.1/24' } } };
    n.sim.configure(
      d('R1'),
      withStandby('R1', spec, { [SERVERS]: [{ group: 2, ip: ip('10.0.1.254'), priority: 150 }] }),
    );
    n.run(seconds(1));
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Active active local standby unknown');
    expect(state('R1')).toEqual(['GigabitEthernet0/1 2 Active active local standby 10.0.1.2']);
  });

  it("hands over at once when the active router's interface is shut down (it resigns)", () => {
    const { n, state } = net({ priority: 150 });
    n.run(seconds(40));
    const shut = {
      interfaces: { 'g0/0': { ip: '192.168.1.1/24', shutdown: true }, 'g0/1': { ip: '10.0.1.1/24' } },
    };
    n.sim.configure(
      d('R1'),
      withStandby('R1', shut, {
        [LAN]: [{ group: 1, ip: ip('192.168.1.254'), priority: 150 }],
        [SERVERS]: [{ group: 2, ip: ip('10.0.1.254'), priority: 150 }],
      }),
    );
    n.run(seconds(1));
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Active active local standby unknown');
    expect(state('R1')[0]).toBe('GigabitEthernet0/0 1 Init active unknown standby unknown');
    expect(n.sim.interfaces(d('R1')).find((i) => i.name === LAN)?.status).toBe('administratively down');
    const last = n.sim.hsrpEvents(d('R1'), 0).events.at(-1)!;
    expect(`${last.iface} ${last.from}->${last.to}`).toBe('GigabitEthernet0/0 Active->Init');
  });

  it('stays standby without preempt when the router of higher priority comes back', () => {
    const { n, r1Lan, state } = net({ priority: 150 });
    n.run(seconds(40));
    n.sim.setLinkUp(linkId(r1Lan), false);
    n.run(seconds(11));
    n.sim.setLinkUp(linkId(r1Lan), true);
    n.run(seconds(40));
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Active active local standby 192.168.1.1');
    expect(state('R1')[0]).toBe('GigabitEthernet0/0 1 Standby active 192.168.1.2 standby local');
  });
});

describe('HSRP, more cases', () => {
  it('preempts after its delay, counted from the first hello that allowed it', () => {
    const { n, state, configure } = net();
    n.run(seconds(40));
    // R2 (the higher address) won at equal priority; R1 now outranks it, preempting after 5 s.
    expect(state('R2')[0]).toMatch(/ Active /);
    configure('R1', 1, { priority: 150, preempt: true, preemptDelay: 5 });
    n.run(seconds(4));
    expect(state('R1')[0]).toMatch(/ Standby /);
    n.run(seconds(4));
    expect(state('R1')[0]).toMatch(/ Active /);
  });

  it('runs no group without a virtual address, learned or typed', () => {
    const { n, state, configure } = net({ priority: 150 });
    configure('R2', 2, {});
    n.sim.configure(
      d('R2'),
      withStandby(
        'R2',
        { interfaces: { 'g0/0': { ip: '192.168.1.2/24' }, 'g0/1': { ip: '10.0.1.2/24' } } },
        { [LAN]: [{ group: 1, priority: 120 }], [SERVERS]: [{ group: 2, learn: true }] },
      ),
    );
    n.run(seconds(40));
    // Group 1 has only a priority: it stays in Init. Group 2 learns 10.0.1.254 from R1.
    expect(state('R2')).toEqual([
      'GigabitEthernet0/0 1 Init active unknown standby unknown',
      'GigabitEthernet0/1 2 Standby active 10.0.1.1 standby local',
    ]);
    expect(n.sim.hsrpGroups(d('R2'))[1]!.vip).toBe(ip('10.0.1.254'));
  });

  it('takes the standby role from a router of lower priority when it comes later', () => {
    const { n, state } = net({ priority: 150 });
    n.run(seconds(40));
    expect(state('R2')[0]).toMatch(/ Standby /);
    // R3 is cabled later: its switch port forwards 30 s after, and it hears R2 is only 100.
    n.router('R3');
    n.link('R3:g0/0', 'S1:fa0/3');
    n.sim.configure(
      d('R3'),
      withStandby(
        'R3',
        { interfaces: { 'g0/0': { ip: '192.168.1.3/24' } } },
        {
          [LAN]: [{ group: 1, ip: ip('192.168.1.254'), priority: 120 }],
        },
      ),
    );
    n.run(seconds(90));
    expect(state('R3')[0]).toBe('GigabitEthernet0/0 1 Standby active 192.168.1.1 standby local');
    expect(state('R2')[0]).toBe('GigabitEthernet0/0 1 Listen active 192.168.1.1 standby 192.168.1.3');
  });

  it('answers proxy ARP only while active on the interface, from the virtual MAC', () => {
    const { n } = net({ priority: 150 });
    // Both routers reach 192.168.2.0/24 beyond SRV; PC1 (a /16 mask) thinks it is on its link.
    for (const [name, h] of [
      ['R1', 1],
      ['R2', 2],
    ] as const) {
      const spec: RouterSpec = {
        interfaces: { 'g0/0': { ip: `192.168.1.${h}/24` }, 'g0/1': { ip: `10.0.1.${h}/24` } },
        routes: ['192.168.2.0/24 via 10.0.1.10'],
      };
      n.sim.configure(
        d(name),
        withStandby(name, spec, {
          [LAN]: [{ group: 1, ip: ip('192.168.1.254'), ...(h === 1 ? { priority: 150 } : {}) }],
          [SERVERS]: [{ group: 2, ip: ip('10.0.1.254'), ...(h === 1 ? { priority: 150 } : {}) }],
        }),
      );
    }
    n.run(seconds(40));
    n.host('PC1', '192.168.1.10/16', '192.168.1.254');
    const replies: string[] = [];
    n.sim.onWire((_t, _link, f) => {
      if (f.payload.proto === 'arp' && f.payload.op === 2 && formatIpv4(f.payload.senderIp) === '192.168.2.5')
        replies.push(formatMacDotted(f.payload.senderMac));
    });
    n.ping('PC1', '192.168.2.5', { count: 1 });
    // Only R1, active, answers; R2, standby, keeps quiet.
    expect(new Set(replies)).toEqual(new Set(['0000.0c07.ac01']));
  });
});

describe('HSRP version 2', () => {
  /** R1 and R2 as in `net`, group 1 of PC1's LAN at `versions`' versions, R1 at priority 150. */
  function lan(versions: readonly [1 | 2, 1 | 2]) {
    const { n, r1Lan, state } = net();
    for (const [name, h] of [
      ['R1', 1],
      ['R2', 2],
    ] as const) {
      const c = withStandby(
        name,
        { interfaces: { 'g0/0': { ip: `192.168.1.${h}/24` } } },
        {
          [LAN]: [{ group: 1, ip: ip('192.168.1.254'), ...(h === 1 ? { priority: 150 } : {}) }],
        },
      );
      const v = versions[h - 1];
      const ic = c.interfaces[LAN]!;
      n.sim.configure(d(name), {
        ...c,
        interfaces: { ...c.interfaces, [LAN]: v === 2 ? { ...ic, standbyVersion: 2 } : ic },
      });
    }
    return { n, r1Lan, state };
  }

  it("elects as version 1 does, from 0000.0c9f.f001 to 224.0.0.102, naming the active router's MAC", () => {
    const { n, r1Lan, state } = lan([2, 2]);
    const seen = new Set<string>();
    n.sim.onWire((_t, link, f) => {
      if (link === r1Lan && f.payload.proto === 'ipv4' && f.payload.payload.proto === 'udp')
        seen.add(`${formatMacDotted(f.src)}>${formatIpv4(f.payload.dst)}`);
    });
    n.run(seconds(40));
    expect(state('R1')[0]).toBe('GigabitEthernet0/0 1 Active active local standby 192.168.1.2');
    expect(seen).toContain('0000.0c9f.f001>224.0.0.102');
    expect(marks(n.ping('PC1', '192.168.1.254'))).toBe('!!!!');
    const arp = n.sim.arpTable(d('PC1')).find((e) => formatIpv4(e.ip) === '192.168.1.254');
    expect(formatMacDotted(arp!.mac!)).toBe('0000.0c9f.f001');
    const r2 = n.sim.hsrpGroups(d('R2'))[0]!;
    expect(r2.activeMac).toBe(n.sim.interfaces(d('R1')).find((i) => i.name === LAN)!.mac);
  });

  it('does not hear version 1: two routers of different versions are both active', () => {
    const { n, state } = lan([1, 2]);
    n.run(seconds(40));
    expect(state('R1')[0]).toMatch(/ Active /);
    expect(state('R2')[0]).toMatch(/ Active /);
  });
});

describe('HSRP on the wire', () => {
  it('announces the virtual MAC with three gratuitous ARP replies, 2 s apart, on becoming active', () => {
    const { n, r1Lan } = net({ priority: 150 });
    const seen: string[] = [];
    n.sim.onWire((t, link, f) => {
      if (link !== r1Lan || f.payload.proto !== 'arp' || f.payload.senderIp !== f.payload.targetIp) return;
      seen.push(
        `${Math.round(t / 1e6)} ${formatMacDotted(f.src)}>${formatMacDotted(f.dst)} ${formatIpv4(f.payload.senderIp)} is-at ${formatMacDotted(f.payload.senderMac)} op ${f.payload.op}`,
      );
    });
    n.run(seconds(40));
    expect(seen.filter((l) => l.includes('192.168.1.254'))).toEqual(
      [21, 23, 25].map((t) => `${t} 0000.0c07.ac01>ffff.ffff.ffff 192.168.1.254 is-at 0000.0c07.ac01 op 2`),
    );
  });

  it.runIf(haveTshark)('reads cleanly in tshark, with the groups, states and virtual addresses', () => {
    const { n, r1Lan } = net({ priority: 150, preempt: true });
    const frames: (readonly [Micros, Uint8Array])[] = [];
    n.sim.onWire((at, link, f) => {
      if (link === r1Lan) frames.push([at, encodeFrame(f)]);
    });
    n.run(seconds(40));
    withCapture(pcapFile(frames), (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const fields = ['ip.src', 'hsrp.opcode', 'hsrp.state', 'hsrp.priority', 'hsrp.group', 'hsrp.virt_ip'];
      const rows = new Set(tsharkFields(file, 'hsrp', fields).map((r) => r.join(';')));
      // Hellos while speaking (4), standing by (8) and active (16), from both routers.
      expect(rows).toContain('192.168.1.1;0;16;150;1;192.168.1.254');
      expect(rows).toContain('192.168.1.2;0;8;100;1;192.168.1.254');
      expect(rows).toContain('192.168.1.1;0;4;150;1;192.168.1.254');
    });
  });
});
