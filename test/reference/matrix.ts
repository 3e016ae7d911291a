/** Reachability between hosts: for each ordered pair, whether a ping from one gets a reply from the other. */
import { hostsOf, type RefTopology } from './topology.ts';

export type Reachability = Readonly<Record<string, Readonly<Record<string, boolean>>>>;

/** The reachability a topology is meant to have, from a rule over ordered pairs of host names. */
export function expectedReachability(
  t: RefTopology,
  reaches: (from: string, to: string) => boolean,
): Reachability {
  const hosts = hostsOf(t).map((h) => h.name);
  return Object.fromEntries(
    hosts.map((a) => [a, Object.fromEntries(hosts.filter((b) => b !== a).map((b) => [b, reaches(a, b)]))]),
  );
}

/** A table with one row per source host: "yes" where the ping got a reply. */
export function formatReachability(m: Reachability): string {
  const hosts = Object.keys(m);
  const width = Math.max(7, ...hosts.map((h) => h.length));
  const cell = (s: string) => s.padEnd(width);
  const rows = [[cell('from\\to'), ...hosts.map(cell)].join(' ')];
  for (const a of hosts) {
    rows.push([cell(a), ...hosts.map((b) => cell(a === b ? '-' : m[a]?.[b] ? 'yes' : 'no'))].join(' '));
  }
  return rows.join('\n');
}

/** Both tables side by side in a message, for a failed comparison. */
export const compareReport = (left: string, a: Reachability, right: string, b: Reachability): string =>
  `${left}:\n${formatReachability(a)}\n${right}:\n${formatReachability(b)}`;
