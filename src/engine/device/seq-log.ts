/**
 * A bounded log that readers consume by sequence number, each at its own pace: entries are
 * numbered from 0, the latest `capacity` are kept, and a reader that fell further behind is
 * told how many it missed.
 */
export interface SeqRead<T> {
  /** In log order. */
  readonly entries: readonly T[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Entries from `since` on that the log had already let go. */
  readonly missed: number;
}

export class SeqLog<T> {
  private readonly ring: T[] = [];
  /** Entries ever logged: the next one's sequence number. */
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** The sequence number the next entry gets. */
  get nextSeq(): number {
    return this.count;
  }

  push(entry: T): void {
    this.ring[this.count % this.capacity] = entry;
    this.count++;
  }

  /** Entries from sequence number `since` on that the log still holds. */
  read(since: number): SeqRead<T> {
    const oldest = Math.max(0, this.count - this.capacity);
    const wanted = Math.max(0, Math.ceil(since));
    const entries: T[] = [];
    for (let seq = Math.max(wanted, oldest); seq < this.count; seq++)
      entries.push(this.ring[seq % this.capacity]!);
    return { entries, next: this.count, missed: Math.max(0, oldest - wanted) };
  }
}
