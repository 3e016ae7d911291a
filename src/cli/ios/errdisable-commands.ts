/**
 * `errdisable recovery` on a 2960 (Catalyst 2960 command reference): the causes whose
 * error-disabled ports come back by themselves, and after how long. Trame error-disables ports
 * for `psecure-violation` only; the other causes are accepted and listed, as the switch does.
 */
import { type DeviceConfig, ERRDISABLE_INTERVAL } from '../../shared/config.ts';
import { range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

interface Cause {
  readonly name: string;
  /** As `errdisable recovery cause ?` words it. */
  readonly help: string;
  /** As `show errdisable recovery` lists it, when it differs. */
  readonly shown?: string;
}

/** In `show errdisable recovery`'s order. */
export const CAUSES: readonly Cause[] = [
  { name: 'arp-inspection', help: 'Enable timer to recover from arp inspection error disable state' },
  { name: 'bpduguard', help: 'Enable timer to recover from BPDU Guard error' },
  {
    name: 'channel-misconfig',
    help: 'Enable timer to recover from channel misconfig error (STP)',
    shown: 'channel-misconfig (STP)',
  },
  { name: 'dhcp-rate-limit', help: 'Enable timer to recover from dhcp-rate-limit error' },
  { name: 'dtp-flap', help: 'Enable timer to recover from dtp-flap error' },
  { name: 'gbic-invalid', help: 'Enable timer to recover from invalid GBIC error' },
  { name: 'inline-power', help: 'Enable timer to recover from inline-power error' },
  { name: 'l2ptguard', help: 'Enable timer to recover from l2protocol-tunnel error' },
  { name: 'link-flap', help: 'Enable timer to recover from link-flap error' },
  { name: 'mac-limit', help: 'Enable timer to recover from mac limit disable state' },
  { name: 'loopback', help: 'Enable timer to recover from loopback error' },
  { name: 'pagp-flap', help: 'Enable timer to recover from pagp-flap error' },
  { name: 'port-mode-failure', help: 'Enable timer to recover from port mode change failure' },
  { name: 'pppoe-ia-rate-limit', help: 'Enable timer to recover from PPPoE IA rate-limit error' },
  { name: 'psecure-violation', help: 'Enable timer to recover from psecure violation error' },
  { name: 'security-violation', help: 'Enable timer to recover from 802.1x violation error' },
  { name: 'sfp-config-mismatch', help: 'Enable timer to recover from SFP config mismatch error' },
  { name: 'small-frame', help: 'Enable timer to recover from small frame error' },
  { name: 'storm-control', help: 'Enable timer to recover from storm-control error' },
  { name: 'udld', help: 'Enable timer to recover from udld error' },
  { name: 'vmps', help: 'Enable timer to recover from vmps shutdown error' },
];

/**
 * The order running-config lists them in, which is IOS's own: udld first, psecure-violation
 * after the layer-2 protocols' causes.
 */
const CONFIG_ORDER = [
  'udld',
  'bpduguard',
  'security-violation',
  'channel-misconfig',
  'pagp-flap',
  'dtp-flap',
  'link-flap',
  'sfp-config-mismatch',
  'gbic-invalid',
  'l2ptguard',
  'psecure-violation',
  ...CAUSES.map((c) => c.name),
].filter((name, i, all) => all.indexOf(name) === i);

const withCauses = (c: DeviceConfig, causes: readonly string[]): DeviceConfig => {
  const sorted = CONFIG_ORDER.filter((name) => causes.includes(name));
  return sorted.length === 0 ? without(c, 'errdisableRecovery') : { ...c, errdisableRecovery: sorted };
};

function causeNodes(change: (env: IosEnv, names: readonly string[]) => void): IosNode[] {
  return [
    kw(
      'all',
      'Enable timer to recover from all error causes',
      run((env) => change(env, CONFIG_ORDER)),
    ),
    ...CAUSES.map((c) =>
      kw(
        c.name,
        c.help,
        run((env) => change(env, [c.name])),
      ),
    ),
  ];
}

const recoveryHelp = 'Error disable recovery';
const causeHelp = 'Enable error disable recovery for application';
const intervalHelp = 'Error disable recovery timer value';

/** `errdisable recovery ...` in global configuration (`no`: the `no` form). */
export function errdisableNode(no: boolean): IosNode {
  const causes = causeNodes((env, names) => {
    const now = env.config().errdisableRecovery ?? [];
    env.setConfig(withCauses(env.config(), no ? now.filter((n) => !names.includes(n)) : [...now, ...names]));
  });
  const setInterval = run((env, a: Args) => {
    const n = a.need<number>('seconds');
    env.setConfig(
      n === ERRDISABLE_INTERVAL
        ? without(env.config(), 'errdisableInterval')
        : { ...env.config(), errdisableInterval: n },
    );
  });
  const resetInterval = run((env) => env.setConfig(without(env.config(), 'errdisableInterval')));
  // `no errdisable recovery interval` takes the value too, and ignores it.
  const seconds = arg('seconds', range(30, 86400), 'timer-interval(sec)', no ? resetInterval : setInterval);
  return kw(
    'errdisable',
    'Error disable',
    kw(
      'recovery',
      recoveryHelp,
      kw('cause', causeHelp, ...causes),
      no ? kw('interval', intervalHelp, resetInterval, seconds) : kw('interval', intervalHelp, seconds),
    ),
  );
}

/** Its running-config lines, just before spanning tree's. */
export const errdisableLines = (c: DeviceConfig): string[] => [
  ...(c.errdisableRecovery ?? []).map((name) => `errdisable recovery cause ${name}`),
  ...(c.errdisableInterval !== undefined ? [`errdisable recovery interval ${c.errdisableInterval}`] : []),
];
