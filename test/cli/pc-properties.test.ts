/**
 * Property tests of the PC command prompt: whatever is typed, it never throws, and a line
 * Windows refuses (unknown command, usage text, a bad option value) leaves the PC's IP
 * settings as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostDeviceContext } from '../../src/cli/context.ts';
import { Lab } from './lab.ts';

const command = fc.constantFrom('ping', 'PING', 'tracert', 'arp', 'ipconfig', 'help', '?', 'dir');
const word = fc.oneof(
  fc.constantFrom('-n', '-l', '-w', '-i', '-h', '-d', '-a', '-g', '-t', '/n', '/all', '*'),
  // Counts stay small: a ping waits for every probe in virtual time.
  fc.constantFrom('0', '1', '2', '256', '-1', 'x'),
  fc.constantFrom('10.0.0.2', '10.0.0.9', '255.255.255.0', '10.0.0.1', '0.0.0.0', '255.255.255.255', '1.2.3'),
  fc.stringMatching(/^[\x21-\x7e]{1,6}$/),
);
const line = fc.tuple(command, fc.array(word, { maxLength: 5 })).map(([c, args]) => [c, ...args].join(' '));

const REFUSED = /is not recognized|^Usage:|^USAGE:|^Bad value|^Error:|^ARP -a/m;

describe('PC command prompt, random input', () => {
  it('never throws, and a refused line changes no IP setting', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const lab = new Lab()
          .add('PC1', 'pc')
          .add('PC2', 'pc')
          .cable('PC1:FastEthernet0', 'PC2:FastEthernet0');
        lab.console('PC2').input('ipconfig 10.0.0.2 255.255.255.0');
        const con = lab.console('PC1');
        con.input('ipconfig 10.0.0.1 255.255.255.0 10.0.0.254');
        const pc = lab.contexts.get('PC1') as HostDeviceContext;
        for (const l of lines) {
          const before = pc.hostConfig();
          const out = con.input(l).output;
          if (REFUSED.test(out)) expect(pc.hostConfig()).toEqual(before);
        }
      }),
      { numRuns: 100 },
    );
  });
});
