/**
 * `clear counters [INTERFACE]`: after a confirmation, the interface counters that `show
 * interfaces` prints count from zero again, and its "Last clearing" line tells since when.
 * As on IOS 15, the console then logs %CLEAR-5-COUNTERS.
 */
import { byWhom, confirmed } from './common.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';

function clearCounters(env: IosEnv, name?: string): void {
  env.ask({
    prompt: `Clear "show interface" counters on ${name === undefined ? 'all interfaces' : 'this interface'} [confirm]`,
    answer(e, text) {
      if (!confirmed(text)) return;
      const dev = e.device!;
      if (!dev.sim.clearCounters(dev.id, name)) return;
      e.log(
        `%CLEAR-5-COUNTERS: Clear counter on ${name === undefined ? 'all interfaces' : `interface ${name}`} by ${byWhom(e)}`,
      );
    },
  });
}

export const clearCountersNode = (): IosNode =>
  kw(
    'counters',
    'Clear counters on one or all interfaces',
    run((env) => clearCounters(env)),
    arg(
      'interface',
      interfaceArg(),
      '',
      run((env, a) => clearCounters(env, a.need<string>('interface'))),
    ),
  );
