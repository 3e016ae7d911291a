/**
 * IOS 15's NAT as an ISR G2 prints it on an 80-column terminal: `show ip nat translations
 * [verbose]` and `show ip nat statistics` (captures of a 1941 with 15.2(4)M3, a 2821 with
 * 15.1(4)M7 and IOSv/IOL 15.x; the column stops from IOS's own table printer).
 */
import type { NatStatistics, NatTranslation } from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, maskFromLen } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import { ago } from './show/format.ts';

const PROTOCOLS: Readonly<Record<number, string>> = { 0: '---', 1: 'icmp', 6: 'tcp', 17: 'udp' };

const HEADER = 'Pro Inside global      Inside local       Outside local      Outside global';
/** Where each column starts: a value that ends past a stop is followed by one space only. */
const STOPS = [4, 23, 42, 61];

const end = (addr: Ipv4Addr | undefined, port: number): string =>
  addr === undefined ? '---' : port < 0 ? formatIpv4(addr) : `${formatIpv4(addr)}:${port}`;

function row(t: NatTranslation): string {
  const values = [
    end(t.insideGlobal, t.insideGlobalPort),
    end(t.insideLocal, t.insideLocalPort),
    end(t.outside, t.outsideLocalPort),
    end(t.outside, t.outsideGlobalPort),
  ];
  let line = PROTOCOLS[t.protocol] ?? String(t.protocol);
  values.forEach((v, i) => {
    line = `${line.length < STOPS[i]! ? line.padEnd(STOPS[i]!) : `${line} `}${v}`;
  });
  return line;
}

/** hh:mm:ss, as the verbose view gives what is left of a translation's life. */
function clock(micros: number): string {
  const s = Math.max(0, Math.floor(micros / 1_000_000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** The verbose view's three lines after a translation's row. */
function details(t: NatTranslation, now: Micros): string[] {
  const times = `    create ${ago(now, t.created)}, use ${ago(now, t.used)} timeout:`;
  const timing =
    t.timeout < 0
      ? `${times}0, `
      : `${times}${Math.floor(t.timeout / 1000)}, left ${clock(t.expires - now)}, ${
          t.mapping !== undefined ? `Map-Id(In): ${t.mapping}, ` : ''
        }`;
  const flags = [
    ...(t.static ? ['static'] : []),
    ...(t.protocol !== 0 ? ['extended'] : []),
    ...(t.timingOut ? ['timing-out'] : []),
    ...(t.extendable ? ['extendable'] : []),
  ];
  return [
    timing,
    '    flags: ',
    `${flags.length === 0 ? 'none' : flags.join(', ')}, use_count: ${t.flows}, entry-id: ${t.id}, lc_entries: 0`,
  ];
}

/** The table, or nothing at all when it is empty (IOS prints its header with the first row). */
export function showNatTranslations(all: readonly NatTranslation[], verbose: boolean, now: Micros): string[] {
  if (all.length === 0) return [];
  return [HEADER, ...all.flatMap((t) => [row(t), ...(verbose ? details(t, now) : [])])];
}

/** The interfaces on one side, on one line, in the configuration's order. */
function side(c: DeviceConfig, which: 'inside' | 'outside'): string[] {
  const names = Object.entries(c.interfaces)
    .filter(([, i]) => i.nat === which)
    .map(([name]) => name);
  return names.length === 0 ? [] : [`  ${names.join(', ')}`];
}

export function showNatStatistics(s: NatStatistics, c: DeviceConfig, now: Micros): string[] {
  const out = [
    `Total active translations: ${s.active} (${s.statics} static, ${s.dynamics} dynamic; ${s.extended} extended)`,
    s.peak === 0
      ? 'Peak translations: 0'
      : `Peak translations: ${s.peak}, occurred ${ago(now, s.peakAt)} ago`,
    'Outside interfaces:',
    ...side(c, 'outside'),
    'Inside interfaces: ',
    ...side(c, 'inside'),
    `Hits: ${s.hits}  Misses: ${s.misses}`,
    `CEF Translated packets: ${s.cefTranslated}, CEF Punted packets: 0`,
    `Expired translations: ${s.expired}`,
    'Dynamic mappings:',
  ];
  if (s.mappings.length > 0) out.push('-- Inside Source');
  for (const m of s.mappings) {
    const target = m.pool !== undefined ? `pool ${m.pool}` : `interface ${m.interface}`;
    out.push(`[Id: ${m.id}] access-list ${m.acl} ${target} refcount ${m.refcount}`);
    const p = m.poolStatus;
    if (p === undefined) continue;
    out.push(
      ` pool ${m.pool}: netmask ${formatIpv4(maskFromLen(p.len))}`,
      `\tstart ${formatIpv4(p.start)} end ${formatIpv4(p.end)}`,
      `\ttype generic, total addresses ${p.total}, allocated ${p.allocated} (${Math.floor((p.allocated * 100) / p.total)}%), misses ${p.misses}`,
    );
  }
  out.push('', 'Total doors: 0', 'Appl doors: 0', 'Normal doors: 0', 'Queued Packets: 0');
  return out;
}
