/**
 * A router's `show protocols`: whether it routes IP, then each interface's state and address,
 * in the order of `show ip interface brief` (IOS 15 captures and the command reference).
 */

import { formatIpv4 } from '../../../shared/ipv4.ts';
import type { IosEnv } from '../env.ts';
import { shownInOrder, state, statuses } from './interfaces.ts';

/** Every interface, or the one named `only` (without the global values). */
export function showProtocols(env: IosEnv, only?: string): string[] {
  const c = env.config();
  const st = statuses(env.device!);
  // Only the enabled wording has been seen in captures; `no ip routing` is rare on a router.
  const global = ['Global values:', `  Internet Protocol routing is ${c.ipRouting ? 'enabled' : 'disabled'}`];
  const out = only === undefined ? global : [];
  for (const [name, i] of shownInOrder(env.kind, c, st)) {
    if (only !== undefined && name !== only) continue;
    const { status, protocol } = state(i, st.get(name));
    out.push(`${name} is ${status}, line protocol is ${protocol}`);
    if (i.ip) out.push(`  Internet address is ${formatIpv4(i.ip.addr)}/${i.ip.len}`);
  }
  return out;
}
