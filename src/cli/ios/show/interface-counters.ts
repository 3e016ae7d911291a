/**
 * show interfaces [X] counters [errors] on a 2960: two tables per command, one row per
 * switch port. Layout from Catalyst IOS 15 captures (pyATS's ShowInterfacesCounters golden
 * output, a WS-C3560X's): the name, the octets right-aligned at column 24, then 15-character
 * columns (IOS ends each line with a space, which the console does not send); `errors` starts
 * with a blank line.
 *
 * The packet columns split what the port counted since its last `clear counters` by
 * destination: the broadcast address, other group addresses, and unicast for the rest.
 */
import type { InterfaceCounters } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';
import { isRoutedPort } from '../config-edit.ts';
import { statuses } from './interfaces.ts';

/** The switch's ports shown (routed ones too), with their counters. */
function ports(dev: IosDeviceContext, c: DeviceConfig, only?: string): [string, InterfaceCounters][] {
  const st = statuses(dev);
  return Object.entries(c.interfaces).flatMap(([name, i]): [string, InterfaceCounters][] => {
    const s = st.get(name);
    const port = i.switchport !== undefined || isRoutedPort(dev.kind, name, i);
    if (!port || s === undefined || (only !== undefined && name !== only)) return [];
    return [[shortInterfaceName(name), s.counters]];
  });
}

const row = (port: string, octets: number, ...packets: number[]): string =>
  `${port.padEnd(8)}${String(octets).padStart(16)}${packets.map((n) => String(n).padStart(15)).join('')}`;

export function showInterfacesCounters(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const shown = ports(dev, c, only);
  return [
    'Port            InOctets    InUcastPkts    InMcastPkts    InBcastPkts',
    ...shown.map(([p, k]) =>
      row(p, k.rxBytes, k.rxFrames - k.rxMulticasts - k.rxBroadcasts, k.rxMulticasts, k.rxBroadcasts),
    ),
    '',
    'Port           OutOctets   OutUcastPkts   OutMcastPkts   OutBcastPkts',
    ...shown.map(([p, k]) =>
      row(p, k.txBytes, k.txFrames - k.txMulticasts - k.txBroadcasts, k.txMulticasts, k.txBroadcasts),
    ),
  ];
}

/**
 * `errors`: the engine's lines have no errors, collisions or malformed frames, so every
 * column but OutDiscards stays at 0; OutDiscards is what `show interfaces` reports as "Total
 * output drops" (a full queue, or a line down). The second table's Giants column is the
 * 2960's as far as captures tell: some Catalyst models end at Runts.
 */
export function showInterfacesCounterErrors(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const shown = ports(dev, c, only);
  const cells = (widths: number[], values: number[]) =>
    values.map((v, i) => String(v).padStart(widths[i]!)).join('');
  return [
    '',
    'Port        Align-Err     FCS-Err    Xmit-Err     Rcv-Err  UnderSize  OutDiscards',
    ...shown.map(([p, k]) => `${p.padEnd(8)}${cells([13, 12, 12, 12, 11, 13], [0, 0, 0, 0, 0, k.drops])}`),
    '',
    'Port      Single-Col  Multi-Col   Late-Col  Excess-Col  Carri-Sen      Runts     Giants',
    ...shown.map(([p, _]) => `${p.padEnd(8)}${cells([12, 11, 11, 12, 11, 11, 11], [0, 0, 0, 0, 0, 0, 0])}`),
  ];
}
