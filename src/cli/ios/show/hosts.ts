/**
 * `show hosts`: the domain service's settings, then the host table, as IOS 15 prints them
 * (IOSv and CUBE captures): names the resolver learned ("temp", their age in hours) before the
 * `ip host` entries ("perm"), in columns of 26, 6, 11, 4 and 6 characters. "Default domain is
 * not set" and "Name servers are 255.255.255.255" without those settings (c7200 and 15.x
 * captures); with `no ip domain lookup`, "uses static mappings" and no servers line.
 */
import { addressesOf } from '../../../engine/apps/dns-lookup.ts';
import { formatIpv4, type Ipv4Addr } from '../../../shared/ipv4.ts';
import type { IosEnv } from '../env.ts';

const row = (host: string, flags: string, age: number, addresses: readonly Ipv4Addr[]): string =>
  `${host.padEnd(25)} None  ${flags.padEnd(11)} ${String(age).padEnd(3)} IP    ${addresses.map(formatIpv4).join(' ')}`;

export function showHosts(env: IosEnv): string[] {
  const c = env.config();
  const dev = env.device!;
  const servers = c.nameServers?.length ? c.nameServers.map(formatIpv4).join(', ') : '255.255.255.255';
  const out = [
    `Default domain is ${c.domainName ?? 'not set'}`,
    `Name/address lookup uses ${c.domainLookup ? 'domain service' : 'static mappings'}`,
    ...(c.domainLookup ? [`Name servers are ${servers}`] : []),
    '',
    'Codes: UN - unknown, EX - expired, OK - OK, ?? - revalidate',
    '       temp - temporary, perm - permanent',
    '       NA - Not Applicable None - Not defined',
    '',
    'Host                      Port  Flags      Age Type   Address(es)',
  ];
  for (const e of dev.sim.dnsCache(dev.id)) {
    const { addresses } = addressesOf(e.name, e.records);
    if (addresses.length === 0) continue;
    const hours = Math.floor(((e.records[0]?.ttl ?? e.ttl) - e.ttl) / 3600);
    out.push(row(e.name, '(temp, OK)', Math.max(0, hours), addresses));
  }
  for (const h of c.ipHosts ?? []) out.push(row(h.name, '(perm, OK)', 0, h.addresses));
  return out;
}
