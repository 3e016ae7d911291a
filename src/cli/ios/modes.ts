/**
 * IOS command modes as a state machine: user EXEC (R1>), privileged EXEC (R1#) and the
 * configuration modes, which share the transitions into each other (typing `interface`
 * or `vlan` inside any of them switches mode, as IOS does).
 */

import { assign, createActor, setup } from 'xstate';
import type { AclKind } from '../../shared/acl.ts';

export type LineKind = 'console' | 'vty';

export interface ModeContext {
  /** Interfaces being configured (one, or several in config-if-range). */
  readonly interfaces: readonly string[];
  /** VLANs being configured in config-vlan. */
  readonly vlans: readonly number[];
  readonly line: LineKind;
  /** The lines being configured: `line vty 0 4` is [0, 4], `line console 0` [0, 0]. */
  readonly lines: readonly [number, number];
  /** In the mode of a feature Trame does not simulate: what it is. */
  readonly stub: Stub | undefined;
  /** The access list `ip access-list` edits. */
  readonly acl?: { readonly name: string; readonly kind: AclKind };
  /** The DHCP pool `ip dhcp pool` edits. */
  readonly pool?: string;
  /** The OSPF process `router ospf N` edits. */
  readonly ospf?: number;
}

/**
 * The mode of a block command Trame does not simulate (`router rip`, `time-range T`): IOS
 * enters a mode of its own, so the lines that follow belong to the block.
 */
export interface Stub {
  /** As IOS names it in the prompt: config-router, dhcp-config... */
  readonly mode: string;
  /** The feature, as the notice names it. */
  readonly name: string;
}

export type ModeEvent =
  | { readonly type: 'login' }
  | { readonly type: 'logout' }
  | { readonly type: 'enable' }
  | { readonly type: 'disable' }
  | { readonly type: 'configure' }
  | { readonly type: 'interface'; readonly names: readonly string[]; readonly range: boolean }
  | { readonly type: 'vlan'; readonly ids: readonly number[] }
  | { readonly type: 'line'; readonly line: LineKind; readonly lines: readonly [number, number] }
  | { readonly type: 'stub'; readonly stub: Stub }
  | { readonly type: 'acl'; readonly name: string; readonly kind: AclKind }
  | { readonly type: 'dhcp'; readonly pool: string }
  | { readonly type: 'router'; readonly ospf: number }
  /** Back to global configuration: `exit` in a sub-mode, or a global command typed there. */
  | { readonly type: 'global' }
  | { readonly type: 'exit' }
  | { readonly type: 'end' }
  /** Reload: the console is back at "Press RETURN to get started". */
  | { readonly type: 'reset' };

export type IosMode =
  | 'loggedOut'
  | 'userExec'
  | 'privExec'
  | 'global'
  | 'interface'
  | 'subinterface'
  | 'interfaceRange'
  | 'vlan'
  | 'line'
  | 'acl'
  | 'dhcp'
  | 'router'
  | 'unsimulated';

const machine = setup({
  types: { context: {} as ModeContext, events: {} as ModeEvent },
  guards: {
    isRange: ({ event }) => event.type === 'interface' && event.range,
    isSub: ({ event }) => event.type === 'interface' && event.names[0]?.includes('.') === true,
  },
  actions: {
    setInterfaces: assign({ interfaces: ({ event }) => (event.type === 'interface' ? event.names : []) }),
    setVlans: assign({ vlans: ({ event }) => (event.type === 'vlan' ? event.ids : []) }),
    setLine: assign({
      line: ({ context, event }) => (event.type === 'line' ? event.line : context.line),
      lines: ({ context, event }) => (event.type === 'line' ? event.lines : context.lines),
    }),
    setStub: assign({ stub: ({ event }) => (event.type === 'stub' ? event.stub : undefined) }),
    setAcl: assign({
      acl: ({ context, event }) =>
        event.type === 'acl' ? { name: event.name, kind: event.kind } : context.acl,
    }),
    setPool: assign({ pool: ({ context, event }) => (event.type === 'dhcp' ? event.pool : context.pool) }),
    setOspf: assign({ ospf: ({ context, event }) => (event.type === 'router' ? event.ospf : context.ospf) }),
  },
}).createMachine({
  id: 'ios',
  initial: 'userExec',
  context: { interfaces: [], vlans: [], line: 'console', lines: [0, 0], stub: undefined },
  on: { reset: '.loggedOut' },
  states: {
    loggedOut: { on: { login: 'userExec' } },
    userExec: { on: { enable: 'privExec', exit: 'loggedOut', logout: 'loggedOut' } },
    privExec: {
      on: { disable: 'userExec', configure: 'config', exit: 'loggedOut', logout: 'loggedOut' },
    },
    config: {
      initial: 'global',
      on: {
        end: 'privExec',
        global: '.global',
        interface: [
          { guard: 'isRange', target: '.interfaceRange', actions: 'setInterfaces' },
          { guard: 'isSub', target: '.subinterface', actions: 'setInterfaces' },
          { target: '.interface', actions: 'setInterfaces' },
        ],
        vlan: { target: '.vlan', actions: 'setVlans' },
        line: { target: '.line', actions: 'setLine' },
        stub: { target: '.unsimulated', actions: 'setStub' },
        acl: { target: '.acl', actions: 'setAcl' },
        dhcp: { target: '.dhcp', actions: 'setPool' },
        router: { target: '.router', actions: 'setOspf' },
      },
      states: {
        global: { on: { exit: '#ios.privExec' } },
        interface: { on: { exit: 'global' } },
        subinterface: { on: { exit: 'global' } },
        interfaceRange: { on: { exit: 'global' } },
        vlan: { on: { exit: 'global' } },
        line: { on: { exit: 'global' } },
        acl: { on: { exit: 'global' } },
        dhcp: { on: { exit: 'global' } },
        router: { on: { exit: 'global' } },
        unsimulated: { on: { exit: 'global' } },
      },
    },
  },
});

const SUFFIX: Record<IosMode, string> = {
  loggedOut: '',
  userExec: '>',
  privExec: '#',
  global: '(config)#',
  interface: '(config-if)#',
  subinterface: '(config-subif)#',
  interfaceRange: '(config-if-range)#',
  vlan: '(config-vlan)#',
  line: '(config-line)#',
  acl: '',
  dhcp: '(dhcp-config)#',
  router: '(config-router)#',
  unsimulated: '',
};

/** One console's current mode. */
export class Modes {
  private readonly actor;

  /** Consoles start in user EXEC; reading a configuration text starts in global configuration. */
  constructor(start: 'userExec' | 'global' = 'userExec') {
    const context: ModeContext = {
      interfaces: [],
      vlans: [],
      line: 'console',
      lines: [0, 0],
      stub: undefined,
    };
    const value = start === 'global' ? { config: 'global' } : 'userExec';
    this.actor = createActor(machine, { snapshot: machine.resolveState({ value, context }) });
    this.actor.start();
  }

  send(event: ModeEvent): void {
    this.actor.send(event);
  }

  /** Changes whenever the mode or what it configures changes. */
  snapshotKey(): unknown {
    return this.actor.getSnapshot();
  }

  mode(): IosMode {
    const v = this.actor.getSnapshot().value;
    return typeof v === 'string' ? (v as IosMode) : (v.config as IosMode);
  }

  context(): ModeContext {
    return this.actor.getSnapshot().context;
  }

  /** What follows the hostname in the prompt: ">", "#", "(config-if)#"... */
  suffix(): string {
    const mode = this.mode();
    if (mode === 'acl')
      return this.context().acl?.kind === 'standard' ? '(config-std-nacl)#' : '(config-ext-nacl)#';
    return mode === 'unsimulated' ? `(${this.context().stub?.mode})#` : SUFFIX[mode];
  }

  isConfig(): boolean {
    const m = this.mode();
    return m !== 'loggedOut' && m !== 'userExec' && m !== 'privExec';
  }
}
