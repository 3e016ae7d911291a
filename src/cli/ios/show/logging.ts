/**
 * `show logging`: the logging process's settings and counters, then its buffer, laid out as
 * IOS 15 prints them (a 2901 on 15.2(1)T1 and Catalyst captures: the discriminator lines
 * followed by three and two blank lines, "File logging" on switches only, each syslog host
 * with its own count).
 */
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { DEBUGGING, INFORMATIONAL, levelOf } from '../device-log.ts';
import type { IosEnv } from '../env.ts';
import { levelName } from '../logging-commands.ts';

const FILTERING = '                     filtering disabled';

export function showLogging(env: IosEnv): string[] {
  const log = env.runtime!.log;
  const l = env.config().logging ?? {};
  const { counts } = log;
  const destination = (name: string, level: ReturnType<typeof levelOf>, n: number) =>
    level === false
      ? [`    ${name} logging: disabled`]
      : [`    ${name} logging: level ${levelName(level)}, ${n} messages logged, xml disabled,`, FILTERING];
  const buffered = l.buffered;
  return [
    `Syslog logging: ${l.off ? 'disabled' : 'enabled'} (0 messages dropped, 0 messages rate-limited, ` +
      '0 flushes, 0 overruns, xml disabled, filtering disabled)',
    '',
    'No Active Message Discriminator.',
    '',
    '',
    '',
    'No Inactive Message Discriminator.',
    '',
    '',
    ...destination('Console', levelOf(l.console, DEBUGGING), counts.console),
    ...destination('Monitor', levelOf(l.monitor, DEBUGGING), counts.monitor),
    ...(buffered === false
      ? ['    Buffer logging:  disabled, xml disabled,', '                    filtering disabled']
      : [
          `    Buffer logging:  level ${levelName(buffered?.level ?? DEBUGGING)}, ${counts.buffer} messages logged, xml disabled,`,
          '                    filtering disabled',
        ]),
    '    Exception Logging: size (4096 bytes)',
    '    Count and timestamp logging messages: disabled',
    ...(env.kind === 'switch' ? ['    File logging: disabled'] : []),
    '    Persistent logging: disabled',
    '',
    'No active filter modules.',
    '',
    `    Trap logging: level ${levelName(l.trap ?? INFORMATIONAL)}, ${counts.trap} message lines logged`,
    ...[...log.hosts].flatMap(([host, n]) => [
      `        Logging to ${formatIpv4(host)}  (udp port 514, audit disabled,`,
      '              link up),',
      `              ${n} message lines logged,`,
      '              0 message lines rate-limited,',
      '              0 message lines dropped-by-MD,',
      '              xml disabled, sequence number disabled',
      '              filtering disabled',
    ]),
    '        Logging Source-Interface:       VRF Name:',
    ...(buffered === false
      ? []
      : ['', `Log Buffer (${log.bufferSize()} bytes):`, ...log.buffer().split('\n').slice(0, -1)]),
  ];
}
