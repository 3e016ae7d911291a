/** NTP between IOS devices: a master, its clients, what counts as an answer, losing a server. */
import { describe, expect, it } from 'vitest';
import type { NtpPeerStatus } from '../../src/engine/api.ts';
import { LOCAL_CLOCK } from '../../src/engine/device/ntp.ts';
import {
  decodeNtp,
  NTP_LEAP_ALARM,
  NTP_LEAP_NONE,
  type NtpMessage,
  refIdOfText,
} from '../../src/engine/wire/ntp.ts';
import type { NtpConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;
const SET_TIME = Date.UTC(2026, 10, 25, 10, 0, 0);

const R1_IF = { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } };
const R2_IF = { interfaces: { 'g0/0': { ip: '10.0.0.2/24' } } };
const R3_IF = { interfaces: { 'g0/0': { ip: '10.0.0.3/24' } } };

/** R1 and R2 on one cable, R1's clock set; each then takes `ntp1` and `ntp2`. */
function pair(ntp1: NtpConfig | undefined, ntp2: NtpConfig | undefined): TestNet {
  const n = new TestNet();
  n.router('R1', R1_IF).router('R2', R2_IF);
  n.link('R1:g0/0', 'R2:g0/0');
  n.settle();
  n.sim.setClock(d('R1'), SET_TIME);
  // Each knows the other's MAC address: no request waits for ARP (an IOS router drops the
  // datagram that starts a resolution, which would take a sample out of a burst).
  n.finish(n.ping('R2', '10.0.0.1'));
  setNtp(n, 'R1', ntp1);
  setNtp(n, 'R2', ntp2);
  return n;
}

function setNtp(n: TestNet, name: 'R1' | 'R2', ntp: NtpConfig | undefined): void {
  const c = n.config(name, name === 'R1' ? R1_IF : R2_IF);
  n.sim.configure(d(name), ntp === undefined ? c : { ...c, ntp });
}

/** R1, R2 and R3 (10.0.0.3) on S1, its ports forwarding. */
function threeRouters(): TestNet {
  const n = new TestNet();
  n.router('R1', R1_IF).router('R2', R2_IF).router('R3', R3_IF);
  n.switch('S1');
  n.link('R1:g0/0', 'S1:fa0/1');
  n.link('R2:g0/0', 'S1:fa0/2');
  n.link('R3:g0/0', 'S1:fa0/3');
  n.run(seconds(35));
  return n;
}

const toR1: NtpConfig = { servers: [{ address: ip('10.0.0.1') }] };

/** NTP messages on the cable, with who sent them. */
function ntpOnWire(n: TestNet): { src: string; m: NtpMessage }[] {
  const seen: { src: string; m: NtpMessage }[] = [];
  n.sim.onWire((_at, _link, f) => {
    const p = f.payload;
    if (!('proto' in p) || p.proto !== 'ipv4' || p.payload.proto !== 'udp') return;
    if (p.payload.dstPort !== 123) return;
    const m = decodeNtp(p.payload.data);
    if (m.ok) seen.push({ src: formatIpv4(p.src), m: m.value });
  });
  return seen;
}

/** Runs until `done`, a second at a time, for at most `limit` seconds; the seconds it took. */
function until(n: TestNet, done: () => boolean, limit = 1200): number {
  const start = n.sim.now();
  while (!done() && n.sim.now() - start < seconds(limit)) n.run(seconds(1));
  return (n.sim.now() - start) / seconds(1);
}

const peer = (n: TestNet, name: string, i = 0): NtpPeerStatus => n.sim.ntp(d(name))!.peers[i]!;

describe('NTP', () => {
  it('does not run without an ntp command', () => {
    const n = pair(undefined, undefined);
    expect(n.sim.ntp(d('R1'))).toBeUndefined();
    expect(n.sim.timeOfDay(d('R1')).ntpSynced).toBeUndefined();
  });

  it('makes `ntp master` a stratum-N reference once its own clock has filled its filter', () => {
    const n = pair({ master: 3, servers: [] }, undefined);
    const s = n.sim.ntp(d('R1'))!;
    expect(s.synced).toBe(false);
    expect(s.stratum).toBe(16);
    // The local clock is named from the start, before its first sample.
    expect(s.peers[0]).toMatchObject({
      address: LOCAL_CLOCK,
      stratum: 2,
      refId: refIdOfText('LOCL'),
      reach: 0,
    });
    const took = until(n, () => n.sim.ntp(d('R1'))!.synced);
    // Polled every 16 s: the fourth sample brings the distance under 1.5 s.
    expect(took).toBeGreaterThan(45);
    expect(took).toBeLessThan(52);
    const synced = n.sim.ntp(d('R1'))!;
    expect(synced.stratum).toBe(3);
    expect(synced.refId).toBe(LOCAL_CLOCK);
    expect(synced.peers).toHaveLength(1);
    expect(synced.peers[0]).toMatchObject({
      address: LOCAL_CLOCK,
      stratum: 2,
      reach: 0o17,
      state: 'sys.peer',
      poll: 16,
    });
    // The master's time stays the user's.
    expect(n.sim.timeOfDay(d('R1')).source).toBe('user');
  });

  it("sets a client's clock from a burst of six answers: reach 1, dispersion 0.1875 s", () => {
    const n = pair({ master: 3, servers: [] }, undefined);
    until(n, () => n.sim.ntp(d('R1'))!.synced);
    setNtp(n, 'R2', toR1);
    const before = peer(n, 'R2');
    expect(before).toMatchObject({ stratum: 16, reach: 0, state: 'rejected', poll: 64 });
    expect(before.dispersion).toBeCloseTo(15.9375, 3);
    expect(before.lastHeard).toBeUndefined();
    // The burst's fourth answer brings the distance under 1.5 s, 6 s after the first.
    const took = until(n, () => n.sim.ntp(d('R2'))!.synced);
    expect(took).toBeGreaterThanOrEqual(7);
    expect(took).toBeLessThanOrEqual(10);
    n.run(seconds(6));
    const s = n.sim.ntp(d('R2'))!;
    expect(s.stratum).toBe(4);
    expect(s.refId).toBe(ip('10.0.0.1'));
    expect(peer(n, 'R2')).toMatchObject({ stratum: 3, reach: 1, state: 'sys.peer' });
    expect(peer(n, 'R2').dispersion).toBeCloseTo(16 / 64 - 16 / 256, 2);
    // Stepped to the master's time, to the millisecond.
    const t1 = n.sim.timeOfDay(d('R1'));
    const t2 = n.sim.timeOfDay(d('R2'));
    expect(t2.source).toBe('ntp');
    expect(t2.ntpSynced).toBe(true);
    expect(Math.abs(t2.wallMs() - t1.wallMs())).toBeLessThanOrEqual(1);
  });

  it('fills the filter one sample a poll after the burst: 63 ms at reach 3, a few ms at reach 7', () => {
    const n = pair({ master: 3, servers: [] }, undefined);
    until(n, () => n.sim.ntp(d('R1'))!.synced);
    setNtp(n, 'R2', toR1);
    const seen: number[] = [];
    for (const reach of [3, 7]) {
      until(n, () => peer(n, 'R2').reach === reach);
      n.run(seconds(1));
      seen.push(peer(n, 'R2').dispersion);
    }
    expect(seen[0]).toBeCloseTo(16 / 128 - 16 / 256, 2);
    expect(seen[1]).toBeLessThan(0.01);
  });

  it('steps through 7.9375, 3.9375 and 1.9375 s as the burst answers come in', () => {
    const n = pair({ master: 3, servers: [] }, undefined);
    until(n, () => n.sim.ntp(d('R1'))!.synced);
    setNtp(n, 'R2', toR1);
    until(n, () => peer(n, 'R2').reach === 1);
    const seen: number[] = [];
    for (let k = 0; k < 3; k++) {
      seen.push(Math.floor(peer(n, 'R2').dispersion * 16) / 16);
      n.run(seconds(2));
    }
    expect(seen).toEqual([7.9375, 3.9375, 1.9375]);
  });

  it('ignores an unsynchronized server: its answers say so and leave reach at 0', () => {
    // R1 runs NTP (it asks 10.0.0.9, which no one has) but is not synchronized.
    const n = pair({ servers: [{ address: ip('10.0.0.9') }] }, toR1);
    const wire = ntpOnWire(n);
    n.run(seconds(200));
    const answers = wire.filter((w) => w.src === '10.0.0.1' && w.m.mode === 4);
    expect(answers.length).toBeGreaterThan(2);
    for (const a of answers) expect(a.m).toMatchObject({ leap: NTP_LEAP_ALARM, stratum: 0 });
    expect(peer(n, 'R2')).toMatchObject({ reach: 0, state: 'rejected' });
    expect(n.sim.ntp(d('R2'))!.synced).toBe(false);
  });

  it('gets no answer from a device without NTP', () => {
    const n = pair(undefined, toR1);
    n.run(seconds(300));
    expect(peer(n, 'R2').reach).toBe(0);
    expect(peer(n, 'R2').lastHeard).toBeUndefined();
  });

  it('answers with the request transmit time as origin, from the address asked', () => {
    const n = pair({ master: 3, servers: [] }, toR1);
    const wire = ntpOnWire(n);
    until(n, () => n.sim.ntp(d('R2'))!.synced);
    const requests = wire.filter((w) => w.m.mode === 3);
    const replies = wire.filter((w) => w.m.mode === 4);
    expect(requests.every((r) => r.src === '10.0.0.2' && r.m.version === 4 && r.m.poll === 6)).toBe(true);
    const last = replies[replies.length - 1]!;
    expect(last.src).toBe('10.0.0.1');
    expect(last.m).toMatchObject({ leap: NTP_LEAP_NONE, stratum: 3, referenceId: LOCAL_CLOCK });
    const asked = requests.find((r) => r.m.transmit.seconds === last.m.origin.seconds);
    expect(asked?.m.transmit).toEqual(last.m.origin);
    // Unreachable, it asks six times 2 s apart; reached, once a poll, 64 s apart.
    n.run(seconds(200));
    const sentAt = wire.filter((w) => w.m.mode === 3).map((r) => r.m.transmit.seconds);
    const gaps = sentAt.slice(1).map((t, k) => t - sentAt[k]!);
    expect(gaps.slice(-2)).toEqual([64, 64]);
    expect(gaps.slice(0, 5)).toEqual([2, 2, 2, 2, 2]);
  });

  it('loses synchronization when its server stops answering', () => {
    const n = pair({ master: 3, servers: [] }, toR1);
    until(n, () => n.sim.ntp(d('R2'))!.synced);
    setNtp(n, 'R1', undefined);
    const took = until(n, () => !n.sim.ntp(d('R2'))!.synced);
    expect(took).toBeGreaterThan(64 * 2);
    expect(n.sim.timeOfDay(d('R2')).ntpSynced).toBe(false);
    // The time set by NTP stays: it is still authoritative, only no longer synchronized.
    expect(n.sim.timeOfDay(d('R2')).source).toBe('ntp');
    expect(n.sim.ntp(d('R2'))!.stratum).toBe(16);
  });

  it('prefers the server marked `prefer`, lowest stratum otherwise', () => {
    const n = threeRouters();
    n.sim.configure(d('R1'), { ...n.config('R1', R1_IF), ntp: { master: 2, servers: [] } });
    n.sim.configure(d('R2'), { ...n.config('R2', R2_IF), ntp: { master: 5, servers: [] } });
    const r3 = n.config('R3', R3_IF);
    n.sim.configure(d('R3'), {
      ...r3,
      ntp: { servers: [{ address: ip('10.0.0.2') }, { address: ip('10.0.0.1') }] },
    });
    until(n, () => n.sim.ntp(d('R3'))!.synced);
    n.run(seconds(300));
    expect(n.sim.ntp(d('R3'))!.refId).toBe(ip('10.0.0.1'));
    // Listed in the order configured.
    expect(n.sim.ntp(d('R3'))!.peers.map((p) => [formatIpv4(p.address), p.state])).toEqual([
      ['10.0.0.2', 'candidate'],
      ['10.0.0.1', 'sys.peer'],
    ]);
    n.sim.configure(d('R3'), {
      ...r3,
      ntp: { servers: [{ address: ip('10.0.0.2'), prefer: true }, { address: ip('10.0.0.1') }] },
    });
    // The stratum and reference follow the new choice at once, before its next sample.
    expect(n.sim.ntp(d('R3'))!.refId).toBe(ip('10.0.0.2'));
    expect(n.sim.ntp(d('R3'))!.stratum).toBe(6);
    // Without the server it follows, it takes the other at once too.
    n.sim.configure(d('R3'), { ...r3, ntp: { servers: [{ address: ip('10.0.0.1') }] } });
    expect(n.sim.ntp(d('R3'))!).toMatchObject({ synced: true, stratum: 3, refId: ip('10.0.0.1') });
  });

  it('does not follow a server synchronized to itself: two clients of a lost master lose sync', () => {
    const n = threeRouters();
    const r3 = n.config('R3', R3_IF);
    n.sim.configure(d('R3'), { ...r3, ntp: { master: 2, servers: [] } });
    n.sim.configure(d('R1'), {
      ...n.config('R1', R1_IF),
      ntp: { servers: [{ address: ip('10.0.0.3') }, { address: ip('10.0.0.2') }] },
    });
    n.sim.configure(d('R2'), { ...n.config('R2', R2_IF), ntp: { servers: [{ address: ip('10.0.0.1') }] } });
    until(n, () => n.sim.ntp(d('R2'))!.synced && n.sim.ntp(d('R1'))!.synced);
    n.run(seconds(300));
    // R2 follows R1, so R1 does not take R2 as a candidate: R2's reference is R1 itself.
    expect(n.sim.ntp(d('R1'))!.peers.map((p) => p.state)).toEqual(['sys.peer', 'rejected']);
    // R3 stops answering: R1 lets it go after its eight unanswered polls, then R2 lets R1 go,
    // and at no point does R1 take R2's time, which is its own.
    n.sim.configure(d('R3'), r3);
    let followedR2 = false;
    const took = until(n, () => {
      followedR2 ||= n.sim.ntp(d('R1'))!.refId === ip('10.0.0.2');
      return !n.sim.ntp(d('R1'))!.synced && !n.sim.ntp(d('R2'))!.synced;
    });
    expect(followedR2).toBe(false);
    expect(took).toBeLessThan(1000);
  });

  it('updates the clock once per sample: unanswered polls leave the reference time alone', () => {
    const n = pair({ master: 3, servers: [] }, toR1);
    until(n, () => n.sim.ntp(d('R2'))!.synced);
    n.run(seconds(130));
    setNtp(n, 'R1', undefined);
    n.run(seconds(2));
    const last = n.sim.ntp(d('R2'))!.referenceMs;
    n.run(seconds(100));
    const s = n.sim.ntp(d('R2'))!;
    expect(s.synced).toBe(true);
    expect(s.referenceMs).toBe(last);
  });

  it('asks an unreachable server less often: 1024 s apart after ten silent polls', () => {
    const n = pair(undefined, { servers: [{ address: ip('10.0.0.9') }] });
    n.run(seconds(64 * 10));
    expect(peer(n, 'R2').poll).toBe(64);
    n.run(seconds(64 * 2 + 128 + 256 + 512 + 1024));
    expect(peer(n, 'R2').poll).toBe(1024);
    expect(peer(n, 'R2')).toMatchObject({ reach: 0, lastHeard: undefined });
  });

  it('sends a zero reference time before it has one', () => {
    const n = pair(undefined, toR1);
    const wire = ntpOnWire(n);
    n.run(seconds(5));
    expect(wire.length).toBeGreaterThan(0);
    for (const w of wire) expect(w.m.reference).toEqual({ seconds: 0, fraction: 0 });
  });

  it('starts over after a reload, keeping its configuration', () => {
    const n = pair({ master: 3, servers: [] }, toR1);
    until(n, () => n.sim.ntp(d('R2'))!.synced);
    n.sim.reload(d('R2'));
    const s = n.sim.ntp(d('R2'))!;
    expect(s.synced).toBe(false);
    expect(s.peers[0]).toMatchObject({ reach: 0, stratum: 16 });
    until(n, () => n.sim.ntp(d('R2'))!.synced);
    expect(n.sim.ntp(d('R2'))!.stratum).toBe(4);
  });
});
