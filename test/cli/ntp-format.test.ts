/** show ntp associations' numbers and rows, against lines of IOS 15 captures. */
import { describe, expect, it } from 'vitest';
import { associationRow, ntpNumber } from '../../src/cli/ios/show/ntp.ts';
import type { NtpPeerStatus } from '../../src/engine/api.ts';
import { LOCAL_CLOCK } from '../../src/engine/device/ntp.ts';
import { refIdOfText } from '../../src/engine/wire/ntp.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';
import { seconds } from '../../src/shared/time.ts';

describe('ntpNumber', () => {
  it('fits a value in its column, three decimals at most, cut rather than rounded', () => {
    const disp = (ms: number) => ntpNumber(ms, 7);
    const offset = (ms: number) => ntpNumber(ms, 8);
    expect([15937.5, 16000, 7937.5, 3938.9, 189.46, 63.199, 1.204].map(disp)).toEqual([
      ' 15937.',
      ' 16000.',
      ' 7937.5',
      ' 3938.9',
      ' 189.46',
      ' 63.199',
      '  1.204',
    ]);
    expect([0, -0.609, -27.308, 556.786, -320.72, 1405.39, 4721.5, 1190491].map(offset)).toEqual([
      '   0.000',
      '  -0.609',
      ' -27.308',
      ' 556.786',
      ' -320.72',
      ' 1405.39',
      ' 4721.50',
      ' 1190491',
    ]);
    expect(ntpNumber(15.9179, 7)).toBe(' 15.917');
    expect(ntpNumber(-0.0001, 8)).toBe('   0.000');
  });
});

const at = (s: string) => parseIpv4(s)!;
const base: NtpPeerStatus = {
  address: LOCAL_CLOCK,
  configured: true,
  prefer: false,
  stratum: 0,
  refId: refIdOfText('LOCL'),
  lastHeard: seconds(100),
  poll: 16,
  reach: 0o377,
  delay: 0,
  offset: 0,
  dispersion: 0.001204,
  jitter: 0,
  rootDelay: 0,
  rootDispersion: 0,
  lastSent: seconds(100),
  state: 'sys.peer',
};

describe('show ntp associations rows', () => {
  it('lays out the local clock of `ntp master 1` as IOS-XE does', () => {
    expect(associationRow(base, seconds(106))).toBe(
      '*~127.127.1.1     .LOCL.           0      6     16   377  0.000   0.000  1.204',
    );
  });

  it('lays out a server not yet heard from, and one followed', () => {
    const init = {
      ...base,
      address: at('10.4.1.1'),
      stratum: 16,
      refId: refIdOfText('INIT'),
      lastHeard: undefined,
      poll: 1024,
      reach: 0,
      dispersion: 15.9375,
      state: 'rejected' as const,
    };
    expect(associationRow(init, seconds(5))).toBe(
      ' ~10.4.1.1        .INIT.          16      -   1024     0  0.000   0.000 15937.',
    );
    const followed = {
      ...base,
      address: at('10.16.2.2'),
      stratum: 3,
      refId: LOCAL_CLOCK,
      lastHeard: seconds(0),
      poll: 64,
      reach: 0o7,
      delay: 0.00561,
      offset: 0.027027,
      dispersion: 0.003342,
    };
    expect(associationRow(followed, seconds(25))).toBe(
      '*~10.16.2.2       127.127.1.1      3     25     64     7  5.610  27.027  3.342',
    );
  });
});
