/**
 * A command that goes on printing as virtual time passes, as ping and traceroute do on a real
 * console: a line (or an IOS "!") per probe as its outcome comes, the summary at the end. The
 * user may break it: Ctrl+C at a Windows prompt, Ctrl+Shift+6 on IOS ("Type escape sequence to
 * abort.").
 *
 * A console that streams (the app's) shows its output as the simulation's clock runs; one that
 * does not (scripts, transcripts) lets virtual time run until the command ends and prints it
 * whole. A command that never ends by itself (`ping -t`) streams everywhere: a script stops it
 * with a `^C` line.
 */
import type { TracerouteHop, TracerouteJob } from '../engine/api.ts';
import type { Micros } from '../shared/time.ts';

export type Ending = 'done' | 'stopped';

/** Lines as a running command prints them: each ending in "\n". */
export const linesText = (...lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');

export interface Running {
  /** What it printed since the last call: whole lines end in "\n"; IOS marks may be part of one. */
  take(): string;
  /** It ended, and `take` has returned all it printed. */
  readonly done: boolean;
  /** The break key: it stops, and this is what it prints then (its summary, Windows' "Control-C"). */
  interrupt(): string;
  /** How long a console that does not stream waits for it; undefined when it never ends by itself. */
  readonly limit: Micros | undefined;
  /** A session on another device it opened (Telnet): once it ends, lines typed go there. */
  readonly session?: RemoteSession;
}

/** A session on another device's line (telnet/client.ts): the console's lines go to it while it is open. */
export interface RemoteSession {
  readonly open: boolean;
  /** The far end's prompt. */
  prompt(): string;
  /** Whether the far end reads a password, which it does not echo. */
  secret(): boolean;
  /** Sends a typed line; its answer prints as it comes. */
  send(line: string): Running;
  /** What the far end printed on its own since (messages, its closing), at its prompt. */
  poll(): string;
  /** Ends it from this side at once, without a word on this console. */
  close(): void;
}

/**
 * What a traceroute prints as it goes: a hop's number as its first probe leaves (`probe` -1),
 * then each probe as it ends.
 */
export interface TraceStep {
  readonly hop: TracerouteHop;
  readonly probe: number;
}

/** A traceroute's steps so far, in the order they print. */
export function traceSteps(job: TracerouteJob): readonly TraceStep[] {
  const steps: TraceStep[] = [];
  for (const hop of job.hops) {
    steps.push({ hop, probe: -1 });
    for (let probe = 0; probe < hop.probes.length; probe++) steps.push({ hop, probe });
  }
  return steps;
}

/** What a probe command prints, from its engine job. */
export interface ProbeOutput<T> {
  /** Printed when it starts. */
  readonly head: string;
  /** The outcomes known so far that print as they come (probes, finished hops). */
  items(): readonly T[];
  /** The text of item `i`. */
  item(x: T, i: number): string;
  /**
   * Printed after the last item, when the job ended or was stopped; `midLine`: the last item
   * left its line open.
   */
  tail(ending: Ending, midLine: boolean): string;
}

/** A running probe command over `job` (engine ping or traceroute), printed by `out`. */
export function runningProbe<T>(
  job: { readonly done: boolean; stop(): void },
  out: ProbeOutput<T>,
  limit: Micros | undefined,
): Running {
  let started = false;
  let printed = 0;
  let ended = false;
  let midLine = false;
  const items = (): string => {
    const all = out.items();
    let text = '';
    for (; printed < all.length; printed++) text += out.item(all[printed]!, printed);
    if (text !== '') midLine = !text.endsWith('\n');
    return text;
  };
  return {
    limit,
    get done() {
      return ended;
    },
    take() {
      if (ended) return '';
      let text = started ? '' : out.head;
      started = true;
      // Read `done` first: an outcome that comes with the end is then among the items.
      const finished = job.done;
      text += items();
      if (finished) {
        ended = true;
        text += out.tail('done', midLine);
      }
      return text;
    },
    interrupt() {
      if (ended) return '';
      const finished = job.done;
      job.stop();
      let text = started ? '' : out.head;
      started = true;
      text += items();
      ended = true;
      return text + out.tail(finished ? 'done' : 'stopped', midLine);
    },
  };
}

/**
 * A command that first waits for `job` (a name's lookup; nothing prints meanwhile, as on a real
 * console), then goes on as what `next` makes of its outcome: another running command, or the
 * text it prints at once. Broken off while it waits, it prints what `interrupted` says.
 */
export function runningAfter(
  job: { readonly done: boolean; stop(): void },
  next: () => Running | string,
  limit: Micros | undefined,
  interrupted: () => string,
): Running {
  let then: Running | undefined;
  let ended = false;
  let last = '';
  const advance = (): void => {
    if (then !== undefined || ended || !job.done) return;
    const n = next();
    if (typeof n === 'string') {
      ended = true;
      last = n;
    } else then = n;
  };
  return {
    limit,
    get done() {
      return (ended && last === '') || (then?.done ?? false);
    },
    get session() {
      return then?.session;
    },
    take() {
      advance();
      if (then !== undefined) return then.take();
      const text = last;
      last = '';
      return text;
    },
    interrupt() {
      advance();
      if (then !== undefined) return then.interrupt();
      if (ended) {
        const text = last;
        last = '';
        return text;
      }
      job.stop();
      ended = true;
      return interrupted();
    },
  };
}
