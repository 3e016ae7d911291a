/**
 * show version. Trame is not Cisco software and says so in its first lines; the rest follows
 * the layout of IOS 15 on a 1941 router and a 2960 switch, so that students find what they
 * look for: version, uptime, why the device last booted, image, interfaces, NVRAM size, base
 * MAC (2960) and the configuration register (0x2102 on the 1941, 0xF on the 2960).
 */
import { formatMacColon } from '../../../shared/mac.ts';
import type { IosDeviceContext } from '../../context.ts';
import { isPhysical } from '../config-edit.ts';
import type { IosEnv } from '../env.ts';
import { uptime } from './format.ts';

/** The first lines of show version, which CDP also carries as a device's software version. */
export const VERSION_BANNER = {
  router: [
    'Trame IOS-style Software, C1900 Software (simulated CISCO1941/K9), Version 15.2(4)M3',
    'This is Trame, a network simulator: not Cisco IOS, and not Cisco software.',
  ],
  switch: [
    'Trame IOS-style Software, C2960 Software (simulated WS-C2960-24TT-L), Version 15.0(2)SE4',
    'This is Trame, a network simulator: not Cisco IOS, and not Cisco software.',
  ],
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function bootLines(env: IosEnv): string[] {
  const rt = env.runtime!;
  const c = env.config();
  const out = [`${c.hostname} uptime is ${uptime((rt.now() - rt.bootedAt) as typeof rt.bootedAt)}`];
  if (rt.bootReason === 'reload') {
    out.push(
      `System returned to ROM by reload at ${rt.haltedAt}`,
      `System restarted at ${rt.clock.configStamp(rt.bootedAt)}`,
    );
  } else out.push('System returned to ROM by power-on');
  return out;
}

function routerVersion(env: IosEnv): string[] {
  const c = env.config();
  const gig = Object.keys(c.interfaces).filter((n) => isPhysical('router', n)).length;
  return [
    ...VERSION_BANNER.router,
    '',
    ...bootLines(env),
    'System image file is "flash0:c1900-universalk9-mz.SPA.152-4.M3.bin"',
    'Last reload type: Normal Reload',
    `Last reload reason: ${env.runtime!.bootReason === 'reload' ? 'Reload Command' : 'power-on'}`,
    '',
    'Trame CISCO1941/K9 (simulated) with 491520K/32768K bytes of memory.',
    plural(gig, 'Gigabit Ethernet interface', 'Gigabit Ethernet interfaces'),
    '1 terminal line',
    'DRAM configuration is 64 bits wide with parity disabled.',
    '255K bytes of non-volatile configuration memory.',
    '250880K bytes of ATA System CompactFlash 0 (Read/Write)',
    '',
    'Configuration register is 0x2102',
    '',
  ];
}

function switchVersion(dev: IosDeviceContext, env: IosEnv): string[] {
  const names = Object.keys(env.config().interfaces);
  const count = (prefix: string) => names.filter((n) => n.startsWith(prefix)).length;
  const fast = names.filter((n) => n.startsWith('Fast') && isPhysical('switch', n)).length;
  const gig = names.filter((n) => n.startsWith('Gigabit') && isPhysical('switch', n)).length;
  return [
    ...VERSION_BANNER.switch,
    '',
    ...bootLines(env),
    'System image file is "flash:c2960-lanbasek9-mz.150-2.SE4.bin"',
    '',
    'Trame WS-C2960-24TT-L (simulated) with 65536K bytes of memory.',
    `Last reset from ${env.runtime!.bootReason === 'reload' ? 'warm-reset' : 'power-on'}`,
    plural(count('Vlan'), 'Virtual Ethernet interface', 'Virtual Ethernet interfaces'),
    plural(fast, 'FastEthernet interface', 'FastEthernet interfaces'),
    plural(gig, 'Gigabit Ethernet interface', 'Gigabit Ethernet interfaces'),
    'The password-recovery mechanism is enabled.',
    '',
    '64K bytes of flash-simulated non-volatile configuration memory.',
    `Base ethernet MAC Address       : ${formatMacColon(dev.sim.baseMac(dev.id)).toUpperCase()}`,
    'Model number                    : WS-C2960-24TT-L',
    '',
    'Switch Ports Model              SW Version            SW Image',
    '------ ----- -----              ----------            ----------',
    `*    1 ${String(fast + gig).padEnd(6)}WS-C2960-24TT-L    15.0(2)SE4            C2960-LANBASEK9-M`,
    '',
    '',
    'Configuration register is 0xF',
    '',
  ];
}

export function showVersion(dev: IosDeviceContext, env: IosEnv): string[] {
  return dev.kind === 'router' ? routerVersion(env) : switchVersion(dev, env);
}
