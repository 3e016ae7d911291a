/**
 * show version. Trame is not Cisco software and says so in its first lines; the rest follows
 * the layout of IOS 15 on a 1941 router, a 2960 switch and a 3560V2 multilayer switch (whose
 * layout on 15.0 is a 2960's: captures of 3560s on 12.2(55)SE7 and 15.0(1)SE2), so that
 * students find what they look for: version, uptime, why the device last booted, image,
 * interfaces, NVRAM size, base MAC (switches) and the configuration register (0x2102 on the
 * 1941, 0xF on the switches).
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
  multilayer: [
    'Trame IOS-style Software, C3560 Software (simulated WS-C3560V2-24PS-S), Version 15.0(2)SE4',
    'This is Trame, a network simulator: not Cisco IOS, and not Cisco software.',
  ],
} as const;

/** What differs between the two switches' `show version`. */
const SWITCH_HARDWARE = {
  switch: {
    image: 'flash:c2960-lanbasek9-mz.150-2.SE4.bin',
    processor: 'Trame WS-C2960-24TT-L (simulated) with 65536K bytes of memory.',
    nvram: '64K',
    model: 'WS-C2960-24TT-L',
    row: 'WS-C2960-24TT-L    15.0(2)SE4            C2960-LANBASEK9-M',
  },
  multilayer: {
    image: 'flash:c3560-ipservicesk9-mz.150-2.SE4.bin',
    processor: 'Trame WS-C3560V2-24PS (simulated) with 131072K bytes of memory.',
    nvram: '512K',
    model: 'WS-C3560V2-24PS-S',
    row: 'WS-C3560V2-24PS    15.0(2)SE4            C3560-IPSERVICESK9-M',
  },
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

function switchVersion(dev: IosDeviceContext, env: IosEnv, platform: 'switch' | 'multilayer'): string[] {
  const hw = SWITCH_HARDWARE[platform];
  const names = Object.keys(env.config().interfaces);
  const count = (prefix: string) => names.filter((n) => n.startsWith(prefix)).length;
  const fast = names.filter((n) => n.startsWith('Fast') && isPhysical('switch', n)).length;
  const gig = names.filter((n) => n.startsWith('Gigabit') && isPhysical('switch', n)).length;
  return [
    ...VERSION_BANNER[platform],
    '',
    ...bootLines(env),
    `System image file is "${hw.image}"`,
    '',
    hw.processor,
    `Last reset from ${env.runtime!.bootReason === 'reload' ? 'warm-reset' : 'power-on'}`,
    plural(count('Vlan'), 'Virtual Ethernet interface', 'Virtual Ethernet interfaces'),
    plural(fast, 'FastEthernet interface', 'FastEthernet interfaces'),
    plural(gig, 'Gigabit Ethernet interface', 'Gigabit Ethernet interfaces'),
    'The password-recovery mechanism is enabled.',
    '',
    `${hw.nvram} bytes of flash-simulated non-volatile configuration memory.`,
    `Base ethernet MAC Address       : ${formatMacColon(dev.sim.baseMac(dev.id)).toUpperCase()}`,
    `Model number                    : ${hw.model}`,
    '',
    'Switch Ports Model              SW Version            SW Image',
    '------ ----- -----              ----------            ----------',
    `*    1 ${String(fast + gig).padEnd(6)}${hw.row}`,
    '',
    '',
    'Configuration register is 0xF',
    '',
  ];
}

export function showVersion(dev: IosDeviceContext, env: IosEnv): string[] {
  return env.platform === 'router' ? routerVersion(env) : switchVersion(dev, env, env.platform);
}
