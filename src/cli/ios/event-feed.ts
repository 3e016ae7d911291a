/**
 * A console's reader of one of the engine's bounded event logs (debugging, spanning tree): it
 * starts at the log's end, as a terminal plugged into a running device sees only what follows,
 * and each `take` gives what came since the last.
 */
export interface EventRead<E> {
  readonly events: readonly E[];
  readonly next: number;
}

export class EventFeed<E> {
  /** The engine's sequence number of the next event to take. */
  private next: number;

  constructor(private readonly read: (since: number) => EventRead<E>) {
    this.next = read(Number.POSITIVE_INFINITY).next;
  }

  take(): readonly E[] {
    const { events, next } = this.read(this.next);
    this.next = next;
    return events;
  }
}
