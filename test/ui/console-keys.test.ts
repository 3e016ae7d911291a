/**
 * A device console's keys against a real Session, read back as the text the terminal was
 * given: what a student sees when typing at R1.
 */
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/session/session.ts';
import type { DeviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ConsoleKeys, type ConsoleSession } from '../../src/ui/details/console-keys.ts';
import { setLanguage } from '../../src/ui/i18n/i18n.ts';

const NETWORK = JSON.stringify({
  version: 1,
  devices: [
    { name: 'R1', kind: 'router', at: [0, 0] },
    { name: 'PC1', kind: 'pc', at: [0, 100], ip: '192.168.1.10/24' },
  ],
  links: [['R1:GigabitEthernet0/0', 'PC1:FastEthernet0']],
});

const UP = '\x1b[A';
const DOWN = '\x1b[B';

async function console1(
  device = 'R1',
  streaming = false,
  paging = false,
): Promise<{ session: Session; keys: ConsoleKeys; mark: () => () => string; written: () => string }> {
  const session = new Session({ streaming, paging });
  expect(session.load(NETWORK).ok).toBe(true);
  let written = '';
  const keys = new ConsoleKeys(
    session,
    session.findDevice(device)!,
    !device.startsWith('PC'),
    (text) => {
      written += text;
    },
    () => {},
    (e) => {
      throw e;
    },
  );
  await keys.open();
  return {
    session,
    keys,
    /** What is written from now on. */
    mark: () => {
      const from = written.length;
      return () => written.slice(from);
    },
    written: () => written,
  };
}

const type = async (keys: ConsoleKeys, ...lines: string[]): Promise<void> => {
  for (const line of lines) await keys.input(`${line}\r`);
};

/** The last line as the terminal shows it after the final redraw. */
const lastRedraw = (text: string): string => text.slice(text.lastIndexOf('\r\x1b[K') + 4);

/** The loaded session's console calls, with `changes` in place of some, as a flaky link to the worker. */
function through(session: Session, changes: Partial<ConsoleSession>): ConsoleSession {
  const calls = ['ctrlZ', 'history', 'complete', 'prompt', 'greeting', 'exec', 'consoleLog'] as const;
  return {
    ...Object.fromEntries(calls.map((m) => [m, session[m].bind(session)])),
    ...changes,
  } as ConsoleSession;
}

/** Keys on `device` over `calls`, recording what they write and the failures they report. */
function recorded(calls: ConsoleSession, device: DeviceId) {
  const out = { written: '', failures: [] as unknown[] };
  const keys = new ConsoleKeys(
    calls,
    device,
    true,
    (text) => {
      out.written += text;
    },
    () => {},
    (e) => out.failures.push(e),
  );
  return { keys, out };
}

describe('a device console', () => {
  it('does not echo what is typed at a password prompt', async () => {
    const { keys, mark } = await console1();
    await type(keys, 'enable', 'configure terminal', 'enable secret class', 'end', 'disable', 'enable');
    const since = mark();
    for (const ch of 'class') await keys.input(ch);
    expect(since()).not.toContain('c');
    await keys.input('\r');
    expect(since()).not.toContain('class');
    expect(since()).toMatch(/R1#$/);
    // The password is not history either.
    await keys.input(UP);
    expect(lastRedraw(since())).toBe('R1#enable');
  });

  it('after ? prints the help, then the line again without the ?', async () => {
    const { keys, mark } = await console1();
    await type(keys, 'enable');
    const since = mark();
    await keys.input('sh?');
    expect(since()).toContain('sh?\r\nshow\r\n');
    expect(lastRedraw(since())).toBe('R1#sh');
    await keys.input('ow ?');
    expect(since()).toContain('running-config');
    expect(lastRedraw(since())).toBe('R1#show ');
  });

  it('walks the history of the current mode with up and down', async () => {
    const { keys, mark } = await console1();
    await type(keys, 'enable', 'show version', 'configure terminal', 'hostname Edge', 'interface g0/0');
    const since = mark();
    await keys.input(UP);
    expect(lastRedraw(since())).toBe('Edge(config-if)#interface g0/0');
    await keys.input(UP);
    expect(lastRedraw(since())).toBe('Edge(config-if)#hostname Edge');
    await keys.input(DOWN);
    await keys.input(DOWN);
    expect(lastRedraw(since())).toBe('Edge(config-if)#');
    await type(keys, 'end');
    await keys.input(UP);
    expect(lastRedraw(since())).toBe('Edge#configure terminal');
    await keys.input(UP);
    expect(lastRedraw(since())).toBe('Edge#show version');
  });

  it('prints what the device logs after the line, then the prompt again', async () => {
    const { session, keys, mark } = await console1();
    await type(keys, 'enable', 'configure terminal', 'interface g0/0');
    const since = mark();
    await type(keys, 'no shutdown');
    const text = since();
    expect(text).toMatch(
      /R1\(config-if\)#\r\n.*%LINK-\d-\w+: Interface GigabitEthernet0\/0, changed state to up\r\n/,
    );
    expect(lastRedraw(text)).toBe('R1(config-if)#');
    // IOS reports the line protocol a second after the link.
    const later = mark();
    session.advance(seconds(1));
    await keys.pollLog();
    expect(later()).toContain('%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0');
    expect(lastRedraw(later())).toBe('R1(config-if)#');
  });

  it('runs the line on Ctrl+Z and returns to privileged EXEC', async () => {
    const { keys, mark } = await console1();
    await type(keys, 'enable', 'configure terminal', 'interface g0/0');
    const since = mark();
    await keys.input('description uplink');
    await keys.input('\x1a');
    const text = since();
    expect(text).toContain('R1(config-if)#description uplink^Z\r\n');
    expect(text).toContain('%SYS-5-CONFIG_I: Configured from console by console');
    expect(lastRedraw(text)).toBe('R1#');
    const shown = mark();
    await type(keys, 'show running-config');
    expect(shown()).toContain(' description uplink');
  });

  it('shows a message logged while a line is being typed, then the prompt and that line', async () => {
    const { session, keys, mark } = await console1();
    await type(keys, 'enable', 'configure terminal', 'interface g0/0', 'no shutdown');
    await keys.input('descr');
    const quiet = mark();
    await keys.pollLog();
    expect(quiet()).toBe('');
    // The cable is pulled out while the student types.
    session.dispatch({ type: 'disconnect', id: session.document().linkOrder[0]! });
    const since = mark();
    await keys.pollLog();
    expect(since()).toMatch(
      /^\r\n.*%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0\/0, changed state to down\r\n/,
    );
    expect(lastRedraw(since())).toBe('R1(config-if)#descr');
  });

  it('says in the user language that a line could not run, reports it, and goes on', async () => {
    const session = new Session();
    expect(session.load(NETWORK).ok).toBe(true);
    const R1 = session.findDevice('R1')!;
    let broken = true;
    const flaky = through(session, {
      exec: (device, line) => {
        if (broken) throw new Error('TypeError: cannot read properties of undefined');
        return session.exec(device, line);
      },
    });
    const { keys, out } = recorded(flaky, R1);
    await setLanguage('fr');
    try {
      await keys.open();
      await type(keys, 'enable');
      expect(out.written).toContain('\r\nLe simulateur n’a pas pu exécuter cette ligne.\r\n');
      expect(out.written).not.toContain('TypeError');
      expect(lastRedraw(out.written)).toBe('R1>');
      expect(out.failures).toHaveLength(1);
      broken = false;
      await type(keys, 'enable');
      expect(out.written).toMatch(/R1>enable\r\nR1#$/);
    } finally {
      await setLanguage('en');
    }
  });

  it('drops what is queued or in flight once its device is gone, without reporting it', async () => {
    const session = new Session();
    expect(session.load(NETWORK).ok).toBe(true);
    const R1 = session.findDevice('R1')!;
    let reject: (e: Error) => void = () => {};
    let logs = 0;
    const slow = through(session, {
      consoleLog: () => {
        logs++;
        // The answer comes back after the device was deleted: the session no longer knows it.
        return new Promise<string>((_, no) => {
          reject = no;
        });
      },
    });
    const { keys, out } = recorded(slow, R1);
    const polled = keys.pollLog();
    // The poll has asked the simulator, and waits for its answer.
    await vi.waitFor(() => expect(logs).toBe(1));
    keys.close();
    reject(new Error(`no device with id ${R1}`));
    await polled;
    // Nothing more is asked about the device.
    await keys.pollLog();
    await keys.input('show version\r');
    expect(logs).toBe(1);
    expect(out.failures).toEqual([]);
    expect(out.written).toBe('');
  });

  it("clears the terminal when a PC's cls asks for it", async () => {
    const { keys, written } = await console1('PC1');
    await keys.input('ipconfig\r');
    await keys.input('cls\r');
    // After the erase, only the prompt: the ipconfig output is gone from screen and scrollback.
    const all = written();
    expect(all.slice(all.lastIndexOf('\x1b[H\x1b[2J\x1b[3J'))).toBe('\x1b[H\x1b[2J\x1b[3JC:\\>');
  });

  describe('while a ping runs (the app streams its output)', () => {
    it('prints each reply as the clock runs, and Ctrl+C stops ping -t with its statistics', async () => {
      const { session, keys, mark } = await console1('PC1', true);
      await keys.input('ping -t 127.0.0.1');
      const since = mark();
      await keys.input('\r');
      // Started: the header, no prompt.
      expect(since()).toBe('\r\n\r\nPinging 127.0.0.1 with 32 bytes of data:\r\n');
      const replies = () => since().split('Reply from 127.0.0.1: bytes=32 time<1ms TTL=128').length - 1;
      session.advance(seconds(2.5));
      await keys.pollLog();
      expect(replies()).toBe(3);
      expect(since()).not.toContain('C:\\>');
      // Other keys wait, unread and unshown, while it runs.
      await keys.input('hostn');
      expect(since()).not.toContain('hostn');
      const before = mark();
      await keys.input('\x03');
      expect(before()).toBe(
        '\r\nPing statistics for 127.0.0.1:\r\n' +
          '    Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),\r\n' +
          'Approximate round trip times in milli-seconds:\r\n' +
          '    Minimum = 0ms, Maximum = 0ms, Average = 0ms\r\n' +
          'Control-C\r\n^C\r\n\r\x1b[KC:\\>' +
          // Then what was typed ahead is read, at the prompt.
          '\r\x1b[KC:\\>h\r\x1b[KC:\\>ho\r\x1b[KC:\\>hos\r\x1b[KC:\\>host\r\x1b[KC:\\>hostn',
      );
      // The console reads lines again, after the line typed ahead.
      await keys.input('ame\r');
      expect(since()).toMatch(/hostname\r\nPC1\r\n\r\nC:\\>$/);
    });

    it('gives the prompt back by itself when the ping ends', async () => {
      const { session, keys, mark } = await console1('PC1', true);
      const since = mark();
      await keys.input('ping -n 2 127.0.0.1\r');
      session.advance(seconds(3));
      await keys.pollLog();
      expect(since()).toContain('Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),');
      expect(lastRedraw(since())).toBe('C:\\>');
    });

    it('runs a pasted text in order: the lines after a ping once it ends, then what was typed ahead', async () => {
      const { session, keys, mark } = await console1('PC1', true);
      const since = mark();
      await keys.input('hostname\r\nping -n 2 127.0.0.1\r\nipconfig\r\nhostn');
      // Up to the ping: the rest of the paste waits.
      expect(since()).toContain('Pinging 127.0.0.1 with 32 bytes of data:');
      expect(since()).not.toContain('Windows IP Configuration');
      await keys.input('ame\r');
      await keys.input('ping -n 1 127.0.0.1\r');
      await keys.input('hostname\r');
      session.advance(seconds(3));
      await keys.pollLog();
      const out = since();
      const at = (s: string, from = 0) => out.indexOf(s, from);
      const first = at('Packets: Sent = 2');
      const config = at('Windows IP Configuration', first);
      const named = at('C:\\>hostname\r\nPC1', config);
      const second = at('Pinging 127.0.0.1', named);
      expect(first).toBeGreaterThan(0);
      // The paste's lines, its unfinished line ended by what was typed after it, then the next
      // line typed ahead: a ping, which the last line waits for in turn.
      expect(config).toBeGreaterThan(first);
      expect(named).toBeGreaterThan(config);
      expect(second).toBeGreaterThan(named);
      expect(at('C:\\>hostname', second)).toBe(-1);
      session.advance(seconds(2));
      await keys.pollLog();
      expect(since().slice(second)).toMatch(
        /Packets: Sent = 1, Received = 1[\s\S]*C:\\>hostname\r\nPC1\r\n\r\nC:\\>$/,
      );
    });

    it('stops an IOS ping on Ctrl+Shift+6, not on Ctrl+C, and counts what it sent', async () => {
      const { session, keys, mark } = await console1('R1', true);
      const since = mark();
      await type(keys, 'enable');
      await keys.input('ping 192.168.1.10\r');
      session.advance(seconds(4.5));
      await keys.pollLog();
      // Two probes timed out (2 s each), marks on a line not yet ended.
      expect(since()).toMatch(/timeout is 2 seconds:\r\n\.\.$/);
      await keys.input('\x03');
      expect(since()).toMatch(/\.\.$/);
      await keys.input('\x1e');
      expect(since().endsWith('..\r\nSuccess rate is 0 percent (0/2)\r\n\r\x1b[KR1#')).toBe(true);
    });
  });

  describe('at --More--', () => {
    const MORE = ' --More-- ';
    const ERASE = '\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b';

    it('stops long output with no prompt, brings more on Space and Return, and stops on q', async () => {
      const { keys, mark } = await console1('R1', false, true);
      await type(keys, 'enable');
      const since = mark();
      await type(keys, 'show running-config');
      expect(since().endsWith(`\r\n${MORE}`)).toBe(true);
      const page = mark();
      await keys.input(' ');
      expect(page().startsWith(ERASE)).toBe(true);
      expect(page().endsWith(MORE)).toBe(true);
      const line = mark();
      await keys.input('\r');
      expect(line().split('\r\n')).toHaveLength(2);
      const quit = mark();
      await keys.input('q');
      // Erased, then the prompt on that row: the q is not typed.
      expect(quit()).toBe(`${ERASE}\r\x1b[KR1#`);
    });

    it('meets a pasted text first: its first letter ends the output and the rest is typed', async () => {
      const { keys, mark } = await console1('R1', false, true);
      await type(keys, 'enable');
      const since = mark();
      await keys.input('show running-config\rshow clock\r');
      expect(since()).toContain(`${MORE}${ERASE}\r\x1b[KR1#`);
      expect(since()).toContain('R1#how clock\r\n');
      expect(since()).toContain("% Invalid input detected at '^' marker.");
      expect(since().endsWith('\r\nR1#')).toBe(true);
    });

    it('gives back the line `?` left once its help is shown', async () => {
      const { keys, mark } = await console1('R1', false, true);
      await type(keys, 'enable', 'terminal length 5');
      const since = mark();
      await keys.input('show ?');
      expect(since().endsWith(MORE)).toBe(true);
      await keys.input('\x1b[A');
      expect(lastRedraw(since())).toBe('R1#show ');
    });

    it('prints whole what a console without paging is given', async () => {
      const { keys, mark } = await console1('R1');
      await type(keys, 'enable');
      const since = mark();
      await type(keys, 'show running-config');
      expect(since()).not.toContain(MORE);
      expect(since().endsWith('end\r\n\r\nR1#')).toBe(true);
    });
  });
});
