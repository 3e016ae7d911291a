/**
 * What a running IOS device knows that is no part of its configuration: its clock, when and
 * why it last booted, which interface addresses were typed since then (the Method column of
 * show ip interface brief says "manual" for those, "NVRAM" for what the startup-config set),
 * when the configuration last changed and was saved, the RSA keys kept in private NVRAM and,
 * on a switch, the VLAN database in flash (vlan.dat), and the files copied to flash.
 * A running device has one, which its console and vty sessions share; reading a text does
 * not. "NVRAM" means the configuration the device booted with (or last merged by `copy
 * startup-config running-config`), not whatever was saved since.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { Micros } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { VirtualClock } from './clock.ts';
import { DeviceLog } from './device-log.ts';
import type { LineSession } from './line-session.ts';
import { LoginWatch } from './login-watch.ts';
import { VlanDatabase, type VlanFile } from './vlan-database.ts';

/** A startup configuration as read back, with the interfaces its text names. */
export interface StartupView {
  readonly config: DeviceConfig;
  readonly interfaces: ReadonlySet<string>;
}

/** A file written to flash: its directory number, text, and when (the clock's ms since 1970). */
export interface StoredFile {
  readonly index: number;
  readonly text: string;
  readonly at: number;
}

export class IosRuntime {
  readonly clock: VirtualClock;
  bootReason: 'power-on' | 'reload' = 'power-on';
  /** When the last `reload` halted the device, as its clock read then (show version). */
  haltedAt: string | undefined;
  /** Interfaces whose address was set or removed at the console since boot. */
  readonly typedAddresses = new Set<string>();
  /**
   * Subinterfaces removed since boot: IOS keeps them listed as "deleted" until a reload, or
   * until they are created again (IOSv, IOL, CSR 1000v captures).
   */
  readonly deletedInterfaces = new Set<string>();
  lastChange: Micros | undefined;
  /** When `login block-for` was last set at the console (its watch window starts then). */
  loginWatchSince: Micros | undefined;
  lastSave: Micros | undefined;
  /** When the startup-config was last written, as the clock read then (ms since 1970). */
  lastSaveWallMs: number | undefined;
  /** RSA key size saved to private NVRAM by `write memory`. */
  savedKeyBits: number | undefined;
  /**
   * Which RSA key pair the device has: its name and when it was made, so that new keys (even
   * of the same size and name) are another key to an SSH client; and the one saved to NVRAM.
   */
  keyLabel: string | undefined;
  savedKeyLabel: string | undefined;
  /**
   * Files written to flash with `copy` (configurations), by name. Like NVRAM, flash keeps them
   * through a reload; the network file holds the running configuration only.
   */
  readonly files = new Map<string, StoredFile>();
  /** The sessions open on its lines: the console's, and each vty's (`show users`). */
  readonly sessions = new Set<LineSession>();
  /** `login block-for` at work: failed vty logins and Quiet-Mode. */
  readonly login = new LoginWatch(
    () => this.loginWatchSince ?? this.bootedAt,
    (at, text) => this.announce(at, text),
    (t) => this.clock.configStamp(t),
  );
  /** A switch's vlan.dat; undefined on a router. */
  readonly vlans: VlanDatabase | undefined;
  /** Its logging process: where its messages go, and the buffer `show logging` lists. */
  readonly log: DeviceLog;
  /** The startup-config text the running configuration was read from. */
  private bootText: string | undefined;
  private bootCache: { readonly text: string; readonly startup: StartupView } | undefined;

  constructor(readonly device: IosDeviceContext) {
    this.clock = new VirtualClock(() => device.sim.now(), device.sim.timeOfDay(device.id));
    this.bootText = device.startupConfig();
    // Keys the network was opened with were saved with it, as NVRAM keeps them.
    this.savedKeyBits = device.runningConfig().rsaKeyBits;
    this.vlans =
      device.kind === 'switch'
        ? new VlanDatabase(device.runningConfig().vlans, this.clock.wallMs(this.bootedAt))
        : undefined;
    this.log = new DeviceLog(this);
  }

  /** A system message of the device itself, logged at its time. */
  announce(at: Micros, text: string): void {
    this.log.raise([{ at, text }]);
  }

  /** The startup-config was written now. */
  saved(): void {
    this.lastSave = this.now();
    this.lastSaveWallMs = this.clock.wallMs();
  }

  /** The startup-config was erased. */
  erased(): void {
    this.lastSave = undefined;
    this.lastSaveWallMs = undefined;
  }

  /** The running configuration became `config`: it changed now, and so did vlan.dat if its VLANs did. */
  configured(config: DeviceConfig): void {
    this.lastChange = this.now();
    this.vlans?.sync(config.vlans, this.clock.wallMs());
  }

  now(): Micros {
    return this.device.sim.now();
  }

  /** When the device last booted, as the engine keeps it: powered on, or reloaded. */
  get bootedAt(): Micros {
    return this.device.sim.bootTime(this.device.id);
  }

  /**
   * After `reload` (the engine's included), which halted the device at `haltedAt` by its clock
   * (a configuration stamp): a fresh boot from the saved configuration,
   * on a switch that had `vlanFile` before (see nvram-commands.ts).
   */
  rebooted(vlanFile: VlanFile | undefined, haltedAt: string): void {
    this.bootReason = 'reload';
    this.haltedAt = haltedAt;
    this.vlans?.boot(this.device.runningConfig().vlans, this.clock.wallMs(), vlanFile);
    this.typedAddresses.clear();
    this.deletedInterfaces.clear();
    this.lastChange = undefined;
    this.loginWatchSince = undefined;
    this.login.reset();
    this.login.total = 0;
    this.log.rebooted();
    this.bootText = this.device.startupConfig();
  }

  /** After `copy startup-config running-config`: what it set now comes from NVRAM. */
  merged(text: string): void {
    this.bootText = text;
    this.typedAddresses.clear();
  }

  /** The startup configuration the device booted with, read back (cached per text). */
  startup(read: (text: string) => StartupView): StartupView | undefined {
    const text = this.bootText;
    if (text === undefined) return undefined;
    if (this.bootCache?.text !== text) this.bootCache = { text, startup: read(text) };
    return this.bootCache.startup;
  }
}
