import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-text.ts';
import { Console } from '../../src/cli/console.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { Lab } from './lab.ts';

const router = () => {
  const lab = new Lab().add('R1', 'router');
  return { lab, con: lab.console('R1') };
};

describe('Console', () => {
  it('starts in user EXEC with no greeting on a factory router', () => {
    const { con } = router();
    expect(con.greeting()).toBe('');
    expect(con.prompt()).toBe('R1>');
  });

  it('answers `?` with help and gives back the line to redisplay', () => {
    const { con } = router();
    const r = con.input('show ip ?');
    expect(r.pending).toBe('show ip ');
    expect(r.prompt).toBe('R1>');
    expect(r.output).toContain('  route         IP routing table\n');
    expect(con.input('sh?')).toMatchObject({ output: 'show\n\n', pending: 'sh' });
  });

  it('completes with Tab in every mode, falling back to global commands in sub-modes', () => {
    const { con } = router();
    expect(con.complete('en')).toEqual({ line: 'enable ', candidates: ['enable'] });
    con.input('enable');
    expect(con.complete('conf')).toEqual({ line: 'configure ', candidates: ['configure'] });
    expect(con.complete('co')).toEqual({ line: 'co', candidates: ['configure', 'connect', 'copy'] });
    con.input('configure terminal');
    expect(con.complete('int g')).toEqual({ line: 'int GigabitEthernet ', candidates: ['GigabitEthernet'] });
    con.input('interface g0/0');
    expect(con.complete('ip add')).toEqual({ line: 'ip address ', candidates: ['address'] });
    expect(con.complete('hostn')).toEqual({ line: 'hostname ', candidates: ['hostname'] });
  });

  it('keeps separate histories for EXEC and configuration modes', () => {
    const { con } = router();
    con.input('enable');
    con.input('show version');
    con.input('configure terminal');
    con.input('hostname A');
    con.input('interface g0/0');
    expect(con.historyPrevious()).toBe('interface g0/0');
    expect(con.historyPrevious()).toBe('hostname A');
    expect(con.historyPrevious()).toBeUndefined();
    expect(con.historyNext()).toBe('interface g0/0');
    expect(con.historyNext()).toBe('');
    con.input('end');
    expect(con.historyPrevious()).toBe('configure terminal');
    expect(con.historyPrevious()).toBe('show version');
  });

  it('recalls only as many lines as the history size allows, the session over the line', () => {
    const { con } = router();
    con.input('enable');
    con.input('terminal history size 2');
    con.input('show clock');
    con.input('show version');
    expect(con.historyPrevious()).toBe('show version');
    expect(con.historyPrevious()).toBe('show clock');
    expect(con.historyPrevious()).toBeUndefined();
    con.input('terminal no history');
    con.input('show users');
    expect(con.historyPrevious()).toBeUndefined();
    con.input('terminal no history size');
    con.input('terminal history');
    con.input('configure terminal');
    con.input('line console 0');
    con.input('history size 1');
    con.input('end');
    // `terminal history` reset the session's "off"; its size came back to line con 0's, now 1
    // (`end` went to the configuration history).
    expect(con.historyPrevious()).toBe('configure terminal');
    expect(con.historyPrevious()).toBeUndefined();
  });

  it('asks for the enable secret without echo and keeps passwords out of the history', () => {
    const { con } = router();
    con.input('enable');
    con.input('configure terminal');
    con.input('enable secret class');
    con.input('end');
    con.input('disable');
    const ask = con.input('enable');
    expect(ask).toMatchObject({ output: '', prompt: 'Password: ', secret: true });
    expect(con.input('class')).toMatchObject({ prompt: 'R1#' });
    expect(con.historyPrevious()).toBe('enable');
    expect(con.historyPrevious()).toBe('disable');
  });

  it('Ctrl+Z runs the line, leaves configuration mode and logs it', () => {
    const { lab, con } = router();
    con.input('enable');
    con.input('configure terminal');
    con.input('interface g0/1');
    expect(con.ctrlZ('description WAN')).toEqual({ output: '', prompt: 'R1#' });
    lab.settle();
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:00.000: %SYS-5-CONFIG_I: Configured from console by console\n',
    );
    expect(con.drainLog()).toBe('');
    expect(lab.ios('R1').runningConfig().interfaces['GigabitEthernet0/1']?.description).toBe('WAN');
    con.input('configure terminal');
    expect(con.input('hostname Edge\x1a')).toEqual({ output: '', prompt: 'Edge#' });
  });

  it('reports link changes caused by cabling, not only by commands', () => {
    const lab = new Lab().add('R1', 'router').add('R2', 'router');
    const con = lab.console('R1');
    for (const l of ['enable', 'configure terminal', 'interface g0/0', 'no shutdown']) con.input(l);
    lab.settle();
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:00.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to down\n',
    );
    lab.cable('R1:GigabitEthernet0/0', 'R2:GigabitEthernet0/0');
    lab.settle();
    expect(con.drainLog()).toBe('');
    const r2 = lab.console('R2');
    for (const l of ['enable', 'configure terminal', 'interface g0/0', 'no shutdown']) r2.input(l);
    lab.settle(seconds(10));
    // Stamped when R2's `no shutdown` brought the line up, not when R1's console looked.
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:02.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up\n' +
        '*Mar  1 00:00:03.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to up\n',
    );
  });

  it('prints the line protocol a second after the link, once virtual time gets there', () => {
    const lab = new Lab().add('R1', 'router').add('R2', 'router');
    lab.cable('R1:GigabitEthernet0/0', 'R2:GigabitEthernet0/0');
    const r2 = lab.ios('R2');
    r2.setRunningConfig({
      ...r2.runningConfig(),
      interfaces: {
        ...r2.runningConfig().interfaces,
        'GigabitEthernet0/0': { ...r2.runningConfig().interfaces['GigabitEthernet0/0']!, shutdown: false },
      },
    });
    lab.settle(seconds(5));
    const con = lab.console('R1');
    for (const l of ['enable', 'configure terminal', 'interface g0/0']) con.input(l);
    con.input('no shutdown');
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:05.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up\n',
    );
    lab.settle(seconds(0.5));
    expect(con.drainLog()).toBe('');
    lab.settle(seconds(0.5));
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:06.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to up\n',
    );
    con.input('shutdown');
    lab.settle(seconds(2));
    expect(con.drainLog()).toBe(
      '*Mar  1 00:00:06.000: %LINK-5-CHANGED: Interface GigabitEthernet0/0, changed state to administratively down\n' +
        '*Mar  1 00:00:07.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to down\n',
    );
  });

  it('reports a link that went down and came back between two looks, each change at its time', () => {
    const lab = new Lab().add('R1', 'router').add('S1', 'switch');
    lab.cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1');
    const con = lab.console('R1');
    for (const l of ['enable', 'configure terminal', 'interface g0/0', 'no shutdown']) con.input(l);
    lab.settle(seconds(3));
    con.drainLog();
    const s1 = lab.console('S1');
    for (const l of ['enable', 'configure terminal', 'interface g0/1', 'shutdown']) s1.input(l);
    lab.settle(seconds(4));
    s1.input('no shutdown');
    lab.settle(seconds(4));
    expect(con.drainLog()).toBe(
      // The carrier goes: the line protocol is reported first, the link a second later.
      '*Mar  1 00:00:03.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to down\n' +
        '*Mar  1 00:00:04.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to down\n' +
        '*Mar  1 00:00:07.000: %LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up\n' +
        '*Mar  1 00:00:08.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0, changed state to up\n',
    );
  });

  it('counts uptime from the boot of each device: when it was added, then its last reload', () => {
    const lab = new Lab().add('R1', 'router');
    lab.settle(seconds(150));
    lab.add('R2', 'router');
    lab.settle(seconds(61));
    const uptime = (con: Console) => con.input('show version | include uptime').output;
    const r1 = lab.console('R1');
    const r2 = lab.console('R2');
    for (const con of [r1, r2]) {
      for (const l of ['enable', 'configure terminal', 'line console 0', 'exec-timeout 0 0', 'end']) {
        con.input(l);
      }
    }
    expect(uptime(r1)).toBe('R1 uptime is 3 minutes\n');
    expect(uptime(r2)).toBe('R2 uptime is 1 minute\n');
    // A device without a calendar starts its clock at its own boot.
    expect(r2.input('show clock').output).toBe('*00:01:01.000 UTC Mon Mar 1 1993\n');
    lab.settle(seconds(3600));
    expect(uptime(r2)).toBe('R2 uptime is 1 hour, 1 minute\n');
    // The reload takes a minute of virtual time: the device boots at its end.
    // The setup dialog and AutoInstall answered, then RETURN.
    for (const l of ['reload', 'no', '', 'no', '', '', 'enable']) r2.input(l);
    lab.settle(seconds(120));
    // Reloaded without a saved configuration: back to the factory host name.
    expect(uptime(r2)).toBe('Router uptime is 2 minutes\n');
    expect(uptime(r1)).toBe('R1 uptime is 1 hour, 6 minutes\n');
    expect(lab.sim.bootTime(deviceId('R2'))).toBe(seconds(150 + 61 + 3600 + 60));
  });

  it('greets with the banner and asks for the console password when login is set', () => {
    const { lab, con } = router();
    for (const l of [
      'enable',
      'configure terminal',
      'banner motd #Lab only#',
      'line console 0',
      'password cisco',
      'login',
      'end',
    ]) {
      con.input(l);
    }
    const ctx = lab.ios('R1');
    const again = new Console(ctx);
    expect(again.greeting()).toBe('Lab only\n\nUser Access Verification\n\n');
    expect(again.prompt()).toBe('Password: ');
    expect(again.input('cisco')).toMatchObject({ output: '', prompt: 'R1>' });
  });

  it('logs an idle console out after its exec-timeout, even when nothing polled it', () => {
    const { lab, con } = router();
    for (const l of ['enable', 'configure terminal', 'line console 0', 'exec-timeout 1 0', 'end'])
      con.input(l);
    lab.settle(seconds(59));
    expect(con.input('').prompt).toBe('R1#');
    lab.settle(seconds(61));
    const r = con.input('show clock');
    expect(r.output).toContain('R1 con0 is now available\n');
    expect(r.prompt).toBe('R1>');
  });

  it('says NVRAM for addresses the device booted with and manual for typed ones', () => {
    const lab = new Lab().add('R1', 'router');
    lab.ios('R1').setStartupConfig('interface GigabitEthernet0/0\n ip address 10.0.0.1 255.0.0.0\n!\nend\n');
    lab.ios('R1').setRunningConfig(parseConfigText('router', lab.ios('R1').startupConfig()!).config);
    const con = lab.console('R1');
    const brief = () => con.input('show ip interface brief').output.split('\n');
    expect(brief()).toContain(
      'GigabitEthernet0/0         10.0.0.1        YES NVRAM  down                  down',
    );
    expect(brief()).toContain(
      'GigabitEthernet0/1         unassigned      YES unset  administratively down down',
    );
    for (const l of [
      'enable',
      'configure terminal',
      'interface g0/1',
      'ip address 192.168.1.1 255.255.255.0',
      'end',
    ]) {
      con.input(l);
    }
    expect(brief()).toContain(
      'GigabitEthernet0/1         192.168.1.1     YES manual administratively down down',
    );
  });

  it('gives PCs a command prompt', () => {
    const lab = new Lab().add('PC1', 'pc');
    const pc = lab.console('PC1');
    expect(pc.greeting()).toBe('Trame PC Command Line 1.0\n');
    expect(pc.prompt()).toBe('C:\\>');
    expect(pc.input('')).toEqual({ output: '', prompt: 'C:\\>' });
    expect(pc.input('ipconfig 10.0.0.5 255.0.0.0 10.0.0.1').output).toBe('\n');
    expect(lab.contexts.get('PC1')).toBeDefined();
    expect(pc.historyPrevious()).toBe('ipconfig 10.0.0.5 255.0.0.0 10.0.0.1');
  });

  it('prints time exceeded during reassembly when the fragments of an echo stop coming', () => {
    const lab = new Lab().add('PC1', 'pc').add('PC2', 'pc').cable('PC1:FastEthernet0', 'PC2:FastEthernet0');
    const pc1 = lab.console('PC1');
    pc1.input('ipconfig 10.0.0.10 255.255.255.0');
    lab.console('PC2').input('ipconfig 10.0.0.20 255.255.255.0');
    lab.settle(seconds(5));
    pc1.input('ping -n 1 10.0.0.20');
    // Once PC2 has the first fragment, the cable is pulled for a second: the rest is lost.
    const sim = lab.sim;
    const run = sim.runUntil.bind(sim);
    const rx = () => sim.interfaces(deviceId('PC2'))[0]!.counters.rxFrames;
    const before = rx();
    let back = Number.POSITIVE_INFINITY;
    let cut = false;
    sim.runUntil = (t, max) => {
      if (t > back) {
        run(back as Micros);
        sim.setLinkUp(linkId('L1'), true);
        back = Number.POSITIVE_INFINITY;
      }
      const events = run(t, max);
      if (!cut && rx() > before) {
        cut = true;
        sim.setLinkUp(linkId('L1'), false);
        back = sim.now() + seconds(1);
      }
      return events;
    };
    expect(pc1.input('ping -n 1 -l 4000 -w 70000 10.0.0.20').output).toBe(
      [
        '',
        'Pinging 10.0.0.20 with 4000 bytes of data:',
        'Reply from 10.0.0.20: TTL expired during reassembly.',
        '',
        'Ping statistics for 10.0.0.20:',
        '    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),',
        '',
        '',
      ].join('\n'),
    );
  });

  it("clears a PC's screen with cls, and only with cls", () => {
    const pc = new Lab().add('PC1', 'pc').console('PC1');
    expect(pc.input('CLS')).toEqual({ output: '', prompt: 'C:\\>', clear: true });
    expect(pc.input('ipconfig').clear).toBeUndefined();
    expect(pc.input('cls /?')).toEqual({ output: 'Clears the screen.\n\nCLS\n\n', prompt: 'C:\\>' });
  });
});
