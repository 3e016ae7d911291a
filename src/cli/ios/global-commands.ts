/** Global configuration mode (R1(config)#). */

import type { StaticRoute } from '../../shared/config.ts';
import { portChannelGroup } from '../../shared/etherchannel.ts';
import { type Ipv4Addr, lenFromMask, networkOf } from '../../shared/ipv4.ts';
import type { VlanRanges } from '../../shared/vlans.ts';
import { checkSecret, hashSecret, parseMd5Crypt } from '../crypto/md5crypt.ts';
import { IPV4, LINE, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { accessListNode, ipAccessListNode, noAccessListNode } from './acl-commands.ts';
import { aliasNode, noAliasNode } from './aliases.ts';
import { arpNode } from './arp-commands.ts';
import { modeCommands, type TreeOptions, VLAN_IDS, VLAN_LIST, vlanIds } from './common.ts';
import {
  addRoute,
  FACTORY_HOSTNAME,
  isDefaultVlan,
  isPhysical,
  removeInterface,
  removeVlan,
  updateInterface,
  upsertVlan,
  without,
} from './config-edit.ts';
import { addDefaultLines } from './default-lines.ts';
import { ipDhcpNode, serviceDhcpNode } from './dhcp-commands.ts';
import { ipHostNode, nameServerNode, noIpHostNode, noNameServerNode } from './dns-commands.ts';
import { arg, HIDDEN, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { errdisableNode } from './errdisable-commands.ts';
import { loadBalanceNode, removePortChannel } from './etherchannel-commands.ts';
import { httpNode } from './http-server.ts';
import { interfaceArg, interfaceRangeArg } from './interface-arg.ts';
import { resetInterface } from './interface-commands.ts';
import { ipv6GlobalNode, noIpv6GlobalNode } from './ipv6-commands.ts';
import { MAX_VTY } from './line-commands.ts';
import { loggingNode, noLoggingNode } from './logging-commands.ts';
import { loginNode, noLoginNode } from './login-block.ts';
import { legacyMacTableNode, macTableNode } from './mac-table-commands.ts';
import { ipNatNode } from './nat-commands.ts';
import { noNtpNode, ntpNode } from './ntp-commands.ts';
import { forgetOspfInterfaces, routerOspfNode, withoutRouting } from './ospf-commands.ts';
import { encryptPasswords, passwordArgs, typedPassword } from './password.ts';
import {
  BAD_TYPE5,
  cryptoNode,
  noSecurityNode,
  noSshNode,
  noUsernameNode,
  securityNode,
  sshNode,
  tooShort,
  usernameNode,
} from './security-commands.ts';
import { stpGlobalNode } from './stp-commands.ts';
import { noTimestampsNode, timestampsNode } from './timestamps-commands.ts';

function setHostname(env: IosEnv, a: Args): void {
  const name = a.need<string>('name');
  if (!/^[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$/.test(name) || name.length > 63) {
    env.error('% Hostname contains one or more illegal characters.');
    return;
  }
  env.setConfig({ ...env.config(), hostname: name });
}

/** Enters config-if, creating a subinterface, SVI or loopback on first use. */
function enterInterface(env: IosEnv, a: Args): void {
  const name = a.need<string>('interface');
  env.setConfig(updateInterface(env.config(), env.kind, name, (i) => i));
  env.runtime?.deletedInterfaces.delete(name);
  env.modes.send({ type: 'interface', names: [name], range: false });
}

function noInterface(env: IosEnv, a: Args): void {
  const name = a.need<string>('interface');
  if (isPhysical(env.kind, name)) {
    env.error('% Removal of physical interfaces is not permitted');
    return;
  }
  if (name === 'Vlan1') {
    env.error('% Removal of interface Vlan1 is not permitted');
    return;
  }
  if (name.includes('.') && env.config().interfaces[name] !== undefined)
    env.runtime?.deletedInterfaces.add(name);
  const c = env.config();
  const removed =
    portChannelGroup(name) === undefined ? removeInterface(c, name) : removePortChannel(c, name);
  env.setConfig(forgetOspfInterfaces(removed));
}

/**
 * `vlan N...`: creates the VLANs and configures them. One a routed port holds as its internal
 * VLAN is not created, as the Port Manager refuses it (%PM-4-EXT_VLAN_INUSE, Catalyst system
 * message guides).
 */
function enterVlan(env: IosEnv, a: Args): void {
  const dev = env.device;
  const held = new Map((dev?.sim.internalVlans(dev.id) ?? []).map((v) => [v.vlan, v.port]));
  const ids = vlanIds(a.need<VlanRanges>('vlans')).filter((id) => {
    const port = held.get(id);
    if (port !== undefined) env.log(`%PM-4-EXT_VLAN_INUSE: VLAN ${id} currently in use by ${port}`);
    return port === undefined;
  });
  for (const id of ids) if (!isDefaultVlan(id)) env.setConfig(upsertVlan(env.config(), id));
  env.modes.send({ type: 'vlan', ids });
}

function noVlan(env: IosEnv, a: Args): void {
  for (const id of vlanIds(a.need<VlanRanges>('vlans'))) {
    if (isDefaultVlan(id)) env.error(`Default VLAN ${id} may not be deleted.`);
    else env.setConfig(removeVlan(env.config(), id));
  }
}

/** The parts of `ip route P M ...` common to adding and removing. */
function routeFrom(env: IosEnv, a: Args): StaticRoute | undefined {
  const addr = a.need<Ipv4Addr>('prefix');
  const mask = a.need<Ipv4Addr>('mask');
  const len = lenFromMask(mask);
  if (len === undefined || networkOf(addr, len) !== addr) {
    env.error('%Inconsistent address and mask');
    return undefined;
  }
  const nextHop = a.value<Ipv4Addr>('nexthop');
  const exitInterface = a.value<string>('interface');
  const name = a.value<string>('name');
  return {
    prefix: { addr, len },
    ...(nextHop !== undefined ? { nextHop } : {}),
    ...(exitInterface !== undefined ? { exitInterface } : {}),
    distance: a.value<number>('distance') ?? 1,
    ...(name !== undefined ? { name } : {}),
    ...(a.has('permanent') ? { permanent: true as const } : {}),
  };
}

function addStaticRoute(env: IosEnv, a: Args): void {
  const r = routeFrom(env, a);
  if (!r) return;
  // Checked when typed; a saved configuration is applied as saved.
  const own =
    r.nextHop !== undefined && Object.values(env.config().interfaces).some((i) => i.ip?.addr === r.nextHop);
  if (env.device && own) {
    env.error("%Invalid next hop address (it's this router)");
    return;
  }
  if (env.device && r.nextHop === undefined && r.exitInterface !== 'Null0') {
    env.print('%Default route without gateway, if not a point-to-point interface, may impact performance');
  }
  env.setConfig(addRoute(env.config(), r));
}

function removeStaticRoute(env: IosEnv, a: Args): void {
  const r = routeFrom(env, a);
  if (!r) return;
  const c = env.config();
  const keep = c.staticRoutes.filter(
    (x) =>
      x.prefix.addr !== r.prefix.addr ||
      x.prefix.len !== r.prefix.len ||
      (r.nextHop !== undefined && x.nextHop !== r.nextHop) ||
      (r.exitInterface !== undefined && x.exitInterface !== r.exitInterface),
  );
  if (keep.length === c.staticRoutes.length) env.error('%No matching route to delete');
  else env.setConfig({ ...c, staticRoutes: keep });
}

/**
 * `ip route` and `no ip route` share this shape; `optional` lets the next hop be omitted. After
 * the next hop come, in IOS's order, a distance, a name, and `permanent`.
 */
function routeArgs(h: (env: IosEnv, a: Args) => void, optional: boolean): IosNode {
  const permanent = () => kw('permanent', 'permanent route', run(h));
  const name = () =>
    kw(
      'name',
      'Specify name of the next hop',
      arg('name', WORD, 'Name of the next hop', run(h), permanent()),
    );
  const distance = () =>
    arg('distance', range(1, 255), 'Distance metric for this route', run(h), name(), permanent());
  const endParts = () => [run(h), distance(), name(), permanent()];
  return arg(
    'prefix',
    IPV4,
    'Destination prefix',
    arg(
      'mask',
      IPV4,
      'Destination prefix mask',
      ...(optional ? [run(h)] : []),
      arg('nexthop', IPV4, "Forwarding router's address", ...endParts()),
      arg(
        'interface',
        interfaceArg({ null: true }),
        '',
        ...endParts(),
        arg('nexthop', IPV4, "Forwarding router's address", ...endParts()),
      ),
    ),
  );
}

type BannerKey = 'bannerMotd' | 'bannerLogin' | 'bannerExec';

/**
 * Delimited text: `banner motd #text#` (or login, exec), possibly over several lines. "^C"
 * counts as one delimiter.
 */
const setBanner =
  (key: BannerKey) =>
  (env: IosEnv, a: Args): void => {
    const text = a.need<string>('text');
    const delim = text.startsWith('^C') ? '^C' : text[0]!;
    const rest = text.slice(delim.length);
    const close = rest.indexOf(delim);
    if (close >= 0) {
      env.setConfig({ ...env.config(), [key]: rest.slice(0, close) });
      return;
    }
    env.print(`Enter TEXT message.  End with the character '${delim === '^C' ? '^C' : delim}'.`);
    const collected: string[] = [rest];
    const more = {
      prompt: '',
      answer(e: IosEnv, line: string): void {
        const end = line.indexOf(delim);
        if (end >= 0) {
          collected.push(line.slice(0, end));
          e.setConfig({ ...e.config(), [key]: collected.join('\n') });
        } else {
          collected.push(line);
          e.ask(more);
        }
      },
    };
    env.ask(more);
  };

/** The banners `banner` sets, in IOS's order of `banner ?`. */
const BANNERS: readonly { readonly word: string; readonly help: string; readonly key: BannerKey }[] = [
  { word: 'exec', help: 'Set EXEC process creation banner', key: 'bannerExec' },
  { word: 'login', help: 'Set login banner', key: 'bannerLogin' },
  { word: 'motd', help: 'Set Message of the Day banner', key: 'bannerMotd' },
];

function setEnableSecret(env: IosEnv, a: Args): void {
  const text = a.need<string>('password');
  if (a.has('5')) {
    if (!parseMd5Crypt(text)) {
      env.error(...BAD_TYPE5);
      return;
    }
    env.setConfig({ ...env.config(), enableSecret: text });
    return;
  }
  if (tooShort(env, text)) return;
  const c = env.config();
  if (c.enablePassword !== undefined && c.enablePassword.plain === text) {
    env.print(
      'The enable secret you have chosen is the same as your enable password.',
      'This is not recommended.  Re-enter the enable secret.',
    );
  }
  env.setConfig({ ...c, enableSecret: hashSecret(text) });
}

function setEnablePassword(env: IosEnv, a: Args): void {
  const password = typedPassword(env, a.need<string>('password'), a.has('7'));
  if (password === undefined || (!a.has('7') && tooShort(env, password.plain))) return;
  const c = env.config();
  if (c.enableSecret !== undefined && checkSecret(password.plain, c.enableSecret)) {
    env.print(
      'The enable password you have chosen is the same as your enable secret.',
      'This is not recommended.  Re-enter the enable password.',
    );
  }
  env.setConfig({ ...c, enablePassword: password });
}

const enableHelp = {
  password: 'Assign the privileged level password',
  secret: 'Assign the privileged level secret',
};

function enableNode(): IosNode {
  const secretLine = "The UNENCRYPTED (cleartext) 'enable' secret";
  return kw(
    'enable',
    'Modify enable password parameters',
    kw(
      'password',
      enableHelp.password,
      ...passwordArgs(setEnablePassword, "The UNENCRYPTED (cleartext) 'enable' password"),
    ),
    kw(
      'secret',
      enableHelp.secret,
      kw(
        '0',
        'Specifies an UNENCRYPTED password will follow',
        arg('password', LINE, secretLine, run(setEnableSecret)),
      ),
      kw(
        '5',
        'Specifies an ENCRYPTED secret will follow',
        arg('password', WORD, "The ENCRYPTED 'enable' secret string", run(setEnableSecret)),
      ),
      arg('password', LINE, secretLine, run(setEnableSecret)),
    ),
  );
}

function lineNode(): IosNode {
  const enter = (line: 'console' | 'vty') =>
    run((env, a) => {
      const first = a.need<number>('first');
      const last = a.value<number>('last') ?? first;
      env.modes.send({ type: 'line', line, lines: [Math.min(first, last), Math.max(first, last)] });
    });
  return kw(
    'line',
    'Configure a terminal line',
    kw('console', 'Primary terminal line', arg('first', range(0, 0), 'First Line number', enter('console'))),
    kw(
      'vty',
      'Virtual terminal',
      arg(
        'first',
        range(0, MAX_VTY),
        'First Line number',
        enter('vty'),
        arg('last', range(1, MAX_VTY), 'Last Line number', enter('vty')),
      ),
    ),
  );
}

const hostnameHelp = "Set system's network name";
const bannerHelp = 'Define a login banner';
const interfaceHelp = 'Select an interface to configure';
const serviceHelp = 'Modify use of network based services';
const cefHelp = 'Cisco Express Forwarding';
const pwEncHelp = 'Encrypt system passwords';
const defaultGatewayHelp = 'Specify default gateway (if not routing IP)';
const domainLookupHelp = 'Enable IP Domain Name System hostname translation';
const domainHelp = 'IP DNS Resolver';
const routeHelp = 'Establish static routes';
const routingHelp = 'Enable IP routing';
const domainNameHelp = 'Define the default domain name';

const setDomainName = run((env, a) =>
  env.setConfig({ ...env.config(), domainName: a.need<string>('domain') }),
);
const clearDomainName = run((env) => env.setConfig(without(env.config(), 'domainName')));
const vlanHelp = 'Vlan commands';
const routerHelp = 'Enable a routing process';
const cdpHelp = 'Global CDP configuration subcommands';

/** `cdp run`, and with `on` false `no cdp run`: CDP on the whole device (on by default). */
const cdpRun = (on: boolean): IosNode =>
  kw(
    'cdp',
    cdpHelp,
    kw(
      'run',
      'Enable CDP',
      run((env) => env.setConfig(on ? without(env.config(), 'cdpRun') : { ...env.config(), cdpRun: false })),
    ),
  );

/** `lldp run`, and with `on` false `no lldp run`: LLDP on the whole device (off by default). */
const lldpRun = (on: boolean): IosNode =>
  kw(
    'lldp',
    'Global LLDP configuration subcommands',
    kw(
      'run',
      'Enable LLDP',
      run((env) => env.setConfig(on ? { ...env.config(), lldpRun: true } : without(env.config(), 'lldpRun'))),
    ),
  );

function ipNode(kind: 'router' | 'switch', multilayer: boolean): IosNode {
  const set = (patch: (env: IosEnv, a: Args) => void) => run(patch);
  return kw(
    'ip',
    'Global IP configuration subcommands',
    kw(
      'default-gateway',
      defaultGatewayHelp,
      arg(
        'gateway',
        IPV4,
        'IP address of default gateway',
        set((env, a) => env.setConfig({ ...env.config(), defaultGateway: a.need<Ipv4Addr>('gateway') })),
      ),
    ),
    kw(
      'domain-lookup',
      domainLookupHelp,
      set((env) => env.setConfig({ ...env.config(), domainLookup: true })),
    ),
    kw(
      'domain',
      domainHelp,
      kw(
        'lookup',
        domainLookupHelp,
        set((env) => env.setConfig({ ...env.config(), domainLookup: true })),
      ),
      kw('name', domainNameHelp, arg('domain', WORD, 'Default domain name', setDomainName)),
    ),
    kw('domain-name', domainNameHelp, arg('domain', WORD, 'Default domain name', setDomainName)),
    ipHostNode(),
    nameServerNode(),
    ipAccessListNode(false),
    ipDhcpNode(false),
    ...(kind === 'router' ? [ipNatNode(false)] : []),
    httpNode(true),
    kw('route', routeHelp, routeArgs(addStaticRoute, false)),
    sshNode(),
    ...(kind === 'router'
      ? [
          kw(
            'cef',
            cefHelp,
            set((env) => env.setConfig(without(env.config(), 'noIpCef'))),
          ),
        ]
      : []),
    // A multilayer switch ships with routing off; `ip routing` makes its SVIs route between VLANs.
    ...(kind === 'router' || multilayer
      ? [
          kw(
            'routing',
            routingHelp,
            // A router's `no ip routing` turns CEF off as IOS does; here it comes back with routing
            // (no capture shows whether IOS does that). A switch never has CEF turned off.
            set((env) => env.setConfig({ ...without(env.config(), 'noIpCef'), ipRouting: true })),
          ),
        ]
      : []),
  );
}

export function globalTree(kind: 'router' | 'switch', opts: TreeOptions): IosNode {
  const root = kw(
    '',
    '',
    accessListNode(),
    aliasNode(),
    kw(
      'banner',
      bannerHelp,
      ...BANNERS.map((b) =>
        kw(
          b.word,
          b.help,
          arg('text', LINE, "c banner-text c, where 'c' is a delimiting character", run(setBanner(b.key))),
        ),
      ),
    ),
    arpNode(false),
    cdpRun(true),
    lldpRun(true),
    kw(
      'default',
      'Set a command to its defaults',
      noAliasNode(true),
      cdpRun(true),
      lldpRun(false),
      kw(
        'interface',
        interfaceHelp,
        arg(
          'interface',
          interfaceArg(),
          '',
          run((env, a) => resetInterface(env, a.need<string>('interface'))),
        ),
      ),
    ),
    enableNode(),
    ...(kind === 'switch' ? [errdisableNode(false), macTableNode(false), legacyMacTableNode(false)] : []),
    kw('hostname', hostnameHelp, arg('name', WORD, "This system's network name", run(setHostname))),
    kw(
      'interface',
      interfaceHelp,
      arg('interface', interfaceArg({ create: true }), '', run(enterInterface)),
      kw(
        'range',
        'interface range command',
        arg(
          'interfaces',
          interfaceRangeArg(),
          '',
          run((env, a) =>
            env.modes.send({ type: 'interface', names: a.need<string[]>('interfaces'), range: true }),
          ),
        ),
      ),
    ),
    cryptoNode(),
    ipNode(kind, opts.multilayer === true),
    ...(kind === 'router' ? [ipv6GlobalNode()] : []),
    lineNode(),
    loginNode(),
    noNode(kind, opts.multilayer === true),
    ...(kind === 'switch' ? [loadBalanceNode(false)] : []),
    ...(kind === 'router' || opts.multilayer === true
      ? [kw('router', routerHelp, routerOspfNode(false))]
      : []),
    securityNode(),
    kw(
      'service',
      serviceHelp,
      kw(
        'password-encryption',
        pwEncHelp,
        run((env) => env.setConfig(encryptPasswords(env.config()))),
      ),
      serviceDhcpNode(false),
      timestampsNode(),
    ),
    ...(kind === 'switch' ? [stpGlobalNode(false)] : []),
    usernameNode(),
    loggingNode(),
    ntpNode(kind),
    ...(kind === 'switch'
      ? [kw('vlan', vlanHelp, arg('vlans', VLAN_IDS, 'ISL VLAN IDs 1-4094', run(enterVlan)))]
      : []),
    kw(
      'version',
      'Version',
      HIDDEN,
      arg(
        'version',
        WORD,
        'Version number',
        run(() => {}),
      ),
    ),
    ...modeCommands('Exit from configure mode', opts),
  );
  addDefaultLines(root, kind);
  return root;
}

function noNode(kind: 'router' | 'switch', multilayer: boolean): IosNode {
  const patch = (fn: (env: IosEnv) => void) => run(fn);
  return kw(
    'no',
    'Negate a command or set its defaults',
    noAccessListNode(),
    noAliasNode(false),
    ...(kind === 'router' ? [noIpv6GlobalNode()] : []),
    kw(
      'banner',
      bannerHelp,
      ...BANNERS.map((b) =>
        kw(
          b.word,
          b.help,
          patch((env) => env.setConfig(without(env.config(), b.key))),
        ),
      ),
    ),
    arpNode(true),
    cdpRun(false),
    lldpRun(false),
    noLoggingNode(),
    noNtpNode(kind),
    ...(kind === 'switch' ? [errdisableNode(true), macTableNode(true), legacyMacTableNode(true)] : []),
    kw(
      'enable',
      'Modify enable password parameters',
      kw(
        'password',
        enableHelp.password,
        patch((env) => env.setConfig(without(env.config(), 'enablePassword'))),
      ),
      kw(
        'secret',
        enableHelp.secret,
        patch((env) => env.setConfig(without(env.config(), 'enableSecret'))),
      ),
    ),
    kw(
      'hostname',
      hostnameHelp,
      patch((env) => env.setConfig({ ...env.config(), hostname: FACTORY_HOSTNAME[kind] })),
    ),
    kw('interface', interfaceHelp, arg('interface', interfaceArg(), '', run(noInterface))),
    noLoginNode(),
    kw(
      'ip',
      'Global IP configuration subcommands',
      kw(
        'default-gateway',
        defaultGatewayHelp,
        patch((env) => env.setConfig(without(env.config(), 'defaultGateway'))),
        arg(
          'gateway',
          IPV4,
          'IP address of default gateway',
          patch((env) => env.setConfig(without(env.config(), 'defaultGateway'))),
        ),
      ),
      kw(
        'domain-lookup',
        domainLookupHelp,
        patch((env) => env.setConfig({ ...env.config(), domainLookup: false })),
      ),
      kw(
        'domain',
        domainHelp,
        kw(
          'lookup',
          domainLookupHelp,
          patch((env) => env.setConfig({ ...env.config(), domainLookup: false })),
        ),
        kw(
          'name',
          domainNameHelp,
          clearDomainName,
          arg('domain', WORD, 'Default domain name', clearDomainName),
        ),
      ),
      kw(
        'domain-name',
        domainNameHelp,
        clearDomainName,
        arg('domain', WORD, 'Default domain name', clearDomainName),
      ),
      noIpHostNode(),
      noNameServerNode(),
      ipAccessListNode(true),
      ipDhcpNode(true),
      ...(kind === 'router' ? [ipNatNode(true)] : []),
      httpNode(false),
      kw('route', routeHelp, routeArgs(removeStaticRoute, true)),
      noSshNode(),
      ...(kind === 'router'
        ? [
            kw(
              'cef',
              cefHelp,
              patch((env) => env.setConfig({ ...env.config(), noIpCef: true })),
            ),
            kw(
              'routing',
              routingHelp,
              patch((env) =>
                env.setConfig({ ...withoutRouting(env.config()), ipRouting: false, noIpCef: true }),
              ),
            ),
          ]
        : []),
      ...(multilayer
        ? [
            kw(
              'routing',
              routingHelp,
              patch((env) => env.setConfig({ ...withoutRouting(env.config()), ipRouting: false })),
            ),
          ]
        : []),
    ),
    ...(kind === 'router' || multilayer ? [kw('router', routerHelp, routerOspfNode(true))] : []),
    noSecurityNode(),
    kw(
      'service',
      serviceHelp,
      kw(
        'password-encryption',
        pwEncHelp,
        patch((env) => env.setConfig({ ...env.config(), servicePasswordEncryption: false })),
      ),
      serviceDhcpNode(true),
      noTimestampsNode(),
    ),
    ...(kind === 'switch' ? [stpGlobalNode(true)] : []),
    noUsernameNode(),
    ...(kind === 'switch' ? [loadBalanceNode(true)] : []),
    ...(kind === 'switch'
      ? [kw('vlan', vlanHelp, arg('vlans', VLAN_LIST, 'ISL VLAN IDs 1-4094', run(noVlan)))]
      : []),
  );
}
