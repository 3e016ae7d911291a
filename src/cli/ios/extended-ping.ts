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
 *   Sweep range of sizes [n]: y         Sweep min size [36]:
 *   Sweep max size [18024]:             Sweep interval [1]:
 *
 * The source is what CCNA labs use it for (a ping from a router's LAN address tests the
 * return route); it takes an address or an interface's full name, as IOS does. The DF bit
 * is set as asked. Type of service, reply validation, data patterns, IP options and size
 * sweeps are asked and their answers checked (the refusal of a bad pattern is Trame's own
 * wording; of a bad option and a bad target, IOS's), and a ping that asks for any of them
 * says that it leaves without them.
 */
import { type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import type { IosEnv } from './env.ts';
import { IP_OPTIONS_PROMPT, ipOptionOf, noSuchOption } from './ip-options.ts';
import { DEFAULT_PING, type IosPingOptions, iosPing } from './ping.ts';
import { type Next, numberQuestion, sourceQuestion, yesNoQuestion } from './questions.ts';

/**
 * The dialogue's target: an address, or a name IOS tries to look up (nothing answers here); an
 * empty or unknown one is refused with "% Bad IP address" (IOS's ping code).
 */
function dialogueTarget(env: IosEnv, text: string): Ipv4Addr | undefined {
  const addr = parseIpv4(text);
  if (addr !== undefined) return addr;
  if (text !== '' && env.config().domainLookup)
    env.print(`Translating "${text}"...domain server (255.255.255.255)`);
  env.print('% Bad IP address');
  return undefined;
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
  // A sweep asks its sizes (IOS's ping code and captures), so that answers to them are not
  // taken for commands, though the echoes leave at one size.
  const sweepSizes: Next = (e) => {
    let min = 36;
    e.ask(
      numberQuestion(
        'Sweep min size [36]: ',
        36,
        18024,
        (n) => (min = n),
        (e2) =>
          e2.ask(
            numberQuestion(
              `Sweep max size [18024]: `,
              min,
              18024,
              () => {},
              (e3) => e3.ask(numberQuestion('Sweep interval [1]: ', 1, 18024, () => {}, finish)),
            ),
          ),
      ),
    );
  };
  const sweep: Next = (e) =>
    e.ask(
      yesNoQuestion(
        'Sweep range of sizes [n]: ',
        (yes) => yes && unsimulated.add('size sweeps'),
        (e2) => (unsimulated.has('size sweeps') ? sweepSizes(e2) : finish(e2)),
      ),
    );
  const options: Next = (e) =>
    e.ask({
      prompt: IP_OPTIONS_PROMPT,
      answer(e2, text) {
        const option = ipOptionOf(text);
        if (option === undefined) {
          e2.print(noSuchOption(text));
          options(e2);
          return;
        }
        if (option !== 'none') unsimulated.add(option === 'verbose' ? 'verbose output' : 'IP options');
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
  const df: Next = (e) =>
    e.ask(yesNoQuestion('Set DF bit in IP header? [no]: ', (yes) => (o.dontFragment = yes), validate));
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
    e.ask(sourceQuestion('Source address or interface: ', (a) => (o.source = a), tos));
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
          target = dialogueTarget(e2, t.trim());
          if (target !== undefined) repeatQ(e2);
        },
      });
    },
  });
}
