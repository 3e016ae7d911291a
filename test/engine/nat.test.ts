/**
 * Network address translation on a router (inside source translation): port translation on
 * an interface's address and on a pool, dynamic translation from a pool until it runs out,
 * static translation of an address and of a TCP port, translations expiring, ICMP errors
 * translated back so traceroute works, and the router answering ARP for its global addresses.
 * The ISP router has no route to the inside networks: only translated traffic comes back.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-text.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { IcmpError } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { haveTshark, tshark, tsharkFields, tsharkProblems, withCapture } from '../wire/tshark-run.ts';
import { arpOn, hops, ip, marks, TestNet } from './net.ts';

const d = deviceId;

const R1 = {
  interfaces: {
    'g0/0': { ip: '209.165.200.225/27' },
    'g0/1': { ip: '192.168.1.1/24' },
    'g0/2': { ip: '192.168.2.1/24' },
  },
  routes: ['0.0.0.0/0 via 209.165.200.226'],
};

/** Port translation of the inside networks on the outside interface's address. */
const PAT = [
  'access-list 1 permit 192.168.0.0 0.0.255.255',
  'ip nat inside source list 1 interface GigabitEthernet0/0 overload',
].join('\n');

/**
 * PC1 and PC3 (192.168.1.0/24, behind S1) and SRV (192.168.2.10) inside R1; the ISP router
 * and WEB (198.51.100.10) outside. `nat`: R1's NAT commands (IOS text).
 */
function net(nat: string) {
  const n = new TestNet();
  n.router('R1', R1);
  n.router('ISP', {
    interfaces: { 'g0/0': { ip: '209.165.200.226/27' }, 'g0/1': { ip: '198.51.100.1/24' } },
  });
  n.switch('S1');
  n.pc('PC1', '192.168.1.10/24', '192.168.1.1')
    .pc('PC3', '192.168.1.11/24', '192.168.1.1')
    .pc('SRV', '192.168.2.10/24', '192.168.2.1')
    .pc('WEB', '198.51.100.10/24', '198.51.100.1');
  const outside = n.link('R1:g0/0', 'ISP:g0/0');
  n.link('R1:g0/1', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC3:fa0', 'S1:fa0/2');
  n.link('SRV:fa0', 'R1:g0/2');
  n.link('WEB:fa0', 'ISP:g0/1');
  const apply = (text: string) => {
    const sides = [
      'interface GigabitEthernet0/0',
      ' ip nat outside',
      'interface GigabitEthernet0/1',
      ' ip nat inside',
      'interface GigabitEthernet0/2',
      ' ip nat inside',
    ].join('\n');
    const { config, problems } = parseConfigText('router', `${sides}\n${text}`, n.config('R1', R1));
    expect(problems).toEqual([]);
    n.sim.configure(d('R1'), config);
  };
  apply(nat);
  n.settle();
  /** Datagrams on the cable between R1 and the ISP. */
  const wire: Ipv4Packet[] = [];
  n.sim.onWire((_t, link, f) => {
    if (link === outside && f.payload.proto === 'ipv4') wire.push(f.payload);
  });
  const translations = () =>
    n.sim.natTranslations(d('R1')).map((t) => {
      const end = (a: number | undefined, p: number) =>
        a === undefined ? '---' : `${dotted(a)}${p < 0 ? '' : `:${p}`}`;
      return `${t.protocol} ${end(t.insideGlobal, t.insideGlobalPort)} ${end(t.insideLocal, t.insideLocalPort)} ${end(t.outside, t.outsideGlobalPort)}`;
    });
  return { n, wire, outside, apply, translations };
}

/** What crosses the outside cable while PC1 and PC3 ping through PAT and WEB opens a forwarded port. */
function outsideCapture(): Uint8Array {
  const { n, outside } = net(
    `${PAT}\nip nat inside source static tcp 192.168.2.10 23 interface GigabitEthernet0/0 2323`,
  );
  const frames: (readonly [Micros, Uint8Array])[] = [];
  n.sim.onWire((at, link, f) => {
    if (link === outside) frames.push([at, encodeFrame(f)]);
  });
  n.ping('PC1', '198.51.100.10');
  n.ping('PC3', '198.51.100.10');
  n.ping('PC3', '198.51.100.10', { size: 3000, count: 1 });
  n.traceroute('PC1', '198.51.100.10');
  n.sim.tcpListen(d('SRV'), 23, true);
  n.sim.tcpConnect(d('WEB'), ip('209.165.200.225'), 2323);
  n.run(seconds(10));
  return pcapFile(frames);
}

const dotted = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
const INSIDE = /^192\.168\./;

describe('network address translation', () => {
  it('overloads the outside interface: flows keep their port unless another took it', () => {
    const { n, wire, translations } = net(PAT);
    n.ping('PC1', '198.51.100.10');
    expect(marks(n.ping('PC1', '198.51.100.10'))).toBe('!!!!');
    // Windows pings with identifier 1: PC3's flow to the same server takes the first free
    // identifier of its group (0-511), 0.
    expect(marks(n.ping('PC3', '198.51.100.10'))).toBe('!!!!');
    expect(translations()).toEqual([
      '1 209.165.200.225:1 192.168.1.10:1 198.51.100.10:1',
      '1 209.165.200.225:0 192.168.1.11:1 198.51.100.10:0',
    ]);
    expect(wire.length).toBeGreaterThan(0);
    expect(wire.filter((p) => INSIDE.test(dotted(p.src)) || INSIDE.test(dotted(p.dst)))).toEqual([]);
    const echoes = wire.filter((p) => p.payload.proto === 'icmp' && p.payload.type === 8);
    expect(new Set(echoes.map((p) => dotted(p.src)))).toEqual(new Set(['209.165.200.225']));
    const stats = n.sim.natStatistics(d('R1'))!;
    // A 1941 counts a new translation's first datagram as a hit too: misses stay at 0.
    expect(stats).toMatchObject({ active: 2, statics: 0, dynamics: 2, extended: 2, misses: 0 });
    expect(stats.mappings).toEqual([
      { id: 1, acl: '1', interface: 'GigabitEthernet0/0', overload: true, refcount: 2 },
    ]);
  });

  it('leaves what the list does not select untranslated', () => {
    const { n, wire, translations } = net(
      [
        'access-list 1 permit 192.168.1.0 0.0.0.255',
        'ip nat inside source list 1 interface GigabitEthernet0/0 overload',
      ].join('\n'),
    );
    // SRV is not selected: it leaves with its own address, which the ISP cannot route back.
    n.ping('SRV', '198.51.100.10');
    expect(marks(n.ping('SRV', '198.51.100.10'))).toBe('....');
    expect(translations()).toEqual([]);
    expect(wire.some((p) => dotted(p.src) === '192.168.2.10')).toBe(true);
  });

  it('translates an address statically, both ways, and answers ARP for its global address', () => {
    const { n, outside, translations } = net('ip nat inside source static 192.168.2.10 209.165.200.230');
    const arp = arpOn(n, outside);
    n.ping('WEB', '209.165.200.230');
    expect(marks(n.ping('WEB', '209.165.200.230'))).toBe('!!!!');
    const answered = arp.filter((a) => a.arp.op === 2 && dotted(a.arp.senderIp) === '209.165.200.230');
    expect(answered.length).toBe(1);
    expect(translations()).toEqual([
      '1 209.165.200.230:1 192.168.2.10:1 198.51.100.10:1',
      '0 209.165.200.230 192.168.2.10 ---',
    ]);
    // SRV's own flows out take the same global address.
    expect(marks(n.ping('SRV', '198.51.100.10'))).toBe('!!!!');
    expect(translations().length).toBe(2);
  });

  it('hands out a pool one address per host, then drops what finds none free, until cleared', () => {
    const { n, translations } = net(
      [
        'ip nat pool PUB 209.165.200.224 209.165.200.225 netmask 255.255.255.224',
        'access-list 1 permit 192.168.0.0 0.0.255.255',
        'ip nat inside source list 1 pool PUB',
      ].join('\n'),
    );
    // 209.165.200.224 is the netmask's network address: the pool hands out .225 only.
    n.ping('PC1', '198.51.100.10');
    expect(marks(n.ping('PC1', '198.51.100.10'))).toBe('!!!!');
    expect(translations()).toEqual([
      '1 209.165.200.225:1 192.168.1.10:1 198.51.100.10:1',
      '0 209.165.200.225 192.168.1.10 ---',
    ]);
    // IOS answers each with a host unreachable.
    expect(marks(n.ping('PC3', '198.51.100.10'))).toBe('HHHH');
    const stats = n.sim.natStatistics(d('R1'))!;
    expect(stats.mappings[0]!.poolStatus).toMatchObject({ total: 2, allocated: 1, misses: 4 });
    expect(n.sim.trace.events.some((e) => e.kind === 'drop' && e.reason === 'nat-failed')).toBe(true);
    n.sim.clearNat(d('R1'), 'translations');
    expect(translations()).toEqual([]);
    n.ping('PC3', '198.51.100.10');
    expect(translations()[1]).toBe('0 209.165.200.225 192.168.1.11 ---');
  });

  it('overloads a pool, and expires flows after the ICMP timeout and addresses after theirs', () => {
    const { n, translations, apply } = net(
      [
        'ip nat pool PUB 209.165.200.232 209.165.200.233 prefix-length 27',
        'access-list 1 permit 192.168.0.0 0.0.255.255',
        'ip nat inside source list 1 pool PUB overload',
      ].join('\n'),
    );
    // The pool is on the outside interface's subnet: R1 answers ARP for its addresses.
    n.ping('PC1', '198.51.100.10');
    expect(marks(n.ping('PC1', '198.51.100.10'))).toBe('!!!!');
    expect(translations()).toEqual(['1 209.165.200.232:1 192.168.1.10:1 198.51.100.10:1']);
    n.run(seconds(59));
    expect(translations().length).toBe(1);
    n.run(seconds(2));
    expect(translations()).toEqual([]);
    expect(n.sim.natStatistics(d('R1'))!.expired).toBe(1);
    apply(
      [
        'ip nat pool PUB 209.165.200.232 209.165.200.233 prefix-length 27',
        'access-list 1 permit 192.168.0.0 0.0.255.255',
        'ip nat inside source list 1 pool PUB overload',
        'ip nat translation icmp-timeout 10',
      ].join('\n'),
    );
    n.ping('PC1', '198.51.100.10', { count: 1 });
    n.run(seconds(9));
    expect(translations().length).toBe(1);
    n.run(seconds(2));
    expect(translations()).toEqual([]);
  });

  it('reports what it translates and what expires to debug ip nat, while it is on', () => {
    const { n } = net(PAT);
    n.ping('PC1', '198.51.100.10');
    n.sim.setDebugging(d('R1'), 'nat', true);
    expect(n.sim.debugging(d('R1'))).toEqual(['nat']);
    n.ping('PC3', '198.51.100.10', { count: 1 });
    const seen = n.sim
      .debugEvents(d('R1'), 0)
      .events.map((e) =>
        e.facility !== 'nat'
          ? e.facility
          : 'expiring' in e || 'failed' in e
            ? 'expiring'
            : `${e.fast ? 'NAT*' : 'NAT'} ${e.ports?.to ?? ''}`,
      );
    // PC3's echo makes its translation, on identifier 0; the reply finds it and goes back to 1.
    expect(seen).toEqual(['NAT 0', 'NAT* 1']);
    n.run(seconds(61));
    expect(n.sim.debugEvents(d('R1'), 2).events.filter((e) => 'expiring' in e).length).toBe(2);
    n.sim.setDebugging(d('R1'), 'nat', false);
    n.ping('PC1', '198.51.100.10', { count: 1 });
    expect(n.sim.debugEvents(d('R1'), 4).events).toEqual([]);
  });

  it("translates an interface's address without overload for one inside host at a time", () => {
    const { n, translations } = net(
      [
        'access-list 1 permit 192.168.0.0 0.0.255.255',
        'ip nat inside source list 1 interface GigabitEthernet0/0',
      ].join('\n'),
    );
    n.ping('PC1', '198.51.100.10');
    expect(marks(n.ping('PC1', '198.51.100.10'))).toBe('!!!!');
    expect(translations()).toEqual([
      '1 209.165.200.225:1 192.168.1.10:1 198.51.100.10:1',
      '0 209.165.200.225 192.168.1.10 ---',
    ]);
    // The address is taken: IOS answers each with a host unreachable.
    expect(marks(n.ping('PC3', '198.51.100.10'))).toBe('HHHH');
    expect(n.sim.natStatistics(d('R1'))!.mappings[0]!.refcount).toBe(2);
  });

  it('translates what the router sends itself from an inside address, a loopback one too', () => {
    const { n, translations } = net(
      [
        'access-list 1 permit 192.168.0.0 0.0.255.255',
        'access-list 1 permit 10.9.9.0 0.0.0.255',
        'interface Loopback0',
        ' ip address 10.9.9.1 255.255.255.0',
        'ip nat inside source list 1 interface GigabitEthernet0/0 overload',
      ].join('\n'),
    );
    n.ping('R1', '198.51.100.10');
    expect(marks(n.ping('R1', '198.51.100.10', { source: ip('192.168.1.1') }))).toBe('!!!!!');
    expect(marks(n.ping('R1', '198.51.100.10', { source: ip('10.9.9.1') }))).toBe('!!!!!');
    // From its own outside address, nothing to translate: the list does not select it.
    expect(marks(n.ping('R1', '198.51.100.10'))).toBe('!!!!!');
    const locals = translations().map((t) => t.split(' ')[2]!.split(':')[0]);
    expect(new Set(locals)).toEqual(new Set(['192.168.1.1', '10.9.9.1']));
  });

  it('answers a ping to the address of a port translation itself, and quotes datagrams as they came', () => {
    const { n } = net('ip nat inside source static tcp 192.168.2.10 80 209.165.200.230 80');
    n.ping('WEB', '209.165.200.230');
    expect(marks(n.ping('WEB', '209.165.200.230'))).toBe('!!!!');
    // A static address translation whose inside host is behind a TTL of 1 at R1: R1's time
    // exceeded quotes the global address, never the inside one.
    const { n: n2, wire: wire2 } = net('ip nat inside source static 192.168.2.10 209.165.200.231');
    n2.ping('WEB', '209.165.200.231');
    n2.traceroute('WEB', '209.165.200.231');
    const quotes = wire2
      .filter((p) => p.payload.proto === 'icmp' && p.payload.type === 11)
      .map((p) => dotted(((p.payload as IcmpError).original as Ipv4Packet).dst));
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes)).toEqual(new Set(['209.165.200.231']));
  });

  it('takes a shorter timeout at once, and 0 as never', () => {
    const { n, translations, apply } = net(PAT);
    n.ping('PC1', '198.51.100.10', { count: 1 });
    n.run(seconds(20));
    apply(`${PAT}\nip nat translation icmp-timeout 10`);
    n.run(seconds(1));
    expect(translations()).toEqual([]);
    apply(`${PAT}\nip nat translation icmp-timeout 0`);
    n.ping('PC1', '198.51.100.10', { count: 1 });
    n.run(seconds(3600));
    expect(translations().length).toBe(1);
  });

  it('translates fragmented datagrams by their first fragment, ports and checksums included', () => {
    const { n, wire, translations } = net(PAT);
    n.ping('PC1', '198.51.100.10');
    // PC3's echoes of 3,000 bytes leave in three fragments each; their identifier is taken.
    expect(marks(n.ping('PC3', '198.51.100.10', { size: 3000 }))).toBe('!!!!');
    expect(translations()).toContain('1 209.165.200.225:0 192.168.1.11:1 198.51.100.10:0');
    const fragments = wire.filter((p) => p.moreFragments || p.fragmentOffset !== 0);
    expect(fragments.length).toBe(24);
    expect(fragments.filter((p) => INSIDE.test(dotted(p.src)) || INSIDE.test(dotted(p.dst)))).toEqual([]);
  });

  it('translates the ICMP errors that come back, so tracert works through the router', () => {
    const { n } = net(PAT);
    n.ping('PC1', '198.51.100.10');
    expect(hops(n.traceroute('PC1', '198.51.100.10'))).toEqual([
      '1: 192.168.1.1 192.168.1.1 192.168.1.1',
      '2: 209.165.200.226 209.165.200.226 209.165.200.226',
      '3: 198.51.100.10 198.51.100.10 198.51.100.10',
    ]);
  });

  it('forwards a TCP port of its address to an inside server (port forwarding)', () => {
    const { n, translations } = net(
      `${PAT}\nip nat inside source static tcp 192.168.2.10 23 interface GigabitEthernet0/0 2323`,
    );
    n.sim.tcpListen(d('SRV'), 23, true);
    // ARP on the way first, which would cost the first SYN and a 3 s retransmission.
    n.ping('SRV', '198.51.100.10');
    const client = n.sim.tcpConnect(d('WEB'), ip('209.165.200.225'), 2323);
    n.run(seconds(5));
    expect(client.state).toBe('established');
    const [server] = n.sim.tcpAccepted(d('SRV'));
    expect(server).toBeDefined();
    expect(dotted(server!.remoteAddr)).toBe('198.51.100.10');
    const flows = translations().filter((t) => t.startsWith('6 '));
    expect(flows[0]).toMatch(/^6 209\.165\.200\.225:2323 192\.168\.2\.10:23 198\.51\.100\.10:\d+$/);
    expect(flows[1]).toBe('6 209.165.200.225:2323 192.168.2.10:23 ---');
  });
});

describe.runIf(haveTshark)('translated datagrams as tshark reads them', () => {
  it('carries only global addresses outside, with every checksum redone', () => {
    withCapture(outsideCapture(), (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const fields = ['ip.src', 'ip.dst', 'icmp.type', 'icmp.ident', 'tcp.srcport', 'tcp.dstport'];
      const rows = tsharkFields(file, 'ip', fields).map((r) => r.join(';'));
      expect(rows.filter((r) => /192\.168\./.test(r.split(';').slice(0, 2).join(';')))).toEqual([]);
      // Echo requests from both PCs leave from the interface's address, identifiers 1 and 0.
      const requests = new Set(
        rows
          .filter((r) => r.split(';')[2] === '8')
          .map((r) => r.split(';').slice(0, 2).concat(r.split(';')[3]!).join(' ')),
      );
      expect(requests).toEqual(
        new Set(['209.165.200.225 198.51.100.10 1', '209.165.200.225 198.51.100.10 0']),
      );
      // Time exceeded from the ISP back to the global address quotes the translated echo.
      const quoted = tshark(file, '-Y', 'icmp.type == 11', '-T', 'fields', '-e', 'ip.src', '-e', 'ip.dst')
        .trim()
        .split('\n');
      expect(quoted.length).toBeGreaterThan(0);
      for (const q of quoted) expect(q.split('\t')[1]!.split(',')).toContain('209.165.200.225');
      // The forwarded port's replies leave from port 2323.
      expect(rows.some((r) => /^209\.165\.200\.225;198\.51\.100\.10;;;2323;\d+$/.test(r))).toBe(true);
    });
  });
});
