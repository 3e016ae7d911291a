/**
 * The %LINK and %LINEPROTO messages IOS prints when an interface really changes state
 * (after `no shutdown`, a cable plugged in, the peer shut down...): %LINK-3-UPDOWN when the
 * hardware goes up or down, %LINK-5-CHANGED when it is shut down by configuration. The
 * engine owns the state; this compares it with what the console saw last.
 */
import type { IosDeviceContext } from '../context.ts';

interface Seen {
  readonly status: string;
  readonly protocol: string;
}

export class LinkLog {
  private last: Map<string, Seen>;

  constructor(private readonly dev: IosDeviceContext) {
    this.last = this.snapshot();
  }

  private snapshot(): Map<string, Seen> {
    return new Map(
      this.dev.sim.interfaces(this.dev.id).map((s) => [s.name, { status: s.status, protocol: s.protocol }]),
    );
  }

  /** Messages for every change since the previous call. */
  poll(): string[] {
    const now = this.snapshot();
    const out: string[] = [];
    for (const [name, s] of now) {
      // A new interface (a subinterface, an SVI) is announced only when it comes up.
      const before = this.last.get(name) ?? {
        status: s.status === 'up' ? 'down' : s.status,
        protocol: s.protocol === 'up' ? 'down' : s.protocol,
      };
      if (s.status !== before.status) {
        const id = s.status === 'administratively down' ? 'LINK-5-CHANGED' : 'LINK-3-UPDOWN';
        out.push(`%${id}: Interface ${name}, changed state to ${s.status}`);
      }
      if (s.protocol !== before.protocol) {
        out.push(`%LINEPROTO-5-UPDOWN: Line protocol on Interface ${name}, changed state to ${s.protocol}`);
      }
    }
    this.last = now;
    return out;
  }
}
