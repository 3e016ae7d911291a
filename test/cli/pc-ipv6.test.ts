/**
 * The PC console's IPv6 beyond the transcript (transcripts/pc-ipv6.txt): ipconfig's layout
 * rules, its DHCPv6 identifiers, autoconfiguration beside a static address, a link-local
 * address alone, an unplugged adapter, a DHCP lease beside IPv6, and ping's options.
 */
import { describe, expect, it } from 'vitest';
import type { HostDeviceContext } from '../../src/cli/context.ts';
import { dhcpv6Duid, dhcpv6Iaid } from '../../src/cli/host/ipconfig.ts';
import type { HostConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv6, parseIpv6, parseIpv6Assignment } from '../../src/shared/ipv6.ts';
import { formatMacDashed, type MacAddr } from '../../src/shared/mac.ts';
import { seconds } from '../../src/shared/time.ts';
import { type Lab, TOPOLOGIES } from './lab.ts';

const ipv6Lab = (): Lab => {
  const lab = TOPOLOGIES['ipv6']!();
  lab.settle(seconds(5));
  return lab;
};

/** What `line` prints at `pc`'s prompt, as lines. */
const run = (lab: Lab, pc: string, line: string): string[] => {
  const out = lab.console(pc).input(line).output.split('\n');
  lab.settle();
  return out;
};

const configure = (lab: Lab, pc: string, config: HostConfig): void => {
  (lab.contexts.get(pc) as HostDeviceContext).setHostConfig(config);
  lab.settle(seconds(2));
};

/** The labels of ipconfig's lines, in order, without their dots (continuation lines as ""). */
const labels = (out: readonly string[]): string[] =>
  out
    .filter((l) => l.startsWith('   '))
    .map((l) => (l.slice(0, 39).trim() === '' ? '' : l.slice(3, 38).replace(/[ .]*:$/, '')));

describe('ipconfig with IPv6', () => {
  it('ends every label with its colon at column 38 and starts every value at column 40, continuations too', () => {
    const lab = ipv6Lab();
    for (const out of [run(lab, 'PC1', 'ipconfig'), run(lab, 'PC1', 'ipconfig /all')]) {
      for (const l of out.filter((x) => x.startsWith('   '))) {
        if (l.trim().startsWith('Connection-specific DNS Suffix Search List')) continue;
        if (l.length > 3 && l[3] === ' ') expect(l.slice(0, 39).trim(), l).toBe('');
        else {
          expect(l[37], l).toBe(':');
          if (l.length > 38) expect(l[38], l).toBe(' ');
        }
      }
    }
  });

  it('gives the link-local address and the autoconfigured one the same interface identifier', () => {
    const lab = ipv6Lab();
    const out = run(lab, 'PC1', 'ipconfig');
    const value = (label: string) => out.find((l) => l.includes(label))!.slice(39);
    const global = value('IPv6 Address');
    const local = value('Link-local IPv6 Address');
    expect(global.startsWith('2001:db8:1:0:')).toBe(true);
    expect(local).toBe(`fe80::${global.slice('2001:db8:1:0:'.length)}%11`);
    // Windows' identifier is random, not EUI-64 (no ff:fe in its middle).
    expect(global).not.toMatch(/ff:fe/);
  });

  it('derives the DHCPv6 IAID and DUID from the MAC address, the same every time', () => {
    const mac = 0x00_00_0c_79_68_b9 as MacAddr;
    expect(dhcpv6Iaid(mac)).toBe(0x06_79_68_b9);
    expect(dhcpv6Duid(mac)).toMatch(/^00-01-00-01-2[4-B](-[0-9A-F]{2}){3}-00-00-0C-79-68-B9$/);
    expect(dhcpv6Duid(mac)).toBe(dhcpv6Duid(mac));
    expect(dhcpv6Duid(0x00_00_0c_11_22_33 as MacAddr)).not.toBe(dhcpv6Duid(mac));
    const lab = ipv6Lab();
    const nic = lab.sim.interfaces(deviceId('PC1'))[0]!.mac;
    const all = run(lab, 'PC1', 'ipconfig /all');
    expect(all).toContain(`   DHCPv6 IAID . . . . . . . . . . . : ${dhcpv6Iaid(nic)}`);
    expect(all).toContain(`   DHCPv6 Client DUID. . . . . . . . : ${dhcpv6Duid(nic)}`);
    expect(dhcpv6Duid(nic).endsWith(formatMacDashed(nic))).toBe(true);
  });

  it('lists a static address before the autoconfigured one, and a gateway both give once', () => {
    const lab = ipv6Lab();
    configure(lab, 'PC1', {
      ip: { addr: 0xc0a8_010a as never, len: 24 },
      ipv6: {
        auto: true,
        address: parseIpv6Assignment('2001:db8:1::10/64')!,
        gateway: parseIpv6('fe80::1')!,
      },
    });
    const out = run(lab, 'PC1', 'ipconfig');
    expect(labels(out)).toEqual([
      'Connection-specific DNS Suffix',
      'IPv6 Address',
      'IPv6 Address',
      'Link-local IPv6 Address',
      'IPv4 Address',
      'Subnet Mask',
      'Default Gateway',
    ]);
    expect(out.filter((l) => l.includes('IPv6 Address. .'))[0]).toBe(
      '   IPv6 Address. . . . . . . . . . . : 2001:db8:1::10',
    );
    expect(out.filter((l) => l.includes('Default Gateway') || l.startsWith(' '.repeat(39)))).toEqual([
      '   Default Gateway . . . . . . . . . : fe80::1%11',
    ]);
  });

  it('shows the link-local address alone, and the router it discovered, when the PC neither autoconfigures nor has an address', () => {
    const lab = ipv6Lab();
    configure(lab, 'PC2', { ipv6: {} });
    const out = run(lab, 'PC2', 'ipconfig');
    expect(labels(out)).toEqual([
      'Connection-specific DNS Suffix',
      'Link-local IPv6 Address',
      'Default Gateway',
    ]);
    const ll = lab.sim.ipv6Interfaces(deviceId('PC2'))[0]!.linkLocal!;
    expect(out).toContain(`   Link-local IPv6 Address . . . . . : ${formatIpv6(ll)}%11`);
    // Windows discovers the router all the same: its link-local address is the gateway.
    expect(out).toContain('   Default Gateway . . . . . . . . . : fe80::1%11');
  });

  it('shows nothing of IPv6 while the cable is out', () => {
    const lab = TOPOLOGIES['pc']!();
    configure(lab, 'PC1', { ipv6: { auto: true } });
    const out = run(lab, 'PC1', 'ipconfig /all');
    expect(out.join('\n')).not.toMatch(/IPv6|DHCPv6|fec0/);
    expect(out).toContain('   Media State . . . . . . . . . . . : Media disconnected');
  });

  it('puts the lease lines before the gateways and the DHCP server before the DHCPv6 lines', () => {
    const lab = ipv6Lab();
    for (const line of [
      'enable',
      'configure terminal',
      'ip dhcp pool LAN',
      'network 192.168.1.0 255.255.255.0',
      'default-router 192.168.1.1',
      'dns-server 192.168.1.53',
      'end',
    ])
      run(lab, 'R1', line);
    configure(lab, 'PC2', { dhcp: true, ipv6: { auto: true } });
    lab.settle(seconds(10));
    const out = run(lab, 'PC2', 'ipconfig /all');
    expect(labels(out).slice(5)).toEqual([
      'Connection-specific DNS Suffix',
      'Description',
      'Physical Address',
      'DHCP Enabled',
      'Autoconfiguration Enabled',
      'IPv6 Address',
      'Link-local IPv6 Address',
      'IPv4 Address',
      'Subnet Mask',
      'Lease Obtained',
      'Lease Expires',
      'Default Gateway',
      '',
      'DHCP Server',
      'DHCPv6 IAID',
      'DHCPv6 Client DUID',
      'DNS Servers',
      'NetBIOS over Tcpip',
    ]);
    // A DNS server from the lease: no site-local defaults.
    expect(out).toContain('   DNS Servers . . . . . . . . . . . : 192.168.1.53');
    expect(out).toContain(`${' '.repeat(39)}192.168.1.1`);
  });
});

describe('ping over IPv6', () => {
  it('sends from an address of its own given with -S, and fails from another', () => {
    const lab = ipv6Lab();
    const own = formatIpv6(lab.sim.ipv6Interfaces(deviceId('PC1'))[0]!.addresses[0]!.addr);
    expect(run(lab, 'PC1', `ping -n 1 -S ${own} 2001:db8:2::10`).slice(0, 4)).toEqual([
      '',
      `Pinging 2001:db8:2::10 from ${own} with 32 bytes of data:`,
      'Reply from 2001:db8:2::10: time<1ms',
      '',
    ]);
    expect(run(lab, 'PC1', 'ping -n 1 -S 2001:db8:1::77 2001:db8:2::10').slice(0, 3)).toEqual([
      '',
      'Pinging 2001:db8:2::10 from 2001:db8:1::77 with 32 bytes of data:',
      'PING: transmit failed. General failure.',
    ]);
  });

  it('pings a PC on the same link by its link-local address, zone or not', () => {
    const lab = ipv6Lab();
    configure(lab, 'PC2', { ipv6: {} });
    const ll = formatIpv6(lab.sim.ipv6Interfaces(deviceId('PC2'))[0]!.linkLocal!);
    expect(run(lab, 'PC1', `ping -n 1 ${ll}%11`).slice(1, 3)).toEqual([
      `Pinging ${ll}%11 with 32 bytes of data:`,
      `Reply from ${ll}%11: time<1ms`,
    ]);
    expect(run(lab, 'PC1', `ping -n 1 ${ll.toUpperCase()}`).slice(1, 3)).toEqual([
      `Pinging ${ll} with 32 bytes of data:`,
      `Reply from ${ll}: time<1ms`,
    ]);
  });

  it('refuses what it does not simulate, and an IPv6 target to -4', () => {
    const lab = ipv6Lab();
    expect(run(lab, 'PC1', 'ping -R 2001:db8:2::10')).toEqual([
      'Trame does not simulate IPv6 routing headers yet.',
      '',
      '',
    ]);
    expect(run(lab, 'PC1', 'tracert 2001:db8:2::10')[0]).toBe(
      'Trame does not simulate tracert over IPv6 yet.',
    );
    expect(run(lab, 'PC1', 'tracert -4 2001:db8:2::10')[0]).toBe(
      'Unable to resolve target system name 2001:db8:2::10.',
    );
    expect(run(lab, 'PC1', 'ping -4 fe80::1%11')[0]).toBe(
      'Ping request could not find host fe80::1%11. Please check the name and try again.',
    );
  });

  it('takes -i as the hop limit and -l as the data size', () => {
    const lab = ipv6Lab();
    expect(run(lab, 'PC1', 'ping -n 1 -i 2 -l 1400 2001:db8:2::10').slice(1, 3)).toEqual([
      'Pinging 2001:db8:2::10 with 1400 bytes of data:',
      'Reply from 2001:db8:2::10: time<1ms',
    ]);
    expect(run(lab, 'PC1', 'ping -n 1 -i 1 2001:db8:2::10')[2]).toBe(
      'Reply from 2001:db8:1::1: TTL expired in transit.',
    );
  });
});
