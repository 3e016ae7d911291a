/**
 * `show errdisable recovery` as a 2960 prints it: each cause with its timer's status, the
 * interval, then the ports error-disabled for a cause that recovers, with the seconds left
 * before they come back.
 */
import { type DeviceConfig, ERRDISABLE_INTERVAL } from '../../../shared/config.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';
import { CAUSES } from '../errdisable-commands.ts';

export function showErrdisableRecovery(dev: IosDeviceContext, config: DeviceConfig): string[] {
  const on = new Set(config.errdisableRecovery ?? []);
  const now = dev.sim.now();
  const pending = dev.sim
    .interfaces(dev.id)
    .filter((s) => s.errDisabled !== undefined && s.errRecoveryAt !== undefined)
    .map(
      (s) =>
        shortInterfaceName(s.name).padEnd(15) +
        s.errDisabled!.padStart(17) +
        String(Math.max(0, Math.floor((s.errRecoveryAt! - now) / 1_000_000))).padStart(13),
    );
  return [
    'ErrDisable Reason            Timer Status',
    '-----------------            --------------',
    ...CAUSES.map((c) => `${(c.shown ?? c.name).padEnd(29)}${on.has(c.name) ? 'Enabled' : 'Disabled'}`),
    '',
    `Timer interval: ${config.errdisableInterval ?? ERRDISABLE_INTERVAL} seconds`,
    '',
    'Interfaces that will be enabled at the next timeout:',
    ...(pending.length === 0
      ? []
      : [
          '',
          'Interface       Errdisable reason       Time left(sec)',
          '---------       -----------------       --------------',
          ...pending,
        ]),
  ];
}
