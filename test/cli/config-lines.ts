/**
 * fast-check generators of configuration a student might type at a router or switch, valid
 * or not, as the lines typed in order (mode headers followed by their commands). They reach
 * every configuration command of the CLI: interface ranges, subinterfaces, loopbacks and
 * SVIs, trunk lists with add/remove/except, `no` and `default` forms, multi-line banners,
 * passwords in clear, type 7 and type 5, static routes with distances, OSPF processes and
 * their interface settings, EtherChannels (their ports and Port-channels).
 */
import fc from 'fast-check';
import type { IosPlatform } from '../../src/cli/ios/config-edit.ts';

const octet = fc.integer({ min: 0, max: 255 });
/** Few values, so that addresses collide (overlapping subnets, routes via our own address). */
const small = fc.integer({ min: 1, max: 2 });
const ip = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const mask = fc.constantFrom(
  '255.255.255.0',
  '255.255.0.0',
  '255.0.0.0',
  '255.255.255.252',
  '255.255.255.255',
  '0.0.0.0',
  '255.0.255.0',
);
const vlan = fc.oneof(fc.integer({ min: 1, max: 4094 }), fc.constantFrom(1, 10, 20, 1002, 1005)).map(String);
const vlanItem = fc.oneof(
  fc.integer({ min: 1, max: 200 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 })).map(([a, n]) => `${a}-${a + n}`),
  fc.constantFrom('1002', '1000-1010', '4094'),
);
const vlanList = fc.array(vlanItem, { minLength: 1, maxLength: 3 }).map((v) => v.join(','));
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/);
const text = fc.stringMatching(/^[A-Za-z0-9 .,!^#-]{1,30}$/);
/** Passwords, including those that look like a type marker ("7", "0 x"). */
const pass = fc.oneof(word, fc.constantFrom('0', '7', '7 x', '0 0', 'a b'));

/** A secret as `enable secret 5` / `username ... secret 5` accept it ("cisco", MD5-crypt). */
const TYPE5 = '$1$7.LV$MKguNmZGvve56QvYwZMzw1';
/** "cisco" as type 7, text that is not type 7, and any offset and bytes (blanks, control characters...). */
const TYPE7 = fc.oneof(
  fc.constantFrom('0822455D0A16', '1511021F0725', 'ZZ'),
  fc.tuple(fc.integer({ min: 0, max: 15 }), fc.uint8Array({ maxLength: 3 })).map(
    ([o, b]) =>
      String(o).padStart(2, '0') +
      Array.from(b, (x) => x.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase(),
  ),
);

/** `banner motd|login|exec`: one line or several, with `#`, `$` or `^C` as the delimiter. */
const banner = fc
  .tuple(
    fc.constantFrom('motd', 'login', 'exec'),
    fc.constantFrom('#', '$', '^C'),
    fc.array(text, { minLength: 1, maxLength: 3 }),
  )
  .map(([kind, d, body]) => {
    const lines = body.map((l) => l.split(d).join(''));
    if (lines.length === 1) return [`banner ${kind} ${d}${lines[0]}${d}`];
    return [`banner ${kind} ${d}${lines[0]}`, ...lines.slice(1, -1), `${lines[lines.length - 1]}${d}`];
  });

const global = [
  word.map((w) => `hostname ${w}`),
  fc.tuple(fc.constantFrom('0 ', ''), pass).map(([t, w]) => `enable password ${t}${w}`),
  fc.constantFrom(
    'service password-encryption',
    'no service password-encryption',
    'no enable secret',
    'no enable password',
    `enable secret 5 ${TYPE5}`,
    'enable secret 5 not-a-hash',
    'no hostname',
  ),
  fc.tuple(fc.constantFrom('0 ', ''), word).map(([t, w]) => `enable secret ${t}${w}`),
  TYPE7.map((t) => `enable password 7 ${t}`),
  text.map((t) => `banner motd #${t.replaceAll('#', '')}#`),
  fc
    .tuple(
      fc.constantFrom('alias', 'no alias', 'default alias'),
      fc.constantFrom('exec', 'configure', 'interface'),
    )
    .chain(([verb, mode]) =>
      fc
        .tuple(fc.constantFrom('s', 'W', 'sib', 'lo', word), text)
        .map(([name, t]) => (verb === 'alias' ? `${verb} ${mode} ${name} ${t}` : `${verb} ${mode} ${name}`)),
    ),
  fc.constantFrom('no alias exec', 'no alias interface', 'alias exec s show'),
  fc
    .tuple(
      fc.integer({ min: 1, max: 65535 }),
      fc.integer({ min: 1, max: 65535 }),
      fc.integer({ min: 1, max: 65535 }),
    )
    .map(([s, a, w]) => `login block-for ${s} attempts ${a} within ${w}`),
  fc.constant('no login block-for'),
  fc
    .constantFrom('', 'no ')
    .chain((no) => fc.constantFrom(`${no}ip http server`, `${no}ip http secure-server`)),
  fc.constantFrom(
    'no banner motd',
    'no banner login',
    'no banner exec',
    'no ip domain-lookup',
    'ip domain-lookup',
    'end',
    'exit',
  ),
  ip.map((a) => `ip default-gateway ${a}`),
  fc.constant('no ip default-gateway'),
  word.map((w) => `ip domain-name ${w}.lab`),
  fc.constantFrom(
    'no ip domain-name',
    'no ip domain name',
    'ip ssh version 2',
    'ip ssh version 1',
    'no ip ssh version',
    'ip ssh time-out 75',
    'ip ssh time-out 120',
    'no ip ssh time-out',
    'no ip ssh time-out 60',
    'no ip ssh authentication-retries 2',
    'ip ssh authentication-retries 0',
    'ip ssh authentication-retries 3',
    'no ip ssh authentication-retries',
  ),
  fc.constantFrom('crypto key generate rsa modulus 1024', 'crypto key generate rsa general-keys modulus 768'),
  fc.integer({ min: 0, max: 16 }).map((n) => `security passwords min-length ${n}`),
  fc.constantFrom(
    'no security passwords min-length',
    'no cdp run',
    'cdp run',
    'default cdp run',
    'service timestamps log datetime msec',
    'no aaa new-model',
    'no service timestamps',
    'service timestamps',
    'ip cef',
    'no ip cef',
  ),
  fc
    .tuple(
      fc.constantFrom('no ', ''),
      fc.constantFrom('debug', 'log'),
      fc.constantFrom('', ' uptime', ' datetime'),
      fc.subarray(['msec', 'localtime', 'show-timezone', 'year']),
    )
    .map(([no, kind, style, opts]) => {
      const options = style === ' datetime' ? opts.map((o) => ` ${o}`).join('') : '';
      return `${no}service timestamps ${kind}${style}${options}`;
    }),
  fc
    .tuple(
      fc.constantFrom('admin', 'op'),
      fc.constantFrom('', ' privilege 15', ' privilege 0'),
      fc.constantFrom('secret', 'password', 'password 0', 'secret 0'),
      pass,
    )
    .map(([u, p, kind, w]) => `username ${u}${p} ${kind} ${w}`),
  fc.constantFrom(
    'no username admin',
    'username op password 7 0822455D0A16',
    `username admin privilege 15 secret 5 ${TYPE5}`,
  ),
  // A static route: next hop, exit interface or both, sometimes with a distance.
  fc
    .tuple(
      fc.constantFrom('10.1.0.0 255.255.0.0', '0.0.0.0 0.0.0.0', '192.168.9.0 255.255.255.0'),
      fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.9'),
      fc.constantFrom('', ' 5', ' 254'),
    )
    .map(([p, nh, d]) => `ip route ${p} ${nh}${d}`),
];

const lineBlock = fc
  .tuple(
    fc.constantFrom('line console 0', 'line vty 0 4', 'line vty 0 15', 'line vty 5 15'),
    fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom('0 ', ''), pass).map(([t, w]) => ` password ${t}${w}`),
        TYPE7.map((t) => ` password 7 ${t}`),
        fc.constantFrom(' login', ' no login', ' no password', ' login local', ' logging synchronous'),
        fc.constantFrom(
          ' no logging synchronous',
          ' no exec-timeout',
          ' exec-timeout 0 0',
          ' exec-timeout 10 0',
        ),
        fc
          .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 59 }))
          .map(([m, x]) => ` exec-timeout ${m} ${x}`),
        fc
          .constantFrom('all', 'none', 'ssh', 'telnet', 'ssh telnet', 'telnet ssh')
          .map((t) => ` transport input ${t}`),
        fc.constant(' no transport input'),
        fc.constantFrom(' history', ' no history', ' no history size', ' history size 10'),
        fc.integer({ min: 0, max: 256 }).map((n) => ` history size ${n}`),
        fc.constantFrom(' no length', ' length 24', ' length 0'),
        fc.integer({ min: 0, max: 512 }).map((n) => ` length ${n}`),
        fc
          .tuple(fc.constantFrom('', 'no '), fc.constantFrom('10', 'MGMT', '1300'))
          .map(([no, n]) => ` ${no}access-class ${n} in`),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([h, b]) => [h, ...b]);

/** Access lists: numbered lines, named blocks with sequence numbers, their uses. */
const wild = fc.constantFrom(
  '0.0.0.255',
  '0.0.255.255',
  '0.0.0.0',
  '255.255.255.255',
  '0.0.0.3',
  '0.255.0.255',
);
const aclAddr = fc.oneof(
  fc.constant('any'),
  ip.map((a) => `host ${a}`),
  fc.tuple(ip, wild).map(([a, w]) => `${a} ${w}`),
);
const stdSrc = fc.oneof(
  aclAddr,
  ip,
  small.map((h) => `10.0.0.${h}`),
);
const port = fc.oneof(
  fc.integer({ min: 0, max: 65535 }).map(String),
  fc.constantFrom('www', 'telnet', 'domain', '22', 'bootps', 'ww'),
);
const ports = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('eq', 'gt', 'lt', 'neq'), port).map(([o, p]) => ` ${o} ${p}`),
  fc.tuple(port, port).map(([a, b]) => ` range ${a} ${b}`),
);
const action = fc.constantFrom('permit', 'deny');
const extEntry = fc.oneof(
  fc
    .tuple(action, fc.constantFrom('ip', 'gre', 'ospf', '47', '0', 'ahp'), aclAddr, aclAddr)
    .map(([a, p, s, d]) => `${a} ${p} ${s} ${d}`),
  fc
    .tuple(
      action,
      fc.constantFrom('tcp', 'udp'),
      aclAddr,
      ports,
      aclAddr,
      ports,
      fc.constantFrom('', ' established'),
    )
    .map(([a, p, s, sp, d, dp, e]) => `${a} ${p} ${s}${sp} ${d}${dp}${e}`),
  fc
    .tuple(
      action,
      aclAddr,
      aclAddr,
      fc.constantFrom('', ' echo', ' echo-reply', ' 8', ' 3 13', ' unreachable', ' 11 0'),
    )
    .map(([a, s, d, t]) => `${a} icmp ${s} ${d}${t}`),
);
const stdEntry = fc.tuple(action, stdSrc).map(([a, s]) => `${a} ${s}`);
const seq = fc.constantFrom(5, 10, 15, 20, 25, 40);
const aclLines = fc.oneof(
  fc.tuple(fc.constantFrom('1', '10', '99', '1300'), stdEntry).map(([n, e]) => [`access-list ${n} ${e}`]),
  fc.tuple(fc.constantFrom('100', '110', '2000'), extEntry).map(([n, e]) => [`access-list ${n} ${e}`]),
  fc.tuple(fc.constantFrom('10', '110'), text).map(([n, t]) => [`access-list ${n} remark ${t}`]),
  fc.constantFrom('10', '110', '1300', '100 permit ip any any').map((n) => [`no access-list ${n}`]),
  fc
    .tuple(
      fc.constantFrom('MGMT', '10', 'A-1'),
      fc.array(
        fc.oneof(
          stdEntry.map((e) => ` ${e}`),
          fc.tuple(seq, stdEntry).map(([n, e]) => ` ${n} ${e}`),
          seq.map((n) => ` no ${n}`),
          text.map((t) => ` remark ${t}`),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([n, b]) => [`ip access-list standard ${n}`, ...b]),
  fc
    .tuple(
      fc.constantFrom('WEB', '110', 'MGMT'),
      fc.array(
        fc.oneof(
          extEntry.map((e) => ` ${e}`),
          fc.tuple(seq, extEntry).map(([n, e]) => ` ${n} ${e}`),
          seq.map((n) => ` no ${n}`),
          extEntry.map((e) => ` no ${e}`),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([n, b]) => [`ip access-list extended ${n}`, ...b]),
  fc.constantFrom('WEB', 'MGMT', '10').map((n) => [`no ip access-list extended ${n}`]),
);
const poolName = fc.constantFrom('LAN', 'GUEST', '10');
const dhcpLines = fc.oneof(
  fc
    .tuple(ip, fc.option(ip, { nil: undefined }))
    .map(([a, b]) => [`ip dhcp excluded-address ${a}${b === undefined ? '' : ` ${b}`}`]),
  small.map((h) => [`no ip dhcp excluded-address 10.0.0.${h}`]),
  poolName.map((n) => [`no ip dhcp pool ${n}`]),
  fc.constantFrom('no service dhcp', 'service dhcp').map((l) => [l]),
  fc
    .tuple(
      poolName,
      fc.array(
        fc.oneof(
          fc.tuple(ip, mask).map(([a, m]) => ` network ${a} ${m}`),
          fc.tuple(ip, fc.integer({ min: 8, max: 30 })).map(([a, l]) => ` network ${a} /${l}`),
          fc.array(ip, { minLength: 1, maxLength: 3 }).map((l) => ` default-router ${l.join(' ')}`),
          fc.array(ip, { minLength: 1, maxLength: 3 }).map((l) => ` dns-server ${l.join(' ')}`),
          word.map((w) => ` domain-name ${w}`),
          fc.constantFrom(
            ' lease 0 8',
            ' lease 7',
            ' lease infinite',
            ' lease 1',
            ' lease 2 3 4',
            ' lease 0 0 30',
            ' no lease',
            ' no network',
            ' no default-router',
            ' no dns-server',
            ' no domain-name',
          ),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([n, b]) => [`ip dhcp pool ${n}`, ...b]),
);
const helperUse = fc
  .tuple(
    fc.constantFrom('', 'no '),
    fc.oneof(
      ip,
      small.map((h) => `10.0.0.${h}`),
    ),
  )
  .map(([no, a]) => ` ${no}ip helper-address ${a}`);

/** NAT: pools, mappings, statics and timeouts, valid or not, with few names so that they collide. */
const natPoolName = fc.constantFrom('PUB', 'P2');
const natLines = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', 'no '),
      natPoolName,
      small,
      fc.integer({ min: 0, max: 12 }),
      fc.constantFrom(
        ' netmask 255.255.255.0',
        ' netmask 255.255.255.248',
        ' prefix-length 24',
        ' prefix-length 29',
      ),
    )
    .map(([no, n, a, k, m]) => [`${no}ip nat pool ${n} 209.165.200.${a} 209.165.200.${a + k}${m}`]),
  natPoolName.map((n) => [`no ip nat pool ${n}`]),
  fc
    .tuple(
      fc.constantFrom('', 'no '),
      fc.constantFrom('1', '10', 'NATLIST'),
      fc.oneof(
        natPoolName.map((n) => `pool ${n}`),
        natPoolName.map((n) => `pool ${n} overload`),
        fc.constantFrom('interface g0/0 overload', 'interface g0/1 overload', 'interface g0/0'),
      ),
    )
    .map(([no, l, t]) => [`${no}ip nat inside source list ${l} ${t}`]),
  fc
    .tuple(fc.constantFrom('', 'no '), small, small, fc.constantFrom('', ' extendable'))
    .map(([no, l, g, e]) => [`${no}ip nat inside source static 192.168.1.${l} 209.165.200.${20 + g}${e}`]),
  fc
    .tuple(
      fc.constantFrom('', 'no '),
      fc.constantFrom('tcp', 'udp'),
      small,
      fc.constantFrom(80, 8080),
      fc.constantFrom('209.165.200.30', 'interface g0/0'),
    )
    .map(([no, p, l, port, g]) => [`${no}ip nat inside source static ${p} 192.168.1.${l} 80 ${g} ${port}`]),
  fc
    .tuple(
      fc.constantFrom('', 'no '),
      fc.constantFrom(
        'timeout',
        'icmp-timeout',
        'udp-timeout',
        'tcp-timeout',
        'finrst-timeout',
        'syn-timeout',
      ),
      fc.constantFrom('30', '600', 'never'),
    )
    .map(([no, k, v]) => [`${no}ip nat translation ${k} ${v}`]),
);
const natUse = fc
  .tuple(fc.constantFrom('', 'no '), fc.constantFrom('inside', 'outside'))
  .map(([no, side]) => ` ${no}ip nat ${side}`);

/** HSRP on a router interface, valid or not, with few groups so that they collide. */
const standbyUse = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'no '), fc.constantFrom('', '0 ', '1 ', '2 '), small)
    .map(([no, g, h]) => ` ${no}standby ${g}ip 10.0.0.${250 + h}`),
  fc
    .tuple(
      fc.constantFrom('', 'no '),
      fc.constantFrom('1 ', '2 '),
      fc.constantFrom(
        'priority 150',
        'priority 100',
        'priority 0',
        'preempt',
        'preempt delay minimum 30',
        'timers 1 4',
        'timers 3 10',
        'timers 5 4',
        'name CORE',
        'ip',
      ),
    )
    .map(([no, g, rest]) => ` ${no}standby ${g}${rest}`),
  fc.constantFrom(
    ' no standby 1',
    ' no standby 2 priority',
    ' no standby 1 timers',
    ' standby version 2',
    ' standby version 1',
    ' no standby version',
  ),
);

/** OSPF: processes with few numbers and overlapping networks, so that statements and processes collide. */
const ospfPid = fc.constantFrom(1, 2, 10);
const ospfArea = fc.constantFrom('0', '1', '0.0.0.0', '0.0.0.1', '4294967295');
const ospfNetwork = fc.tuple(
  fc.constantFrom('10.0.0.0', '10.0.0.1', '10.1.0.0', '192.168.1.0', '0.0.0.0', '1.1.1.1'),
  fc.constantFrom('0.0.0.255', '0.255.255.255', '0.0.255.255', '255.255.255.255', '0.0.0.0', '0.0.0.3'),
  ospfArea,
);
const ospfLines = fc.oneof(
  fc
    .tuple(
      ospfPid,
      fc.array(
        fc.oneof(
          fc
            .tuple(fc.constantFrom('', 'no '), ospfNetwork)
            .map(([no, [n, w, area]]) => ` ${no}network ${n} ${w} area ${area}`),
          fc.constantFrom(
            ' router-id 1.1.1.1',
            ' router-id 2.2.2.2',
            ' no router-id',
            ' passive-interface default',
            ' no passive-interface default',
            ' passive-interface g0/0',
            ' no passive-interface g0/0',
            ' passive-interface lo0',
            ' no passive-interface g0/1',
            ' passive-interface g0/0.10',
            ' auto-cost reference-bandwidth 1000',
            ' auto-cost reference-bandwidth 100',
            ' no auto-cost reference-bandwidth',
            ' default-information originate',
            ' default-information originate always',
            ' default-information originate metric 10 always',
            ' default-information originate metric-type 1 metric 20',
            ' default-information originate metric-type 2',
            ' no default-information originate',
            ' log-adjacency-changes',
            ' log-adjacency-changes detail',
            ' no log-adjacency-changes',
            ' no log-adjacency-changes detail',
            ' default log-adjacency-changes',
            ' area 1 stub',
            ' exit',
          ),
        ),
        { maxLength: 5 },
      ),
    )
    .map(([pid, b]) => [`router ospf ${pid}`, ...b]),
  ospfPid.map((pid) => [`no router ospf ${pid}`]),
);
const ospfUse = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'no '), ospfPid, ospfArea)
    .map(([no, pid, area]) => ` ${no}ip ospf ${pid} area ${area}`),
  fc.constantFrom(
    ' ip ospf cost 10',
    ' ip ospf cost 1',
    ' no ip ospf cost',
    ' ip ospf priority 0',
    ' ip ospf priority 1',
    ' ip ospf priority 255',
    ' no ip ospf priority',
    ' ip ospf hello-interval 5',
    ' ip ospf hello-interval 10',
    ' no ip ospf hello-interval',
    ' ip ospf dead-interval 20',
    ' ip ospf dead-interval 40',
    ' no ip ospf dead-interval',
    ' ip ospf network point-to-point',
    ' ip ospf network broadcast',
    ' no ip ospf network',
    ' ip ospf authentication',
  ),
);

const aclUse = fc
  .tuple(
    fc.constantFrom('', 'no '),
    fc.constantFrom('10', '110', 'WEB', 'MGMT'),
    fc.constantFrom('in', 'out'),
  )
  .map(([no, n, d]) => ` ${no}ip access-group ${n} ${d}`);

const ifCommon = [
  fc.tuple(ip, mask).map(([a, m]) => ` ip address ${a} ${m}`),
  small.map((h) => ` ip address 10.0.0.${h} 255.255.255.0`),
  fc.constantFrom(
    ' shutdown',
    ' no shutdown',
    ' no ip address',
    ' ip address dhcp',
    ' no ip proxy-arp',
    ' ip proxy-arp',
    ' no description',
    ' default description',
    ' default ip address',
    ' default ip proxy-arp',
    ' no cdp enable',
    ' cdp enable',
    ' default cdp enable',
  ),
  text.map((t) => ` description ${t}`),
  fc.constantFrom(
    ' duplex full',
    ' duplex half',
    ' duplex auto',
    ' no duplex',
    ' default duplex',
    ' speed 10',
    ' speed 100',
    ' speed 1000',
    ' speed auto',
    ' no speed',
    ' default speed',
  ),
];

const block = (header: fc.Arbitrary<string>, body: fc.Arbitrary<string>) =>
  fc.tuple(header, fc.array(body, { minLength: 1, maxLength: 4 })).map(([h, b]) => [h, ...b]);

const routerIf = fc.constantFrom(
  'g0/0',
  'g0/1',
  'gig0/2',
  'g0/0.10',
  'g0/0.20',
  'g0/1.30',
  'lo0',
  'loopback 1',
  'range g0/0 - 1',
  'range g0/1, g0/2',
);

function routerLines(): fc.Arbitrary<string[]> {
  const ifBody = fc.oneof(
    ...ifCommon,
    fc.tuple(vlan, fc.boolean()).map(([v, n]) => ` encapsulation dot1Q ${v}${n ? ' native' : ''}`),
    fc.constantFrom(' no encapsulation dot1Q', ' default encapsulation dot1Q', ' no bandwidth'),
    fc.integer({ min: 1, max: 10_000_000 }).map((k) => ` bandwidth ${k}`),
    aclUse,
    helperUse,
    natUse,
    standbyUse,
    ospfUse,
    fc.constantFrom(' ip virtual-reassembly in', ' no ip virtual-reassembly in', ' ip virtual-reassembly'),
  );
  const singleIf = routerIf.filter((i) => !i.startsWith('range'));
  return fc
    .array(
      fc.oneof(
        fc
          .oneof(
            ...global,
            singleIf.map((i) => `no interface ${i}`),
            singleIf.map((i) => `default interface ${i}`),
            fc.tuple(ip, mask, ip).map(([a, m, n]) => `ip route ${a} ${m} ${n}`),
            small.map((h) => `ip route 172.16.0.0 255.255.0.0 10.0.0.${h}`),
            fc.tuple(octet, singleIf).map(([x, i]) => `ip route 172.${x}.0.0 255.255.0.0 ${i}`),
            fc
              .tuple(octet, singleIf, small, fc.constantFrom('', ' 7'))
              .map(([x, i, h, d]) => `ip route 172.${x}.0.0 255.255.0.0 ${i} 10.0.0.${h}${d}`),
            fc.tuple(ip, mask).map(([a, m]) => `no ip route ${a} ${m}`),
            fc.constantFrom('no ip routing', 'ip routing', 'no ip route 10.1.0.0 255.255.0.0 10.0.0.1'),
          )
          .map((l) => [l]),
        banner,
        aclLines,
        dhcpLines,
        natLines,
        ospfLines,
        block(
          routerIf.map((i) => `interface ${i}`),
          ifBody,
        ),
        lineBlock,
      ),
      { maxLength: 15 },
    )
    .map((b) => b.flat());
}

const switchIf = fc.constantFrom(
  'f0/1',
  'fa0/2',
  'f0/24',
  'g0/1',
  'vlan 1',
  'vlan 10',
  'vlan 4094',
  'range f0/3 - 5',
  'range f0/1-2, g0/2',
  'range g0/1 - 2',
  'port-channel 1',
  'po2',
  'range f0/1 - 2, po1',
);

/** EtherChannel: few groups and ports, so that protocols collide within a group. */
const channelGroup = fc.integer({ min: 1, max: 3 });
const channelUse = fc.oneof(
  fc
    .tuple(
      channelGroup,
      fc.constantFrom('on', 'active', 'passive', 'desirable', 'auto', 'desirable non-silent'),
    )
    .map(([g, m]) => ` channel-group ${g} mode ${m}`),
  fc.constantFrom(' no channel-group', ' channel-protocol lacp'),
);
const channelLines = fc.oneof(
  fc
    .constantFrom('src-mac', 'dst-mac', 'src-dst-mac', 'src-ip', 'dst-ip', 'src-dst-ip')
    .map((m) => `port-channel load-balance ${m}`),
  fc.constantFrom('no port-channel load-balance', 'default interface port-channel 1'),
  channelGroup.map((g) => `no interface port-channel ${g}`),
);

/**
 * `multilayer`: a 3560's lines too (routing, the trunk encapsulation, routed ports and what
 * they take, OSPF).
 */
function switchLines(multilayer: boolean): fc.Arbitrary<string[]> {
  const ifBody = fc.oneof(
    ...ifCommon,
    ...(multilayer
      ? [
          fc.constantFrom(
            ' switchport trunk encapsulation dot1q',
            ' switchport trunk encapsulation negotiate',
            ' switchport trunk encapsulation isl',
            ' no switchport trunk encapsulation',
            ' default switchport trunk encapsulation',
            ' ip address 10.0.0.1 255.255.255.0',
            ' no switchport',
            // A routed port's lines, which a switch port refuses.
            ' switchport',
            ' default switchport',
            ' ip address 10.9.0.1 255.255.255.252',
            ' ip address dhcp',
            ' no ip address',
            ' no ip proxy-arp',
            ' no ip redirects',
            ' bandwidth 10000',
            ' arp timeout 60',
          ),
          ospfUse,
        ]
      : []),
    helperUse,
    channelUse,
    fc.constantFrom(
      ' switchport mode access',
      ' switchport mode trunk',
      ' switchport mode dynamic auto',
      ' switchport mode dynamic desirable',
      ' switchport nonegotiate',
      ' no switchport nonegotiate',
      ' no switchport mode',
      ' default switchport mode',
      ' switchport trunk allowed vlan all',
      ' switchport trunk allowed vlan none',
      ' no switchport trunk allowed vlan',
      ' default switchport trunk allowed vlan',
      ' no switchport access vlan',
      ' default switchport access vlan',
      ' no switchport trunk native vlan',
      ' default switchport nonegotiate',
      ' switchport port-security',
      ' no switchport port-security',
      ' switchport port-security maximum 3',
      ' no switchport port-security maximum',
      ' switchport port-security violation restrict',
      ' switchport port-security violation protect',
      ' switchport port-security aging time 60',
      ' no switchport port-security aging time',
      ' switchport port-security aging type inactivity',
      ' switchport port-security aging type absolute',
      ' switchport port-security aging static',
      ' no switchport port-security aging static',
      ' no switchport port-security violation',
      ' no switchport port-security violation restrict',
      ' no switchport port-security maximum 3',
      ' switchport port-security mac-address sticky',
      ' no switchport port-security mac-address sticky',
      ' switchport port-security mac-address 0000.1111.2222',
      ' switchport port-security mac-address sticky 0000.1111.3333',
      ' no switchport port-security mac-address 0000.1111.2222',
      ' spanning-tree portfast',
      ' spanning-tree portfast trunk',
      ' spanning-tree portfast disable',
      ' no spanning-tree portfast',
      ' spanning-tree bpduguard enable',
      ' spanning-tree bpduguard disable',
      ' no spanning-tree bpduguard',
      ' spanning-tree bpdufilter enable',
      ' spanning-tree bpdufilter disable',
      ' no spanning-tree bpdufilter',
      ' spanning-tree guard root',
      ' spanning-tree guard loop',
      ' spanning-tree guard none',
      ' no spanning-tree guard',
      ' no spanning-tree guard root',
      ' spanning-tree link-type point-to-point',
      ' spanning-tree link-type shared',
      ' no spanning-tree link-type',
      ' spanning-tree cost 100',
      ' no spanning-tree cost',
      ' spanning-tree port-priority 64',
      ' spanning-tree port-priority 100',
      ' no spanning-tree port-priority',
    ),
    fc
      .tuple(vlanList, fc.constantFrom('cost 7', 'port-priority 32', 'port-priority 33', 'cost 0'))
      .map(([v, what]) => ` spanning-tree vlan ${v} ${what}`),
    vlanList.map((v) => ` no spanning-tree vlan ${v} cost`),
    vlan.map((v) => ` switchport access vlan ${v}`),
    vlan.map((v) => ` switchport trunk native vlan ${v}`),
    fc
      .tuple(fc.constantFrom('', 'add ', 'remove ', 'except '), vlanList)
      .map(([op, v]) => ` switchport trunk allowed vlan ${op}${v}`),
  );
  return fc
    .array(
      fc.oneof(
        fc
          .oneof(
            ...global,
            fc.constantFrom(
              'errdisable recovery cause psecure-violation',
              'errdisable recovery cause bpduguard',
              'errdisable recovery cause all',
              'no errdisable recovery cause psecure-violation',
              'no errdisable recovery cause all',
              'errdisable recovery interval 30',
              'errdisable recovery interval 300',
              'errdisable recovery interval 86400',
              'no errdisable recovery interval',
              'no errdisable recovery interval 45',
            ),
            fc.constantFrom('no interface vlan 10', 'no interface vlan 4094', 'default interface f0/1'),
            ...(multilayer
              ? [
                  fc.constantFrom(
                    'ip routing',
                    'no ip routing',
                    'ip route 0.0.0.0 0.0.0.0 10.9.0.2',
                    'ip route 172.16.0.0 255.255.0.0 GigabitEthernet0/1',
                  ),
                ]
              : []),
            channelLines,
            vlanList.map((v) => `no vlan ${v}`),
            fc.constantFrom(
              'spanning-tree portfast default',
              'no spanning-tree portfast default',
              'spanning-tree portfast bpduguard default',
              'no spanning-tree portfast bpduguard default',
              'spanning-tree portfast bpdufilter default',
              'no spanning-tree portfast bpdufilter default',
              'spanning-tree loopguard default',
              'no spanning-tree loopguard default',
              'spanning-tree mode pvst',
              'spanning-tree mode rapid-pvst',
              'no spanning-tree mode',
              'no spanning-tree etherchannel guard misconfig',
              'spanning-tree etherchannel guard misconfig',
            ),
            fc
              .tuple(
                fc.constantFrom('', 'no '),
                vlanList,
                fc.constantFrom(
                  '',
                  ' priority 4096',
                  ' priority 20000',
                  ' priority 0',
                  ' root primary',
                  ' root secondary',
                  ' hello-time 5',
                  ' forward-time 4',
                  ' max-age 40',
                  ' max-age 41',
                ),
              )
              .map(
                ([no, v, what]) =>
                  `${no}spanning-tree vlan ${v}${no === '' ? what : what.replace(/ \d+$/, '')}`,
              ),
          )
          .map((l) => [l]),
        banner,
        aclLines,
        dhcpLines,
        ...(multilayer ? [ospfLines] : []),
        block(
          switchIf.map((i) => `interface ${i}`),
          ifBody,
        ),
        block(
          vlanList.map((v) => `vlan ${v}`),
          fc.oneof(
            word.map((w) => ` name ${w}`),
            fc.constantFrom(' no name', ' exit'),
          ),
        ),
        lineBlock,
      ),
      { maxLength: 15 },
    )
    .map((b) => b.flat());
}

/** Configuration a student might type, valid or not, line by line. */
export const configLines = (platform: IosPlatform): fc.Arbitrary<string[]> =>
  platform === 'router' ? routerLines() : switchLines(platform === 'multilayer');
