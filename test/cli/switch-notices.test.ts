/**
 * Messages a 2960 prints on its own about its neighbourhood: MAC flapping in a loop, a native
 * VLAN mismatch found by CDP. Formats checked against Catalyst 2960 / 3750 console logs
 * (`%SW_MATM-4-MACFLAP_NOTIF: Host 0015.5d91.8502 in vlan 1 is flapping between port Gi0/20
 * and port Po1`, `%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on
 * FastEthernet1/0/10 (100), with SW2 FastEthernet1/0/10 (1).`, repeated each minute).
 */
import { describe, expect, it } from 'vitest';
import { seconds } from '../../src/shared/time.ts';
import { Lab } from './lab.ts';

const lines = (log: string): string[] => log.split('\n').filter((l) => l !== '');

describe('a switch reports', () => {
  it('addresses flapping between the two cables of a loop', () => {
    const lab = new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .add('PC1', 'pc')
      .cable('S1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1')
      .cable('S1:GigabitEthernet0/2', 'S2:GigabitEthernet0/2')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1');
    // The loop stays a loop without spanning tree.
    for (const name of ['S1', 'S2'])
      for (const line of ['enable', 'configure terminal', 'no spanning-tree vlan 1', 'end'])
        lab.console(name).input(line);
    lab.settle();
    const s1 = lab.console('S1');
    expect(lines(s1.drainLog())).toEqual([
      expect.stringMatching(/%SYS-5-CONFIG_I: Configured from console by console$/),
    ]);
    const pc1Mac = lab.sim.interfaces(lab.ios('PC1').id)[0]!.mac;
    lab.console('PC1').input('ipconfig 10.0.0.1 255.255.255.0');
    lab.console('PC1').input('ping -n 1 10.0.0.9');
    const log = lines(s1.drainLog());
    const dotted = pc1Mac
      .toString(16)
      .padStart(12, '0')
      .replace(/(....)(?!$)/g, '$1.');
    // The PC's own broadcast comes back through the loop on a trunk.
    expect(log).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\*Mar  1 00:00:\\d\\d\\.\\d{3}: %SW_MATM-4-MACFLAP_NOTIF: Host ${dotted} in vlan 1 is flapping between port Fa0/1 and port Gi0/[12]$`,
        ),
      ),
    );
    // At most once a second per address, however many times the storm moved it.
    expect(log.filter((l) => l.includes(dotted)).length).toBeLessThanOrEqual(4);
  });

  it('a native VLAN mismatch when the trunk comes up, then every minute while it lasts', () => {
    const lab = new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .cable('S1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1');
    const s2 = lab.console('S2');
    const s1 = lab.console('S1');
    for (const l of [
      'enable',
      'configure terminal',
      'hostname SW1',
      'interface g0/1',
      'switchport mode trunk',
    ])
      s1.input(l);
    s1.input('switchport trunk native vlan 99');
    for (const l of ['enable', 'configure terminal', 'interface g0/1', 'switchport mode trunk', 'end'])
      s2.input(l);
    // The console is read every few seconds, as the app does while time runs.
    let log = '';
    for (let t = 0; t < 130; t += 5) {
      lab.settle(seconds(5));
      log += s2.drainLog();
    }
    const stamp = /^\*Mar {2}1 00:(\d\d):(\d\d)\.\d{3}: (.*)$/;
    const reports = lines(log)
      .filter((l) => l.includes('CDP'))
      .map((l) => stamp.exec(l)!)
      .map((m) => ({ at: Number(m[1]) * 60 + Number(m[2]), text: m[3] }));
    expect(reports.map((r) => r.text)).toEqual(
      Array(3).fill(
        '%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on GigabitEthernet0/1 (1), with SW1 GigabitEthernet0/1 (99).',
      ),
    );
    expect(reports.map((r) => r.at - reports[0]!.at)).toEqual([0, 60, 120]);
    s1.input('switchport trunk native vlan 1');
    s1.drainLog();
    lab.settle(seconds(120));
    expect(lines(s2.drainLog()).filter((l) => l.includes('CDP'))).toEqual([]);
  });

  it('from the console opening on, and only the latest report after a long silence', () => {
    const lab = new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .cable('S1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1');
    const s1 = lab.console('S1');
    for (const l of ['enable', 'configure terminal', 'interface g0/1', 'switchport mode trunk']) s1.input(l);
    s1.input('switchport trunk native vlan 99');
    lab.settle(seconds(3_600));
    // Opened an hour later: nothing from before, then the next advertisement.
    const s2 = lab.console('S2');
    expect(lines(s2.drainLog())).toEqual([]);
    lab.settle(seconds(60));
    expect(lines(s2.drainLog()).filter((l) => l.includes('CDP'))).toHaveLength(1);
    // Left unread for ten minutes: one line, not ten.
    lab.settle(seconds(600));
    expect(lines(s2.drainLog()).filter((l) => l.includes('CDP'))).toHaveLength(1);
  });

  it('a native VLAN mismatch between access ports of two VLANs, as CDP advertises the access VLAN', () => {
    const lab = new Lab().add('S1', 'switch').add('S2', 'switch');
    const s1 = lab.console('S1');
    for (const l of ['enable', 'configure terminal', 'interface f0/1', 'switchport mode access']) s1.input(l);
    s1.input('switchport access vlan 10');
    const s2 = lab.console('S2');
    for (const l of ['enable', 'configure terminal', 'interface f0/1', 'switchport mode access']) s2.input(l);
    s2.input('switchport access vlan 20');
    s1.drainLog();
    lab.cable('S1:FastEthernet0/1', 'S2:FastEthernet0/1');
    lab.settle(seconds(2));
    expect(lines(s1.drainLog()).filter((l) => l.includes('CDP'))).toEqual([
      expect.stringMatching(
        /%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on FastEthernet0\/1 \(10\), with S2 FastEthernet0\/1 \(20\)\.$/,
      ),
    ]);
  });
});
