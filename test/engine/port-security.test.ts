/**
 * Port security on a switch port: the first addresses up to the maximum are learned, any other
 * is a violation handled as the mode says (protect, restrict, shutdown), and an error-disabled
 * port comes back with shutdown / no shutdown.
 *
 * The secure port is S1's Fa0/1, where a second switch (S2) brings two PCs; PC3 sits on S1.
 */
import { describe, expect, it } from 'vitest';
import type { PortSecurityConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatMacDotted } from '../../src/shared/mac.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const d = deviceId;

function lan(security: Partial<PortSecurityConfig>): TestNet {
  const n = new TestNet();
  n.switch('S1', { ports: { 'fa0/1': { mode: 'access', security } } });
  n.switch('S2');
  n.pc('PC1', '10.0.0.1/24');
  // PC2 gets its address when it first pings (`fromPc2`), so its first frames are the ping's.
  n.pc('PC2');
  n.pc('PC3', '10.0.0.3/24');
  n.link('S2:gi0/1', 'S1:fa0/1');
  n.link('PC1:fa0', 'S2:fa0/1');
  n.link('PC2:fa0', 'S2:fa0/2');
  n.link('PC3:fa0', 'S1:fa0/2');
  return n.settle();
}

/** PC2 pings PC3, given its address first if it has none (its probes follow the ping's ARP). */
function fromPc2(n: TestNet) {
  if (n.sim.interfaces(d('PC2'))[0]!.ip === undefined) n.host('PC2', '10.0.0.2/24');
  return n.ping('PC2', '10.0.0.3');
}

const fa01 = (n: TestNet) => n.sim.interfaces(d('S1')).find((i) => i.name === 'FastEthernet0/1')!;
const secure = (n: TestNet) => n.sim.portSecurity(d('S1'))[0]!;
const mac = (n: TestNet, pc: string) => n.sim.baseMac(d(pc));

describe('port security', () => {
  it('learns the first address and error-disables the port for a second (shutdown mode)', () => {
    const n = lan({});
    expect(marks(n.ping('PC1', '10.0.0.3'))).toBe('!!!!');
    expect(secure(n)).toMatchObject({ status: 'secure-up', violations: 0 });
    expect(secure(n).addresses).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, kind: 'dynamic' }]);

    const from = n.sim.interfaceChanges(d('S1'), Infinity).next;
    // ARP fails: Windows reports the destination unreachable from itself.
    expect(marks(fromPc2(n))).toBe('HHHH');
    expect(fa01(n)).toMatchObject({ status: 'down', protocol: 'down', errDisabled: 'psecure-violation' });
    expect(secure(n)).toMatchObject({ status: 'secure-shutdown', violations: 1 });
    // The line went down: the dynamic address is gone.
    expect(secure(n).addresses).toEqual([]);
    const { violations } = n.sim.securityViolations(d('S1'), 0);
    expect(violations).toMatchObject([
      { seq: 0, port: 'FastEthernet0/1', mac: mac(n, 'PC2'), vlan: 1, shutdown: true },
    ]);
    // Marked as the device's doing, for the console to report them as a 2960 does.
    expect(
      n.sim.interfaceChanges(d('S1'), from).changes.map((c) => `${c.interface} ${c.kind} ${c.errDisabled}`),
    ).toEqual(['FastEthernet0/1 status true', 'FastEthernet0/1 protocol true']);
    // S2 sees its uplink go down.
    expect(n.sim.interfaces(d('S2')).find((i) => i.name === 'GigabitEthernet0/1')!.status).toBe('down');
    expect(marks(n.ping('PC1', '10.0.0.3'))).not.toContain('!');
  });

  it('brings an error-disabled port back with shutdown, then no shutdown', () => {
    const n = lan({});
    n.ping('PC1', '10.0.0.3');
    fromPc2(n);
    n.reconfigure('S1', { ports: { 'fa0/1': { mode: 'access', security: {}, shutdown: true } } });
    expect(fa01(n)).toMatchObject({ status: 'administratively down', errDisabled: undefined });
    n.reconfigure('S1', { ports: { 'fa0/1': { mode: 'access', security: {} } } });
    expect(fa01(n)).toMatchObject({ status: 'up', protocol: 'up' });
    // Whoever speaks first now is the secure address.
    expect(marks(fromPc2(n))).toBe('!!!!');
    expect(secure(n).addresses.map((a) => a.mac)).toEqual([mac(n, 'PC2')]);
    // Shutting the port down cleared the count.
    expect(secure(n).violations).toBe(0);
  });

  it('brings an error-disabled port back by itself with errdisable recovery, each time after the interval', () => {
    const n = lan({});
    const recovering = (interval?: number) =>
      n.sim.configure(d('S1'), {
        ...n.config('S1', { ports: { 'fa0/1': { mode: 'access', security: {} } } }),
        errdisableRecovery: ['psecure-violation'],
        ...(interval !== undefined ? { errdisableInterval: interval } : {}),
      });
    recovering(30);
    n.ping('PC1', '10.0.0.3');
    fromPc2(n);
    const disabled = fa01(n);
    expect(disabled).toMatchObject({ status: 'down', errDisabled: 'psecure-violation' });
    // 30 s after the violation, whatever PC2's ping did since.
    const violation = n.sim.securityViolations(d('S1'), 0).violations[0]!;
    const due = disabled.errRecoveryAt!;
    expect(due).toBe(violation.at + seconds(30));
    expect(due).toBeGreaterThan(n.sim.now());
    // A new interval is for ports disabled from then on.
    recovering(300);
    expect(fa01(n).errRecoveryAt).toBe(due);
    n.run((due - n.sim.now() - 1) as never);
    expect(fa01(n).errDisabled).toBe('psecure-violation');
    n.run(seconds(1));
    expect(fa01(n)).toMatchObject({
      status: 'up',
      protocol: 'up',
      errDisabled: undefined,
      errRecoveryAt: undefined,
    });
    expect(n.sim.errdisableRecoveries(d('S1'), 0)).toMatchObject({
      recoveries: [{ seq: 0, at: due, port: 'FastEthernet0/1', cause: 'psecure-violation' }],
      next: 1,
    });
    // The dynamic address went with the line: whoever speaks first is the secure one now, and
    // the other is a violation again, back 300 s later this time.
    expect(marks(fromPc2(n))).toBe('!!!!');
    n.ping('PC1', '10.0.0.3');
    const again = fa01(n);
    expect(again.errDisabled).toBe('psecure-violation');
    const second = n.sim.securityViolations(d('S1'), 1).violations[0]!;
    expect(again.errRecoveryAt).toBe(second.at + seconds(300));
    // Turned off, the timer stops: only shutdown / no shutdown brings the port back.
    n.reconfigure('S1', { ports: { 'fa0/1': { mode: 'access', security: {} } } });
    expect(fa01(n)).toMatchObject({ errDisabled: 'psecure-violation', errRecoveryAt: undefined });
    n.run(seconds(400));
    expect(fa01(n).errDisabled).toBe('psecure-violation');
    expect(n.sim.errdisableRecoveries(d('S1'), 0).next).toBe(1);
  });

  it('starts the recovery timer of a port already error-disabled when recovery is turned on', () => {
    const n = lan({});
    n.ping('PC1', '10.0.0.3');
    fromPc2(n);
    n.run(seconds(100));
    const on = n.sim.now();
    n.sim.configure(d('S1'), {
      ...n.config('S1', { ports: { 'fa0/1': { mode: 'access', security: {} } } }),
      errdisableRecovery: ['bpduguard', 'psecure-violation'],
    });
    expect(fa01(n).errRecoveryAt).toBe(on + seconds(300));
  });

  it('drops and counts in restrict mode, and keeps the port up', () => {
    const n = lan({ violation: 'restrict' });
    n.ping('PC1', '10.0.0.3');
    expect(marks(fromPc2(n))).not.toContain('!');
    expect(fa01(n).status).toBe('up');
    expect(secure(n).violations).toBeGreaterThan(1);
    expect(n.sim.securityViolations(d('S1'), 0).violations.every((v) => !v.shutdown)).toBe(true);
    expect(marks(n.ping('PC1', '10.0.0.3'))).toBe('!!!!');
  });

  it('drops silently in protect mode', () => {
    const n = lan({ violation: 'protect' });
    n.ping('PC1', '10.0.0.3');
    expect(marks(fromPc2(n))).not.toContain('!');
    expect(secure(n).violations).toBe(0);
    expect(n.sim.securityViolations(d('S1'), 0).violations).toEqual([]);
  });

  it('takes as many addresses as its maximum', () => {
    const n = lan({ maximum: 2 });
    expect(marks(n.ping('PC1', '10.0.0.3'))).toBe('!!!!');
    expect(marks(fromPc2(n))).toBe('!!!!');
    expect(secure(n).addresses).toHaveLength(2);
    expect(n.sim.macTable(d('S1')).filter((e) => e.port === 'FastEthernet0/1')).toMatchObject([
      { type: 'STATIC', vlan: 1 },
      { type: 'STATIC', vlan: 1 },
    ]);
  });

  it('admits only typed addresses when they fill the maximum', () => {
    const n = lan({ macs: [] });
    n.reconfigure('S1', {
      ports: { 'fa0/1': { mode: 'access', security: { macs: [{ mac: mac(n, 'PC2'), sticky: false }] } } },
    });
    expect(marks(fromPc2(n))).toBe('!!!!');
    n.ping('PC1', '10.0.0.3');
    expect(secure(n).status).toBe('secure-shutdown');
    expect(formatMacDotted(n.sim.securityViolations(d('S1'), 0).violations[0]!.mac)).toBe(
      formatMacDotted(mac(n, 'PC1')),
    );
  });

  it('hands sticky addresses over once, for the running-config, and keeps them across a line flap', () => {
    const n = lan({ sticky: true });
    n.ping('PC1', '10.0.0.3');
    expect(n.sim.takeStickyLearned()).toEqual(
      new Map([[d('S1'), new Map([['FastEthernet0/1', [{ mac: mac(n, 'PC1'), vlan: 1, sticky: true }]]])]]),
    );
    expect(n.sim.takeStickyLearned().size).toBe(0);
    n.reconfigure('S2', { ports: { 'gi0/1': { shutdown: true } } });
    n.reconfigure('S2', {});
    expect(secure(n).addresses).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, kind: 'sticky' }]);
  });

  it('keeps a sticky address learned before a reconfiguration, and hands it over once', () => {
    const n = lan({ sticky: true });
    n.ping('PC1', '10.0.0.3', { count: 1 });
    // The port is configured again (a description, a mode) before the address is written.
    n.reconfigure('S1', {
      ports: { 'fa0/1': { mode: 'access', security: { sticky: true, violation: 'restrict' } } },
    });
    n.ping('PC1', '10.0.0.3', { count: 1 });
    const learned = n.sim.takeStickyLearned().get(d('S1'))?.get('FastEthernet0/1');
    expect(learned).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, sticky: true }]);
    expect(secure(n).addresses).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, kind: 'sticky' }]);
  });

  describe('aging', () => {
    it('forgets a learned address its aging time after learning it, and takes another then (absolute)', () => {
      const n = lan({ violation: 'restrict', agingTime: 1 });
      expect(marks(n.ping('PC1', '10.0.0.3', { count: 1 }))).toBe('!');
      expect(secure(n).addresses).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, kind: 'dynamic', remaining: 1 }]);
      n.run(seconds(20));
      expect(marks(fromPc2(n))).not.toContain('!');
      // PC1's frames do not keep it: the minute counts from its learning.
      n.ping('PC1', '10.0.0.3', { count: 1 });
      n.run(seconds(40));
      expect(secure(n).addresses).toEqual([]);
      expect(marks(fromPc2(n))).toBe('!!!!');
      expect(secure(n).addresses).toMatchObject([{ mac: mac(n, 'PC2'), kind: 'dynamic' }]);
    });

    it('counts from the last frame with aging type inactivity', () => {
      const n = lan({ violation: 'restrict', agingTime: 1, agingInactivity: true });
      n.ping('PC1', '10.0.0.3', { count: 1 });
      n.run(seconds(40));
      n.ping('PC1', '10.0.0.3', { count: 1 });
      n.run(seconds(40));
      // Past a minute since PC1 was learned, not since its last frame.
      expect(marks(fromPc2(n))).not.toContain('!');
      n.run(seconds(70));
      expect(marks(fromPc2(n))).toBe('!!!!');
    });

    it('never ages a sticky address, and a typed one only with aging static', () => {
      const sticky = lan({ agingTime: 1, sticky: true });
      sticky.ping('PC1', '10.0.0.3', { count: 1 });
      sticky.run(seconds(120));
      expect(secure(sticky).addresses).toEqual([{ mac: mac(sticky, 'PC1'), vlan: 1, kind: 'sticky' }]);

      const typed = (agingStatic: boolean) => {
        const n = lan({ agingTime: 1 });
        const macs = [{ mac: mac(n, 'PC1'), sticky: false }];
        n.reconfigure('S1', {
          ports: {
            'fa0/1': {
              mode: 'access',
              security: { agingTime: 1, macs, ...(agingStatic ? { agingStatic } : {}) },
            },
          },
        });
        n.run(seconds(61));
        return secure(n).addresses;
      };
      expect(typed(false)).toEqual([{ mac: expect.any(Number), vlan: 1, kind: 'configured' }]);
      expect(typed(true)).toEqual([]);
    });
  });

  it('makes sticky addresses dynamic when sticky learning is turned off', () => {
    const n = lan({ sticky: true });
    n.ping('PC1', '10.0.0.3', { count: 1 });
    n.sim.takeStickyLearned();
    n.reconfigure('S1', { ports: { 'fa0/1': { mode: 'access', security: {} } } });
    expect(secure(n).addresses).toEqual([{ mac: mac(n, 'PC1'), vlan: 1, kind: 'dynamic' }]);
  });
});
