/**
 * `network A W area X` under `router ospf`: what IOS stores for the range typed, a subnet mask
 * in place of the wildcard included.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from './lab.ts';

function stored(...typed: string[]): string {
  const con = new Lab().add('R1', 'router').console('R1');
  for (const line of ['enable', 'configure terminal', 'router ospf 1', ...typed]) con.input(line);
  return con.input('do show running-config | section router ospf').output;
}

describe('OSPF network statements', () => {
  it('keeps a wildcard as typed, its address bits under the wildcard cleared', () => {
    expect(stored('network 10.0.12.1 0.0.0.255 area 0')).toContain(' network 10.0.12.0 0.0.0.255 area 0\n');
    expect(stored('network 10.0.12.1 0.0.0.0 area 0')).toContain(' network 10.0.12.1 0.0.0.0 area 0\n');
    expect(stored('network 0.0.0.0 255.255.255.255 area 0')).toContain(
      ' network 0.0.0.0 255.255.255.255 area 0\n',
    );
    // Not contiguous: a wildcard all the same, as IOS takes it.
    expect(stored('network 10.0.0.0 255.0.255.0 area 0')).toContain(' network 0.0.0.0 255.0.255.0 area 0\n');
  });

  it('stores a subnet mask typed in place of the wildcard inverted, and removes it either way', () => {
    expect(stored('network 10.0.12.0 255.255.255.252 area 0')).toContain(
      ' network 10.0.12.0 0.0.0.3 area 0\n',
    );
    expect(stored('network 10.0.12.9 255.255.255.0 area 0')).toContain(
      ' network 10.0.12.0 0.0.0.255 area 0\n',
    );
    expect(stored('network 0.0.0.0 0.0.0.0 area 0')).toContain(' network 0.0.0.0 255.255.255.255 area 0\n');
    expect(
      stored('network 10.0.12.0 0.0.0.3 area 0', 'no network 10.0.12.0 255.255.255.252 area 0'),
    ).not.toContain('network');
  });
});
