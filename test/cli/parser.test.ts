import { describe, expect, it } from 'vitest';
import { IPV4, LINE, range, WORD } from '../../src/cli/parser/args.ts';
import { complete, help } from '../../src/cli/parser/help.ts';
import { parse } from '../../src/cli/parser/parse.ts';
import { type Args, argument, HIDDEN, handler, keyword, type Node } from '../../src/cli/parser/tree.ts';

type Env = { ran: string[] };
const k = (w: string, h: string, ...p: Parameters<typeof keyword<Env>>[2][]) => keyword<Env>(w, h, ...p);
const a = (
  n: string,
  t: Parameters<typeof argument<Env>>[1],
  h: string,
  ...p: Parameters<typeof keyword<Env>>[2][]
) => argument<Env>(n, t as never, h, ...p);
const done = (name: string) => handler<Env>((env) => env.ran.push(name));

const root: Node<Env> = k(
  '',
  '',
  k(
    'show',
    'Show running system information',
    k('version', 'System hardware and software status', done('version')),
    k('ip', 'IP information', k('route', 'IP routing table', done('route'))),
    k('ipv6', 'IPv6 information', done('ipv6')),
  ),
  k('ssh', 'Open a secure shell client connection', a('host', WORD, 'Host', done('ssh'))),
  k('ping', 'Send echo messages', a('target', IPV4, 'Ping destination address', done('ping'))),
  k(
    'description',
    'Interface specific description',
    a('text', LINE, 'Up to 240 characters', done('description')),
  ),
  k('vlan', 'Vlan commands', a('id', range(1, 4094), 'ISL VLAN IDs', done('vlan'))),
  k('speed', 'Configure speed operation.', done('speed')),
  k('spanning-tree', '', HIDDEN, k('mode', '', HIDDEN, done('stp'))),
);

const env = (): Env => ({ ran: [] });

function ok(line: string): Args {
  const r = parse(root, line, env());
  if (r.kind !== 'ok') throw new Error(`${line}: ${JSON.stringify(r)}`);
  return r.args;
}

describe('parse', () => {
  it('accepts any unique prefix of every keyword', () => {
    expect(ok('sh ver').words).toEqual(['show', 'version']);
    expect(ok('SHOW   Ip  ROU').words).toEqual(['show', 'ip', 'route']);
  });

  it('prefers the exact keyword over longer ones sharing its prefix', () => {
    expect(ok('show ip route').words).toEqual(['show', 'ip', 'route']);
    expect(ok('show ipv').words).toEqual(['show', 'ipv6']);
  });

  it('takes a hidden keyword shortened only where no visible one matches', () => {
    expect(ok('span mode').words).toEqual(['spanning-tree', 'mode']);
    expect(ok('sp').words).toEqual(['speed']);
    expect(ok('spanning-tree mo').words).toEqual(['spanning-tree', 'mode']);
  });

  it('reports an ambiguous word with the column after it', () => {
    expect(parse(root, 's', env())).toEqual({ kind: 'ambiguous', end: 1 });
    expect(parse(root, '  show i', env())).toEqual({ kind: 'ambiguous', end: 8 });
  });

  it('reports an incomplete command', () => {
    expect(parse(root, 'show', env())).toEqual({ kind: 'incomplete' });
    expect(parse(root, 'vlan', env())).toEqual({ kind: 'incomplete' });
  });

  it('puts the marker under the first character no keyword continues with', () => {
    expect(parse(root, 'show versoin', env())).toEqual({ kind: 'invalid', col: 9, words: ['show'] });
    expect(parse(root, 'show xyz', env())).toEqual({ kind: 'invalid', col: 5, words: ['show'] });
    expect(parse(root, 'show version now', env())).toEqual({
      kind: 'invalid',
      col: 13,
      words: ['show', 'version'],
    });
    expect(parse(root, 'vlan 4095', env())).toEqual({ kind: 'invalid', col: 5, words: ['vlan'] });
  });

  it('puts the marker under the first wrong character of an address', () => {
    expect(parse(root, 'ping 10.0.0.300', env())).toEqual({ kind: 'invalid', col: 14, words: ['ping'] });
    expect(parse(root, 'ping 10.0.x.1', env())).toEqual({ kind: 'invalid', col: 10, words: ['ping'] });
    expect(parse(root, 'ping 10.0.0.1.5', env())).toEqual({ kind: 'invalid', col: 13, words: ['ping'] });
  });

  it('keeps the spacing inside LINE arguments', () => {
    expect(ok('desc  To   the  core  ').value('text')).toBe('To   the  core');
  });

  it('runs the handler of the last node', () => {
    const e = env();
    const r = parse(root, 'ssh host1', e);
    if (r.kind !== 'ok') throw new Error();
    r.node.run!(e, r.args);
    expect(e.ran).toEqual(['ssh']);
    expect(r.args.value('host')).toBe('host1');
  });
});

describe('help', () => {
  it('lists what may come next, aligned two columns after the longest word', () => {
    expect(help(root, 'show ', env())).toEqual({
      kind: 'help',
      lines: [
        '  ip       IP information',
        '  ipv6     IPv6 information',
        '  version  System hardware and software status',
      ],
    });
  });

  it('lists arguments in ASCII order with the keywords and ends with <cr> when the line may end', () => {
    expect(help(root, 'vlan ', env())).toEqual({ kind: 'help', lines: ['  <1-4094>  ISL VLAN IDs'] });
    expect(help(root, 'vlan 10 ', env())).toEqual({ kind: 'help', lines: ['  <cr>'] });
  });

  it('completes a partial word into the list of words it may be', () => {
    expect(help(root, 's', env())).toEqual({ kind: 'help', lines: ['show  speed  ssh'] });
    expect(help(root, 'show i', env())).toEqual({ kind: 'help', lines: ['ip  ipv6'] });
    expect(help(root, 'x', env())).toEqual({ kind: 'help', lines: ['% Unrecognized command'] });
    expect(help(root, 'vlan 1', env())).toEqual({ kind: 'help', lines: ['<1-4094>'] });
  });

  it('reports errors before the question mark', () => {
    expect(help(root, 'show versoin ', env())).toEqual({ kind: 'invalid', col: 9, words: ['show'] });
  });
});

describe('Tab', () => {
  it('completes a unique word and adds a space', () => {
    expect(complete(root, 'sh', env())).toEqual({ line: 'show ', candidates: ['show'] });
    expect(complete(root, 'show ver', env())).toEqual({ line: 'show version ', candidates: ['version'] });
  });

  it('leaves an ambiguous word alone and gives the candidates', () => {
    expect(complete(root, 's', env())).toEqual({ line: 's', candidates: ['show', 'speed', 'ssh'] });
    expect(complete(root, 'show ', env())).toEqual({ line: 'show ', candidates: [] });
  });
});
