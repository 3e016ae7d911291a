/**
 * show version. Trame is not Cisco software and says so; the rest follows the layout of a
 * 1941 router or a 2960 switch so that students find what they look for (uptime, image,
 * interfaces, configuration register).
 */
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import type { IosDeviceContext } from '../../context.ts';
import { isPhysical } from '../config-edit.ts';
import { IOS_VERSION } from '../running-config.ts';
import { uptime } from './format.ts';

export function showVersion(dev: IosDeviceContext, c: DeviceConfig): string[] {
  const model = dev.kind === 'router' ? '1941' : 'WS-C2960-24TT-L';
  const physical = Object.keys(c.interfaces).filter((n) => isPhysical(dev.kind, n));
  const count = (prefix: string) => physical.filter((n) => n.startsWith(prefix)).length;
  const out = [
    `Trame IOS-style command line, Version ${IOS_VERSION[dev.kind]} (simulated ${model})`,
    'This is Trame, a network simulator: not Cisco IOS, and not Cisco software.',
    'Commands and output follow Cisco IOS so that what you learn here works on real equipment.',
    '',
    `${c.hostname} uptime is ${uptime(dev.sim.now())}`,
    'System returned to ROM by power-on',
    `System image file is "flash:trame-${dev.kind}"`,
    '',
    `Trame ${model} (simulated) processor`,
  ];
  if (count('Fast')) out.push(`${count('Fast')} FastEthernet interfaces`);
  if (count('Gigabit')) out.push(`${count('Gigabit')} Gigabit Ethernet interfaces`);
  out.push(`Base ethernet MAC Address       : ${formatMacDotted(dev.sim.baseMac(dev.id)).toUpperCase()}`, '');
  out.push('Configuration register is 0x2102', '');
  return out;
}
