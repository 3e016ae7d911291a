/**
 * What a Session offers its clients (the worker exposes exactly this over comlink;
 * bin/trame.ts and the tests call it in-process).
 */
import type { DocCommand } from '../model/commands.ts';
import type { NetworkDoc } from '../model/document.ts';
import type { DeviceId, LinkId } from '../shared/ids.ts';
import type { Micros } from '../shared/time.ts';

/** An immer patch, as plain data (structured-clone safe). */
export interface DocPatch {
  readonly op: 'replace' | 'remove' | 'add';
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

export type CommandResult =
  | { readonly ok: true; readonly patches: readonly DocPatch[] }
  /** A refusal that says why and what to do, as an i18n key with parameters (ui translates). */
  | {
      readonly ok: false;
      readonly error: { readonly key: string; readonly params: Readonly<Record<string, string | number>> };
    };

/** One problem of a file that cannot be opened. */
export interface LoadProblem {
  /** RFC 6901 JSON pointer into the file ("" for the whole file). */
  readonly pointer: string;
  /** English text, as `trame validate` prints it. */
  readonly message: string;
  /** When present, the UI shows this translated text (with `params`) instead of `message`. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ConsoleReply {
  /** Everything the console printed for this line, including the echoed prompt line's follow-ups. */
  readonly output: string;
  /** The prompt to show for the next line (e.g. "R1(config-if)#"). */
  readonly prompt: string;
  /** Document changes the line caused (a configuration change updates the device's config text). */
  readonly patches: readonly DocPatch[];
  /** After `?`: the text to put back on the input line, as IOS redisplays it. */
  readonly pending?: string;
  /** The prompt asks for a password: the terminal must not echo what is typed. */
  readonly secret?: boolean;
  /** The line cleared the screen (the PC's `cls`): the terminal shows only what follows. */
  readonly clear?: boolean;
  /**
   * The line started a command that goes on printing (ping, traceroute) on a streaming
   * session: no prompt yet; `consoleLog` brings the rest, and `prompt` is "" until it ends.
   */
  readonly running?: boolean;
  /**
   * The output stopped at " --More-- " (a paging session): no prompt yet; `more` sends the
   * key that brings the next screen or line, or drops the rest.
   */
  readonly more?: boolean;
}

export interface Completion {
  /** The line completed as far as it is unique (Tab), or the line unchanged. */
  readonly line: string;
  /** Candidates when ambiguous. */
  readonly candidates: readonly string[];
}

/**
 * A port's light, as on the equipment: green when the interface and its line protocol are up,
 * amber when the interface is up but its protocol is down, red when it is down or shut down.
 */
export type LightColour = 'green' | 'amber' | 'red';

/** The lights at the two ends of one cable (`a` and `b` as in the document's link). */
export interface CableLights {
  readonly link: LinkId;
  readonly a: LightColour;
  readonly b: LightColour;
}

export interface LinkLightsUpdate {
  /** Pass this back as `since` to get only what changes after it. */
  readonly version: number;
  /** Cables whose lights changed after `since`, or appeared since then (all of them for 0). */
  readonly changed: readonly CableLights[];
}

export interface SessionApi {
  /** Replace everything with a network file's contents; on problems nothing changes. */
  load(fileText: string): { readonly ok: boolean; readonly problems: readonly LoadProblem[] };
  /** The network file for the current document (byte-stable for an unchanged document). */
  save(): string;
  document(): NetworkDoc;
  dispatch(command: DocCommand): CommandResult;
  undo(): CommandResult;
  redo(): CommandResult;

  /** Run one console line on a device (IOS CLI or PC prompt). Advances virtual time as needed. */
  exec(device: DeviceId, line: string): ConsoleReply;
  prompt(device: DeviceId): string;
  /** Whether the prompt asks for a password, which the terminal must not echo. */
  secret(device: DeviceId): boolean;
  complete(device: DeviceId, line: string): Completion;
  /** Ctrl+Z in a configuration mode: run what is on the line, then back to privileged EXEC. */
  ctrlZ(device: DeviceId, line: string): ConsoleReply;
  /**
   * The break key (Ctrl+C at a PC, Ctrl+Shift+6 on IOS): stops the running ping or traceroute,
   * which prints its summary; with none running, a fresh prompt.
   */
  interrupt(device: DeviceId): ConsoleReply;
  /**
   * A key at " --More-- ": Space for the next screen, Return for one more line, any other key
   * drops the rest of the output.
   */
  more(device: DeviceId, key: string): ConsoleReply;
  /** Up (previous) and down (next) arrows: the console's own history for the current mode. */
  history(device: DeviceId, direction: 'previous' | 'next'): string | undefined;
  /** Text of the banner/greeting printed when a console opens. */
  greeting(device: DeviceId): string;
  /**
   * What a running ping or traceroute printed since the last call, then what the device printed
   * on its own, as its console shows it between prompts: timestamped %LINK-3-UPDOWN / %LINEPROTO-5-UPDOWN lines after a cable or a
   * `no shutdown`, %SYS-5-CONFIG_I, an idle console logging out; "" when nothing.
   */
  consoleLog(device: DeviceId): string;
  /**
   * The lights at each cable end, read from the simulation's interfaces: those that changed
   * after version `since` (0: all). Cheap when nothing happened since: the lights are worked
   * out again only after something that could change them.
   */
  linkLights(since: number): LinkLightsUpdate;

  /**
   * Advance virtual time (realtime mode ticks). Returns the document changes the devices made
   * on their own meanwhile (a switch writing a sticky secure address into its running-config).
   */
  advance(by: Micros): readonly DocPatch[];
  now(): Micros;
}
