/**
 * Trame's side of the reference: loads a topology's network file into a Session and pings
 * between every ordered pair of hosts from the PCs' command prompts, as a student would.
 */
import { Session } from '../../src/session/session.ts';
import type { Reachability } from './matrix.ts';
import { addressOf, hostsOf, networkFile, type RefTopology } from './topology.ts';

/** A Windows ping reply line; "Reply from X: Destination host unreachable." is not one. */
const replied = (output: string, address: string): boolean =>
  output.split('\n').some((line) => line.trim().startsWith(`Reply from ${address}: bytes=`));

/**
 * For each ordered pair of hosts, whether one ping gets a reply once the ARP caches are warm.
 * IOS drops the packet that triggers an ARP request, so each router on the way can lose one
 * warm-up ping in each direction: 2 per router, plus one, are enough to fill every cache.
 */
export function trameReachability(topology: RefTopology): Reachability {
  const session = new Session({ seed: 1 });
  const loaded = session.load(networkFile(topology));
  if (!loaded.ok)
    throw new Error(`${topology.name}: the network file was refused:\n${loaded.problems.join('\n')}`);
  const hosts = hostsOf(topology);
  const warmups = 1 + 2 * topology.devices.filter((d) => d.kind === 'router').length;
  const matrix: Record<string, Record<string, boolean>> = {};
  for (const a of hosts) {
    const id = session.findDevice(a.name);
    if (id === undefined) throw new Error(`${topology.name}: ${a.name} is not in the loaded document`);
    const row: Record<string, boolean> = {};
    for (const b of hosts) {
      if (b === a) continue;
      const address = addressOf(b.ip);
      session.exec(id, `ping -n ${warmups} ${address}`);
      row[b.name] = replied(session.exec(id, `ping -n 1 ${address}`).output, address);
    }
    matrix[a.name] = row;
  }
  return matrix;
}
