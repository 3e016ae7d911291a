/** What an IOS command handler may use: the configuration, the mode, the device, output. */
import type { DeviceConfig } from '../../shared/config.ts';
import type { IosDeviceContext } from '../context.ts';
import type { Running } from '../running.ts';
import type { IosPlatform } from './config-edit.ts';
import type { LineSession } from './line-session.ts';
import type { Modes } from './modes.ts';
import type { IosRuntime } from './runtime.ts';

/** A follow-up question ("Destination filename [startup-config]?"): the next line answers it. */
export interface Question {
  readonly prompt: string;
  /** Do not echo the answer (passwords). */
  readonly secret?: boolean;
  answer(env: IosEnv, text: string): void;
}

export interface IosEnv {
  readonly kind: 'router' | 'switch';
  /** The kind with the switch model that matters to commands: a multilayer switch routes. */
  readonly platform: IosPlatform;
  /** The running device; undefined while a configuration text is parsed. */
  readonly device: IosDeviceContext | undefined;
  /** The running device's clock, boot and console state; undefined while a text is parsed. */
  readonly runtime: IosRuntime | undefined;
  /** The session typing (console or vty); undefined while a text is parsed. */
  readonly line: LineSession | undefined;
  readonly modes: Modes;
  config(): DeviceConfig;
  setConfig(config: DeviceConfig): void;
  print(...lines: string[]): void;
  /** Print a refusal; parsing a configuration text reports it as a problem. */
  error(...lines: string[]): void;
  ask(question: Question): void;
  /** The command goes on printing as time passes (ping, traceroute): see running.ts. */
  run(running: Running): void;
  /** An asynchronous system message (%SYS-5-CONFIG_I ...), shown when the console next polls. */
  log(message: string): void;
}
