/**
 * `traceroute` alone in privileged EXEC: IOS's extended traceroute dialogue, each question with
 * its default in brackets (Enter takes it).
 *
 *   Protocol [ip]:                      Target IP address:
 *   Source address:                     Numeric display [n]:
 *   Timeout in seconds [3]:             Probe count [3]:
 *   Minimum Time to Live [1]:           Maximum Time to Live [30]:
 *   Port Number [33434]:                Loose, Strict, Record, Timestamp, Verbose[none]:
 *
 * The prompts and the refusal of a bad target are IOS's (its traceroute code); the source
 * takes an address or an interface's full name, as extended ping's does. IP options are asked
 * and checked, and a trace that asks for them says that it leaves without them.
 */

import { type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import type { IosEnv } from './env.ts';
import { IP_OPTIONS_PROMPT, ipOptionOf, noSuchOption } from './ip-options.ts';
import { DEFAULT_TRACEROUTE, type IosTracerouteOptions, iosTraceroute } from './ping.ts';
import { type Next, numberQuestion, sourceQuestion, yesNoQuestion } from './questions.ts';

/** `traceroute`: the dialogue from its first question. */
export function extendedTraceroute(env: IosEnv): void {
  env.ask({
    prompt: 'Protocol [ip]: ',
    answer(e, text) {
      const p = text.trim();
      if (p !== '' && p.toLowerCase() !== 'ip')
        e.print(`% Unknown protocol - "${p}", type "trace ?" for help`);
      else extendedIpTraceroute(e);
    },
  });
}

/** `traceroute ip`: the protocol is known, the dialogue starts at the target. */
export function extendedIpTraceroute(env: IosEnv): void {
  const o: { -readonly [K in keyof IosTracerouteOptions]: IosTracerouteOptions[K] } = {
    ...DEFAULT_TRACEROUTE,
  };
  let target = 0 as Ipv4Addr;

  const run = (e: IosEnv, withoutOptions: boolean) => {
    if (withoutOptions)
      e.print('% Trame does not simulate IP options yet: the probes are sent without them.');
    iosTraceroute(e, target, o);
  };
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
        run(e2, option !== 'none');
      },
    });
  const port: Next = (e) =>
    e.ask(numberQuestion(`Port Number [${o.port}]: `, 0, 65535, (n) => (o.port = n), options));
  const maxTtl: Next = (e) =>
    e.ask(numberQuestion(`Maximum Time to Live [${o.maxTtl}]: `, o.minTtl, 255, (n) => (o.maxTtl = n), port));
  const minTtl: Next = (e) =>
    e.ask(
      numberQuestion(
        `Minimum Time to Live [${o.minTtl}]: `,
        0,
        255,
        (n) => {
          o.minTtl = n;
          o.maxTtl = Math.max(o.maxTtl, n);
        },
        maxTtl,
      ),
    );
  const probes: Next = (e) =>
    e.ask(numberQuestion(`Probe count [${o.probes}]: `, 1, 65535, (n) => (o.probes = n), minTtl));
  const timeout: Next = (e) =>
    e.ask(
      numberQuestion(
        `Timeout in seconds [${o.timeoutSeconds}]: `,
        0,
        3600,
        (n) => (o.timeoutSeconds = n),
        probes,
      ),
    );
  // Without a name server every hop prints as an address: the answer changes nothing.
  const numeric: Next = (e) => e.ask(yesNoQuestion('Numeric display [n]: ', () => {}, timeout));
  const source: Next = (e) => e.ask(sourceQuestion('Source address: ', (a) => (o.source = a), numeric));
  env.ask({
    prompt: 'Target IP address: ',
    answer(e, t) {
      const addr = parseIpv4(t.trim());
      if (addr === undefined) {
        e.print('% Bad IP address or host name');
        return;
      }
      target = addr;
      source(e);
    },
  });
}
