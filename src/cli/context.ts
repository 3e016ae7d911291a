/**
 * What a console needs from the outside world. The session implements it for each
 * device: it owns the document (where configurations live) and the engine's clock.
 */
import type { Simulation } from '../engine/api.ts';
import type { DeviceConfig, HostConfig } from '../shared/config.ts';
import type { DeviceId } from '../shared/ids.ts';
import type { SwitchModel } from '../shared/models.ts';
import type { Micros } from '../shared/time.ts';

/** The network's Telnet and SSH servers, as a client sees the far end of its connection. */
export interface VtyPeers {
  /**
   * Whether the server session holding the client's connection (its address and port, then
   * the server's) waits for input, with all it printed delivered; undefined while no session
   * holds it.
   */
  idle(addr: number, port: number, serverAddr: number, serverPort: number): boolean | undefined;
  /** Whether that session reads a password (it does not echo). */
  secret(addr: number, port: number, serverAddr: number, serverPort: number): boolean;
}

interface ContextBase {
  readonly id: DeviceId;
  readonly sim: Simulation;
  /** The device's name in the document (a PC prints it as its host name). */
  name(): string;
  /**
   * Lets virtual time run until `done()` holds or `limit` has passed (a ping waiting
   * for its replies). The session advances the engine and anything tied to it.
   */
  wait(done: () => boolean, limit: Micros): void;
  /**
   * The console shows what a running command prints as virtual time passes (the app's);
   * otherwise a command that ends by itself is waited for and printed whole (see running.ts).
   */
  readonly streaming?: boolean;
  /**
   * Someone reads this console on a screen (the app's): IOS output longer than the screen
   * stops at --More-- for a key (pager.ts). Scripts and tests read it whole.
   */
  readonly paging?: boolean;
  /** The network's Telnet and SSH servers, which a client asks about the far end. */
  readonly vty?: VtyPeers;
}

/** Routers and switches: the IOS command line. */
export interface IosDeviceContext extends ContextBase {
  readonly kind: 'router' | 'switch';
  /** Switches: the hardware model, absent for the default 2960-24TT. */
  readonly model?: SwitchModel;
  runningConfig(): DeviceConfig;
  /** Store and apply a new running configuration (document + engine). */
  setRunningConfig(config: DeviceConfig): void;
  /** The saved configuration text (NVRAM), undefined when none was saved or it was erased. */
  startupConfig(): string | undefined;
  setStartupConfig(text: string | undefined): void;
}

/** PCs and servers: the Windows-like command prompt. */
export interface HostDeviceContext extends ContextBase {
  readonly kind: 'pc' | 'server';
  hostConfig(): HostConfig;
  setHostConfig(config: HostConfig): void;
}

export type DeviceContext = IosDeviceContext | HostDeviceContext;
