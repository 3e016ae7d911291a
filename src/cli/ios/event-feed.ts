/**
 * The logging process's reader of one of the engine's bounded event logs (debugging, spanning
 * tree, DHCP, HSRP): it starts at the oldest event the log still holds, and each `take` gives
 * what came since the last.
 */
import type { Micros } from '../../shared/time.ts';
import type { LogEntry } from './shell.ts';

export interface EventRead<E> {
  readonly events: readonly E[];
  readonly next: number;
}

export class EventFeed<E> {
  /** The engine's sequence number of the next event to take. */
  private next = 0;

  constructor(private readonly read: (since: number) => EventRead<E>) {}

  take(): readonly E[] {
    const { events, next } = this.read(this.next);
    this.next = next;
    return events;
  }
}

/**
 * A log whose events each make console messages at their time, worded by `text` (one, or several
 * in order), unless `shown` drops the event.
 */
export class MessageLog<E extends { readonly at: Micros }> {
  private readonly feed: EventFeed<E>;

  constructor(
    read: (since: number) => EventRead<E>,
    private readonly text: (e: E) => string | readonly string[],
    private readonly shown: (e: E) => boolean = () => true,
  ) {
    this.feed = new EventFeed(read);
  }

  poll(): LogEntry[] {
    return this.feed
      .take()
      .filter(this.shown)
      .flatMap((e) => [this.text(e)].flat().map((text) => ({ at: e.at, text })));
  }
}
