/**
 * The Session: the one writer. It owns the document (what is saved), the simulation (what is
 * derived at run time) and one console per device, and keeps them in step. The worker exposes
 * it to the UI; `trame` and the tests drive it in-process.
 */
import type { Patch } from 'immer';
import { renderRunningConfig } from '../cli/config-text.ts';
import { Console } from '../cli/console.ts';
import type { DeviceContext, IosDeviceContext } from '../cli/context.ts';
import { VtyService } from '../cli/vty/vty-service.ts';
import type { Simulation } from '../engine/api.ts';
import { createSimulation } from '../engine/simulation.ts';
import { encodeFrame } from '../engine/wire/ethernet.ts';
import { applyCommand, type DocCommand } from '../model/commands.ts';
import { deviceByName } from '../model/device-names.ts';
import {
  bucketOf,
  changedEntries,
  type DeviceDoc,
  deviceOf,
  devicesInOrder,
  EMPTY_NETWORK,
  linkOf,
  linksInOrder,
  type NetworkDoc,
} from '../model/document.ts';
import type { ModelError } from '../model/errors.ts';
import { History } from '../model/history.ts';
import { loadNetwork } from '../model/load.ts';
import { saveNetwork } from '../model/save.ts';
import { type DeviceConfig, type HostConfig, withAddressing } from '../shared/config.ts';
import type { DeviceId, LinkId } from '../shared/ids.ts';
import { isHostKind } from '../shared/ports.ts';
import { type Micros, micros } from '../shared/time.ts';
import type {
  CommandResult,
  Completion,
  ConsoleReply,
  DocPatch,
  LinkLightsUpdate,
  LoadProblem,
  SessionApi,
} from './api.ts';
import {
  configProblems,
  hostConfigOf,
  hostFields,
  runningConfigOf,
  withStickyMacs,
} from './device-config.ts';
import { LinkLightBook } from './link-lights.ts';
import { warmUp } from './warm-up.ts';

export interface SessionOptions {
  /** Seed of the simulation's randomness (MAC addresses, IP ids...). Same seed, same trace. */
  readonly seed?: number;
  /**
   * Consoles show what ping and traceroute print as virtual time passes (the app, whose clock
   * follows the wall clock), rather than letting time run until each command ends and printing
   * it whole (scripts, tests). See cli/running.ts.
   */
  readonly streaming?: boolean;
  /** IOS consoles stop long output at --More-- until `more` brings a key (the app's). */
  readonly paging?: boolean;
}

/** A console's change to a host's settings in the document. */

/** What the session keeps per device beside the document. */
interface DeviceState {
  /** The document entry this state was last synchronised with (immer keeps unchanged entries identical). */
  synced: DeviceDoc;
  running?: DeviceConfig;
  host?: HostConfig;
  /** NVRAM: set by `copy running-config startup-config`; a loaded file counts as saved. */
  startup?: string;
  console?: Console;
}

/** The longest a single console line may let virtual time run (a 30-hop traceroute is ~3 min). */
const MAX_WAIT = micros(15 * 60 * 1_000_000);
/** Events processed per advance call at most, so a storm cannot freeze the caller. */
const MAX_EVENTS_PER_ADVANCE = 200_000;
/** Events one console line may process while it waits (a ping in a storm). */
const MAX_EVENTS_PER_LINE = 2_000_000;

const toDocPatches = (patches: readonly Patch[]): DocPatch[] =>
  patches.map((p) => ({ op: p.op, path: [...p.path], ...(p.op === 'remove' ? {} : { value: p.value }) }));

export class Session implements SessionApi {
  private doc: NetworkDoc = EMPTY_NETWORK;
  private undoHistory = new History();
  private sim: Simulation;
  private readonly states = new Map<DeviceId, DeviceState>();
  private readonly simLinks = new Set<LinkId>();
  private readonly lights = new LinkLightBook();
  private vty: VtyService;

  constructor(private readonly options: SessionOptions = {}) {
    this.sim = createSimulation({ seed: options.seed ?? 1 });
    this.vty = this.vtyService();
  }

  /** The Telnet and SSH servers of the simulation's IOS devices. */
  private vtyService(): VtyService {
    return new VtyService(this.sim, (id) => {
      const state = this.states.get(id);
      if (!state || isHostKind(state.synced.kind)) return undefined;
      return {
        ctx: this.iosContext(id, state, true),
        runtime: () => this.consoleOf(id, state).runtime!,
      };
    });
  }

  /** The simulation, for tests that look inside the engine. */
  get simulation(): Simulation {
    return this.sim;
  }

  /** Calls `listener` with every frame put on any cable, as bytes, until the returned stop is called. */
  capture(listener: (at: Micros, frame: Uint8Array) => void): () => void {
    return this.sim.onWire((at, _link, frame) => listener(at, encodeFrame(frame)));
  }

  load(fileText: string): { ok: boolean; problems: readonly LoadProblem[] } {
    const { doc, problems } = loadNetwork(fileText);
    if (!doc) return { ok: false, problems };
    const configIssues = configProblems(doc);
    if (configIssues.length > 0) return { ok: false, problems: configIssues };
    this.sim = createSimulation({ seed: this.options.seed ?? 1 });
    this.vty = this.vtyService();
    this.states.clear();
    this.simLinks.clear();
    this.undoHistory = new History();
    const previous = EMPTY_NETWORK;
    this.doc = doc;
    this.reconcile(previous, doc, { bootFromFile: true });
    warmUp(this.sim, [...this.states.keys()], (by) => this.advance(by));
    return { ok: true, problems: [] };
  }

  save(): string {
    return saveNetwork(this.doc);
  }

  document(): NetworkDoc {
    return this.doc;
  }

  /** The id of the device called `name` (case-insensitive), as scripts and labs name devices. */
  findDevice(name: string): DeviceId | undefined {
    return deviceByName(this.doc, name);
  }

  dispatch(command: DocCommand): CommandResult {
    const result = applyCommand(this.doc, command);
    if (!result.ok) return refusal(result.error);
    this.undoHistory.record(result.patches, result.inverse);
    return this.commit(result.doc, result.patches);
  }

  undo(): CommandResult {
    const move = this.undoHistory.undo(this.doc);
    if (!move) return { ok: true, patches: [] };
    return this.commit(move.doc, move.patches);
  }

  redo(): CommandResult {
    const move = this.undoHistory.redo(this.doc);
    if (!move) return { ok: true, patches: [] };
    return this.commit(move.doc, move.patches);
  }

  exec(device: DeviceId, line: string): ConsoleReply {
    return this.withPatches(() => this.consoleOf(device, this.stateOf(device)).input(line));
  }

  ctrlZ(device: DeviceId, line: string): ConsoleReply {
    return this.withPatches(() => this.consoleOf(device, this.stateOf(device)).ctrlZ(line));
  }

  /** A key pressed while the device's console waits at --More--. */
  more(device: DeviceId, key: string): ConsoleReply {
    return this.withPatches(() => this.consoleOf(device, this.stateOf(device)).more(key));
  }

  interrupt(device: DeviceId): ConsoleReply {
    return this.withPatches(() => this.consoleOf(device, this.stateOf(device)).interrupt());
  }

  history(device: DeviceId, direction: 'previous' | 'next'): string | undefined {
    const console = this.consoleOf(device, this.stateOf(device));
    return direction === 'previous' ? console.historyPrevious() : console.historyNext();
  }

  /** Runs a console action and attaches the document patches its configuration changes made. */
  private withPatches(action: () => Omit<ConsoleReply, 'patches'>): ConsoleReply {
    // A line can shut a port, change a VLAN or let time run: the lights may change.
    this.lights.invalidate();
    this.pendingPatches = [];
    const reply = action();
    const patches = this.pendingPatches;
    this.pendingPatches = [];
    return { ...reply, patches };
  }

  prompt(device: DeviceId): string {
    return this.consoleOf(device, this.stateOf(device)).prompt();
  }

  /** Whether the device's console now asks for a password (what is typed is not shown). */
  secret(device: DeviceId): boolean {
    return this.consoleOf(device, this.stateOf(device)).secret();
  }

  complete(device: DeviceId, line: string): Completion {
    return this.consoleOf(device, this.stateOf(device)).complete(line);
  }

  greeting(device: DeviceId): string {
    return this.consoleOf(device, this.stateOf(device)).greeting();
  }

  consoleLog(device: DeviceId): string {
    return this.consoleOf(device, this.stateOf(device)).drainLog();
  }

  linkLights(since: number): LinkLightsUpdate {
    return this.lights.read(this.doc, this.sim, since);
  }

  advance(by: Micros): readonly DocPatch[] {
    const events = this.sim.runUntil(micros(this.sim.now() + by), MAX_EVENTS_PER_ADVANCE);
    this.pendingPatches = [];
    this.vty.serve();
    if (events === 0) return this.takePatches();
    this.lights.invalidate();
    this.writeLearned();
    return this.takePatches();
  }

  private takePatches(): DocPatch[] {
    const patches = this.pendingPatches;
    this.pendingPatches = [];
    return patches;
  }

  /**
   * Writes into their switches' running-config the sticky secure addresses learned since the
   * last call, as IOS does the moment it learns one: the document keeps them, so they are saved.
   */
  private writeLearned(): void {
    for (const [id, ports] of this.sim.takeStickyLearned()) {
      const state = this.states.get(id);
      if (state?.running === undefined) continue;
      this.setRunningConfigFromConsole(id, state, withStickyMacs(state.running, ports));
    }
  }

  now(): Micros {
    return this.sim.now();
  }

  /** Patches caused by configuration changes during the current console line. */
  private pendingPatches: DocPatch[] = [];

  private commit(next: NetworkDoc, patches: readonly Patch[]): CommandResult {
    const previous = this.doc;
    this.doc = next;
    this.reconcile(previous, next, { bootFromFile: false });
    return { ok: true, patches: toDocPatches(patches) };
  }

  private stateOf(id: DeviceId): DeviceState {
    const state = this.states.get(id);
    if (!state) throw new Error(`no device with id ${id}`);
    return state;
  }

  /**
   * Brings the simulation in line with the document after any change (command, undo, redo,
   * load). Unchanged devices and links are skipped by identity. When the order arrays are the
   * same, nothing was added or removed (a move, a rename, a configuration) and only the entries
   * in the buckets the change copied are looked at, so a move costs one bucket, not one
   * comparison per device, and touches nothing in the engine (nor the lights).
   */
  private reconcile(previous: NetworkDoc, next: NetworkDoc, how: { bootFromFile: boolean }): void {
    const same = previous.deviceOrder === next.deviceOrder && previous.linkOrder === next.linkOrder;
    const linksBefore = same
      ? changedEntries(next.links, previous.links, previous.linkOrder)
      : linksInOrder(previous);
    for (const before of linksBefore) {
      const id = before.id;
      if (linkOf(next, id) !== before && this.simLinks.delete(id)) {
        this.sim.disconnect(id);
        this.lights.invalidate();
      }
    }
    if (!same) {
      for (const id of previous.deviceOrder) {
        if (!deviceOf(next, id)) {
          this.sim.removeDevice(id);
          this.states.delete(id);
          this.vty.forget(id);
          this.lights.invalidate();
        }
      }
    }
    const devices = same
      ? changedEntries(previous.devices, next.devices, next.deviceOrder)
      : devicesInOrder(next);
    for (const device of devices) {
      const id = device.id;
      const state = this.states.get(id);
      if (!state) {
        this.sim.addDevice(id, device.kind, device.name, device.model);
        const fresh: DeviceState = { synced: device };
        this.states.set(id, fresh);
        this.applyDocConfig(id, device, fresh, how.bootFromFile);
      } else if (state.synced !== device) {
        const configChanged =
          state.synced.config !== device.config ||
          state.synced.rsaKeyBits !== device.rsaKeyBits ||
          state.synced.ip !== device.ip ||
          state.synced.gateway !== device.gateway ||
          state.synced.ipv6 !== device.ipv6 ||
          state.synced.ipv6Gateway !== device.ipv6Gateway ||
          state.synced.dns !== device.dns ||
          state.synced.dnsRecords !== device.dnsRecords;
        state.synced = device;
        if (configChanged) this.applyDocConfig(id, device, state, false);
      }
    }
    const linksAfter = same ? changedEntries(previous.links, next.links, next.linkOrder) : linksInOrder(next);
    for (const link of linksAfter) {
      const id = link.id;
      if (this.simLinks.has(id)) continue;
      this.sim.connect(id, link.a, link.b);
      this.simLinks.add(id);
      this.lights.invalidate();
    }
  }

  /** Applies a device's configuration from the document to the engine. */
  private applyDocConfig(id: DeviceId, device: DeviceDoc, state: DeviceState, boot: boolean): void {
    this.lights.invalidate();
    if (isHostKind(device.kind)) {
      state.host = hostConfigOf(device);
      this.sim.configureHost(id, state.host);
      return;
    }
    // A configuration the console itself just wrote is already applied.
    if (
      state.running &&
      device.config === this.renderedBy.get(id) &&
      state.running.rsaKeyBits === device.rsaKeyBits
    )
      return;
    state.running = runningConfigOf(device);
    if (boot && device.config) state.startup = device.config;
    this.sim.configure(id, state.running);
    this.vty.configured(id, device.kind as 'router' | 'switch', state.running);
  }

  /** The config text the console last wrote into the document, per device. */
  private readonly renderedBy = new Map<DeviceId, string>();

  private consoleOf(id: DeviceId, state: DeviceState): Console {
    if (!state.console) state.console = new Console(this.contextFor(id, state));
    return state.console;
  }

  private contextFor(id: DeviceId, state: DeviceState): DeviceContext {
    const kind = state.synced.kind;
    if (isHostKind(kind)) {
      return {
        ...this.baseContext(id, false),
        kind,
        hostConfig: () => state.host ?? {},
        setHostConfig: (config: HostConfig) => this.setHostConfigFromConsole(id, state, config),
      };
    }
    return this.iosContext(id, state, false);
  }

  /**
   * What every console of the device shares; `remote` for a vty session, which always streams
   * (its server runs between engine steps) and never pages.
   */
  private baseContext(id: DeviceId, remote: boolean) {
    return {
      id,
      sim: this.sim,
      name: () => deviceOf(this.doc, id)?.name ?? '',
      wait: (done: () => boolean, limit: Micros) => this.wait(done, limit),
      streaming: remote || this.options.streaming === true,
      paging: !remote && this.options.paging === true,
      vty: this.vty,
    };
  }

  private iosContext(id: DeviceId, state: DeviceState, remote: boolean): IosDeviceContext {
    return {
      ...this.baseContext(id, remote),
      kind: state.synced.kind as 'router' | 'switch',
      ...(state.synced.model !== undefined ? { model: state.synced.model } : {}),
      runningConfig: () => state.running!,
      setRunningConfig: (config: DeviceConfig) => this.setRunningConfigFromConsole(id, state, config),
      startupConfig: () => state.startup,
      setStartupConfig: (text: string | undefined) => {
        state.startup = text;
      },
    };
  }

  /**
   * Runs virtual time until `done()` or `limit` has passed, as a user waiting at a console.
   * A console line may process at most MAX_EVENTS_PER_LINE events, so a broadcast storm cannot
   * hold the simulator for long; the command then reports what it has so far.
   */
  private wait(done: () => boolean, limit: Micros): void {
    const deadline = this.sim.now() + Math.min(limit, MAX_WAIT);
    let budget = MAX_EVENTS_PER_LINE;
    while (!done() && budget > 0) {
      const next = this.sim.nextEventTime();
      if (next === undefined || next > deadline) {
        this.sim.runUntil(micros(deadline), budget);
        break;
      }
      budget -= this.sim.runUntil(next, Math.min(budget, MAX_EVENTS_PER_ADVANCE));
      this.vty.serve();
    }
    this.vty.serve();
    this.writeLearned();
  }

  private setRunningConfigFromConsole(id: DeviceId, state: DeviceState, config: DeviceConfig): void {
    const text = renderRunningConfig(state.synced.kind as 'router' | 'switch', config);
    const rsaKeyBits = config.rsaKeyBits ?? 'none';
    if (!this.writeConsoleChange({ type: 'setConfig', id, config: text, rsaKeyBits })) return;
    state.running = config;
    this.renderedBy.set(id, text);
    this.sim.configure(id, config);
    this.vty.configured(id, state.synced.kind as 'router' | 'switch', config);
  }

  /**
   * What `ipconfig` or `netsh` set: the addressing and the DNS servers. The console never
   * edits a server's DNS service, whose records stay the document's.
   */
  private setHostConfigFromConsole(id: DeviceId, state: DeviceState, config: HostConfig): void {
    const { ip, gateway, dns = [] } = hostFields(config);
    const command = {
      type: 'setHostIp' as const,
      id,
      ...(ip ? { ip } : {}),
      ...(gateway ? { gateway } : {}),
      dns,
    };
    if (!this.writeConsoleChange(command)) return;
    state.host = withAddressing(hostConfigOf(state.synced), config);
    this.sim.configureHost(id, state.host);
  }

  /**
   * Configuration typed at a console updates the document (so it is saved) without becoming
   * an undo step: as on real equipment, the console has no undo.
   */
  private writeConsoleChange(command: DocCommand & { readonly id: DeviceId }): boolean {
    const result = applyCommand(this.doc, command);
    // The consoles check what they accept as the document does; should they ever disagree,
    // neither the document nor the engine changes, so the two never drift apart.
    if (!result.ok) return false;
    const device = deviceOf(result.doc, command.id)!;
    const state = this.states.get(command.id);
    this.doc = result.doc;
    if (state) state.synced = device;
    this.pendingPatches.push(...toDocPatches(result.patches));
    // Undoing and redoing the device's creation must bring back what the console made of it.
    const path = ['devices', bucketOf(command.id), command.id];
    this.undoHistory.rebase((p) =>
      p.value !== undefined && p.path.length === 3 && p.path.every((k, i) => k === path[i])
        ? { ...p, value: device }
        : p,
    );
    return true;
  }
}

function refusal(error: ModelError): CommandResult {
  return { ok: false, error: { key: error.key, params: error.params } };
}
