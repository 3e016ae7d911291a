/**
 * EtherChannel's show outputs and messages against IOS captures, each layout's source named
 * above its test: the columns of `show etherchannel summary`, `port-channel`, the group
 * listing, `load-balance`, `show lacp neighbor`, `show lacp sys-id`, `show pagp neighbor`, and
 * the %EC-5 / channel-misconfig messages.
 */
import { describe, expect, it } from 'vitest';
import {
  channelAge,
  etherChannelTexts,
  showEtherchannel,
  showEtherchannelLoadBalance,
  showEtherchannelPortChannel,
  showEtherchannelSummary,
  showLacpNeighbor,
  showLacpSysId,
  showPagpNeighbor,
} from '../../src/cli/ios/etherchannel-format.ts';
import type {
  ChannelMemberStatus,
  ChannelPartner,
  EtherChannelStatus,
  EtherChannelsStatus,
} from '../../src/engine/api.ts';
import type { ChannelMode } from '../../src/shared/etherchannel.ts';
import { type MacAddr, parseMac } from '../../src/shared/mac.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';

const mac = (s: string): MacAddr => parseMac(s)!;
const at = (s: number): Micros => seconds(s);
const NOW = at(10_000);

function partner(port: string, more: Partial<ChannelPartner> = {}): ChannelPartner {
  return {
    hostname: 'SW2',
    systemId: mac('0cd9.96d2.4000'),
    port,
    portNumber: 2,
    mode: 'active',
    group: 1,
    ...more,
  };
}

function member(
  port: string,
  mode: ChannelMode,
  more: Partial<ChannelMemberStatus> = {},
): ChannelMemberStatus {
  return {
    port,
    mode,
    flag: 'P',
    portNumber: 1,
    bundledSince: at(10_000 - 312),
    partner: null,
    ...more,
  };
}

function channel(
  group: number,
  members: readonly ChannelMemberStatus[],
  more: Partial<EtherChannelStatus> = {},
) {
  const modes = new Set(members.map((m) => m.mode));
  const protocol =
    modes.has('active') || modes.has('passive')
      ? 'lacp'
      : modes.has('on') || modes.size === 0
        ? null
        : 'pagp';
  const status: EtherChannelStatus = {
    group,
    name: `Port-channel${group}`,
    protocol,
    up: members.some((m) => m.flag === 'P'),
    adminUp: true,
    createdAt: at(10_000 - 323),
    lastBundled:
      members.length > 0 ? { port: members[members.length - 1]!.port, at: at(10_000 - 312) } : null,
    members,
    bandwidth: members.filter((m) => m.flag === 'P').length * 100e6,
    ...more,
  };
  return status;
}

const status = (...channels: EtherChannelStatus[]): EtherChannelsStatus => ({
  loadBalance: 'src-mac',
  channels,
});

describe('show etherchannel summary', () => {
  // A 2960 with IOS 15.0 ("20210330 RSTP ETERCHANNEL SVP", a student's notes of a lab on two
  // WS-C2960s): the legend, the two blank lines, the counts, and rows in mode on, PAgP and LACP.
  it('lists each group with its protocol and members, as a 2960 prints it', () => {
    const lacp = channel(1, [member('FastEthernet0/1', 'active'), member('FastEthernet0/2', 'active')]);
    expect(showEtherchannelSummary(status(lacp))).toEqual([
      'Flags:  D - down        P - bundled in port-channel',
      '        I - stand-alone s - suspended',
      '        H - Hot-standby (LACP only)',
      '        R - Layer3      S - Layer2',
      '        U - in use      f - failed to allocate aggregator',
      '',
      '        M - not in use, minimum links not met',
      '        u - unsuitable for bundling',
      '        w - waiting to be aggregated',
      '        d - default port',
      '',
      '',
      'Number of channel-groups in use: 1',
      'Number of aggregators:           1',
      '',
      'Group  Port-channel  Protocol    Ports',
      '------+-------------+-----------+-----------------------------------------------',
      '1      Po1(SU)         LACP      Fa0/1(P)    Fa0/2(P)',
    ]);
  });

  it('prints " -" for mode on, and PAgP by its name', () => {
    const on = channel(1, [member('FastEthernet0/1', 'on'), member('FastEthernet0/2', 'on')]);
    const pagp = channel(2, [member('FastEthernet0/3', 'desirable'), member('FastEthernet0/4', 'desirable')]);
    expect(showEtherchannelSummary(status(on, pagp)).slice(-2)).toEqual([
      '1      Po1(SU)          -        Fa0/1(P)    Fa0/2(P)',
      '2      Po2(SU)         PAgP      Fa0/3(P)    Fa0/4(P)',
    ]);
  });

  // The same notes, after `default interface range fa0/1 - 2`: the Port-channel stays, down
  // and empty, and is still counted.
  it('lists a Port-channel without members as down', () => {
    const lines = showEtherchannelSummary(status(channel(1, [])));
    expect(lines).toContain('Number of channel-groups in use: 1');
    expect(lines.at(-1)).toBe('1      Po1(SD)          -');
  });

  // Three members a line, continued under the Ports column (a Catalyst 6500's capture in
  // ntc-templates, tests/cisco_ios/show_etherchannel_summary, at its own width).
  it('wraps members three to a line, and names each state by its flag', () => {
    const ports = ['FastEthernet0/1', 'FastEthernet0/2', 'FastEthernet0/3', 'FastEthernet0/10'];
    const flags = ['P', 's', 'D', 'I'] as const;
    const c = channel(
      1,
      ports.map((p, k) => member(p, 'active', { flag: flags[k]! })),
    );
    expect(showEtherchannelSummary(status(c)).slice(-2)).toEqual([
      '1      Po1(SU)         LACP      Fa0/1(P)    Fa0/2(s)    Fa0/3(D)',
      '                                 Fa0/10(I)',
    ]);
  });

  it('shows one group, with the switch-wide counts', () => {
    const a = channel(1, [member('FastEthernet0/1', 'on')]);
    const b = channel(2, [member('FastEthernet0/3', 'on')]);
    const lines = showEtherchannelSummary(status(a, b), 2);
    expect(lines).toContain('Number of channel-groups in use: 2');
    expect(lines.at(-1)).toBe('2      Po2(SU)          -        Fa0/3(P)');
  });
});

describe('show etherchannel port-channel', () => {
  // A 2960 with PAgP (NetAcad's "Configuring EtherChannel" answer key, as its students' notes
  // give it): the GC word, the members' EC state, the time since the last port bundled. The
  // Index, Load and bit columns as Catalyst hardware fills them (Cisco's 3560 EtherChannel
  // examples: each member's index, the hash buckets it takes as a mask, their number); the
  // answer key's simulator printed 0, 00 and 0 for every member.
  it('prints a PAgP channel with its group capability', () => {
    const c = channel(1, [member('FastEthernet0/1', 'desirable'), member('FastEthernet0/2', 'desirable')]);
    expect(showEtherchannelPortChannel(status(c), NOW)).toEqual([
      '                Channel-group listing:',
      '                ----------------------',
      '',
      'Group: 1',
      '----------',
      '                Port-channels in the group:',
      '                ---------------------------',
      '',
      'Port-channel: Po1',
      '------------',
      '',
      'Age of the Port-channel   = 0d:00h:05m:23s',
      'Logical slot/port   = 2/1          Number of ports = 2',
      'GC                  = 0x00010001      HotStandBy port = null',
      'Port state          = Port-channel Ag-Inuse',
      'Protocol            =   PAgP',
      'Port security       = Disabled',
      '',
      'Ports in the Port-channel:',
      '',
      'Index   Load   Port     EC state        No of bits',
      '------+------+------+------------------+-----------',
      '  0     55     Fa0/1    Desirable-Sl       4',
      '  1     AA     Fa0/2    Desirable-Sl       4',
      '',
      'Time since last port bundled:    0d:00h:05m:12s    Fa0/2',
    ]);
  });

  // IOSv L2 15.2 with LACP (a CCNP lab's notes: `show etherchannel 1 port-channel`): the
  // aggregator named, a line after it, no GC line; a group asked by number has no listing header.
  it('prints an LACP channel as its aggregator, one group without the listing', () => {
    const c = channel(1, [member('GigabitEthernet0/2', 'active'), member('GigabitEthernet0/3', 'active')]);
    const lines = showEtherchannelPortChannel(status(c), NOW, 1);
    expect(lines.slice(0, 8)).toEqual([
      '                Port-channels in the group:',
      '                ---------------------------',
      '',
      'Port-channel: Po1    (Primary Aggregator)',
      '',
      '------------',
      '',
      'Age of the Port-channel   = 0d:00h:05m:23s',
    ]);
    expect(lines).toContain('HotStandBy port = null');
    expect(lines).toContain('Protocol            =   LACP');
    expect(lines).toContain('  0     55     Gi0/2    Active             4');
    expect(lines).toContain('  1     AA     Gi0/3    Active             4');
  });

  // NetworkLessons' capture of mode on (IOSv L2): GC 0, Protocol " -", EC state On.
  it('prints a channel in mode on, and one not in use', () => {
    const on = channel(1, [member('GigabitEthernet0/1', 'on')]);
    const lines = showEtherchannelPortChannel(status(on), NOW, 1);
    expect(lines).toContain('GC                  = 0x00000000      HotStandBy port = null');
    expect(lines).toContain('Protocol            =    -');
    // A lone member takes all eight buckets.
    expect(lines).toContain('  0     FF     Gi0/1    On                 8');
    const empty = showEtherchannelPortChannel(status(channel(2, [])), NOW, 2);
    expect(empty).toContain('Port state          = Port-channel Ag-Not-Inuse');
    expect(empty).toContain('Logical slot/port   = 2/2          Number of ports = 0');
    expect(empty.at(-1)).toBe('------+------+------+------------------+-----------');
  });

  it('counts ages in days, hours, minutes and seconds', () => {
    expect(channelAge(at(90_061), at(0))).toBe('1d:01h:01m:01s');
  });
});

describe('show etherchannel', () => {
  // IOU's `show etherchannel` in mode on, and a Catalyst's LACP group (Maxports = 16).
  it('lists each group state, ports and protocol', () => {
    const on = channel(1, [member('FastEthernet0/1', 'on'), member('FastEthernet0/2', 'on')]);
    const lacp = channel(2, [member('FastEthernet0/3', 'active')]);
    expect(showEtherchannel(status(on, lacp))).toEqual([
      '                Channel-group listing:',
      '                ----------------------',
      '',
      'Group: 1',
      '----------',
      'Group state = L2',
      'Ports: 2   Maxports = 8',
      'Port-channels: 1 Max Port-channels = 1',
      'Protocol:    -',
      'Minimum Links: 0',
      '',
      'Group: 2',
      '----------',
      'Group state = L2',
      'Ports: 1   Maxports = 16',
      'Port-channels: 1 Max Port-channels = 16',
      'Protocol:   LACP',
      'Minimum Links: 0',
    ]);
  });
});

describe('show etherchannel load-balance', () => {
  // A 2960 with 15.0 (src-mac, its default) and a Catalyst's src-dst-ip.
  it('names the method and the addresses each protocol hashes', () => {
    expect(showEtherchannelLoadBalance('src-mac')).toEqual([
      'EtherChannel Load-Balancing Configuration:',
      '        src-mac',
      '',
      'EtherChannel Load-Balancing Addresses Used Per-Protocol:',
      'Non-IP: Source MAC address',
      '  IPv4: Source MAC address',
      '  IPv6: Source MAC address',
    ]);
    expect(showEtherchannelLoadBalance('src-dst-ip').slice(-3)).toEqual([
      'Non-IP: Source XOR Destination MAC address',
      '  IPv4: Source XOR Destination IP address',
      '  IPv6: Source XOR Destination IP address',
    ]);
    expect(showEtherchannelLoadBalance('dst-ip').slice(-3)).toEqual([
      'Non-IP: Destination MAC address',
      '  IPv4: Destination IP address',
      '  IPv6: Destination IP address',
    ]);
  });
});

describe('show lacp and show pagp', () => {
  // IOL's `show lacp 1 neighbor` (an EVPN lab's Client_Router): the flags, the two header
  // lines, the age right-aligned before the keys.
  it('lists LACP partners', () => {
    const c = channel(1, [
      member('FastEthernet0/1', 'active', {
        bundledSince: at(10_000 - 16),
        partner: partner('FastEthernet0/1', { portNumber: 0x102 }),
      }),
      member('FastEthernet0/2', 'active', {
        bundledSince: at(10_000 - 65),
        partner: partner('FastEthernet0/2', { portNumber: 0x103, mode: 'passive' }),
      }),
    ]);
    expect(showLacpNeighbor(status(c), NOW)).toEqual([
      'Flags:  S - Device is requesting Slow LACPDUs',
      '        F - Device is requesting Fast LACPDUs',
      '        A - Device is in Active mode       P - Device is in Passive mode',
      '',
      'Channel group 1 neighbors',
      '',
      "Partner's information:",
      '',
      '                  LACP port                        Admin  Oper   Port    Port',
      'Port      Flags   Priority  Dev ID          Age    key    Key    Number  State',
      'Fa0/1     SA      32768     0cd9.96d2.4000  16s    0x0    0x1    0x102   0x3D',
      'Fa0/2     SP      32768     0cd9.96d2.4000   5s    0x0    0x1    0x103   0x3C',
    ]);
  });

  it('has nothing to say without an LACP group', () => {
    expect(showLacpNeighbor(status(channel(1, [member('FastEthernet0/1', 'on')])), NOW)).toEqual([]);
  });

  it('gives the system priority and base MAC address', () => {
    expect(showLacpSysId(mac('0019.e86a.6f80'))).toEqual(['32768, 0019.e86a.6f80']);
  });

  // The Catalyst 3560 command reference's `show pagp 1 neighbor`, and IOSv L2's (genieparser's
  // ShowPagpNeighbor, its tabs as the columns they stand for): the group capability in hex.
  it('lists PAgP partners', () => {
    const c = channel(14, [
      member('GigabitEthernet0/1', 'desirable', {
        bundledSince: at(10_000 - 22),
        partner: partner('GigabitEthernet0/1', { hostname: 'R4', mode: 'desirable', group: 14 }),
      }),
      member('GigabitEthernet0/2', 'desirable', {
        flag: 'I',
        bundledSince: null,
        partner: partner('GigabitEthernet0/2', { hostname: 'R4', mode: 'auto', group: 14 }),
      }),
    ]);
    expect(showPagpNeighbor(status(c), NOW)).toEqual([
      'Flags:  S - Device is sending Slow hello.  C - Device is in Consistent state.',
      '        A - Device is in Auto mode.        P - Device learns on physical port.',
      '',
      'Channel group 14 neighbors',
      '          Partner              Partner          Partner         Partner Group',
      'Port      Name                 Device ID        Port       Age  Flags   Cap.',
      'Gi0/1     R4                   0cd9.96d2.4000   Gi0/1       22s SC      E0001',
      'Gi0/2     R4                   0cd9.96d2.4000   Gi0/2       23s SA      E0001',
    ]);
  });
});

describe('EtherChannel messages', () => {
  const incompatible = (
    attribute: 'speed' | 'duplex' | 'access-vlan' | 'native-vlan' | 'vlan-mask' | 'trunk-mode',
    mine?: string,
    theirs?: string,
  ) =>
    etherChannelTexts({
      kind: 'incompatible',
      at: NOW,
      port: 'GigabitEthernet0/2',
      with: 'GigabitEthernet0/1',
      mismatch: {
        attribute,
        ...(mine !== undefined ? { mine } : {}),
        ...(theirs !== undefined ? { theirs } : {}),
      },
    });

  // Syslog captures of Catalysts (speed: a 3750's; duplex: IOSv L2's), a lab's access VLANs,
  // Cisco Press's native VLANs (IOS's "id"), The Bryant Advantage's vlan mask.
  it('says why a port is suspended', () => {
    expect(incompatible('speed', '1000M', '100M')).toEqual([
      '%EC-5-CANNOT_BUNDLE2: Gi0/2 is not compatible with Gi0/1 and will be suspended (speed of Gi0/2 is 1000M, Gi0/1 is 100M)',
    ]);
    expect(incompatible('duplex', 'half', 'full')[0]).toMatch(
      /\(duplex of Gi0\/2 is half, Gi0\/1 is full\)$/,
    );
    expect(incompatible('access-vlan', '20', '10')[0]).toMatch(
      /\(access vlan of Gi0\/2 is 20, Gi0\/1 is 10\)$/,
    );
    expect(incompatible('native-vlan', '21', '1')[0]).toMatch(
      /\(native vlan of Gi0\/2 is 21, Gi0\/1 id 1\)$/,
    );
    expect(incompatible('trunk-mode', 'off', 'on')[0]).toMatch(
      /\(dtp mode of Gi0\/2 is off, Gi0\/1 is on\)$/,
    );
    expect(incompatible('vlan-mask')[0]).toMatch(/and will be suspended \(vlan mask is different\)$/);
  });

  // sig9.org's 3560 capture (each member, then the Port-channel, "on Po14") and loopedback.com's
  // 15.x "(STP)" cause.
  it('error-disables a misconfigured channel, its members first', () => {
    expect(
      etherChannelTexts({
        kind: 'misconfig',
        at: NOW,
        channel: 'Port-channel1',
        ports: ['FastEthernet0/1', 'FastEthernet0/2'],
      }),
    ).toEqual([
      '%SPANTREE-2-CHNL_MISCFG: Detected loop due to etherchannel misconfiguration of Fa0/1',
      '%PM-4-ERR_DISABLE: channel-misconfig (STP) error detected on Po1, putting Fa0/1 in err-disable state',
      '%PM-4-ERR_DISABLE: channel-misconfig (STP) error detected on Po1, putting Fa0/2 in err-disable state',
      '%PM-4-ERR_DISABLE: channel-misconfig (STP) error detected on Po1, putting Po1 in err-disable state',
    ]);
  });
});
