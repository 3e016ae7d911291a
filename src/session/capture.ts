/**
 * A packet capture of everything that crosses any cable of a session, as a libpcap file
 * (what `trame pcap` writes and Wireshark reads).
 */
import { pcapFile } from '../engine/pcap.ts';
import type { Micros } from '../shared/time.ts';
import type { Session } from './session.ts';

export class Capture {
  private readonly frames: [Micros, Uint8Array][] = [];
  private readonly stopListening: () => void;

  constructor(session: Session) {
    this.stopListening = session.capture((at, frame) => {
      this.frames.push([at, frame]);
    });
  }

  get frameCount(): number {
    return this.frames.length;
  }

  /** Stops capturing and returns the pcap file. */
  stop(): Uint8Array {
    this.stopListening();
    return pcapFile(this.frames);
  }
}
