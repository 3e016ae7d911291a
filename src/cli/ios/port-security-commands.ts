/**
 * `switchport port-security ...` on a 2960's ports (Catalyst 2960 Software Configuration Guide,
 * "Configuring Port Security"), and their `no` forms. Its settings are kept while it is off, as
 * IOS keeps them. The engine applies it (engine/device/port-security.ts).
 */

import type { SecureAddressEntry } from '../../engine/api.ts';
import type {
  PortSecurityConfig,
  SecureMac,
  SecurityViolation,
  SwitchportConfig,
} from '../../shared/config.ts';
import { DEFAULT_PORT_SECURITY } from '../../shared/config.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { MAC, range } from '../parser/args.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';

type SecureKind = SecureAddressEntry['kind'];

/** Applies `fn` to the switchport settings of each interface being configured (`name`). */
export type SwitchportEditor = (
  env: IosEnv,
  fn: (s: SwitchportConfig, name: string) => SwitchportConfig | string,
) => void;

/** The most secure addresses a 2960 port takes (`maximum ?`). */
const MAX_SECURE = 8192;

const portSecurityHelp = 'Security related command';
const maximumHelp = 'Max secure addresses';
const violationHelp = 'Security violation mode';
const macAddressHelp = 'Secure mac address';
const stickyHelp = 'Configure dynamic secure addresses as sticky';

/** H.H.H after `mac-address` or `mac-address sticky`, running `fn` with the address typed. */
const macArg = (fn: (env: IosEnv, mac: MacAddr) => void): IosNode =>
  arg(
    'mac',
    MAC,
    '48 bit mac address',
    run((env, a) => fn(env, a.need<MacAddr>('mac'))),
  );

const VIOLATIONS: readonly [SecurityViolation, string][] = [
  ['protect', 'Security violation protect mode'],
  ['restrict', 'Security violation restrict mode'],
  ['shutdown', 'Security violation shutdown mode'],
];

/** `fn` applied to a port's port security (its defaults while none was configured). */
function editSecurity(
  edit: SwitchportEditor,
  env: IosEnv,
  fn: (ps: PortSecurityConfig, name: string, s: SwitchportConfig) => PortSecurityConfig | string,
): void {
  edit(env, (s, name) => {
    const r = fn(s.portSecurity ?? DEFAULT_PORT_SECURITY, name, s);
    if (typeof r === 'string') return r;
    // All at their defaults: nothing configured, as the running-config shows it.
    return isDefault(r) ? without(s, 'portSecurity') : { ...s, portSecurity: r };
  });
}

const isDefault = (ps: PortSecurityConfig): boolean =>
  !ps.enabled &&
  ps.maximum === 1 &&
  ps.violation === 'shutdown' &&
  !ps.sticky &&
  ps.macs.length === 0 &&
  ps.agingTime === undefined &&
  ps.agingInactivity === undefined &&
  ps.agingStatic === undefined;

const AGING_HELP = 'Port-security aging commands';
const AGING_STATIC_HELP = 'Enable aging for configured secure addresses';
const AGING_TIME_HELP = 'Port-security aging time';
const AGING_TYPE_HELP = 'Port-security aging type';
const AGING_MINUTES: [number, number] = [1, 1440];
const AGING_MINUTES_HELP = 'Aging time in minutes. Enter a value between 1 and 1440';
const AGING_TYPES: readonly [string, string][] = [
  ['absolute', 'Absolute aging (default)'],
  ['inactivity', 'Aging based on inactivity time period'],
];

/**
 * `[no] switchport port-security aging time N | type absolute|inactivity | static` (help from
 * IOS's parser); `no` puts each back to its default, whatever follows it.
 */
function agingNode(edit: SwitchportEditor, no: boolean): IosNode {
  const set = (change: (ps: PortSecurityConfig) => PortSecurityConfig) =>
    run((env) => editSecurity(edit, env, change));
  const time = set((ps) => without(ps, 'agingTime'));
  const type = set((ps) => without(ps, 'agingInactivity'));
  return kw(
    'aging',
    AGING_HELP,
    kw(
      'static',
      AGING_STATIC_HELP,
      no ? set((ps) => without(ps, 'agingStatic')) : set((ps) => ({ ...ps, agingStatic: true })),
    ),
    kw(
      'time',
      AGING_TIME_HELP,
      ...(no ? [time] : []),
      arg(
        'minutes',
        range(...AGING_MINUTES),
        AGING_MINUTES_HELP,
        no
          ? time
          : run((env, a) =>
              editSecurity(edit, env, (ps) => ({ ...ps, agingTime: a.need<number>('minutes') })),
            ),
      ),
    ),
    kw(
      'type',
      AGING_TYPE_HELP,
      ...(no ? [type] : []),
      ...AGING_TYPES.map(([word, help]) =>
        kw(word, help, no || word === 'absolute' ? type : set((ps) => ({ ...ps, agingInactivity: true }))),
      ),
    ),
  );
}

/** IOS refuses port security on a port that may negotiate a trunk. */
const dynamicPort = (name: string) => `Command rejected: ${name} is a dynamic port.`;

/** No room for another typed address (as captured on a 2960 and in Packet Tracer). */
const full = (name: string) => `Total secure mac-addresses on interface ${name} has reached maximum limit.`;

/**
 * A maximum below the addresses already configured. IOS refuses it; this wording is the one
 * other implementations of IOS's port security print, not confirmed from a capture.
 */
const BELOW_CONFIGURED = 'Maximum is less than number of currently secured mac-addresses.';

function addMac(
  ps: PortSecurityConfig,
  name: string,
  mac: MacAddr,
  sticky: boolean,
): PortSecurityConfig | string {
  const others = ps.macs.filter((m) => m.mac !== mac);
  if (others.length >= ps.maximum) return full(name);
  const entry: SecureMac = { mac, sticky };
  return { ...ps, macs: [...others, entry] };
}

/** `switchport port-security ...`. */
export function portSecurityNode(edit: SwitchportEditor): IosNode {
  return kw(
    'port-security',
    portSecurityHelp,
    run((env) =>
      editSecurity(edit, env, (ps, name, s) =>
        s.mode.startsWith('dynamic') ? dynamicPort(name) : { ...ps, enabled: true },
      ),
    ),
    agingNode(edit, false),
    kw(
      'mac-address',
      macAddressHelp,
      macArg((env, mac) => editSecurity(edit, env, (ps, name) => addMac(ps, name, mac, false))),
      kw(
        'sticky',
        stickyHelp,
        run((env) =>
          editSecurity(edit, env, (ps) => ({
            ...ps,
            sticky: true,
          })),
        ),
        macArg((env, mac) => editSecurity(edit, env, (ps, name) => addMac(ps, name, mac, true))),
      ),
    ),
    kw(
      'maximum',
      maximumHelp,
      arg(
        'max',
        range(1, MAX_SECURE),
        'Maximum addresses',
        run((env, a) => {
          const maximum = a.need<number>('max');
          editSecurity(edit, env, (ps) => (ps.macs.length > maximum ? BELOW_CONFIGURED : { ...ps, maximum }));
        }),
      ),
    ),
    kw(
      'violation',
      violationHelp,
      ...VIOLATIONS.map(([mode, help]) =>
        kw(
          mode,
          help,
          run((env) => editSecurity(edit, env, (ps) => ({ ...ps, violation: mode }))),
        ),
      ),
    ),
  );
}

/** `no switchport port-security ...`: back to each setting's default. */
export function noPortSecurityNode(edit: SwitchportEditor): IosNode {
  const dropping = (mac: MacAddr, sticky: boolean) => (ps: PortSecurityConfig) => ({
    ...ps,
    macs: ps.macs.filter((m) => m.mac !== mac || m.sticky !== sticky),
  });
  // Back to 1, which the typed addresses may be too many for, as with `maximum 1`.
  const resetMaximum = run((env) =>
    editSecurity(edit, env, (ps) => (ps.macs.length > 1 ? BELOW_CONFIGURED : { ...ps, maximum: 1 })),
  );
  const resetViolation = run((env) => editSecurity(edit, env, (ps) => ({ ...ps, violation: 'shutdown' })));
  return kw(
    'port-security',
    portSecurityHelp,
    run((env) => editSecurity(edit, env, (ps) => ({ ...ps, enabled: false }))),
    agingNode(edit, true),
    kw(
      'mac-address',
      macAddressHelp,
      macArg((env, mac) => editSecurity(edit, env, dropping(mac, false))),
      kw(
        'sticky',
        stickyHelp,
        // Sticky addresses leave the configuration with it.
        run((env) =>
          editSecurity(edit, env, (ps) => ({ ...ps, sticky: false, macs: ps.macs.filter((m) => !m.sticky) })),
        ),
        macArg((env, mac) => editSecurity(edit, env, dropping(mac, true))),
      ),
    ),
    // The value or mode may follow, as in the command being undone: it changes nothing.
    kw(
      'maximum',
      maximumHelp,
      resetMaximum,
      arg('max', range(1, MAX_SECURE), 'Maximum addresses', resetMaximum),
    ),
    kw(
      'violation',
      violationHelp,
      resetViolation,
      ...VIOLATIONS.map(([mode, help]) => kw(mode, help, resetViolation)),
    ),
  );
}

const CLEAR_KINDS: readonly [string, readonly SecureKind[], string][] = [
  ['all', ['configured', 'sticky', 'dynamic'], 'Delete all secure MAC addresses'],
  ['configured', ['configured'], 'Delete configured secure MAC addresses'],
  ['dynamic', ['dynamic'], 'Delete secure MAC addresses auto-learned by hardware'],
  ['sticky', ['sticky'], 'Delete secure MAC addresses, either auto-learned or configured'],
];

/**
 * `clear port-security {all|configured|dynamic|sticky} [address H.H.H | interface IF]`
 * (Catalyst 2960 command reference): the addresses leave the ports and the MAC address table,
 * and typed and sticky ones the running-config too. A port keeps its error-disabled state.
 */
export function clearPortSecurityNode(): IosNode {
  const clear = (env: IosEnv, kinds: readonly SecureKind[], only: { mac?: MacAddr; port?: string }) => {
    const dev = env.device!;
    dev.sim.clearPortSecurity(dev.id, { kinds, ...only });
    const sticky = kinds.includes('sticky');
    const typed = kinds.includes('configured');
    if (!sticky && !typed) return;
    const config = env.config();
    let interfaces = config.interfaces;
    for (const [name, i] of Object.entries(interfaces)) {
      const ps = i.switchport?.portSecurity;
      if (ps === undefined || (only.port !== undefined && name !== only.port)) continue;
      const macs = ps.macs.filter(
        (m) => (m.sticky ? !sticky : !typed) || (only.mac !== undefined && m.mac !== only.mac),
      );
      if (macs.length === ps.macs.length) continue;
      interfaces = {
        ...interfaces,
        [name]: { ...i, switchport: { ...i.switchport!, portSecurity: { ...ps, macs } } },
      };
    }
    if (interfaces !== config.interfaces) env.setConfig({ ...config, interfaces });
  };
  return kw(
    'port-security',
    'Clear secure MAC addresses',
    ...CLEAR_KINDS.map(([word, kinds, help]) =>
      kw(
        word,
        help,
        run((env) => clear(env, kinds, {})),
        kw(
          'address',
          'Delete secure MAC address',
          arg(
            'mac',
            MAC,
            '48 bit mac address',
            run((env, a) => clear(env, kinds, { mac: a.need<MacAddr>('mac') })),
          ),
        ),
        kw(
          'interface',
          'Delete secure MAC addresses on an interface',
          arg(
            'interface',
            interfaceArg({ physical: true }),
            '',
            run((env, a) => clear(env, kinds, { port: a.need<string>('interface') })),
          ),
        ),
      ),
    ),
  );
}
