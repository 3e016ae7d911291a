/**
 * One EXEC session and the line it is on: the console, or a vty line a Telnet session took.
 * What belongs to the session rather than to the device lives here and ends with it: the
 * `terminal` settings, who logged in, and the command history. The device's own state
 * (clock, flash, NVRAM) is its IosRuntime, which all its sessions share.
 */
import type { DeviceConfig, LineConfig } from '../../shared/config.ts';
import type { Micros } from '../../shared/time.ts';
import type { LogEntry } from './shell.ts';

/** Where a session comes from: the console port, or vty line `n` from the address `peer`. */
export type LineId =
  | { readonly kind: 'con' }
  | { readonly kind: 'vty'; readonly n: number; readonly peer: string };

/** Who SSH authenticated, and the cipher and MAC the connection uses (`show ssh`). */
export interface SshLogin {
  readonly user: string;
  readonly version: string;
  readonly cipher: string;
  readonly mac: string;
}

/** What `terminal` set for the session (history, length), each over its line's own. */
export interface TerminalSettings {
  readonly historySize?: number;
  readonly historyOff?: boolean;
  /** `terminal length N`: rows of a screen, 0 for no pausing at --More--. */
  readonly length?: number;
}

/** The absolute line number of vty `n`, after the console (and a router's auxiliary port). */
export const vtyLineNumber = (kind: 'router' | 'switch', n: number): number =>
  n + (kind === 'router' ? 2 : 1);

/** A vty line nobody configured: `login` with no password, as IOS starts them. */
const VTY_DEFAULT: LineConfig = { login: true };

export class LineSession {
  /** `terminal ...`: this session's own settings, over its line's until it ends. */
  terminal: TerminalSettings = {};
  /** Who logged in with `login local` (`show users`, the system messages); undefined otherwise. */
  user: string | undefined;
  /** `terminal monitor`: a vty session shows the device's messages too (the console always does). */
  monitor = false;
  /** Where the device's messages for this session go (its console's queue). */
  deliver: (entries: readonly LogEntry[]) => void = () => {};
  /**
   * Another session reloaded the device: this one ends, its screen shows `lines`, then the
   * setup dialog (`setup`: it booted with no startup-config) or "Press RETURN".
   */
  ended: (lines: readonly string[], setup: boolean) => void = () => {};
  /** The device closes the session's connection (a vty line's Telnet session). */
  hangUp: () => void = () => {};
  /** An SSH session's user, authenticated before the session started, and its algorithms; undefined for Telnet. */
  ssh: SshLogin | undefined;
  /** When a key was last read, which `exec-timeout` and `show users` count from. */
  lastActivity = 0 as Micros;

  constructor(
    readonly line: LineId,
    /** The lines of the current mode's history, oldest first (`show history`). */
    readonly history: () => readonly string[] = () => [],
  ) {}

  /** The line's configuration: `line con 0`, or this vty line's. */
  config(c: DeviceConfig): LineConfig {
    return this.line.kind === 'con' ? c.lineConsole : (c.lineVty[this.line.n] ?? VTY_DEFAULT);
  }

  touch(now: Micros): void {
    this.lastActivity = now;
  }

  /** A new session on the line: nobody logged in, no `terminal` settings. */
  restart(): void {
    this.user = undefined;
    this.terminal = {};
    this.monitor = false;
  }

  /** The line as IOS names it in a message's "by ...": "console", "vty0 (10.1.1.10)". */
  name(): string {
    return this.line.kind === 'con' ? 'console' : `vty${this.line.n} (${this.line.peer})`;
  }

  /** Whether the device's messages print on this session: always on the console. */
  shows(): boolean {
    return this.line.kind === 'con' || this.monitor;
  }

  /** Who did something, as system messages say it: "console", "admin on vty0 (10.1.1.10)". */
  by(): string {
    return this.user === undefined ? this.name() : `${this.user} on ${this.name()}`;
  }
}
