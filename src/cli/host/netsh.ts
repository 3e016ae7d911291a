/**
 * The one netsh.exe context CCNA labs use on a PC: `netsh interface ip set address NAME dhcp`
 * and `... NAME static IP MASK [GATEWAY]`, which set the adapter as the IP Configuration form
 * does. netsh takes its words in any case, abbreviated, and `ipv4` for `ip`; the adapter's name
 * may be quoted or given as `name=`.
 */
import type { HostDeviceContext } from '../context.ts';
import { staticAddress } from './static-address.ts';

/** The adapter's connection name, as netsh and ipconfig call it. */
export const CONNECTION = 'FastEthernet0';

/** Whether `word` is `full` or an abbreviation of it netsh takes (at least `min` letters). */
const is = (word: string | undefined, full: string, min = 3): boolean =>
  word !== undefined && word.length >= Math.min(min, full.length) && full.startsWith(word.toLowerCase());

const notFound = (words: readonly string[]): string[] => [
  `The following command was not found: ${words.join(' ')}.`,
];

/** Splits a command line as netsh does: on blanks, keeping a quoted value whole (`name="..."`). */
function words(line: string): string[] {
  return [...line.matchAll(/(\w+=)?"([^"]*)"|(\S+)/g)].map((m) => m[3] ?? `${m[1] ?? ''}${m[2]}`);
}

export function netsh(ctx: HostDeviceContext, line: string): string[] {
  const w = words(line);
  const [context, ip, verb, what] = w;
  if (
    !is(context, 'interface') ||
    !(is(ip, 'ip', 2) || ip?.toLowerCase() === 'ipv4') ||
    !is(verb, 'set') ||
    !is(what, 'address')
  ) {
    return notFound(w);
  }
  const rest = w.slice(4).map((x) => x.replace(/^(name|source|address|mask|gateway)=/i, ''));
  const [name, source, ...values] = rest;
  if (name === undefined || source === undefined) return notFound(w);
  if (name.toLowerCase() !== CONNECTION.toLowerCase()) {
    return ['The filename, directory name, or volume label syntax is incorrect.'];
  }
  if (is(source, 'dhcp', 4)) {
    if (ctx.hostConfig().dhcp === true) return ['DHCP is already enabled on this interface.'];
    ctx.setHostConfig({ dhcp: true });
    return [];
  }
  if (!is(source, 'static', 3) || values.length < 2 || values.length > 3) return notFound(w);
  // `gateway=none` (or `none`): no default gateway.
  const gateway = values[2]?.toLowerCase() === 'none' ? undefined : values[2];
  const set = staticAddress(values[0]!, values[1]!, gateway);
  if (!set.ok) return [set.error ?? 'The parameter is incorrect.'];
  ctx.setHostConfig(set.config);
  return [];
}
