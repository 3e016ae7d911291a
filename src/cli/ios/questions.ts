/** The questions of IOS's dialogues (extended ping and traceroute): Enter takes the default. */
import { type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import { formatInterfaceName, parseInterfaceName } from '../../shared/ports.ts';
import type { IosEnv, Question } from './env.ts';
import { resolveSource } from './ping.ts';

export type Next = (env: IosEnv) => void;

/** A question whose answer, when not empty, must be a whole number in [lo, hi]. */
export function numberQuestion(
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
export function yesNoQuestion(prompt: string, set: (yes: boolean) => void, next: Next): Question {
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

/** A question for the source address or interface, which `set` gets when one is accepted. */
export const sourceQuestion = (prompt: string, set: (a: Ipv4Addr) => void, next: Next): Question => ({
  prompt,
  answer(env, text) {
    const found = sourceAnswer(env, text);
    if (found !== undefined) set(found);
    next(env);
  },
});

/**
 * The address a source question's answer stands for (an address or an interface's full name),
 * or undefined when it was left empty or refused (the refusal printed).
 */
function sourceAnswer(env: IosEnv, text: string): Ipv4Addr | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const address = parseIpv4(t);
  const iface = address === undefined ? fullInterfaceName(t) : undefined;
  if (address === undefined && iface === undefined) {
    if (env.config().domainLookup) env.print(`Translating "${t}"...domain server (255.255.255.255)`, '');
    env.print(
      '% Invalid source. Must use same-VRF IP address or full interface name without spaces (e.g. Serial0/1)',
    );
    return undefined;
  }
  return resolveSource(env, address !== undefined ? { address } : { iface: iface! });
}
