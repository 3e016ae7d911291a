/**
 * `clock set hh:mm:ss day month year` (or `month day year`) in privileged EXEC: sets the
 * virtual time-of-day clock and logs %SYS-6-CLOCKUPDATE as IOS does.
 */
import { range } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { byWhom } from './common.ts';
import { arg, type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

const TIME: IosArgType = {
  help: (h) => [{ word: 'hh:mm:ss', help: h }],
  match: (t, i): MatchResult => {
    const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(t[i]!.text);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return { kind: 'none' };
    return { kind: 'match', consumed: 1, value: [Number(m[1]), Number(m[2]), Number(m[3])] };
  },
};

/** A month by any unique beginning of its English name ("Jan", "january", "mar"). */
const MONTH: IosArgType = {
  help: (h) => [{ word: 'MONTH', help: h }],
  match: (t, i): MatchResult => {
    const w = t[i]!.text.toLowerCase();
    const full = [
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
    ];
    const found = full.flatMap((name, k) => (w.length >= 3 && name.startsWith(w) ? [k] : []));
    return found.length === 1 ? { kind: 'match', consumed: 1, value: found[0] } : { kind: 'none' };
  },
};

function setClock(env: IosEnv, a: Args): void {
  const [h, m, s] = a.need<[number, number, number]>('time');
  const rt = env.runtime!;
  const before = rt.clock.configStamp(rt.now());
  env.device!.sim.setClock(
    env.device!.id,
    Date.UTC(a.need<number>('year'), a.need<number>('month'), a.need<number>('day'), h, m, s),
  );
  const after = rt.clock.configStamp(rt.now());
  env.log(
    `%SYS-6-CLOCKUPDATE: System clock has been updated from ${before} to ${after}, configured from console by ${byWhom(env)}.`,
  );
}

export function clockNode(): IosNode {
  const year = () => arg('year', range(1993, 2035), 'Year', run(setClock));
  return kw(
    'clock',
    'Manage the system clock',
    kw(
      'set',
      'Set the time and date',
      arg(
        'time',
        TIME,
        'Current Time',
        arg('day', range(1, 31), 'Day of the month', arg('month', MONTH, 'Month of the year', year())),
        arg('month', MONTH, 'Month of the year', arg('day', range(1, 31), 'Day of the month', year())),
      ),
    ),
  );
}
