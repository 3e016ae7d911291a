/**
 * IOS's domain service settings: `ip name-server` (up to six servers, asked in order; each
 * line adds to the list) and the static host table `ip host NAME [PORT] ADDRESS...` (up to
 * eight addresses; typing a name again replaces its entry), with their `no` forms, and `clear
 * host *` (the names the resolver learned).
 */
import { sameName } from '../../engine/wire/dns.ts';
import type { DeviceConfig, IpHost } from '../../shared/config.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { IPV4, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, type IosPart, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

const MAX_NAME_SERVERS = 6;
const MAX_HOST_ADDRESSES = 8;

/** `a1`, `a2`... up to `max` addresses, each optional after the first. */
function addressList(
  help: string,
  max: number,
  set: (env: IosEnv, list: Ipv4Addr[], a: Args) => void,
  k = 1,
): IosNode {
  const handler = run((env, a) => set(env, listOf(a, max), a));
  const next = k < max ? [addressList(help, max, set, k + 1)] : [];
  return arg(`a${k}`, IPV4, help, handler, ...next);
}

function listOf(a: Args, max: number): Ipv4Addr[] {
  const list: Ipv4Addr[] = [];
  for (let n = 1; n <= max; n++) {
    const v = a.value<Ipv4Addr>(`a${n}`);
    if (v !== undefined) list.push(v);
  }
  return list;
}

const serverHelp = 'Domain server IP address (maximum of 6)';

function setNameServers(env: IosEnv, list: readonly Ipv4Addr[]): void {
  const c = env.config();
  env.setConfig(list.length === 0 ? without(c, 'nameServers') : { ...c, nameServers: list });
}

/** `ip name-server A...`: added after those there, each once, six at most. */
export const nameServerNode = (): IosNode =>
  kw(
    'name-server',
    'Specify address of name server to use',
    addressList(serverHelp, MAX_NAME_SERVERS, (env, list) => {
      const next = [...(env.config().nameServers ?? [])];
      for (const s of list) if (!next.includes(s) && next.length < MAX_NAME_SERVERS) next.push(s);
      setNameServers(env, next);
    }),
  );

/** `no ip name-server [A...]`: those named, or all of them. */
export const noNameServerNode = (): IosNode =>
  kw(
    'name-server',
    'Specify address of name server to use',
    run((env) => setNameServers(env, [])),
    addressList(serverHelp, MAX_NAME_SERVERS, (env, list) =>
      setNameServers(
        env,
        (env.config().nameServers ?? []).filter((s) => !list.includes(s)),
      ),
    ),
  );

const hostHelp = 'Add an entry to the ip hostname table';
const hostAddressHelp = 'Host IP address';

function putHost(env: IosEnv, name: string, addresses: readonly Ipv4Addr[] | undefined): void {
  const c: DeviceConfig = env.config();
  const hosts = (c.ipHosts ?? []).filter((h) => !sameName(h.name, name));
  if (addresses !== undefined) {
    const at = (c.ipHosts ?? []).findIndex((h) => sameName(h.name, name));
    const entry: IpHost = { name, addresses };
    hosts.splice(at < 0 ? hosts.length : at, 0, entry);
  }
  env.setConfig(hosts.length === 0 ? without(c, 'ipHosts') : { ...c, ipHosts: hosts });
}

/**
 * A host name IOS takes: it must not read as a number or an address (IOS refuses those as
 * names), and holds letters, digits, hyphens and dots.
 */
const HOST_NAME = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** `ip host NAME` and `no ip host NAME`, then `parts`. */
const hostNode = (...parts: IosPart[]): IosNode =>
  kw('host', hostHelp, arg('name', WORD, 'Name of host', ...parts));

/** `ip host NAME A...`. */
export const ipHostNode = (): IosNode =>
  hostNode(
    addressList(hostAddressHelp, MAX_HOST_ADDRESSES, (env, list, a) =>
      setHost(env, a.need<string>('name'), list),
    ),
  );

function setHost(env: IosEnv, name: string, list: Ipv4Addr[]): void {
  if (!HOST_NAME.test(name)) {
    env.error('% Invalid host name');
    return;
  }
  putHost(env, name, list);
}

/** `no ip host NAME [A...]`: the entry goes whatever addresses follow. */
export const noIpHostNode = (): IosNode =>
  hostNode(
    run((env, a) => putHost(env, a.need<string>('name'), undefined)),
    addressList(hostAddressHelp, MAX_HOST_ADDRESSES, (env, _list, a) =>
      putHost(env, a.need<string>('name'), undefined),
    ),
  );

/** `clear host *`: the names the resolver learned are forgotten; `ip host` entries stay. */
export const clearHostNode = (): IosNode =>
  kw(
    'host',
    'Delete host table entries',
    kw(
      '*',
      'Delete all host table entries',
      run((env) => env.device!.sim.flushDnsCache(env.device!.id)),
    ),
  );
