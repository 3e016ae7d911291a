/**
 * `ping` alone in privileged EXEC: IOS's extended ping dialogue, each question with its
 * default in brackets (Enter takes it).
 *
 *   Protocol [ip]:                      Target IP address:
 *   Repeat count [5]:                   Datagram size [100]:
 *   Timeout in seconds [2]:             Extended commands [n]: y
 *   Source address or interface:        Type of service [0]:
 *   Set DF bit in IP header? [no]:      Validate reply data? [no]:
 *   Data pattern [0xABCD]:              Loose, Strict, Record, Timestamp, Verbose[none]:
 *   Sweep range of sizes [n]:
 *
 * The source is what CCNA labs use it for (a ping from a router's LAN address tests the
 * return route); it takes an address or an interface's full name, as IOS does. Type of
 * service, the DF bit, reply validation, data patterns, IP options and size sweeps are asked
 * and their answers checked (the refusals of a bad pattern or option are Trame's own
 * wording), and a ping that asks for any of them says that it leaves without them.
 */
import { type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import { formatInterfaceName, parseInterfaceName } from '../../shared/ports.ts';
import type { IosEnv, Question } from './env.ts';
import { DEFAULT_PING, type IosPingOptions, iosPing, resolveSource, resolveTarget } from './ping.ts';

type Next = (env: IosEnv) => void;

/** A question whose answer, when not empty, must be a whole number in [lo, hi]. */
function numberQuestion(
  prompt: string,
  lo: number,
  hi: number,
  set: (n: number) => void,
  next: Next,
): Question {
  return {
    prompt,
    answer(env, text) {
      const t = text.trim();
      if (t !== '') {
        const n = Number(t);
        if (!/^\d+$/.test(t) || n < lo || n > hi) {
          env.print(`% A decimal number between ${lo} and ${hi}.`);
          env.ask(numberQuestion(prompt, lo, hi, set, next));
          return;
        }
        set(n);
      }
      next(env);
    },
  };
}

/** A yes-or-no question; `set` gets the answer when one was typed. */
function yesNoQuestion(prompt: string, set: (yes: boolean) => void, next: Next): Question {
  return {
    prompt,
    answer(env, text) {
      const t = text.trim().toLowerCase();
      if (t !== '') {
        if ('yes'.startsWith(t)) set(true);
        else if ('no'.startsWith(t)) set(false);
        else {
          env.print("% Please answer 'yes' or 'no'.");
          env.ask(yesNoQuestion(prompt, set, next));
          return;
        }
      }
      next(env);
    },
  };
}

/** An interface named in full ("GigabitEthernet0/1", "Loopback0"), as the dialogue wants it. */
function fullInterfaceName(text: string): string | undefined {
  const n = parseInterfaceName(text);
  if (n === undefined) return undefined;
  const name = formatInterfaceName(n);
  return name.toLowerCase() === text.toLowerCase() ? name : undefined;
}

export function extendedPing(env: IosEnv): void {
  const o: { -readonly [K in keyof IosPingOptions]: IosPingOptions[K] } = { ...DEFAULT_PING };
  let target: Ipv4Addr | undefined;
  /** What was asked for that the echoes leave without. */
  const unsimulated = new Set<string>();

  const finish: Next = (e) => {
    if (unsimulated.size > 0) {
      const names = [...unsimulated];
      const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
      e.print(`% Trame does not simulate ${list} yet: the echoes are sent without them.`);
    }
    iosPing(e, target!, o);
  };
  /** A yes-or-no question about a feature the echoes leave without. */
  const feature =
    (prompt: string, name: string, next: Next): Next =>
    (e) =>
      e.ask(yesNoQuestion(prompt, (yes) => yes && unsimulated.add(name), next));
  const sweep = feature('Sweep range of sizes [n]: ', 'size sweeps', finish);
  const options: Next = (e) =>
    e.ask({
      prompt: 'Loose, Strict, Record, Timestamp, Verbose[none]: ',
      answer(e2, text) {
        const t = text.trim().toLowerCase();
        if (t !== '' && t !== 'none') {
          if (!/^[lsrtv]/.test(t)) {
            e2.print('% Invalid option');
            options(e2);
            return;
          }
          unsimulated.add(t.startsWith('v') ? 'verbose output' : 'IP options');
        }
        sweep(e2);
      },
    });
  const pattern: Next = (e) =>
    e.ask({
      prompt: 'Data pattern [0xABCD]: ',
      answer(e2, text) {
        const t = text.trim();
        if (t !== '') {
          const hex = /^(0x)?([0-9a-f]{1,4})$/i.exec(t);
          if (hex === null) {
            e2.print('% A hexadecimal number between 0x0 and 0xFFFF.');
            pattern(e2);
            return;
          }
          if (Number.parseInt(hex[2]!, 16) !== 0xabcd) unsimulated.add('data patterns');
        }
        options(e2);
      },
    });
  const validate = feature('Validate reply data? [no]: ', 'reply validation', pattern);
  const df = feature('Set DF bit in IP header? [no]: ', 'the DF bit', validate);
  const tos: Next = (e) =>
    e.ask(
      numberQuestion(
        'Type of service [0]: ',
        0,
        255,
        (n) => n !== 0 && unsimulated.add('type of service'),
        df,
      ),
    );
  const source: Next = (e) =>
    e.ask({
      prompt: 'Source address or interface: ',
      answer(e2, text) {
        const t = text.trim();
        if (t !== '') {
          const address = parseIpv4(t);
          const iface = address === undefined ? fullInterfaceName(t) : undefined;
          if (address === undefined && iface === undefined) {
            if (e2.config().domainLookup)
              e2.print(`Translating "${t}"...domain server (255.255.255.255)`, '');
            e2.print(
              '% Invalid source. Must use same-VRF IP address or full interface name without spaces (e.g. Serial0/1)',
            );
          } else {
            const found = resolveSource(e2, address !== undefined ? { address } : { iface: iface! });
            if (found !== undefined) o.source = found;
          }
        }
        tos(e2);
      },
    });
  const timeoutQ: Next = (e) =>
    e.ask(
      numberQuestion(
        'Timeout in seconds [2]: ',
        0,
        3600,
        (n) => (o.timeoutSeconds = n),
        (e2) => {
          let wanted = false;
          e2.ask(
            yesNoQuestion(
              'Extended commands [n]: ',
              (yes) => (wanted = yes),
              (e3) => (wanted ? source(e3) : sweep(e3)),
            ),
          );
        },
      ),
    );
  const sizeQ: Next = (e) =>
    e.ask(numberQuestion('Datagram size [100]: ', 36, 18024, (n) => (o.size = n), timeoutQ));
  const repeatQ: Next = (e) =>
    e.ask(numberQuestion('Repeat count [5]: ', 1, 2147483647, (n) => (o.count = n), sizeQ));
  env.ask({
    prompt: 'Protocol [ip]: ',
    answer(e, text) {
      if (text.trim() !== '' && text.trim().toLowerCase() !== 'ip') {
        e.print(`% Unknown protocol - "${text.trim()}", type "ping ?" for help`);
        return;
      }
      e.ask({
        prompt: 'Target IP address: ',
        answer(e2, t) {
          target = resolveTarget(e2, t.trim());
          if (target !== undefined) repeatQ(e2);
        },
      });
    },
  });
}
