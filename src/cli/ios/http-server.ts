/**
 * `[no] ip http server` and `[no] ip http secure-server`: whether the device's web server
 * listens, kept in the configuration. Trame simulates no TCP, so no browser reaches it either
 * way; labs have students turn it off on switches, and the running-config shows the setting.
 * A 1941 comes from the factory with both off, a 2960 with both on.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { IosKind } from './config-edit.ts';
import { type IosNode, kw, run } from './dsl.ts';

const FACTORY: Record<IosKind, boolean> = { router: false, switch: true };

type Field = 'httpServer' | 'httpSecureServer';

function setServer(kind: IosKind, c: DeviceConfig, field: Field, on: boolean): DeviceConfig {
  const { [field]: _old, ...rest } = c;
  return on === FACTORY[kind] ? rest : { ...rest, [field]: on };
}

/** `ip http ...` under `ip` (on) or `no ip` (off). */
export const httpNode = (on: boolean): IosNode =>
  kw(
    'http',
    'HTTP server configuration',
    kw(
      'secure-server',
      'Enable HTTP secure server',
      run((env) => env.setConfig(setServer(env.kind, env.config(), 'httpSecureServer', on))),
    ),
    kw(
      'server',
      'Enable http server',
      run((env) => env.setConfig(setServer(env.kind, env.config(), 'httpServer', on))),
    ),
  );

export function httpLines(kind: IosKind, c: DeviceConfig): string[] {
  const line = (on: boolean | undefined, name: string) =>
    `${(on ?? FACTORY[kind]) ? '' : 'no '}ip http ${name}`;
  return [line(c.httpServer, 'server'), line(c.httpSecureServer, 'secure-server')];
}
