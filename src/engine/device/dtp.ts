/**
 * Dynamic Trunking Protocol outcome (Cisco): what a switch port operates as, given its own
 * switchport configuration and the neighbour's (undefined when the neighbour is not a switch,
 * so it sends no DTP).
 *
 *                 | trunk   desirable  auto    access  no DTP (router, PC, nonegotiate)
 *   trunk         | trunk   trunk      trunk   trunk   trunk
 *   desirable     | trunk   trunk      trunk   access  access
 *   auto          | trunk   trunk      access  access  access
 *   access        | access  access     access  access  access
 *
 * `switchport nonegotiate` stops a port from sending DTP; IOS refuses it on dynamic ports, and
 * a dynamic port that sends no DTP can only stay an access port.
 */
import type { SwitchportConfig } from '../../shared/config.ts';

export function negotiateTrunk(
  local: SwitchportConfig,
  peer: SwitchportConfig | undefined,
): 'access' | 'trunk' {
  if (local.mode === 'access') return 'access';
  if (local.mode === 'trunk') return 'trunk';
  if (local.nonegotiate || peer === undefined || peer.nonegotiate) return 'access';
  switch (peer.mode) {
    case 'trunk':
    case 'dynamic-desirable':
      return 'trunk';
    case 'dynamic-auto':
      return local.mode === 'dynamic-desirable' ? 'trunk' : 'access';
    case 'access':
      return 'access';
  }
}
