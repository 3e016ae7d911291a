/**
 * Property tests: whatever is typed, the console never throws, a line IOS would not parse
 * never changes the configuration, and every configuration reachable by typing prints as
 * text that reads back to the same configuration, and merging that text changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConfigText, parseConfigText, renderRunningConfig } from '../../src/cli/config-text.ts';
import { shownOrder } from '../../src/cli/ios/acl-format.ts';
import { platformKind } from '../../src/cli/ios/config-edit.ts';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { configLines } from './config-lines.ts';
import { Lab } from './lab.ts';

const kinds = ['router', 'switch', 'multilayer'] as const;

/** Counterexamples these properties found, kept as cases every run checks. */
const FOUND: Record<(typeof kinds)[number], [string[]][]> = {
  router: [
    // A banner typed with "#" whose text holds "^C" was cut short when read back.
    [['banner motd #a^Cb#']],
    // Type 7 text whose clear text is empty or a blank was kept, and printed as a line that read back as nothing.
    [['enable password 7 08', 'username op password 7 0861']],
    // A clear password "0" (here from type 7 text) printed as `password 0`, read back as a bare type.
    [['line console 0', ' password 7 0143']],
  ],
  switch: [
    // An access port in a default VLAN once created `vlan 1002`.
    [['interface f0/1', ' switchport access vlan 1002']],
    [['banner motd $', 'x^C', 'y$']],
    [['line vty 0 4', ' password 7 084B']],
    [['line console 0', ' password 7 1542', 'enable password 0 7 abc']],
  ],
  multilayer: [
    [['interface g0/1', ' switchport trunk encapsulation dot1q', ' switchport mode trunk', 'ip routing']],
    // A Port-channel made from a dot1q trunk once lost its encapsulation, and read back refused.
    [
      [
        'interface g0/1',
        ' switchport trunk encapsulation dot1q',
        ' switchport mode trunk',
        ' channel-group 1 mode on',
      ],
    ],
  ],
};

/**
 * `config` as reading its saved text gives it back: IOS 15 does not save access lists'
 * sequence numbers, so entries come back numbered 10, 20... in the order they are listed, and
 * a numbered list without entries has no line to be saved by.
 */
function asSaved(config: DeviceConfig): DeviceConfig {
  if (config.accessLists === undefined) return config;
  const kept = config.accessLists.filter((l) => !/^\d+$/.test(l.name) || l.entries.length > 0);
  if (kept.length === 0) {
    const { accessLists: _gone, ...rest } = config;
    return rest;
  }
  const accessLists = kept.map((l) => {
    let seq = 0;
    const entries = shownOrder(l).map((i) => {
      const e = l.entries[i]!;
      if ('remark' in e) return e;
      seq += 10;
      return { ...e, seq };
    });
    return { ...l, entries };
  });
  return { ...config, accessLists };
}

describe('round trip of reachable configurations', () => {
  for (const kind of kinds) {
    it(`${kind}: typed at the console, then saved and read back`, () => {
      fc.assert(
        fc.property(configLines(kind), (lines) => {
          const lab = new Lab().add('D', platformKind(kind), kind === 'multilayer' ? '3560-24PS' : undefined);
          const con = lab.console('D');
          con.input('enable');
          for (const l of lines) {
            if (con.prompt().endsWith('>')) con.input('enable');
            if (con.prompt().endsWith('#') && !con.prompt().includes('(')) con.input('configure terminal');
            con.input(l);
          }
          // RSA keys live in private NVRAM, never in the configuration text.
          const { rsaKeyBits: _keys, ...config } = lab.ios('D').runningConfig();
          const rendered = renderRunningConfig(platformKind(kind), config);
          const back = parseConfigText(kind, rendered);
          expect(back.problems).toEqual([]);
          expect(renderRunningConfig(platformKind(kind), back.config)).toBe(rendered);
          expect(back.config).toEqual(asSaved(config));
        }),
        { numRuns: 60, examples: FOUND[kind] },
      );
    });

    it(`${kind}: read from text, then printed and read back`, () => {
      fc.assert(
        fc.property(configLines(kind), (lines) => {
          const { config } = parseConfigText(kind, lines.join('\n'));
          const rendered = renderRunningConfig(platformKind(kind), config);
          const back = parseConfigText(kind, rendered);
          expect(back.problems).toEqual([]);
          expect(renderRunningConfig(platformKind(kind), back.config)).toBe(rendered);
          expect(back.config).toEqual(asSaved(config));
        }),
        { numRuns: 300, examples: FOUND[kind] },
      );
    });

    it(`${kind}: copying its own saved text onto the running configuration changes nothing`, () => {
      fc.assert(
        fc.property(configLines(kind), (lines) => {
          const { config } = parseConfigText(kind, lines.join('\n'));
          const merged = mergeConfigText(kind, config, renderRunningConfig(platformKind(kind), config));
          expect(merged.problems).toEqual([]);
          expect(merged.config).toEqual(config);
        }),
        { numRuns: 150, examples: FOUND[kind] },
      );
    });
  }
});

const VOCABULARY = [
  'show',
  'sh',
  'ip',
  'int',
  'interface',
  'brief',
  'br',
  'route',
  'running-config',
  'run',
  'vlan',
  'no',
  'shutdown',
  'shut',
  'conf',
  't',
  'terminal',
  'enable',
  'en',
  'disable',
  'exit',
  'end',
  'do',
  'hostname',
  'address',
  'add',
  'switchport',
  'sw',
  'mode',
  'access',
  'trunk',
  'allowed',
  'native',
  'encapsulation',
  'dot1Q',
  'g0/0',
  'g0/1',
  'f0/1',
  'gig',
  '0/0',
  'range',
  '-',
  ',',
  '10',
  '4094',
  '0',
  '192.168.1.1',
  '255.255.255.0',
  '0.0.0.0',
  'line',
  'con',
  'vty',
  '4',
  '15',
  'password',
  'login',
  'secret',
  'banner',
  'motd',
  '#',
  'service',
  'password-encryption',
  'default',
  'description',
  'name',
  '|',
  'include',
  'section',
  'begin',
  'version',
  'arp',
  'mac',
  'address-table',
  'clear',
  'write',
  'copy',
  'startup-config',
  'erase',
  '?',
  'logout',
  'nonegotiate',
  'route',
  'loopback',
  'domain-lookup',
  'default-gateway',
  'proxy-arp',
  'domain-name',
  'username',
  'privilege',
  '15',
  'crypto',
  'key',
  'generate',
  'rsa',
  'modulus',
  '1024',
  'ssh',
  'security',
  'passwords',
  'min-length',
  'exec-timeout',
  'logging',
  'synchronous',
  'local',
  'transport',
  'input',
  'telnet',
  'duplex',
  'full',
  'speed',
  '100',
  'clock',
  'set',
  '10:00:00',
  'Jan',
  '2024',
  'terminal',
  'length',
  'history',
  'static',
  'connected',
  'dynamic',
  'status',
  'except',
  'remove',
  'none',
  'all',
  'auto',
  'desirable',
  'g0/0.10',
  'lo0',
  '1002',
  '5',
  '7',
  '10.0.0.1',
  '172.16.0.0',
  '255.255.0.0',
];

const junk = fc.stringMatching(/^[\x21-\x7e]{1,8}$/);
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: junk },
);
const randomLine = fc
  .tuple(fc.array(token, { maxLength: 7 }), fc.constantFrom(' ', '  ', '\t'), fc.boolean())
  .map(([words, sep, q]) => `${words.join(sep)}${q ? '?' : ''}`);

const PARSE_ERRORS = /^% (Invalid input|Incomplete command|Ambiguous command)/;

describe('random input', () => {
  for (const kind of kinds) {
    it(`${kind}: never throws, and a line that does not parse changes nothing`, () => {
      fc.assert(
        fc.property(fc.array(randomLine, { maxLength: 25 }), (lines) => {
          const lab = new Lab().add('D', platformKind(kind), kind === 'multilayer' ? '3560-24PS' : undefined);
          const ctx = lab.ios('D');
          const con = lab.console('D');
          for (const l of [...lines.slice(0, 3), 'enable', 'configure terminal', ...lines.slice(3)]) {
            const before = ctx.runningConfig();
            const r = con.input(l);
            con.complete(l);
            con.drainLog();
            const refused = r.output.split('\n').some((o) => PARSE_ERRORS.test(o));
            if (refused || l.endsWith('?')) expect(ctx.runningConfig()).toBe(before);
          }
        }),
        { numRuns: 150 },
      );
    });

    it(`${kind}: configuration text made of random lines never throws`, () => {
      fc.assert(
        fc.property(fc.array(randomLine, { maxLength: 30 }), (lines) => {
          const r = parseConfigText(kind, lines.join('\n'));
          expect(Array.isArray(r.problems)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  }
});
