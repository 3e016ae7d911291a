/**
 * `show ip nat translations` and `show ip nat statistics` against IOS 15.x captures: the
 * table's column stops (a long value pushes the next column by one space only, and later ones
 * come back to their stops), the verbose lines, and the statistics of a pool mapping.
 */
import { describe, expect, it } from 'vitest';
import { showNatStatistics, showNatTranslations } from '../../src/cli/ios/nat-format.ts';
import type { NatTranslation } from '../../src/engine/api.ts';
import { defaultDeviceConfig } from '../../src/shared/config.ts';
import { type Ipv4Addr, parseIpv4 } from '../../src/shared/ipv4.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';

const a = (s: string): Ipv4Addr => parseIpv4(s)!;

function flow(protocol: number, ig: string, il: string, out?: string): NatTranslation {
  const [g, gp = '-1'] = ig.split(':');
  const [l, lp = '-1'] = il.split(':');
  const [o, op = '-1'] = out?.split(':') ?? [];
  return {
    id: 1,
    protocol,
    insideGlobal: a(g!),
    insideGlobalPort: Number(gp),
    insideLocal: a(l!),
    insideLocalPort: Number(lp),
    outside: o === undefined ? undefined : a(o),
    outsideLocalPort: Number(op),
    outsideGlobalPort: Number(op),
    static: false,
    extendable: false,
    timingOut: false,
    created: 0 as Micros,
    used: 0 as Micros,
    timeout: seconds(60),
    expires: seconds(60) as Micros,
    flows: 0,
  };
}

describe('show ip nat translations', () => {
  it('puts columns at their stops, a long value pushing the next by one space (15.x captures)', () => {
    const rows = showNatTranslations(
      [
        flow(1, '20.0.0.14:11', '11.1.1.5:11', '8.8.8.8:11'),
        flow(1, '140.100.0.1:48725', '192.168.1.2:48725', '8.8.8.8:48725'),
        flow(6, '209.165.200.242:1038', '192.168.1.21:1038', '192.31.7.1:80'),
        flow(1, '209.165.200.243:512', '192.168.1.20:512', '192.31.7.1:512'),
        flow(0, '209.165.200.225', '192.168.1.20'),
        { ...flow(6, '100.0.15.19:2222', '172.16.0.19:22'), static: true },
      ],
      false,
      0 as Micros,
    );
    expect(rows).toEqual([
      'Pro Inside global      Inside local       Outside local      Outside global',
      'icmp 20.0.0.14:11      11.1.1.5:11        8.8.8.8:11         8.8.8.8:11',
      'icmp 140.100.0.1:48725 192.168.1.2:48725  8.8.8.8:48725      8.8.8.8:48725',
      'tcp 209.165.200.242:1038 192.168.1.21:1038 192.31.7.1:80     192.31.7.1:80',
      'icmp 209.165.200.243:512 192.168.1.20:512 192.31.7.1:512     192.31.7.1:512',
      '--- 209.165.200.225    192.168.1.20       ---                ---',
      'tcp 100.0.15.19:2222   172.16.0.19:22     ---                ---',
    ]);
  });

  it('prints nothing, not even its header, for an empty table', () => {
    expect(showNatTranslations([], false, 0 as Micros)).toEqual([]);
  });

  it('gives the verbose lines of a flow and of a static entry (15.x captures)', () => {
    const now = seconds(33) as Micros;
    const icmp = {
      ...flow(1, '209.165.200.228:52572', '192.168.1.2:52572', '209.165.200.1:52572'),
      id: 69,
      mapping: 2,
    };
    const fixed = {
      ...flow(6, '10.20.30.253:80', '192.168.1.1:443'),
      id: 7,
      static: true,
      extendable: true,
      timeout: -1,
      expires: -1 as const,
      flows: 2,
    };
    expect(showNatTranslations([icmp, fixed], true, now).slice(1)).toEqual([
      'icmp 209.165.200.228:52572 192.168.1.2:52572 209.165.200.1:52572 209.165.200.1:52572',
      '    create 00:00:33, use 00:00:33 timeout:60000, left 00:00:27, Map-Id(In): 2, ',
      '    flags: ',
      'extended, use_count: 0, entry-id: 69, lc_entries: 0',
      'tcp 10.20.30.253:80    192.168.1.1:443    ---                ---',
      '    create 00:00:33, use 00:00:33 timeout:0, ',
      '    flags: ',
      'static, extended, extendable, use_count: 2, entry-id: 7, lc_entries: 0',
    ]);
  });
});

describe('show ip nat statistics', () => {
  it('lists the interfaces, the counts and a pool mapping as a 15.x router does', () => {
    const base = defaultDeviceConfig('router', 'R1');
    const config = {
      ...base,
      interfaces: {
        ...base.interfaces,
        'GigabitEthernet0/0': { ...base.interfaces['GigabitEthernet0/0']!, nat: 'outside' as const },
        'GigabitEthernet0/1': { ...base.interfaces['GigabitEthernet0/1']!, nat: 'inside' as const },
      },
    };
    const out = showNatStatistics(
      {
        active: 1,
        statics: 0,
        dynamics: 1,
        extended: 0,
        peak: 6,
        peakAt: 0 as Micros,
        hits: 10,
        cefTranslated: 12,
        misses: 0,
        expired: 5,
        mappings: [
          {
            id: 1,
            acl: '2',
            pool: 'MYNATPOOL',
            overload: false,
            refcount: 1,
            poolStatus: {
              start: a('192.1.1.21'),
              end: a('192.1.1.21'),
              len: 24,
              total: 1,
              allocated: 1,
              misses: 0,
            },
          },
        ],
      },
      config,
      seconds(462) as Micros,
    );
    expect(out).toEqual([
      'Total active translations: 1 (0 static, 1 dynamic; 0 extended)',
      'Peak translations: 6, occurred 00:07:42 ago',
      'Outside interfaces:',
      '  GigabitEthernet0/0',
      'Inside interfaces: ',
      '  GigabitEthernet0/1',
      'Hits: 10  Misses: 0',
      'CEF Translated packets: 12, CEF Punted packets: 0',
      'Expired translations: 5',
      'Dynamic mappings:',
      '-- Inside Source',
      '[Id: 1] access-list 2 pool MYNATPOOL refcount 1',
      ' pool MYNATPOOL: netmask 255.255.255.0',
      '\tstart 192.1.1.21 end 192.1.1.21',
      '\ttype generic, total addresses 1, allocated 1 (100%), misses 0',
      '',
      'Total doors: 0',
      'Appl doors: 0',
      'Normal doors: 0',
      'Queued Packets: 0',
    ]);
  });
});
