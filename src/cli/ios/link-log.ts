/**
 * The %LINK and %LINEPROTO messages IOS prints when an interface changes state (after
 * `no shutdown`, a cable plugged in, the peer shut down...): %LINK-3-UPDOWN when the hardware
 * goes up or down, %LINK-5-CHANGED when it is shut down by configuration, %LINEPROTO-5-UPDOWN
 * for the line protocol. They are read from the engine's log of interface changes, so each
 * carries the virtual time of its change, and a change undone before the console looked is
 * still reported.
 *
 * IOS reports the line protocol about a second after the link it rides on (a 1941 or a 2960:
 * "%LINK-3-UPDOWN ... up" at 00:00:47, "%LINEPROTO-5-UPDOWN ... up" at 00:00:48), and the
 * other way round when the carrier goes. The engine changes both at once, so frames flow at
 * once; only the messages wait that second.
 */
import type { InterfaceChange } from '../../engine/api.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import type { LogEntry } from './shell.ts';

/** How long after the link IOS reports its line protocol. */
export const LINEPROTO_DELAY = seconds(1);

/**
 * When IOS prints a change. Up: the link, then the line protocol a second later. Loss of
 * carrier: the line protocol first, the link a second later (a 1941 or a C5940 on IOS 15:
 * "%LINEPROTO-5-UPDOWN ... down" at 00:02:25.643, "%LINK-3-UPDOWN ... down" at 00:02:26.643).
 * A loopback has no link to wait for: its line protocol is reported at once. A port that port
 * security error-disables reports both a second later still (a 2960: %PM-4-ERR_DISABLE at
 * 00:24:32.829, "%LINEPROTO-5-UPDOWN ... down" at 00:24:33.836, "%LINK-3-UPDOWN ... down" at
 * 00:24:34.843).
 */
function stamp(c: InterfaceChange, carrierLost: boolean): Micros {
  const at = c.errDisabled === true ? ((c.at + LINEPROTO_DELAY) as Micros) : c.at;
  const later = (at + LINEPROTO_DELAY) as Micros;
  if (c.kind === 'status') return carrierLost ? later : at;
  return carrierLost || c.interface.startsWith('Loopback') ? at : later;
}

function message(c: InterfaceChange, carrierLost: boolean): LogEntry {
  const at = stamp(c, carrierLost);
  if (c.kind === 'status') {
    const id = c.status === 'administratively down' ? 'LINK-5-CHANGED' : 'LINK-3-UPDOWN';
    return { at, text: `%${id}: Interface ${c.interface}, changed state to ${c.status}` };
  }
  return {
    at,
    text: `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${c.interface}, changed state to ${c.protocol}`,
  };
}

/** An interface's link and line protocol went down together because the carrier went away. */
const lossKey = (c: InterfaceChange): string => `${c.interface}@${c.at}`;

export class LinkLog {
  /** The engine's sequence number of the next change to report, from the oldest it holds. */
  private next = 0;

  constructor(private readonly dev: IosDeviceContext) {}

  /** Messages for the changes since the previous call, each stamped with when IOS prints it. */
  poll(): LogEntry[] {
    const { changes, next } = this.dev.sim.interfaceChanges(this.dev.id, this.next);
    this.next = next;
    // The carrier went: link and line protocol both went down in the same change.
    const linkDown = new Set<string>();
    const lost = new Set<string>();
    for (const c of changes) if (c.kind === 'status' && c.status === 'down') linkDown.add(lossKey(c));
    for (const c of changes)
      if (c.kind === 'protocol' && c.protocol === 'down' && linkDown.has(lossKey(c))) lost.add(lossKey(c));
    return changes.map((c) => message(c, lost.has(lossKey(c))));
  }
}
