/**
 * A router's console as the app shows it: long output stops at --More--, as IOS's does on
 * a 24-row console, and what the screen length, keys and messages do around it.
 */
import { describe, expect, it } from 'vitest';
import { MORE, MORE_ERASE } from '../../src/cli/pager.ts';
import { seconds } from '../../src/shared/time.ts';
import { Lab } from './lab.ts';

const enabled = (paging = true) => {
  const lab = new Lab({ paging })
    .add('R1', 'router')
    .add('PC1', 'pc')
    .cable('R1:GigabitEthernet0/0', 'PC1:FastEthernet0');
  const con = lab.console('R1');
  con.input('enable');
  return { lab, con };
};

/** The text the screen ends with once every erase is applied: what a student reads. */
const lines = (output: string) => output.split(MORE_ERASE).join('').split('\n');

describe('--More-- on the console', () => {
  it('stops `show running-config` after a screen and waits for a key', () => {
    const { con } = enabled();
    const r = con.input('show running-config');
    expect(r.more).toBe(true);
    expect(r.prompt).toBe('');
    expect(r.output.endsWith(`\n${MORE}`)).toBe(true);
    // "Building configuration..." then 23 lines.
    expect(r.output.split('\n')).toHaveLength(25);
    expect(con.prompt()).toBe('');
    expect(con.paging()).toBe(true);
  });

  it('reads the whole output in scripts and tests, whose consoles do not page', () => {
    const { con } = enabled(false);
    const r = con.input('show running-config');
    expect(r.more).toBeUndefined();
    expect(r.output).toContain('\nend\n');
    expect(r.prompt).toBe('R1#');
  });

  it('brings the rest with Space, then the prompt', () => {
    const { con } = enabled();
    const whole = enabled(false).con.input('show running-config').output;
    let shown = con.input('show running-config').output;
    let r = con.more(' ');
    shown += r.output;
    while (r.more) {
      r = con.more(' ');
      shown += r.output;
    }
    expect(r.prompt).toBe('R1#');
    expect(shown.split(MORE_ERASE).join('').split(MORE).join('')).toBe(whole);
  });

  it('drops the rest on q and takes the key, which is not typed at the prompt', () => {
    const { con } = enabled();
    con.input('show running-config');
    expect(con.more('q')).toEqual({ output: MORE_ERASE, prompt: 'R1#' });
    expect(con.paging()).toBe(false);
    expect(con.input('show clock').output).toMatch(/^\*\d/);
  });

  it('reads a line pasted at --More-- key by key: its first letter ends the output', () => {
    const { con } = enabled();
    con.input('show running-config');
    const r = con.input('show version');
    // The "s" went to --More--; "how version" is read at the prompt, as on IOS.
    expect(r.output).toBe(MORE_ERASE + enabled(false).con.input('how version').output);
    expect(r.output).toContain("% Invalid input detected at '^' marker.");
    expect(r.prompt).toBe('R1#');
  });

  it('pages help, then gives the line back as `?` left it', () => {
    const { con } = enabled();
    con.input('terminal length 5');
    const r = con.input('show ?');
    expect(r.more).toBe(true);
    expect(r.pending).toBeUndefined();
    expect(lines(r.output)).toHaveLength(5);
    const end = con.more('\x03');
    expect(end).toEqual({ output: MORE_ERASE, prompt: 'R1#', pending: 'show ' });
  });

  it('takes its screen from `terminal length`, then from line con 0, 24 by default', () => {
    const { con } = enabled();
    con.input('terminal length 0');
    expect(con.input('show running-config').more).toBeUndefined();
    con.input('terminal no length');
    expect(con.input('show running-config').more).toBe(true);
    con.more('q');
    con.input('configure terminal');
    con.input('line console 0');
    con.input('length 0');
    con.input('end');
    const r = con.input('show running-config');
    expect(r.more).toBeUndefined();
    expect(r.output).toMatch(/line con 0\n(?: .*\n)* length 0\n/);
    con.input('terminal length 10');
    expect(lines(con.input('show running-config').output)).toHaveLength(11);
    con.more('q');
    // The session's length ends with it.
    con.input('exit');
    con.input('');
    con.input('enable');
    expect(con.input('show running-config').more).toBeUndefined();
  });

  it('holds messages while the output waits, and prints them once it is done', () => {
    const { lab, con } = enabled();
    con.input('configure terminal');
    con.input('interface g0/0');
    con.input('no shutdown');
    expect(con.input('do show running-config').more).toBe(true);
    lab.settle(seconds(5));
    expect(con.drainLog()).toBe('');
    con.more('q');
    expect(con.drainLog()).toContain('%LINK-3-UPDOWN: Interface GigabitEthernet0/0, changed state to up');
  });

  it('counts a key at --More-- as activity, which exec-timeout runs from', () => {
    const { lab, con } = enabled();
    con.input('configure terminal');
    con.input('line console 0');
    con.input('exec-timeout 1 0');
    con.input('end');
    con.input('show running-config');
    lab.settle(seconds(50));
    con.more(' ');
    lab.settle(seconds(50));
    con.more('q');
    lab.settle(seconds(5));
    expect(con.drainLog()).not.toContain('is now available');
    expect(con.input('show privilege').output).toBe('Current privilege level is 15\n');
  });

  it('leaves short output and a PC’s long output alone', () => {
    const { lab, con } = enabled();
    expect(con.input('show clock').prompt).toBe('R1#');
    const pc = lab.console('PC1');
    expect(pc.input('ping /?').more).toBeUndefined();
  });
});
