/**
 * One IOS command line: the current mode, the tree for it, and how a line is handled,
 * the same way whether a student types it or a saved configuration is read back.
 * Sub-modes fall back to global configuration as IOS does (typing `hostname X` inside
 * config-if runs it and returns to global configuration).
 */

import type { AclKind } from '../../shared/acl.ts';
import type { DeviceConfig, LineConfig } from '../../shared/config.ts';
import { parseIpv4 } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { complete as completeLine, help, type TabResult, wrapWords } from '../parser/help.ts';
import { type ParseError, type ParseOutcome, parse } from '../parser/parse.ts';
import { tokenize } from '../parser/tokens.ts';
import type { Running } from '../running.ts';
import { aclHelpHeader, aclModeTree } from './acl-commands.ts';
import { expandAlias, partialAliasWords } from './aliases.ts';
import { consoleAvailable, endConfig, type TreeOptions } from './common.ts';
import { type IosKind, type IosPlatform, isRoutedPort, platformKind } from './config-edit.ts';
import { openTelnet } from './connection-commands.ts';
import { localUser } from './credentials.ts';
import { DHCP_HELP_HEADER, dhcpModeTree } from './dhcp-commands.ts';
import type { IosNode } from './dsl.ts';
import type { IosEnv, Question } from './env.ts';
import { execTrees } from './exec-commands.ts';
import { applyFilter } from './filters.ts';
import { globalTree } from './global-commands.ts';
import { type InterfaceClass, interfaceClass, interfaceTree } from './interface-commands.ts';
import { DEFAULT_HISTORY_SIZE, DEFAULT_PAGE_LENGTH, lineTree } from './line-commands.ts';
import { LineSession } from './line-session.ts';
import { type IosMode, Modes, type Stub } from './modes.ts';
import { ospfModeTree, ROUTER_HELP_HEADER } from './ospf-commands.ts';
import { IosRuntime } from './runtime.ts';
import { startSetupDialog } from './setup-dialog.ts';
import { stampOf, timestampsOf } from './timestamps-commands.ts';
import { notApplied, notSimulated, unsimulated, unsimulatedHelp } from './unsimulated.ts';
import { vlanTree } from './vlan-commands.ts';

export interface ConfigStore {
  get(): DeviceConfig;
  set(config: DeviceConfig): void;
}

/** A system message and the virtual time it was raised. */
export interface LogEntry {
  readonly at: Micros;
  readonly text: string;
  /** Debug output, stamped as `service timestamps debug` says rather than `log`. */
  readonly debug?: true;
}

export interface ShellReply {
  readonly lines: readonly string[];
  /** After `?`: the text to put back on the input line. */
  readonly pending?: string;
}

interface Trees {
  readonly user?: IosNode;
  readonly priv?: IosNode;
  readonly global: IosNode;
  readonly interfaces: Readonly<Record<InterfaceClass, IosNode>>;
  readonly line: IosNode;
  readonly vlan: IosNode;
  readonly acl: Readonly<Record<AclKind, IosNode>>;
  readonly dhcp: IosNode;
  readonly router: IosNode;
}

/** Trees hold no state (handlers get the shell's env), so each platform builds them once. */
const built = new Map<string, Trees>();

function treesFor(platform: IosPlatform, interactive: boolean): Trees {
  const key = `${platform}:${interactive}`;
  let t = built.get(key);
  if (!t) {
    t = buildTrees(platform, interactive);
    built.set(key, t);
  }
  return t;
}

function buildTrees(platform: IosPlatform, interactive: boolean): Trees {
  const kind = platformKind(platform);
  const multilayer = platform === 'multilayer';
  const exec = interactive ? execTrees(kind, multilayer) : undefined;
  const opts: TreeOptions = exec ? { doNode: exec.doNode, multilayer } : { multilayer };
  const classes: InterfaceClass[] = [
    'routerPort',
    'subinterface',
    'loopback',
    'switchPort',
    'switchGigPort',
    'routedPort',
    'routedGigPort',
    'portChannel',
    'svi',
  ];
  const interfaces = Object.fromEntries(classes.map((c) => [c, interfaceTree(c, opts)])) as Record<
    InterfaceClass,
    IosNode
  >;
  return {
    ...(exec ? { user: exec.user, priv: exec.priv } : {}),
    global: globalTree(kind, opts),
    interfaces,
    line: lineTree(opts),
    vlan: vlanTree(opts),
    acl: { standard: aclModeTree('standard', opts), extended: aclModeTree('extended', opts) },
    dhcp: dhcpModeTree(opts),
    router: ospfModeTree(opts),
  };
}

const HELP_HEADER: Partial<Record<IosMode, string>> = {
  userExec: 'Exec commands:',
  privExec: 'Exec commands:',
  global: 'Configure commands:',
  interface: 'Interface configuration commands:',
  subinterface: 'Interface configuration commands:',
  interfaceRange: 'Interface configuration commands:',
  line: 'Line configuration commands:',
  vlan: 'VLAN configuration commands:',
  dhcp: DHCP_HELP_HEADER,
  router: ROUTER_HELP_HEADER,
};

/** First words of commands the blocks' own modes have, which global configuration has too. */
const BLOCK_WORDS = new Set(['version']);

const UNKNOWN_COMMAND = '% Unknown command or computer name, or unable to find computer address';

/** How long a vty line's login prompt waits for an answer. */
const LOGIN_TIMEOUT = seconds(30);

/** `exec-timeout` when the line sets none: 10 minutes. */
const DEFAULT_EXEC_TIMEOUT = seconds(600);

export class IosShell {
  readonly modes: Modes;
  /** Clock, boot and console state of a running device; undefined while a text is read. */
  readonly runtime: IosRuntime | undefined;
  /** The session and its line (console or vty); undefined while a text is read. */
  readonly session: LineSession | undefined;
  private readonly trees: Trees;
  private readonly env: IosEnv;
  private question: Question | undefined;
  private running: Running | undefined;
  private out: string[] = [];
  private logs: LogEntry[] = [];
  private failures: string[] = [];

  readonly kind: IosKind;

  constructor(
    readonly platform: IosPlatform,
    private readonly store: ConfigStore,
    readonly device: IosDeviceContext | undefined,
    start: 'userExec' | 'global' = 'userExec',
    /** For a device: the session's line, and the device's runtime when another session made it. */
    on?: { readonly session: LineSession; readonly runtime?: IosRuntime },
  ) {
    const kind = platformKind(platform);
    this.kind = kind;
    this.modes = new Modes(start);
    this.trees = treesFor(platform, device !== undefined);
    const runtime = device ? (on?.runtime ?? new IosRuntime(device)) : undefined;
    this.runtime = runtime;
    this.session = device ? (on?.session ?? new LineSession({ kind: 'con' })) : undefined;
    if (runtime && this.session) {
      this.session.touch(runtime.now());
      runtime.sessions.add(this.session);
    }
    this.env = {
      kind,
      platform,
      device,
      runtime,
      line: this.session,
      modes: this.modes,
      config: () => store.get(),
      setConfig: (c) => {
        if (c === store.get()) return;
        store.set(c);
        runtime?.configured(c);
      },
      print: (...lines) => this.out.push(...lines),
      error: (...lines) => this.fail(lines.filter((l) => l !== '').join('\n'), lines),
      ask: (q) => {
        this.question = q;
      },
      run: (r) => {
        this.running = r;
      },
      log: (text) => this.logs.push({ at: runtime?.now() ?? (0 as Micros), text }),
    };
  }

  prompt(): string {
    if (this.question) return this.question.prompt;
    if (this.modes.mode() === 'loggedOut') return '';
    return `${this.store.get().hostname}${this.modes.suffix()}`;
  }

  /** The configuration of the session's line (line con 0 while a text is read). */
  private lineConfig(): LineConfig {
    const c = this.store.get();
    return this.session?.config(c) ?? c.lineConsole;
  }

  /**
   * How many lines each command history keeps: the session's `terminal history` settings,
   * else its line's `history`, else the IOS default of 10; 0 with history off.
   */
  historySize(): number {
    const line = this.lineConfig();
    const session = this.session?.terminal ?? {};
    if (session.historyOff ?? line.noHistory === true) return 0;
    return session.historySize ?? line.historySize ?? DEFAULT_HISTORY_SIZE;
  }

  /**
   * Rows of the session's screen, where long output stops at --More--: the session's
   * `terminal length`, else its line's `length`, else IOS's 24; 0 for no pausing.
   */
  pageLength(): number {
    return this.session?.terminal.length ?? this.lineConfig().length ?? DEFAULT_PAGE_LENGTH;
  }

  /** A vty session that ended (logged out, or refused at login): its connection closes. */
  ended(): boolean {
    return this.session?.line.kind === 'vty' && this.modes.mode() === 'loggedOut' && !this.question;
  }

  /** What precedes `entry` on the console, as `service timestamps` sets it for its kind. */
  stamp(entry: LogEntry): string {
    const rt = this.runtime!;
    const t = timestampsOf(this.store.get(), entry.debug ? 'debug' : 'log');
    return stampOf(t, rt.clock, entry.at, rt.bootedAt);
  }

  /** Is the next line an answer (to a question, or RETURN at the login screen) rather than a command? */
  answering(): boolean {
    return this.question !== undefined || this.modes.mode() === 'loggedOut';
  }

  /** Is a password being asked (the terminal should not echo)? */
  secret(): boolean {
    return this.question?.secret === true;
  }

  /** Errors the last line produced (problems, when reading a configuration text). */
  lastFailures(): readonly string[] {
    return this.failures;
  }

  /** The command the last line started that goes on printing (ping, traceroute), asked once. */
  takeRunning(): Running | undefined {
    const r = this.running;
    this.running = undefined;
    return r;
  }

  /** Asynchronous messages produced so far (%SYS-5-CONFIG_I...), emptied by the call. */
  takeLogs(): LogEntry[] {
    const l = this.logs;
    this.logs = [];
    return l;
  }

  /**
   * Starts a session: on the console "Press RETURN to get started", on a vty line a Telnet
   * connection. The MOTD banner, then the login the line asks for: a username and password
   * with `login local`, its password with `login`. A vty line with `login` and no password
   * refuses the session, as IOS does ("Password required, but none set").
   */
  login(): string[] {
    this.begin();
    this.session?.restart();
    const c = this.store.get();
    const vty = this.session?.line.kind === 'vty';
    const ssh = this.session?.ssh;
    if (ssh !== undefined) {
      this.sshLogin(ssh.user);
      return this.out;
    }
    // A Telnet client prints "Open" at the end of its line: the server starts on a new one.
    if (vty) this.out.push('');
    if (c.bannerMotd !== undefined) this.out.push(...c.bannerMotd.split('\n'));
    if (c.bannerLogin !== undefined) this.out.push(...c.bannerLogin.split('\n'));
    this.modes.send({ type: 'reset' });
    const line = this.lineConfig();
    if (vty && line.login && line.loginLocal !== true && line.password === undefined) {
      this.out.push('', 'Password required, but none set');
      return this.out;
    }
    const checked = line.login && (line.loginLocal === true || line.password !== undefined);
    if (!checked) {
      this.modes.send({ type: 'login' });
      this.execBanner(this.env);
      return this.out;
    }
    if (this.out[this.out.length - 1] !== '' || vty) this.out.push('');
    this.out.push('User Access Verification', '');
    if (line.loginLocal) this.askUsername(0);
    else this.askLinePassword(0);
    return this.out;
  }

  /**
   * A session SSH authenticated: the line asks nothing more. A local user is named (and with
   * privilege 15 starts in privileged EXEC); the MOTD banner and `banner exec` print.
   */
  private sshLogin(name: string): void {
    const c = this.store.get();
    if (c.bannerMotd !== undefined) this.out.push(...c.bannerMotd.split('\n'));
    this.modes.send({ type: 'reset' });
    this.modes.send({ type: 'login' });
    const user = c.users?.find((u) => u.name === name.trim());
    if (user) {
      this.session!.user = user.name;
      if (user.privilege === 15) this.modes.send({ type: 'enable' });
    }
    this.execBanner(this.env);
  }

  private askLinePassword(tries: number): void {
    this.env.ask({
      prompt: 'Password: ',
      secret: true,
      answer: (env, text) => {
        if (text === this.lineConfig().password?.plain) {
          env.modes.send({ type: 'login' });
          this.execBanner(env);
          return;
        }
        this.vtyLoginFailed('');
        if (tries < 2) this.askLinePassword(tries + 1);
        else {
          // The third wrong password ends the attempt: the line is idle again.
          env.print('% Bad passwords');
          consoleAvailable(env);
        }
      },
    });
  }

  /** A Telnet login failed on a vty line: `login block-for` counts it. */
  private vtyLoginFailed(user: string): void {
    const rt = this.runtime;
    const line = this.session?.line;
    if (!rt || line?.kind !== 'vty') return;
    rt.login.failed(this.store.get().loginBlock, rt.now(), { user, source: line.peer, port: 23 });
  }

  /** `banner exec`, as the EXEC session starts. */
  private execBanner(env: IosEnv): void {
    const text = env.config().bannerExec;
    if (text !== undefined) env.print(...text.split('\n'));
  }

  /**
   * `login local`: a user of the local database; privilege 15 starts in privileged EXEC.
   * The console asks again for as long as it takes; a vty line closes after three failures.
   */
  private askUsername(failures: number): void {
    this.env.ask({
      prompt: 'Username: ',
      answer: (env, name) =>
        env.ask({
          prompt: 'Password: ',
          secret: true,
          answer: (e, password) => {
            const user = localUser(e.config(), name, password);
            if (!user) {
              this.vtyLoginFailed(name.trim());
              e.print('% Login invalid', '');
              if (this.session?.line.kind === 'vty' && failures >= 2) return;
              this.askUsername(failures + 1);
              return;
            }
            if (this.session) this.session.user = user.name;
            e.modes.send({ type: 'login' });
            if (user.privilege === 15) e.modes.send({ type: 'enable' });
            this.execBanner(e);
          },
        }),
    });
  }

  /**
   * `exec-timeout` of the session's line: when it sat idle that long, IOS logs it out (and
   * a vty line left at its login prompt 30 seconds closes). Returns what the console printed
   * then, or undefined while the session goes on.
   */
  expireIdle(): string[] | undefined {
    const rt = this.runtime;
    const session = this.session;
    if (!rt || !session) return undefined;
    const q = this.question;
    // A vty line's login prompt waits 30 seconds for an answer, then the line closes.
    if (q && session.line.kind === 'vty' && this.modes.mode() === 'loggedOut') {
      if (rt.now() - session.lastActivity < LOGIN_TIMEOUT) return undefined;
      this.begin();
      this.question = undefined;
      this.out.push(`% ${q.prompt.trim()}  timeout expired!`);
      return this.out;
    }
    if (q || this.modes.mode() === 'loggedOut') return undefined;
    const t = this.lineConfig().execTimeout;
    const limit = t === undefined ? DEFAULT_EXEC_TIMEOUT : seconds(t.minutes * 60 + t.seconds);
    if (limit === 0 || rt.now() - session.lastActivity < limit) return undefined;
    this.begin();
    this.modes.send({ type: 'reset' });
    consoleAvailable(this.env);
    return this.out;
  }

  /**
   * The device restarted under the session: it is logged out, with no question pending, then
   * in the setup dialog (`setup`) or waiting for RETURN. Returns what that prints.
   */
  rebooted(setup: boolean): string[] {
    this.begin();
    this.question = undefined;
    this.modes.send({ type: 'reset' });
    if (setup) startSetupDialog(this.env);
    else this.out.push('', 'Press RETURN to get started!', '');
    return this.out;
  }

  /** A key was read (a line, or a key at --More--): the session is not idle. */
  touch(): void {
    if (this.runtime) this.session?.touch(this.runtime.now());
  }

  private fail(message: string, lines: readonly string[]): void {
    this.out.push(...lines);
    this.failures.push(message);
  }

  private begin(): void {
    this.out = [];
    this.failures = [];
  }

  line(text: string): ShellReply {
    const reply = this.handle(text);
    this.touch();
    return reply;
  }

  private handle(text: string): ShellReply {
    this.begin();
    const q = this.question;
    if (q) {
      this.question = undefined;
      q.answer(this.env, text);
      return { lines: this.out };
    }
    if (this.modes.mode() === 'loggedOut') return { lines: this.login() };
    if (/^\s*!/.test(text)) return { lines: [] };
    // At a console `?` asks for help; in a configuration text it is just a character.
    if (text.endsWith('?') && this.device) return this.help(text.slice(0, -1));
    this.execute(text);
    return { lines: this.out };
  }

  /** Ctrl+Z: run what is on the line, then leave configuration mode. */
  ctrlZ(text: string): ShellReply {
    this.begin();
    this.touch();
    if (this.question || !this.modes.isConfig()) return { lines: [] };
    if (text.trim() !== '') this.execute(text);
    const out = this.out;
    if (this.modes.isConfig()) endConfig(this.env);
    return { lines: out };
  }

  complete(text: string): TabResult {
    const tree = this.treeFor(this.modes.mode());
    if (!tree || this.question) return { line: text, candidates: [] };
    const r = completeLine(tree, text, this.env);
    if (r.candidates.length > 0 || !this.isSubMode()) return r;
    return completeLine(this.trees.global, text, this.env);
  }

  private isSubMode(): boolean {
    return this.modes.isConfig() && this.modes.mode() !== 'global';
  }

  private treeFor(mode: IosMode): IosNode | undefined {
    switch (mode) {
      case 'loggedOut':
        return undefined;
      case 'userExec':
        return this.trees.user;
      case 'privExec':
        return this.trees.priv;
      case 'global':
        return this.trees.global;
      case 'interface':
      case 'subinterface':
      case 'interfaceRange': {
        const names = this.modes.context().interfaces;
        const first = names[0] ?? '';
        // A range takes a routed port's commands only if all of it is routed: the switch
        // port's commands refuse, port by port, what a routed port does not take.
        const all = this.env.config().interfaces;
        const routed = names.length > 0 && names.every((n) => isRoutedPort(this.kind, n, all[n]));
        return this.trees.interfaces[interfaceClass(this.kind, first, routed)];
      }
      case 'line':
        return this.trees.line;
      case 'vlan':
        return this.trees.vlan;
      case 'acl':
        return this.trees.acl[this.modes.context().acl?.kind ?? 'standard'];
      case 'dhcp':
        return this.trees.dhcp;
      case 'router':
        return this.trees.router;
      case 'unsimulated':
        return undefined;
    }
  }

  private execute(text: string): void {
    const mode = this.modes.mode();
    const stub = this.modes.context().stub;
    if (mode === 'unsimulated' && stub !== undefined) {
      this.executeInBlock(text, stub);
      return;
    }
    const tree = this.treeFor(mode);
    if (!tree) {
      this.env.error('% Not accepted in this mode');
      return;
    }
    const promptLength = this.prompt().length;
    const alias = this.device ? expandAlias(this.store.get(), mode, text) : undefined;
    const line = alias?.text ?? text;
    const r = parse(tree, line, this.env);
    if (r.kind === 'empty') return;
    if (r.kind === 'ok') {
      this.run(r);
      return;
    }
    if (this.isSubMode()) {
      const g = parse(this.trees.global, line, this.env);
      if (g.kind === 'ok') {
        // The global command runs, then the sub-mode is left unless the command entered
        // another mode itself (`interface g0/1` typed inside config-if).
        const before = this.modes.snapshotKey();
        this.run(g);
        if (this.modes.snapshotKey() === before) this.modes.send({ type: 'global' });
        return;
      }
      if (g.kind !== 'empty') {
        this.report(line, promptLength, pickError(r, g), false, alias?.typedCol);
        return;
      }
    }
    this.report(line, promptLength, r, mode === 'userExec' || mode === 'privExec', alias?.typedCol);
  }

  /**
   * A line inside the block of a command Trame does not simulate (`router ospf 1`...). IOS
   * takes what its mode knows and falls back to global configuration for the rest; Trame knows
   * none of the block's commands, so a global command runs and leaves the block, and anything
   * else is named as not applied. A certificate's hex lines are data, up to `quit`.
   */
  private executeInBlock(text: string, stub: Stub): void {
    const words = tokenize(text);
    const first = words[0]?.text.toLowerCase();
    if (first === undefined) return;
    const enter = (mode: string, name = stub.name) => this.modes.send({ type: 'stub', stub: { mode, name } });
    if (stub.mode === 'config-pubkey') {
      if (first === 'quit') enter('config-cert-chain');
      return;
    }
    if (words.length === 1 && first.length >= 3 && 'exit'.startsWith(first)) {
      this.modes.send({ type: 'exit' });
      return;
    }
    // Words the blocks' own modes share with global configuration (RIP's `version 2`).
    if (!BLOCK_WORDS.has(first)) {
      const g = parse(this.trees.global, text, this.env);
      if (g.kind === 'ok') {
        const before = this.modes.snapshotKey();
        this.run(g);
        if (first !== 'do' && this.modes.snapshotKey() === before) this.modes.send({ type: 'global' });
        return;
      }
      const other =
        g.kind === 'invalid' ? unsimulated(words, g.col, g.words, true, this.platform, 'global') : undefined;
      if (other?.block) {
        if (other.message !== '') this.env.error(other.message);
        if (other.mode !== undefined) enter(other.mode, other.name);
        else this.modes.send({ type: 'global' });
        return;
      }
    }
    this.env.error(notApplied(stub.name));
    if (stub.mode === 'config-cert-chain' && first.length >= 4 && 'certificate'.startsWith(first)) {
      enter('config-pubkey');
    }
  }

  private run(r: Extract<ParseOutcome<IosEnv>, { kind: 'ok' }>): void {
    const node = r.node;
    if (!r.args.has('|')) {
      node.run!(this.env, r.args);
      return;
    }
    const start = this.out.length;
    node.run!(this.env, r.args);
    const produced = this.out.splice(start);
    this.out.push(...applyFilter(r.args, produced));
  }

  /** `typedCol` takes a column of `text` back to the line typed, when an alias was expanded. */
  private report(
    text: string,
    promptLength: number,
    e: ParseError,
    exec: boolean,
    typedCol = (col: number) => col,
  ): void {
    const words = tokenize(text);
    const first = words[0];
    switch (e.kind) {
      case 'ambiguous':
        // The whole line, not only up to the ambiguous word (2960 captures: "sh po interface fa0/3").
        this.env.error(`% Ambiguous command:  "${text.slice(first?.start ?? 0).trimEnd()}"`);
        return;
      case 'incomplete':
        if (e.message !== undefined) this.env.error(e.message);
        else this.env.error('% Incomplete command.', '');
        return;
      case 'invalid': {
        // An unknown word alone at an EXEC prompt is taken for a host to connect to. Followed
        // by more, it is an error like any other: a 1941 answers "hostname R2" typed at R1#
        // with a caret under the "o", the first letter no EXEC command starts with.
        // An address is a Telnet target, which needs no lookup.
        if (exec && first && words.length === 1 && parseIpv4(first.text) !== undefined) {
          openTelnet(this.env, [first.text]);
          return;
        }
        // A name is looked up, and a session opened to its address if it has one.
        if (exec && first && e.col <= first.end && words.length === 1) {
          openTelnet(this.env, [first.text], `${UNKNOWN_COMMAND}\n`);
          return;
        }
        const notYet = unsimulated(
          words,
          e.col,
          e.words,
          this.modes.isConfig(),
          this.platform,
          this.modes.mode(),
        );
        if (notYet !== undefined) {
          if (notYet.message !== '') this.env.error(notYet.message);
          if (notYet.mode !== undefined && this.modes.isConfig()) {
            this.modes.send({ type: 'stub', stub: { mode: notYet.mode, name: notYet.name } });
          }
          return;
        }
        this.fail(`% Invalid input detected at '^' marker (column ${typedCol(e.col) + 1}).`, [
          `${' '.repeat(promptLength + typedCol(e.col))}^`,
          "% Invalid input detected at '^' marker.",
          '',
        ]);
      }
    }
  }

  private help(text: string): ShellReply {
    const mode = this.modes.mode();
    const stub = this.modes.context().stub;
    if (mode === 'unsimulated' && stub !== undefined) {
      return { lines: [notSimulated(stub.name)], pending: text };
    }
    const tree = this.treeFor(mode);
    if (!tree) return { lines: [] };
    const tokens = tokenize(text);
    // A partial first word may be an alias, which `?` lists before the commands.
    if (tokens.length === 1 && !/\s$/.test(text)) {
      const aliases = partialAliasWords(this.store.get(), mode, tokens[0]!.text);
      if (aliases.length > 0) {
        const r = help(tree, text, this.env);
        const words = r.kind === 'help' && r.lines[0]?.startsWith('%') !== true ? r.lines.join(' ') : '';
        return {
          lines: [...wrapWords([...aliases, ...words.split(/\s+/).filter((w) => w !== '')]), ''],
          pending: text,
        };
      }
    }
    const r = help(tree, expandAlias(this.store.get(), mode, text)?.text ?? text, this.env);
    if (r.kind === 'help' && r.lines.length > 0) {
      const acl = this.modes.context().acl;
      const modeHeader = mode === 'acl' && acl !== undefined ? aclHelpHeader(acl.kind) : HELP_HEADER[mode];
      const header = text.trim() === '' ? modeHeader : undefined;
      // A blank line ends the list, as on IOS 15 (IOSv and 1941 captures; Packet Tracer has none).
      return { lines: header ? [header, ...r.lines, ''] : [...r.lines, ''], pending: text };
    }
    // No options of Trame's: the words may be those of a feature it does not simulate.
    const notYet = unsimulatedHelp(tokenize(text), this.modes.isConfig(), this.platform, mode);
    if (notYet !== undefined) return { lines: [notYet], pending: text };
    if (r.kind === 'help') return { lines: [], pending: text };
    const first = tokenize(text)[0];
    if (r.kind === 'invalid' && first && r.col <= first.end) {
      return { lines: ['% Unrecognized command'], pending: text };
    }
    this.report(text, this.prompt().length, r, false);
    return { lines: this.out, pending: text };
  }
}

/** Which error to show when neither the sub-mode nor global configuration accepts a line. */
function pickError(sub: ParseError, global: ParseError): ParseError {
  if (sub.kind !== 'invalid') return sub;
  if (global.kind !== 'invalid') return global;
  return global.col > sub.col ? global : sub;
}
