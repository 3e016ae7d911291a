import { describe, expect, it } from 'vitest';
import type { DeviceDoc, LinkDoc } from '../../src/model/document.ts';
import { linkState, parseShutdowns, portAdminUp } from '../../src/render/link-lights.ts';
import { type DeviceId, deviceId, linkId } from '../../src/shared/ids.ts';
import type { DeviceKind } from '../../src/shared/ports.ts';

const device = (id: string, kind: DeviceKind, config?: string): DeviceDoc => ({
  id: deviceId(id),
  name: id,
  kind,
  at: [0, 0],
  ...(config === undefined ? {} : { config }),
});
const link = (a: [string, string], b: [string, string]): LinkDoc => ({
  id: linkId('L1'),
  a: { device: a[0] as DeviceId, port: a[1] },
  b: { device: b[0] as DeviceId, port: b[1] },
});

const ROUTER_CONFIG =
  'hostname R1\n!\ninterface GigabitEthernet0/0\n no ip address\n no shutdown\n!\ninterface GigabitEthernet0/1\n no ip address\n shutdown\n!\nend\n';

describe('link lights', () => {
  it('reads shutdown and no shutdown per interface', () => {
    expect([...parseShutdowns(ROUTER_CONFIG)]).toEqual([
      ['GigabitEthernet0/0', false],
      ['GigabitEthernet0/1', true],
    ]);
  });

  it('router ports ship shut down, switch and host ports up', () => {
    expect(portAdminUp(device('R', 'router'), 'GigabitEthernet0/0')).toBe(false);
    expect(portAdminUp(device('R', 'router', ROUTER_CONFIG), 'GigabitEthernet0/0')).toBe(true);
    expect(portAdminUp(device('R', 'router', ROUTER_CONFIG), 'GigabitEthernet0/2')).toBe(false);
    expect(portAdminUp(device('S', 'switch', 'hostname S\n'), 'FastEthernet0/1')).toBe(true);
    expect(
      portAdminUp(device('S', 'switch', 'interface FastEthernet0/1\n shutdown\n'), 'FastEthernet0/1'),
    ).toBe(false);
    expect(portAdminUp(device('P', 'pc'), 'FastEthernet0')).toBe(true);
  });

  it('a shut port turns both ends red', () => {
    const r = device('R', 'router', ROUTER_CONFIG);
    const s = device('S', 'switch');
    expect(linkState(link(['R', 'GigabitEthernet0/0'], ['S', 'GigabitEthernet0/1']), r, s)).toBe('up');
    expect(linkState(link(['R', 'GigabitEthernet0/1'], ['S', 'GigabitEthernet0/1']), r, s)).toBe('down');
  });
});
