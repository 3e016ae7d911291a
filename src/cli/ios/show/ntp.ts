/**
 * `show ntp associations` and `show ntp status` as IOS 15 (NTPv4) prints them: IOL, IOSv and
 * 2960 15.2 captures. The associations table's numbers are milliseconds in columns of 7, 8 and
 * 7, each at most one character narrower, with up to three decimals, cut rather than rounded
 * ("15937.", "7937.5", "189.46", "1.204"). The status names the platform's clock: an ISR's
 * 250 Hz tick (resolution 4000), a 2960's 119.2092 Hz (resolution 8403). Without NTP, both
 * print "%NTP is not enabled.".
 */
import type { NtpPeerStatus, NtpStatus } from '../../../engine/api.ts';
import { LOCAL_CLOCK } from '../../../engine/device/ntp.ts';
import { ntpTimestampOfMs, refIdText } from '../../../engine/wire/ntp.ts';
import { formatIpv4, type Ipv4Addr } from '../../../shared/ipv4.ts';
import { seconds } from '../../../shared/time.ts';
import { clockText } from '../clock.ts';
import type { IosEnv } from '../env.ts';

const NOT_ENABLED = '%NTP is not enabled.';
const HEADER = '  address         ref clock       st   when   poll reach  delay  offset   disp';
const LEGEND = ' * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured';
/** 00:00:00 UTC Jan 1 1900, NTP's zero, in ms since 1970. */
const NTP_EPOCH_MS = -2_208_988_800_000;

function status(env: IosEnv): NtpStatus | undefined {
  return env.device!.sim.ntp(env.device!.id);
}

/** A value in ms, cut to fit `width - 1` characters with at most three decimals, right-aligned. */
export function ntpNumber(ms: number, width: number): string {
  const v = Math.abs(ms) < 0.0005 ? 0 : ms;
  const sign = v < 0 ? '-' : '';
  const whole = `${sign}${Math.trunc(Math.abs(v))}`;
  const decimals = Math.min(3, width - 1 - whole.length - 1);
  if (decimals < 0) return whole.padStart(width);
  const scale = 10 ** decimals;
  const cut = Math.trunc(Math.abs(v) * scale + 1e-9) / scale;
  return `${sign}${cut.toFixed(decimals)}${decimals === 0 ? '.' : ''}`.padStart(width);
}

/**
 * A reference ID as IOS shows it: a code (".INIT.", ".LOCL.") from a server at stratum 0 or
 * 1, one not synchronized, or the local clock; otherwise an address.
 */
function refText(refId: number, stratum: number, local: boolean): string {
  const code = refIdText(refId);
  if (code !== undefined && (stratum <= 1 || stratum >= 16 || local)) return `.${code}.`;
  return formatIpv4(refId as Ipv4Addr);
}

const TALLY: Record<NtpPeerStatus['state'], string> = { 'sys.peer': '*', candidate: '+', rejected: ' ' };

export function associationRow(p: NtpPeerStatus, now: number): string {
  const local = p.address === LOCAL_CLOCK;
  const when = p.lastHeard === undefined ? '-' : String(Math.floor((now - p.lastHeard) / seconds(1)));
  return [
    TALLY[p.state],
    p.configured ? '~' : ' ',
    formatIpv4(p.address).padEnd(16),
    refText(p.refId, p.stratum, local).padEnd(15),
    String(p.stratum).padStart(3),
    when.padStart(7),
    String(p.poll).padStart(7),
    p.reach.toString(8).padStart(6),
    ntpNumber(p.delay * 1000, 7),
    ntpNumber(p.offset * 1000, 8),
    ntpNumber(p.dispersion * 1000, 7),
  ].join('');
}

export function showNtpAssociations(env: IosEnv): string[] {
  const s = status(env);
  if (s === undefined) return [NOT_ENABLED];
  const now = env.device!.sim.now();
  return ['', HEADER, ...s.peers.map((p) => associationRow(p, now)), LEGEND];
}

/** "DA5E7147.56CADEA7 (19:54:31.339 UTC Thu Feb 4 2016)". */
function referenceTime(ms: number | undefined): string {
  const t = ms === undefined ? { seconds: 0, fraction: 0 } : ntpTimestampOfMs(ms);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return `${hex(t.seconds)}.${hex(t.fraction)} (${clockText(ms === undefined ? NTP_EPOCH_MS : Math.floor(ms))})`;
}

/** `v` with `d` decimals, never "-0.00". */
const fixed = (v: number, d: number): string => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d);

export function showNtpStatus(env: IosEnv): string[] {
  const s = status(env);
  if (s === undefined) return [NOT_ENABLED];
  const now = env.device!.sim.now();
  const router = env.kind === 'router';
  const freq = router ? '250.0000' : '119.2092';
  let first = 'Clock is unsynchronized, stratum 16, no reference clock';
  if (s.synced) {
    const code = refIdText(s.refId);
    const ref =
      s.stratum === 1 && code !== undefined ? `.${code}.` : formatIpv4(s.refId as Ipv4Addr).padEnd(15);
    first = `Clock is synchronized, stratum ${s.stratum}, reference is ${ref}`;
  }
  const updated = s.updatedAt !== undefined;
  const ago = updated ? Math.floor((now - s.updatedAt!) / seconds(1)) : 0;
  return [
    first,
    `nominal freq is ${freq} Hz, actual freq is ${freq} Hz, precision is 2**${-s.precision}`,
    `ntp uptime is ${Math.floor((now - s.since) / seconds(1)) * 100} (1/100 of seconds), resolution is ${router ? 4000 : 8403}`,
    `reference time is ${referenceTime(s.referenceMs)}`,
    `clock offset is ${fixed(s.offset * 1000, 4)} msec, root delay is ${fixed(s.rootDelay * 1000, 2)} msec`,
    `root dispersion is ${fixed(s.rootDispersion * 1000, 2)} msec, peer dispersion is ${fixed(s.peerDispersion * 1000, 2)} msec`,
    updated
      ? "loopfilter state is 'CTRL' (Normal Controlled Loop), drift is 0.000000000 s/s"
      : "loopfilter state is 'NSET' (Never set), drift is 0.000000000 s/s",
    updated
      ? `system poll interval is ${s.poll}, last update was ${ago} sec ago.`
      : `system poll interval is ${s.poll}, never updated.`,
  ];
}
