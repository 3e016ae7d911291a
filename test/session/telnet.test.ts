/**
 * Telnet through the session, as the app and `trame` run it: a PC's client against a router's
 * vty lines, the servers run between the engine's steps, and the conversation on the wire as
 * Wireshark's tshark decodes it (Telnet options, data, and TCP's sequence analysis).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { Session } from '../../src/session/session.ts';
import type { DeviceId, LinkId } from '../../src/shared/ids.ts';
import { type Micros, micros } from '../../src/shared/time.ts';

const TSHARK = '/usr/bin/tshark';

function office(): { s: Session; id: (name: string) => DeviceId } {
  const s = new Session();
  const r = s.load(readFileSync('examples/small-office.json', 'utf8'));
  expect(r.ok).toBe(true);
  return { s, id: (name) => s.findDevice(name)! };
}

/** The office in a session that streams, as the app's: `tick` lets time run and returns what printed. */
function streaming() {
  const s = new Session({ streaming: true });
  expect(s.load(readFileSync('examples/small-office.json', 'utf8')).ok).toBe(true);
  const id = (name: string) => s.findDevice(name)!;
  const tick = (dev: DeviceId, secs: number, step = 0.1): string => {
    let out = '';
    for (let t = 0; t < secs - 1e-9; t += step) {
      s.advance(micros(step * 1e6));
      out += s.consoleLog(dev);
    }
    return out;
  };
  return { s, id, tick };
}

/** PC1 logged in to R1 over Telnet, in a session that streams. */
function telnetFromPc1() {
  const { s, id, tick } = streaming();
  const pc = id('PC1');
  configureVty(s, id('R1'));
  s.exec(pc, 'telnet 192.168.10.1');
  tick(pc, 2);
  s.exec(pc, 'cisco');
  tick(pc, 1);
  return { s, id, tick, pc };
}

/** Types `line` at the device's console; what it printed and the prompt after. */
function type(s: Session, dev: DeviceId, line: string): { out: string; prompt: string; secret: boolean } {
  const r = s.exec(dev, line);
  return { out: r.output + s.consoleLog(dev), prompt: s.prompt(dev), secret: s.secret(dev) };
}

/** tshark's lines that say something is wrong: expert warnings and errors, malformed packets. */
const warnings = (decoded: string): string[] =>
  decoded
    .split('\n')
    .filter((l) => /Expert Info \((Warning|Error)\/|Malformed|incorrect|unseen|not captured/i.test(l));

/**
 * Types `lines` at the PC's console while capturing its own cable (the first frame is the
 * PC's; each hop further would repeat it); the frames, and tshark on their pcap.
 */
function capturePc(s: Session, pc: DeviceId, lines: readonly string[]) {
  const frames: (readonly [Micros, Uint8Array])[] = [];
  let cable: LinkId | undefined;
  const stop = s.simulation.onWire((at, link, f) => {
    cable ??= link;
    if (link === cable) frames.push([at, encodeFrame(f)]);
  });
  for (const l of lines) type(s, pc, l);
  stop();
  const tshark = (...args: string[]): string => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-vty-'));
    try {
      const file = join(dir, 'session.pcap');
      writeFileSync(file, pcapFile(frames));
      const r = spawnSync(TSHARK, ['-r', file, '-o', 'tcp.check_checksum:TRUE', ...args], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`tshark failed: ${r.stderr}`);
      return r.stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { frames, tshark };
}

function configureSsh(s: Session, r1: DeviceId): void {
  for (const l of [
    'enable',
    'configure terminal',
    'ip domain-name lab.local',
    'crypto key generate rsa general-keys modulus 1024',
    'username admin privilege 15 secret Str0ngPass',
    'line vty 0 4',
    'transport input ssh',
    'login local',
    'end',
  ])
    type(s, r1, l);
}

function configureVty(s: Session, r1: DeviceId): void {
  for (const l of [
    'enable',
    'configure terminal',
    'enable secret class',
    'line vty 0 4',
    'password cisco',
    'transport input telnet',
    'end',
  ])
    type(s, r1, l);
}

describe('Telnet through the session', () => {
  it("fails as Windows says while the router's vty lines take no Telnet", () => {
    const { s, id } = office();
    const r = type(s, id('PC1'), 'telnet 192.168.10.1');
    expect(r.out).toBe(
      'Connecting To 192.168.10.1...Could not open connection to the host, on port 23: Connect failed\n\n',
    );
    expect(r.prompt).toBe('C:\\>');
  });

  it('logs a PC in, hides its passwords, runs commands remotely and ends with the session', () => {
    const { s, id } = office();
    const pc = id('PC1');
    const r1 = id('R1');
    configureVty(s, r1);
    let r = type(s, pc, 'telnet 192.168.10.1');
    expect(r.out).toBe('Connecting To 192.168.10.1...\n\nUser Access Verification\n\n');
    expect(r).toMatchObject({ prompt: 'Password: ', secret: true });
    r = type(s, pc, 'cisco');
    expect(r).toMatchObject({ out: '', prompt: 'R1>', secret: false });
    r = type(s, pc, 'enable');
    expect(r).toMatchObject({ out: '', prompt: 'Password: ', secret: true });
    expect(type(s, pc, 'class')).toMatchObject({ out: '', prompt: 'R1#' });
    r = type(s, pc, 'show users');
    expect(r.out).toContain('*  2 vty 0                idle                 00:00:00 192.168.10.10');
    r = type(s, pc, 'configure terminal');
    expect(r.prompt).toBe('R1(config)#');
    type(s, pc, 'hostname Edge');
    expect(type(s, pc, 'end').prompt).toBe('Edge#');
    // The change is the device's: its console sees the new name.
    expect(type(s, r1, '').prompt).toBe('Edge#');
    r = type(s, pc, 'exit');
    expect(r.out).toBe('\nConnection to host lost.\n\n');
    expect(r.prompt).toBe('C:\\>');
    expect(type(s, pc, 'ipconfig').out).toContain('192.168.10.10');
  });

  it('puts the line back after `?` as IOS does, and recalls the lines typed in the session', () => {
    const { s, id } = office();
    const pc = id('PC1');
    configureVty(s, id('R1'));
    for (const l of ['telnet 192.168.10.1', 'cisco']) type(s, pc, l);
    expect(type(s, pc, 'show cl?')).toMatchObject({ out: 'clock\n\n', prompt: 'R1>show cl' });
    expect(type(s, pc, 'ock').out).toMatch(/^\*00:00:\d\d\.\d{3} UTC Mon Mar 1 1993\n$/);
    expect(s.history(pc, 'previous')).toBe('ock');
    expect(s.history(pc, 'previous')).toBe('show cl?');
    type(s, pc, 'exit');
    // Back at the PC's prompt, its own history again.
    expect(s.history(pc, 'previous')).toBe('telnet 192.168.10.1');
  });

  it("names the vty line and the client's address in the router's console messages", () => {
    const { s, id } = office();
    const r1 = id('R1');
    configureVty(s, r1);
    s.consoleLog(r1);
    const pc = id('PC2');
    for (const l of ['telnet 192.168.10.1', 'cisco', 'enable', 'class', 'configure terminal', 'end', 'exit'])
      type(s, pc, l);
    expect(s.consoleLog(r1)).toMatch(
      /%SYS-5-CONFIG_I: Configured from console by vty0 \(192\.168\.10\.11\)\n$/,
    );
  });

  it('goes on from the router to the switch, each line waiting for the far end of the far end', () => {
    const { s, id } = office();
    const pc = id('PC1');
    configureVty(s, id('R1'));
    const s1 = id('S1');
    for (const l of [
      'enable',
      'configure terminal',
      'interface vlan 10',
      'ip address 192.168.10.2 255.255.255.0',
    ])
      type(s, s1, l);
    for (const l of ['no shutdown', 'line vty 0 4', 'password sw', 'end']) type(s, s1, l);
    for (const l of ['telnet 192.168.10.1', 'cisco']) type(s, pc, l);
    let r = type(s, pc, 'telnet 192.168.10.2');
    expect(r.out).toBe('Trying 192.168.10.2 ... Open\n\n\nUser Access Verification\n\n');
    expect(r).toMatchObject({ prompt: 'Password: ', secret: true });
    expect(type(s, pc, 'sw')).toMatchObject({ out: '', prompt: 'S1>' });
    r = type(s, pc, 'show users');
    expect(r.out).toContain('*  1 vty 0                idle                 00:00:00 192.168.10.1\n');
    r = type(s, pc, 'exit');
    expect(r).toMatchObject({
      out: '\n[Connection to 192.168.10.2 closed by foreign host]\n',
      prompt: 'R1>',
    });
    expect(type(s, pc, 'exit')).toMatchObject({ out: '\nConnection to host lost.\n\n', prompt: 'C:\\>' });
  });

  it("ends the router's console session too when a vty session reloads it", () => {
    const { s, id } = office();
    const pc = id('PC1');
    const r1 = id('R1');
    configureVty(s, r1);
    for (const l of ['telnet 192.168.10.1', 'cisco', 'enable', 'class', 'reload', 'no']) type(s, pc, l);
    expect(type(s, pc, '')).toMatchObject({ out: '\nConnection to host lost.\n\n', prompt: 'C:\\>' });
    expect(s.prompt(r1)).toBe('');
    expect(s.consoleLog(r1)).toContain('Press RETURN to get started!');
  });

  it("breaks off a remote ping with the escape and waits for the far end's prompt, as the app streams it", () => {
    const { s, tick, pc } = telnetFromPc1();
    expect(s.exec(pc, 'ping 192.168.30.1')).toMatchObject({ running: true });
    let out = tick(pc, 1);
    expect(out).toContain('Sending 5, 100-byte ICMP Echos to 192.168.30.1');
    // The break key sends IOS's escape: the line goes on until the ping's summary and prompt.
    const r = s.interrupt(pc);
    expect(r).toMatchObject({ running: true, prompt: '' });
    out = r.output + tick(pc, 1);
    expect(out).toMatch(/Success rate is 0 percent \(0\/\d\)\n$/);
    expect(s.prompt(pc)).toBe('R1>');
    // An escape at an idle prompt is dropped, not read into the next line.
    s.interrupt(pc);
    tick(pc, 1);
    expect(s.exec(pc, 'show clock').running).toBe(true);
    expect(tick(pc, 1)).toMatch(/^\*00:00:\d\d\.\d{3} UTC Mon Mar 1 1993\n$/);
  });

  it('ends the session, as Windows says, when the router it reaches is removed', () => {
    const { s, id, tick, pc } = telnetFromPc1();
    s.exec(pc, 'ping 192.168.30.1');
    tick(pc, 1);
    expect(s.dispatch({ type: 'removeDevice', id: id('R1') }).ok).toBe(true);
    expect(tick(pc, 1)).toBe('\nConnection to host lost.\n\n');
    expect(s.prompt(pc)).toBe('C:\\>');
  });

  it("leaves the router's console logged in when the session it opened times out far away", () => {
    const { s, id, tick } = streaming();
    const r1 = id('R1');
    const s1 = id('S1');
    for (const l of [
      'enable',
      'configure terminal',
      'interface vlan 10',
      'ip address 192.168.10.2 255.255.255.0',
    ])
      s.exec(s1, l);
    for (const l of ['no shutdown', 'line vty 0 4', 'password sw', 'end']) s.exec(s1, l);
    s.exec(r1, 'enable');
    s.exec(r1, 'telnet 192.168.10.2');
    // R1 drops the first SYN while it resolves the switch's address, and sends it again 2 s on.
    tick(r1, 5);
    expect(s.prompt(r1)).toBe('Password: ');
    s.exec(r1, 'sw');
    tick(r1, 1);
    expect(s.prompt(r1)).toBe('S1>');
    // Both lines' exec-timeouts are 10 minutes: the switch's vty runs out first, R1's counts anew.
    const out = tick(r1, 610, 1);
    expect(out).toContain('[Connection to 192.168.10.2 closed by foreign host]');
    expect(out).not.toContain('con0 is now available');
    expect(s.prompt(r1)).toBe('R1#');
  });

  it("logs a PC in over SSH, asking first about the router's key, then reaches its shell", () => {
    const { s, id } = office();
    const pc = id('PC1');
    configureSsh(s, id('R1'));
    let r = type(s, pc, 'ssh admin@192.168.10.1');
    expect(r.out).toMatch(
      /^The authenticity of host '192\.168\.10\.1 \(192\.168\.10\.1\)' can't be established\.\nRSA key fingerprint is SHA256:[A-Za-z0-9+/]{43}\.\n$/,
    );
    expect(r).toMatchObject({
      prompt: 'Are you sure you want to continue connecting (yes/no)? ',
      secret: false,
    });
    r = type(s, pc, 'yes');
    expect(r.out).toBe("Warning: Permanently added '192.168.10.1' (RSA) to the list of known hosts.\n");
    expect(r).toMatchObject({ prompt: "admin@192.168.10.1's password: ", secret: true });
    expect(type(s, pc, 'nope')).toMatchObject({
      out: 'Permission denied, please try again.\n',
      prompt: "admin@192.168.10.1's password: ",
    });
    expect(type(s, pc, 'Str0ngPass')).toMatchObject({ out: '', prompt: 'R1#', secret: false });
    expect(type(s, pc, 'show users').out).toContain(
      '*  2 vty 0     admin      idle                 00:00:00 192.168.10.10',
    );
    expect(type(s, pc, 'exit')).toMatchObject({
      out: 'Connection to 192.168.10.1 closed.\n\n',
      prompt: 'C:\\>',
    });
    // The key is known now: straight to the password.
    expect(type(s, pc, 'ssh -l admin 192.168.10.1')).toMatchObject({
      out: '',
      prompt: "admin@192.168.10.1's password: ",
    });
  });

  it('refuses a host whose key changed, takes no line password, and drops a login left waiting', () => {
    const { s, id, tick } = streaming();
    const pc = id('PC1');
    const r1 = id('R1');
    configureSsh(s, r1);
    const say = (line: string, secs = 1) => {
      const r = s.exec(pc, line);
      return r.output + tick(pc, secs);
    };
    say('ssh admin@192.168.10.1');
    say('yes');
    say('Str0ngPass');
    expect(say('exit')).toBe('Connection to 192.168.10.1 closed.\n\n');
    // New keys are another key, whatever their size and name.
    for (const l of ['configure terminal', 'crypto key generate rsa general-keys modulus 1024', 'yes', 'end'])
      s.exec(r1, l);
    const out = say('ssh admin@192.168.10.1');
    expect(out).toContain('@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n');
    expect(out).toMatch(
      /RSA host key for 192\.168\.10\.1 has changed and you have requested strict checking\.\nHost key verification failed\.\n\n$/,
    );
    expect(s.prompt(pc)).toBe('C:\\>');
    // Without login local, no password gets in over SSH.
    for (const l of ['configure terminal', 'line vty 0 4', 'no login', 'login', 'password cisco', 'end'])
      s.exec(r1, l);
    const pc2 = id('PC2');
    const at2 = (line: string) => s.exec(pc2, line).output + tick(pc2, 1);
    at2('ssh -l admin 192.168.10.1');
    expect(s.prompt(pc2)).toBe('Are you sure you want to continue connecting (yes/no)? ');
    at2('yes');
    expect(at2('cisco')).toBe('Permission denied, please try again.\n');
    // Left at the password prompt past ip ssh time-out (120 s), the line is given back.
    tick(pc2, 125, 1);
    expect(at2('cisco')).toBe('Connection closed by 192.168.10.1 port 22\n\n');
    expect(s.prompt(pc2)).toBe('C:\\>');
  });

  it('counts failed SSH passwords for login block-for and refuses SSH in Quiet-Mode', () => {
    const { s, id } = office();
    const r1 = id('R1');
    configureSsh(s, r1);
    for (const l of ['configure terminal', 'login block-for 60 attempts 3 within 120', 'end']) type(s, r1, l);
    s.consoleLog(r1);
    const pc = id('PC1');
    for (const l of ['ssh admin@192.168.10.1', 'yes', 'a', 'b']) type(s, pc, l);
    expect(type(s, pc, 'c').out).toBe('admin@192.168.10.1: Permission denied (password).\n\n');
    expect(s.consoleLog(r1)).toMatch(
      /%SEC_LOGIN-1-QUIET_MODE_ON: Still timeleft for watching failures is \d+ secs, \[user: admin\] \[Source: 192\.168\.10\.10\] \[localport: 22\]/,
    );
    expect(type(s, pc, 'ssh admin@192.168.10.1').out).toBe(
      'ssh: connect to host 192.168.10.1 port 22: Connection refused\n\n',
    );
    expect(type(s, r1, 'show login').out).toContain('Router presently in Quiet-Mode.');
  });

  it('keeps the RSA keys in the network file: a network saved and opened again still takes SSH', () => {
    const { s, id } = office();
    configureSsh(s, id('R1'));
    const text = s.save();
    expect(text).toContain('"rsaKeyBits": 1024');
    const again = new Session();
    expect(again.load(text).ok).toBe(true);
    const pc = again.findDevice('PC1')!;
    for (const l of ['ssh admin@192.168.10.1', 'yes']) type(again, pc, l);
    expect(type(again, pc, 'Str0ngPass').prompt).toBe('R1#');
    // Removing the keys removes them from the file too.
    const r1 = id('R1');
    for (const l of ['configure terminal', 'crypto key zeroize rsa', 'yes', 'end']) type(s, r1, l);
    expect(s.save()).not.toContain('rsaKeyBits');
  });

  it.runIf(existsSync(TSHARK))(
    'puts on the wire an SSH session tshark decodes, its password nowhere in clear',
    () => {
      const { s, id } = office();
      configureSsh(s, id('R1'));
      const { frames, tshark } = capturePc(s, id('PC1'), [
        'ssh admin@192.168.10.1',
        'yes',
        'Str0ngPass',
        'show running-config',
        'exit',
      ]);
      const all = tshark('-V');
      expect(warnings(all)).toEqual([]);
      for (const field of [
        'Protocol: SSH-2.0-OpenSSH_for_Windows_7.7',
        'Protocol: SSH-1.99-Cisco-1.25',
        'Message Code: Key Exchange Init (20)',
        'kex_algorithms string: diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1',
        'Message Code: Diffie-Hellman Key Exchange Init (30)',
        'Message Code: Diffie-Hellman Key Exchange Reply (31)',
        'Host key type: ssh-rsa',
        'Message Code: New Keys (21)',
      ])
        expect(all).toContain(field);
      // What follows the keys is only encrypted packets: no password, no configuration.
      const bytes = Buffer.concat(frames.map(([, f]) => Buffer.from(f)));
      for (const secret of ['Str0ngPass', 'hostname R1', 'admin']) expect(bytes.includes(secret)).toBe(false);
    },
  );

  it.runIf(existsSync(TSHARK))('puts on the wire what tshark decodes as a clean Telnet session', () => {
    const { s, id } = office();
    configureVty(s, id('R1'));
    const { tshark } = capturePc(s, id('PC1'), ['telnet 192.168.10.1', 'cisco', 'show clock', 'exit']);
    expect(warnings(tshark('-V'))).toEqual([]);
    const telnet = tshark('-Y', 'telnet', '-V');
    // IOS's opening: it will echo and suppress go-ahead, and asks for the terminal type and size.
    for (const o of [
      'Will Echo',
      'Will Suppress Go Ahead',
      'Do Terminal Type',
      'Do Negotiate About Window Size',
    ])
      expect(telnet).toContain(o);
    // The PC's answers: it lets the router echo and suppress go-ahead, and declines the rest.
    for (const o of [
      'Do Echo',
      'Do Suppress Go Ahead',
      "Won't Terminal Type",
      "Won't Negotiate About Window Size",
    ])
      expect(telnet).toContain(o);
    expect(telnet).toContain('User Access Verification');
    expect(telnet).toContain('show clock');
  });
});
