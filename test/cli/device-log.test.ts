/**
 * The logging process: its buffer is a ring of bytes that cuts the oldest message where it
 * wrapped (ntc-templates' captures of `show logging` begin mid-line once full), and `no logging
 * on` leaves the console alone.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from './lab.ts';

function router(): { lab: Lab; type: (...lines: string[]) => string } {
  const lab = new Lab().add('R1', 'router');
  const r1 = lab.console('R1');
  const type = (...lines: string[]) =>
    lines
      .map((l) => {
        const out = r1.input(l).output;
        lab.settle();
        return out + r1.drainLog();
      })
      .join('');
  type('enable');
  return { lab, type };
}

/** What `show logging` lists after "Log Buffer (N bytes):". */
function bufferOf(show: string): string {
  const at = show.indexOf('bytes):\n');
  expect(at).toBeGreaterThan(0);
  return show.slice(at + 'bytes):\n'.length);
}

describe('the logging buffer', () => {
  it('keeps the last N bytes once full, the oldest message cut where the ring wrapped', () => {
    const { type } = router();
    type('configure terminal', 'logging buffered 4096');
    for (let n = 0; n < 40; n++) type(`interface loopback ${n}`, 'exit');
    type('end');
    const buffer = bufferOf(type('show logging'));
    expect(buffer.length).toBe(4096);
    const lines = buffer.split('\n');
    expect(lines[0]).not.toMatch(/^\*Mar/);
    expect(lines.at(-2)).toMatch(/%SYS-5-CONFIG_I: Configured from console by console$/);
    expect(lines.at(-3)).toMatch(
      /%LINEPROTO-5-UPDOWN: Line protocol on Interface Loopback39, changed state to up$/,
    );
  });

  it('starts empty, with the blank line IOS prints, after clear logging and after a new size', () => {
    const { type } = router();
    type('configure terminal', 'interface loopback 1', 'end');
    expect(bufferOf(type('show logging'))).toMatch(/^\n\*Mar {2}1 .*Loopback1, changed state to up\n/);
    type('clear logging', '');
    expect(bufferOf(type('show logging'))).toBe('\n');
    type('configure terminal', 'interface loopback 2', 'logging buffered 10000');
    expect(bufferOf(type('do show logging'))).toBe('\n');
  });

  it('takes nothing under no logging on, while the console still prints', () => {
    const { type } = router();
    const printed = type('configure terminal', 'no logging on', 'interface loopback 1', 'end');
    expect(printed).toContain(
      '%LINEPROTO-5-UPDOWN: Line protocol on Interface Loopback1, changed state to up',
    );
    const show = type('show logging');
    expect(show).toMatch(/^Syslog logging: disabled /);
    expect(show).toContain('Buffer logging:  level debugging, 0 messages logged');
    expect(type('show running-config | include logging')).toContain('no logging on');
  });
});
