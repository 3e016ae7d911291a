/**
 * `show port-security [interface X | address]` as a Catalyst 2960 (IOS 15.0) prints them:
 * layouts from captured 2960 output (columns right-aligned, labels padded to 27 characters).
 * Settings come from the running-config, what the port learned and counted from the engine.
 */

import type { PortSecurityStatus, SecureAddressEntry } from '../../../engine/api.ts';
import type { DeviceConfig, PortSecurityConfig } from '../../../shared/config.ts';
import { DEFAULT_PORT_SECURITY } from '../../../shared/config.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';

/** Secure addresses a 2960 holds in all (the "Max Addresses limit in System" line). */
const SYSTEM_LIMIT = 8192;

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Ports with port security on, in port order, with their settings and state. */
function securePorts(
  dev: IosDeviceContext,
  config: DeviceConfig,
): { name: string; cfg: PortSecurityConfig; state: PortSecurityStatus | undefined }[] {
  const states = new Map(dev.sim.portSecurity(dev.id).map((s) => [s.port, s]));
  const out = [];
  for (const [name, i] of Object.entries(config.interfaces)) {
    const cfg = i.switchport?.portSecurity;
    if (cfg?.enabled) out.push({ name, cfg, state: states.get(name) });
  }
  return out;
}

/** The two lines that end both tables: addresses beyond one per secure port, and the limit. */
function systemTotals(ports: readonly { state: PortSecurityStatus | undefined }[]): string[] {
  const beyondOne = ports.reduce((n, p) => n + Math.max(0, (p.state?.addresses.length ?? 0) - 1), 0);
  return [
    `Total Addresses in System (excluding one mac per port)     : ${beyondOne}`,
    `Max Addresses limit in System (excluding one mac per port) : ${SYSTEM_LIMIT}`,
  ];
}

const RULE75 = '-'.repeat(75);
const RULE77 = '-'.repeat(77);

/** `show port-security`: one row per secure port. */
export function showPortSecurity(dev: IosDeviceContext, config: DeviceConfig): string[] {
  const ports = securePorts(dev, config);
  const rows = ports.map(
    ({ name, cfg, state }) =>
      shortInterfaceName(name).padStart(11) +
      String(cfg.maximum).padStart(15) +
      String(state?.addresses.length ?? 0).padStart(13) +
      String(state?.violations ?? 0).padStart(19) +
      capital(cfg.violation).padStart(17),
  );
  return [
    'Secure Port  MaxSecureAddr  CurrentAddr  SecurityViolation  Security Action',
    '                (Count)       (Count)          (Count)',
    RULE75,
    ...rows,
    RULE75,
    ...systemTotals(ports),
  ];
}

/** `show port-security interface X`, for a port with or without port security. */
export function showPortSecurityInterface(
  dev: IosDeviceContext,
  config: DeviceConfig,
  name: string,
): string[] {
  const cfg = config.interfaces[name]?.switchport?.portSecurity ?? DEFAULT_PORT_SECURITY;
  const state = cfg.enabled ? dev.sim.portSecurity(dev.id).find((s) => s.port === name) : undefined;
  const addresses = state?.addresses ?? [];
  const count = (kind: SecureAddressEntry['kind']) => addresses.filter((a) => a.kind === kind).length;
  const last = state?.lastSource;
  const field = (label: string, value: string | number) => `${label.padEnd(27)}: ${value}`;
  return [
    field('Port Security', cfg.enabled ? 'Enabled' : 'Disabled'),
    field('Port Status', state === undefined ? 'Secure-down' : capital(state.status)),
    field('Violation Mode', capital(cfg.violation)),
    field('Aging Time', `${cfg.agingTime ?? 0} mins`),
    field('Aging Type', cfg.agingInactivity ? 'Inactivity' : 'Absolute'),
    field('SecureStatic Address Aging', cfg.agingStatic ? 'Enabled' : 'Disabled'),
    field('Maximum MAC Addresses', cfg.maximum),
    field('Total MAC Addresses', addresses.length),
    field('Configured MAC Addresses', count('configured')),
    field('Sticky MAC Addresses', count('sticky')),
    field(
      'Last Source Address:Vlan',
      last === undefined ? '0000.0000.0000:0' : `${formatMacDotted(last.mac)}:${last.vlan}`,
    ),
    field('Security Violation Count', state?.violations ?? 0),
    '',
  ];
}

const ADDRESS_TYPE: Record<SecureAddressEntry['kind'], string> = {
  configured: 'SecureConfigured',
  sticky: 'SecureSticky',
  dynamic: 'SecureDynamic',
};

/**
 * `show port-security address`: every secure address, by port then address; with `only`,
 * `show port-security interface X address`, that port's, counted on the last line.
 */
export function showPortSecurityAddress(
  dev: IosDeviceContext,
  config: DeviceConfig,
  only?: string,
): string[] {
  const ports = securePorts(dev, config);
  const rows: string[] = [];
  for (const { name, state } of ports) {
    if (only !== undefined && name !== only) continue;
    const sorted = [...(state?.addresses ?? [])].sort((a, b) => a.mac - b.mac);
    for (const a of sorted) {
      // Minutes left, "(I)" after them with inactivity aging (a 2960's "60 (I)"); "-" when it does not age.
      const inactivity = config.interfaces[name]?.switchport?.portSecurity?.agingInactivity === true;
      const age = a.remaining === undefined ? '-' : String(a.remaining);
      const mark = a.remaining !== undefined && inactivity ? ' (I)' : '';
      rows.push(
        `${String(a.vlan).padStart(4)}    ${formatMacDotted(a.mac).padEnd(14)}    ` +
          `${ADDRESS_TYPE[a.kind].padEnd(30)}${shortInterfaceName(name).padEnd(8)}${age.padStart(6)}${mark}`,
      );
    }
  }
  return [
    '               Secure Mac Address Table',
    RULE77,
    'Vlan    Mac Address       Type                          Ports   Remaining Age',
    '                                                                   (mins)',
    '----    -----------       ----                          -----   -------------',
    ...rows,
    RULE77,
    ...(only === undefined ? systemTotals(ports) : [`Total Addresses: ${rows.length}`]),
  ];
}
