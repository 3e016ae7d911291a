/**
 * What a Session offers its clients (the worker exposes exactly this over comlink;
 * bin/trame.ts and the tests call it in-process).
 */
import type { DocCommand } from '../model/commands.ts';
import type { NetworkDoc } from '../model/document.ts';
import type { DeviceId } from '../shared/ids.ts';
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
  | { readonly ok: false; readonly error: { readonly key: string; readonly params: Readonly<Record<string, string | number>> } };

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
}

export interface Completion {
  /** The line completed as far as it is unique (Tab), or the line unchanged. */
  readonly line: string;
  /** Candidates when ambiguous. */
  readonly candidates: readonly string[];
}

export interface SessionApi {
  /** Replace everything with a network file's contents; problems as `/pointer: reason` lines. */
  load(fileText: string): { readonly ok: boolean; readonly problems: readonly string[] };
  /** The network file for the current document (byte-stable for an unchanged document). */
  save(): string;
  document(): NetworkDoc;
  dispatch(command: DocCommand): CommandResult;
  undo(): CommandResult;
  redo(): CommandResult;

  /** Run one console line on a device (IOS CLI or PC prompt). Advances virtual time as needed. */
  exec(device: DeviceId, line: string): ConsoleReply;
  prompt(device: DeviceId): string;
  complete(device: DeviceId, line: string): Completion;
  /** Ctrl+Z in a configuration mode: run what is on the line, then back to privileged EXEC. */
  ctrlZ(device: DeviceId, line: string): ConsoleReply;
  /** Up (previous) and down (next) arrows: the console's own history for the current mode. */
  history(device: DeviceId, direction: 'previous' | 'next'): string | undefined;
  /** Text of the banner/greeting printed when a console opens. */
  greeting(device: DeviceId): string;
  /**
   * Messages the device printed on its own since the last call (%LINK-5-CHANGED after a cable
   * is plugged in, %SYS-5-CONFIG_I...), as IOS shows them between prompts; "" when none.
   */
  consoleLog(device: DeviceId): string;

  /** Advance virtual time (realtime mode ticks). */
  advance(by: Micros): void;
  now(): Micros;
}
