/**
 * Privileged EXEC `debug ip icmp`, `debug ip nat`, `debug ip ospf hello` and `debug arp`, their `undebug` and `no debug` forms with
 * `undebug all`, and `show debugging`. Debugging is the device's state, not configuration: no
 * running-config line, off again after a reload. What it prints is debug-messages.ts.
 */
import type { DebugFacility } from '../../engine/api.ts';
import { type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/** What IOS calls each in "... debugging is on" and under which heading `show debugging` lists it. */
const FACILITY: Readonly<Record<DebugFacility, { readonly name: string; readonly heading: string }>> = {
  icmp: { name: 'ICMP packet', heading: 'Generic IP' },
  // The heading of ARP's flag is inferred: no capture of `show debugging` with it was found.
  arp: { name: 'ARP packet', heading: 'ARP' },
  // Likewise for NAT's heading; "IP NAT debugging is on" is IOS's answer to `debug ip nat`.
  nat: { name: 'IP NAT', heading: 'NAT' },
  // "OSPF hello debugging is on" is IOS 15's answer; the heading is inferred.
  'ospf-hello': { name: 'OSPF hello', heading: 'OSPF' },
};

function turn(env: IosEnv, facility: DebugFacility, on: boolean): void {
  env.device!.sim.setDebugging(env.device!.id, facility, on);
  env.print(`${FACILITY[facility].name} debugging is ${on ? 'on' : 'off'}`);
}

function allOff(env: IosEnv): void {
  for (const f of env.device!.sim.debugging(env.device!.id))
    env.device!.sim.setDebugging(env.device!.id, f, false);
  env.print('All possible debugging has been turned off');
}

/**
 * The facilities under `debug`, `undebug` or `no debug`, turning them on or off; OSPF's where
 * the device routes (a router, a 3560).
 */
const facilities = (on: boolean, routing: boolean): IosNode[] => [
  kw(
    'arp',
    'IP ARP and HP Probe transactions',
    run((env) => turn(env, 'arp', on)),
  ),
  kw(
    'ip',
    'IP information',
    kw(
      'icmp',
      'ICMP transactions',
      run((env) => turn(env, 'icmp', on)),
    ),
    kw(
      'nat',
      'NAT events',
      run((env) => turn(env, 'nat', on)),
    ),
    ...(routing
      ? [
          kw(
            'ospf',
            'OSPF information',
            kw(
              'hello',
              'OSPF hello events',
              run((env) => turn(env, 'ospf-hello', on)),
            ),
          ),
        ]
      : []),
  ),
];

const offNode = (word: string, help: string, routing: boolean): IosNode =>
  kw(word, help, kw('all', 'Disable all debugging', run(allOff)), ...facilities(false, routing));

export const debugNodes = (routing: boolean): IosNode[] => [
  kw('debug', "Debugging functions (see also 'undebug')", ...facilities(true, routing)),
  kw(
    'no',
    'Disable debugging functions',
    offNode('debug', "Debugging functions (see also 'undebug')", routing),
  ),
  offNode('undebug', "Disable debugging functions (see also 'debug')", routing),
];

/** `show debugging`: each facility that is on under its heading; nothing when none is. */
export function showDebugging(env: IosEnv): string[] {
  const out: string[] = [];
  let heading = '';
  for (const f of env.device!.sim.debugging(env.device!.id)) {
    const { name, heading: h } = FACILITY[f];
    if (h !== heading) out.push(`${h}:`);
    heading = h;
    out.push(`  ${name} debugging is on`);
  }
  return out;
}
