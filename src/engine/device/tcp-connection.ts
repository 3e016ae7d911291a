/**
 * One TCP connection (RFC 9293 3.3.2 states, 3.10 event processing; RFC 6298 retransmission).
 *
 * What remote sessions need, as real stacks do it: the three-way handshake, in-order data with
 * cumulative acknowledgements, delayed ACKs, retransmission with exponential backoff, the
 * orderly close with FIN in both directions and TIME-WAIT, and resets. Segments arriving out of
 * order are not queued: they are acknowledged with what is expected and come again when the
 * sender retransmits (links keep their order, so this happens only after a path changes).
 * Windows are honoured as sent but never scaled: the engine's applications read everything at
 * once, so each side offers its full window throughout.
 */
import type { TcpFailure, TcpSocket, TcpState } from '../api.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { TcpSegment } from '../wire/tcp.ts';
import { readMss, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../wire/tcp.ts';
import type { TcpProfile } from './tcp-profile.ts';

/** What a connection needs of its IP stack. */
export interface TcpHost {
  readonly now: number;
  readonly profile: TcpProfile;
  /** Sends a segment of this connection; false when it could not leave (no route, no address). */
  sendSegment(c: TcpConnection, flags: number, seq: number, data: Uint8Array, options: Uint8Array): boolean;
  timer(target: EventTarget, code: number): Timer;
  /** The connection is done with: its ports may be used again. */
  forget(c: TcpConnection): void;
  /** The segment size its SYN offers the peer. */
  mssFor(c: TcpConnection): number;
  /** A passive connection completed its handshake. */
  accepted(c: TcpConnection): void;
}

/** Largest segment an Ethernet link takes: 1500 bytes less the IPv4 and TCP headers. */
export const ETHERNET_MSS = 1460;
/** RFC 9293 3.7.1: the segment size to assume when the peer sends no MSS option. */
const DEFAULT_MSS = 536;

const EV_RETRANSMIT = 1;
const EV_ACK = 2;
const EV_TIME_WAIT = 3;

const NO_DATA = new Uint8Array(0);
const NO_OPTIONS = new Uint8Array(0);

/** Sequence arithmetic modulo 2^32 (RFC 9293 3.4). */
const seqAdd = (a: number, n: number): number => (a + n) >>> 0;
const seqDiff = (a: number, b: number): number => (a - b) | 0;

export class TcpConnection implements EventTarget, TcpSocket {
  state: TcpState;
  failure: TcpFailure | undefined;
  /** The peer closed its side (a FIN came): nothing more will arrive. */
  peerClosed = false;
  private readonly host: TcpHost;
  private readonly iss: number;
  /** RFC 9293's SND.UNA, SND.NXT, SND.WND and RCV.NXT. */
  private sndUna: number;
  private sndNxt: number;
  private sndWnd = 0;
  private rcvNxt = 0;
  private peerMss = DEFAULT_MSS;
  /** Bytes from SND.UNA on: sent and not yet acknowledged, then not yet sent. */
  private outgoing: Uint8Array = NO_DATA;
  private readonly incoming: Uint8Array[] = [];
  /** `close` was called: a FIN follows the data, and `finSeq` is its number once sent. */
  private closing = false;
  private finSeq = -1;
  private readonly rto: Timer;
  private readonly ackTimer: Timer;
  private rtoValue: number;
  private retries = 0;
  private ackPending = false;
  /** An ICMP error came while connecting: a timeout then reads as unreachable. */
  private softError = false;

  constructor(
    host: TcpHost,
    readonly localAddr: number,
    readonly localPort: number,
    readonly remoteAddr: number,
    readonly remotePort: number,
    iss: number,
    state: 'syn-sent' | 'syn-received',
  ) {
    this.host = host;
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = iss;
    this.state = state;
    this.rtoValue = host.profile.initialRto;
    this.rto = host.timer(this, EV_RETRANSMIT);
    this.ackTimer = host.timer(this, EV_ACK);
  }

  /** Active open: the SYN leaves now. */
  open(): void {
    this.sendSyn();
  }

  /** Passive open, for a SYN that came to a listening port. */
  answer(syn: TcpSegment): void {
    this.rcvNxt = seqAdd(syn.seq, 1);
    this.sndWnd = syn.window;
    this.peerMss = readMss(syn.options) ?? DEFAULT_MSS;
    this.sendSyn();
  }

  /** Queues bytes to send; they leave as the peer's window allows. Ignored once closing. */
  write(data: Uint8Array): void {
    if (data.length === 0 || this.closing || !this.canSend()) return;
    const joined = new Uint8Array(this.outgoing.length + data.length);
    joined.set(this.outgoing);
    joined.set(data, this.outgoing.length);
    this.outgoing = joined;
    this.push();
  }

  /** Takes what has arrived since the last read (empty when nothing has). */
  read(): Uint8Array {
    const parts = this.incoming;
    if (parts.length === 0) return NO_DATA;
    if (parts.length === 1) return parts.pop()!;
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts.length = 0;
    return out;
  }

  /** The acknowledgement number of a segment it sends with `flags`. */
  ackNumber(flags: number): number {
    return flags & TCP_ACK ? this.rcvNxt : 0;
  }

  /** Bytes written and not yet acknowledged by the peer. */
  get unacknowledged(): number {
    return this.outgoing.length;
  }

  /** Orderly close: a FIN after whatever is still to send. */
  close(): void {
    if (this.closing || this.state === 'closed' || this.state === 'time-wait') return;
    if (this.state === 'syn-sent') {
      this.end(undefined);
      return;
    }
    this.closing = true;
    this.push();
  }

  /** Ends the connection at once with a reset (RFC 9293 3.10.5: ABORT). */
  abort(): void {
    if (this.state === 'closed') return;
    if (this.state !== 'syn-sent' && this.state !== 'time-wait')
      this.host.sendSegment(this, TCP_RST | TCP_ACK, this.sndNxt, NO_DATA, NO_OPTIONS);
    this.end('aborted');
  }

  /** Its device restarted or went away: it ends without a word on the wire. */
  halt(): void {
    this.end('aborted');
  }

  /** An ICMP error about one of its segments, or a failed ARP resolution for it. */
  unreachable(hard: boolean): void {
    // RFC 1122 4.2.3.9: only a hard error ends a connection; a connecting one keeps trying
    // until its SYNs run out, and then says why.
    if (this.state === 'syn-sent' && hard) this.end('unreachable');
    else if (this.state === 'syn-sent') this.softError = true;
  }

  receive(seg: TcpSegment): void {
    const flags = seg.flags;
    if (this.state === 'syn-sent') {
      this.receiveInSynSent(seg);
      return;
    }
    if (this.state === 'closed') return;
    // RFC 9293 3.10.7.4: where the segment falls against RCV.NXT (nothing is queued ahead).
    let offset = seqDiff(seg.seq, this.rcvNxt);
    if (flags & TCP_RST) {
      // Only a reset exactly at RCV.NXT is believed (RFC 5961 3.2).
      if (offset === 0) this.end(this.state === 'syn-received' ? undefined : 'reset');
      return;
    }
    if (flags & TCP_SYN) {
      // A retransmitted SYN whose SYN-ACK was lost, or a SYN in a synchronized state: either
      // way the answer is what this side would say now (RFC 5961 4: a challenge ACK).
      if (this.state === 'syn-received' && seg.seq === seqAdd(this.rcvNxt, -1)) this.sendSyn();
      else this.sendAck();
      return;
    }
    if (!(flags & TCP_ACK)) return;
    // Bytes already received (retransmitted because their ACK was lost) are trimmed off.
    let data = seg.data;
    if (offset < 0) {
      const old = Math.min(-offset, data.length);
      data = data.subarray(old);
      offset += old;
    }
    if (!this.takeAck(seg)) return;
    // The acknowledgement may have ended the connection, or finished its closing.
    const now = this.state as TcpState;
    if (now === 'closed') return;
    const fin = (flags & TCP_FIN) !== 0;
    if (offset !== 0 || now === 'time-wait' || (data.length === 0 && seg.data.length > 0 && !fin)) {
      // Ahead of what is expected, a duplicate or a FIN again: the peer learns what is.
      if (seg.data.length > 0 || fin) this.sendAck();
      return;
    }
    if (data.length > 0 && this.receiving()) {
      this.incoming.push(data);
      this.rcvNxt = seqAdd(this.rcvNxt, data.length);
      this.scheduleAck();
    }
    if (fin) this.takeFin();
  }

  onEvent(code: number): void {
    if (code === EV_ACK) {
      if (this.ackPending) this.sendAck();
    } else if (code === EV_RETRANSMIT) this.retransmit();
    else if (code === EV_TIME_WAIT) this.end(undefined);
  }

  private receiveInSynSent(seg: TcpSegment): void {
    const flags = seg.flags;
    const ackOk = (flags & TCP_ACK) !== 0 && seg.ack === seqAdd(this.iss, 1);
    if (flags & TCP_RST) {
      if (ackOk) this.end('refused');
      return;
    }
    if (flags & TCP_ACK && !ackOk) {
      this.host.sendSegment(this, TCP_RST, seg.ack, NO_DATA, NO_OPTIONS);
      return;
    }
    if (!(flags & TCP_SYN) || !ackOk) return;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.sndUna = seqAdd(this.iss, 1);
    this.sndWnd = seg.window;
    this.peerMss = readMss(seg.options) ?? DEFAULT_MSS;
    this.established();
    this.sendAck();
    this.push();
  }

  /** Processes a segment's acknowledgement; false when the segment is to be dropped. */
  private takeAck(seg: TcpSegment): boolean {
    const acked = seqDiff(seg.ack, this.sndUna);
    if (seqDiff(seg.ack, this.sndNxt) > 0) {
      // It acknowledges what was never sent (RFC 9293 3.10.7.4, fifth check).
      if (this.state === 'syn-received') this.host.sendSegment(this, TCP_RST, seg.ack, NO_DATA, NO_OPTIONS);
      else this.sendAck();
      return false;
    }
    this.sndWnd = seg.window;
    if (this.state === 'syn-received') {
      if (acked <= 0) return false;
      this.sndUna = seg.ack;
      this.established();
      this.host.accepted(this);
      return true;
    }
    if (acked <= 0) return true;
    // The SYN and FIN take a number each but hold no byte.
    const finAcked = this.finSeq >= 0 && seg.ack === seqAdd(this.finSeq, 1);
    const bytes = Math.min(acked - (finAcked ? 1 : 0), this.outgoing.length);
    this.outgoing = this.outgoing.subarray(bytes);
    this.sndUna = seg.ack;
    this.retries = 0;
    this.rtoValue = this.host.profile.initialRto;
    if (this.sndUna === this.sndNxt) this.rto.disarm();
    else this.armRto();
    if (finAcked) {
      if (this.state === 'fin-wait-1') this.state = 'fin-wait-2';
      else if (this.state === 'closing') this.enterTimeWait();
      else if (this.state === 'last-ack') this.end(undefined);
    }
    this.push();
    return true;
  }

  private takeFin(): void {
    this.rcvNxt = seqAdd(this.rcvNxt, 1);
    this.peerClosed = true;
    if (this.state === 'established') this.state = 'close-wait';
    else if (this.state === 'fin-wait-1') this.state = 'closing';
    else if (this.state === 'fin-wait-2') this.enterTimeWait();
    // A FIN is acknowledged at once (RFC 1122 4.2.3.2 delays data only).
    this.sendAck();
  }

  /** Whether data that arrives is still for the application (it has not been told the end). */
  private receiving(): boolean {
    return this.state === 'established' || this.state === 'fin-wait-1' || this.state === 'fin-wait-2';
  }

  private canSend(): boolean {
    return (
      this.state === 'syn-sent' ||
      this.state === 'syn-received' ||
      this.state === 'established' ||
      this.state === 'close-wait'
    );
  }

  private established(): void {
    this.state = 'established';
    this.retries = 0;
    this.rtoValue = this.host.profile.initialRto;
    this.rto.disarm();
  }

  /** Sends what the window allows of the unsent bytes, then the FIN once they are all out. */
  private push(): void {
    if (this.state !== 'established' && this.state !== 'close-wait') return;
    const mss = Math.min(this.peerMss, ETHERNET_MSS);
    for (;;) {
      const inFlight = seqDiff(this.sndNxt, this.sndUna);
      const unsent = this.outgoing.length - inFlight;
      const room = this.sndWnd - inFlight;
      if (unsent <= 0 || room <= 0) break;
      const n = Math.min(unsent, room, mss);
      const data = this.outgoing.subarray(inFlight, inFlight + n);
      const last = n === unsent;
      this.sendData(this.sndNxt, data, last ? TCP_PSH : 0);
      this.sndNxt = seqAdd(this.sndNxt, n);
    }
    if (this.closing && this.finSeq < 0 && seqDiff(this.sndNxt, this.sndUna) === this.outgoing.length) {
      this.finSeq = this.sndNxt;
      this.state = this.state === 'established' ? 'fin-wait-1' : 'last-ack';
      this.sendData(this.sndNxt, NO_DATA, TCP_FIN);
      this.sndNxt = seqAdd(this.sndNxt, 1);
    }
  }

  private sendData(seq: number, data: Uint8Array, flags: number): void {
    this.ackPending = false;
    this.ackTimer.disarm();
    this.host.sendSegment(this, flags | TCP_ACK, seq, data, NO_OPTIONS);
    this.armRto();
  }

  private sendSyn(): void {
    const options = this.host.profile.synOptions(this.host.mssFor(this));
    const flags = this.state === 'syn-sent' ? TCP_SYN : TCP_SYN | TCP_ACK;
    this.sndNxt = seqAdd(this.iss, 1);
    if (!this.host.sendSegment(this, flags, this.iss, NO_DATA, options) && this.state === 'syn-sent') {
      this.end('unreachable');
      return;
    }
    this.armRto();
  }

  private sendAck(): void {
    this.ackPending = false;
    this.ackTimer.disarm();
    this.host.sendSegment(this, TCP_ACK, this.sndNxt, NO_DATA, NO_OPTIONS);
  }

  /**
   * Data arrived: its ACK waits for data to ride on, at most the profile's delay, but goes at
   * once for every second segment (RFC 5681 4.2).
   */
  private scheduleAck(): void {
    if (this.ackPending) {
      this.sendAck();
      return;
    }
    this.ackPending = true;
    this.ackTimer.set(this.host.now + this.host.profile.delayedAck, null, 0);
  }

  private armRto(): void {
    this.rto.set(this.host.now + this.rtoValue, null, 0);
  }

  /** The oldest unacknowledged segment goes again, or the connection gives up. */
  private retransmit(): void {
    if (this.sndUna === this.sndNxt) return;
    const synPhase = this.state === 'syn-sent' || this.state === 'syn-received';
    const limit = synPhase ? this.host.profile.synRetries : this.host.profile.dataRetries;
    if (this.retries >= limit) {
      if (this.state === 'syn-received') this.end(undefined);
      else this.end(this.state === 'syn-sent' ? (this.softError ? 'unreachable' : 'timeout') : 'timeout');
      return;
    }
    this.retries++;
    this.rtoValue = Math.min(this.rtoValue * 2, this.host.profile.maxRto);
    if (synPhase) {
      this.sendSyn();
      return;
    }
    // The oldest segment goes again; what follows it comes again on later timeouts, or is
    // covered by the acknowledgement of the first (the receiver queues nothing out of order).
    if (this.sndUna === this.finSeq) {
      this.sendData(this.finSeq, NO_DATA, TCP_FIN);
      return;
    }
    const inFlight = Math.min(seqDiff(this.sndNxt, this.sndUna), this.outgoing.length);
    const n = Math.min(inFlight, this.peerMss, ETHERNET_MSS);
    this.sendData(this.sndUna, this.outgoing.subarray(0, n), TCP_PSH);
  }

  private enterTimeWait(): void {
    this.state = 'time-wait';
    this.rto.cancel();
    this.ackTimer.cancel();
    this.host.timer(this, EV_TIME_WAIT).set(this.host.now + this.host.profile.timeWait, null, 0);
  }

  private end(failure: TcpFailure | undefined): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.failure = failure;
    this.rto.cancel();
    this.ackTimer.cancel();
    this.host.forget(this);
  }
}
